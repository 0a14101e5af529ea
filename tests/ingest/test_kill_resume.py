"""An ingest killed with SIGKILL mid-batch leaves a consistent store; running it again
completes it without duplicates."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from hudna.ingest import ingest_paths
from hudna.settings import Settings
from hudna.store.database import open_store
from hudna.store.schema import documents, ingest_batches

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "hudna" / "data" / "sample" / "sample.jsonl"
N = 2000


def _corpus(path: Path) -> None:
    """N distinct articles, each 25 sentences drawn from the bundled sample's real articles."""
    sentences = [
        s.strip()
        for line in SAMPLE.read_text(encoding="utf-8").splitlines()
        for s in json.loads(line)["text"].split(".")
        if len(s.split()) > 6
    ]
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as stream:
        for i in range(N):
            text = ". ".join(rng.sample(sentences, 25)) + "."
            stream.write(json.dumps({"doc_id": f"gen-{i}", "text": text, "language": "ar"}) + "\n")


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _kill_mid_batch(db: Path, corpus: Path) -> None:
    env = {**os.environ, "HUDNA_BATCH_SIZE": "100", "HUDNA_DB": str(db)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "hudna", "ingest", "-q", str(corpus)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while _count(db) < 200 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"


def test_sigkill_mid_batch_then_resume(tmp_path: Path) -> None:
    db, corpus = tmp_path / "store.db", tmp_path / "corpus.jsonl"
    _corpus(corpus)
    open_store(str(db), migrate=True).dispose()
    _kill_mid_batch(db, corpus)
    engine = open_store(str(db))
    with engine.connect() as conn:
        kept = conn.scalar(select(func.count()).select_from(documents))
        batch = conn.execute(select(ingest_batches)).one()
    assert 200 <= kept < N
    assert batch.finished_at is None and batch.added == kept  # counters committed with the rows
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        raw.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    report = ingest_paths(engine, [str(corpus)], Settings(db=str(db)))
    assert (report.added, report.duplicates, report.rejected) == (N - kept, kept, 0)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(documents)) == N
        assert conn.scalar(select(func.count(func.distinct(documents.c.doc_id)))) == N
