"""From the command line's PATH_OR_URL arguments to a stream of items: directories are walked
(recursively, sorted, hidden files skipped), files are read by kind, URLs are fetched."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import httpx

from hudna.errors import FetchFailed, InputRejected
from hudna.ingest.corpora import csv_items, json_items, jsonl_bytes_items, jsonl_items
from hudna.ingest.fetch import Fetched, fetch
from hudna.ingest.items import Items, refuse
from hudna.ingest.readers import feed_items, html_items, text_items
from hudna.settings import Settings

KINDS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip


STDIN = "-"
# A CSV or JSON corpus is read whole; it may hold this many times the per-document limit.
CORPUS_FACTOR = 20


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def kind_of(path: Path) -> str:
    """The reader for a file, by its extension; anything else is read as plain text."""
    return KINDS.get(path.suffix.lower(), "text")


def walk(path: Path) -> Iterator[Path]:
    """The files under a directory, recursively, in sorted order, hidden ones skipped."""
    for child in sorted(path.rglob("*")):
        relative = child.relative_to(path)
        if child.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield child


def _too_big(size: int, limit: int) -> InputRejected:
    return InputRejected(
        f"oversized: {size:,} bytes, above the limit of {limit:,} (max_document_bytes)",
        hint="split the file, or raise HUDNA_MAX_DOCUMENT_BYTES / max_document_bytes",
        code="oversized",
    )


def read_limited(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise _too_big(size, limit)
    return path.read_bytes()


def bytes_items(
    data: bytes, origin: str, kind: str, *, doc_id: str, url: str | None, max_bytes: int
) -> Items:
    """Items from one input's bytes, by kind: text, html, feed, jsonl, json or csv."""
    if kind == "html":
        return html_items(data, origin, doc_id=doc_id, url=url)
    if kind == "feed":
        return feed_items(data, origin)
    if kind == "jsonl":
        return jsonl_bytes_items(data, origin, max_bytes=max_bytes)
    if kind == "csv":
        return csv_items(data, origin, max_bytes=max_bytes)
    if kind == "json":
        return json_items(data, origin, max_bytes=max_bytes)
    return text_items(data, origin, doc_id=doc_id, url=url)


def file_items(path: Path, settings: Settings) -> Items:
    """The items of one file; a file that cannot be read (permissions, I/O) is refused."""
    try:
        yield from _file_items(path, settings)
    except OSError as e:
        yield refuse(
            InputRejected(
                f"unreadable: {e.strerror or e}",
                hint="check the file's permissions",
                code="unreadable",
            ),
            str(path),
        )


def _file_items(path: Path, settings: Settings) -> Items:
    origin, kind, limit = str(path), kind_of(path), settings.max_document_bytes
    if kind == "jsonl":
        yield from jsonl_items(path, origin, max_bytes=limit)
        return
    try:
        data = read_limited(path, limit * (CORPUS_FACTOR if kind in ("csv", "json") else 1))
    except InputRejected as e:
        yield refuse(e, origin)
        return
    yield from bytes_items(data, origin, kind, doc_id=path.stem, url=None, max_bytes=limit)


def fetched_kind(fetched: Fetched) -> str:
    """The reader for a fetched answer, from its content type, then its first bytes."""
    ctype = fetched.content_type.lower()
    head = fetched.content[:512].lstrip().lower()
    if any(k in ctype for k in ("rss", "atom")) or (b"<rss" in head or b"<feed" in head):
        return "feed"
    if "html" in ctype or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if fetched.url.endswith((".jsonl", ".ndjson")) or "ndjson" in ctype or "jsonl" in ctype:
        return "jsonl"
    if "json" in ctype:
        return "json"
    if "csv" in ctype:
        return "csv"
    return "feed" if "xml" in ctype else "text"


def url_items(url: str, settings: Settings, transport: httpx.BaseTransport | None) -> Items:
    try:
        fetched = fetch(url, settings, transport=transport)
    except FetchFailed as e:
        yield refuse(e, url)
        return
    yield from bytes_items(
        fetched.content, url, fetched_kind(fetched), doc_id=fetched.url, url=fetched.url,
        max_bytes=settings.max_document_bytes,
    )  # fmt: skip


def path_items(path: Path, settings: Settings) -> Items:
    if path.is_dir():
        for child in walk(path):
            yield from file_items(child, settings)
    elif path.is_file():
        yield from file_items(path, settings)
    else:
        yield refuse(
            InputRejected("no such file or directory", hint="check the path", code="missing"),
            str(path),
        )


def iter_items(
    inputs: Sequence[str], settings: Settings, *, transport: httpx.BaseTransport | None = None
) -> Items:
    """Every item of every input, in order: documents and refusals interleaved. `-` is the
    standard input: JSONL when its first byte is `{`, else one plain-text document."""
    for value in inputs:
        if value == STDIN:
            yield from stdin_items(sys.stdin.buffer, settings)
        elif is_url(value):
            yield from url_items(value, settings, transport)
        else:
            yield from path_items(Path(value), settings)


def stdin_items(stream: BinaryIO, settings: Settings) -> Items:
    limit = settings.max_document_bytes
    data = stream.read(limit * CORPUS_FACTOR + 1)
    if len(data) > limit * CORPUS_FACTOR:
        yield refuse(_too_big(len(data), limit * CORPUS_FACTOR), "stdin")
        return
    kind = "jsonl" if data.lstrip().startswith(b"{") else "text"
    yield from bytes_items(data, "stdin", kind, doc_id="stdin", url=None, max_bytes=limit)


def count_items(inputs: Sequence[str]) -> int:
    """A quick estimate of the number of items, for progress bars: lines of JSONL, rows of CSV
    (lines), one per other file or URL."""
    total = 0
    for value in inputs:
        if value == STDIN:
            total += 1
            continue
        path = Path(value)
        files = [] if is_url(value) else list(walk(path)) if path.is_dir() else [path]
        total += 1 if is_url(value) else sum(_count_file(f) for f in files)
    return total


def _count_file(path: Path) -> int:
    if kind_of(path) not in ("jsonl", "csv") or not path.is_file():
        return 1
    with path.open("rb") as stream:
        return max(1, sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b"")))
