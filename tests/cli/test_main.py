"""The console script: a deliberate error ends with its message and exit 1, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_store_error_prints_message_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database")
    run = subprocess.run(
        [sys.executable, "-m", "hudna", "--db", str(bad), "docs", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "error:" in run.stderr and "not a database" in run.stderr
    assert "Traceback" not in run.stderr
