"""One table of settings, read once and passed in.

Precedence: explicit override (CLI flag) → `HUDNA_<NAME>` environment variable → `hudna.toml`
in the working directory → default. Nothing reads the environment after `load_settings`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from hudna.errors import SettingsError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS_TABLE: tuple[Setting, ...] = (
    Setting(
        "db", "hudna.db", "Store: a SQLite file path or a SQLAlchemy URL (postgresql+psycopg://…)."
    ),
    Setting("max_document_bytes", 10_000_000, "Largest input file or document accepted, in bytes."),
    Setting("fetch_timeout", 10.0, "Seconds before a URL fetch times out."),
    Setting("fetch_retries", 3, "Attempts per URL, with exponential backoff between them."),
    Setting("fetch_backoff", 0.5, "First backoff delay in seconds; doubles on each retry."),
    Setting(
        "near_duplicate_threshold",
        0.8,
        "Estimated Jaccard similarity above which two documents are linked as near-duplicates.",
    ),
    Setting("batch_size", 500, "Documents written per transaction during ingest and extraction."),
    Setting("api_rate_limit", 60, "Write requests per minute allowed per API key."),
    Setting(
        "agreements_dir", "", "Extra folder of agreement files, loaded besides the bundled ones."
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS_TABLE}


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "hudna.db"
    max_document_bytes: int = 10_000_000
    fetch_timeout: float = 10.0
    fetch_retries: int = 3
    fetch_backoff: float = 0.5
    near_duplicate_threshold: float = 0.8
    batch_size: int = 500
    api_rate_limit: int = 60
    agreements_dir: str = ""


def _coerce(name: str, raw: Any) -> Any:
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            return str(raw).lower() in {"1", "true", "yes", "on"}
        return type(default)(raw)
    except (TypeError, ValueError) as e:
        raise SettingsError(
            f"setting '{name}' = {raw!r} is not a {type(default).__name__}; "
            f"see `hudna settings` for the expected values"
        ) from e


def _from_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise SettingsError(f"{path} is not valid TOML: {e}; fix or remove it") from e
    table = data.get("hudna", data)
    unknown = set(table) - set(_BY_NAME)
    if unknown:
        raise SettingsError(
            f"{path}: unknown settings {sorted(unknown)}; known: {sorted(_BY_NAME)}"
        )
    return dict(table)


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    toml_path: Path | None = None,
) -> Settings:
    """Resolve every setting once, by precedence: override → env → hudna.toml → default."""
    env = os.environ if environ is None else environ
    from_file = _from_toml(toml_path or Path("hudna.toml"))
    values: dict[str, Any] = {}
    for f in fields(Settings):
        name = f.name
        if overrides and overrides.get(name) is not None:
            values[name] = _coerce(name, overrides[name])
        elif f"HUDNA_{name.upper()}" in env:
            values[name] = _coerce(name, env[f"HUDNA_{name.upper()}"])
        elif name in from_file:
            values[name] = _coerce(name, from_file[name])
    return Settings(**values)
