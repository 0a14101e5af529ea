"""Corpora in the input format of `shared/eval/FORMAT.md` §1: JSONL (one document a line) and
CSV (a header row naming the same fields). Each line or row is an item: a malformed one is
refused with its line number while every good one is kept."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from hudna.errors import InputRejected
from hudna.ingest.dates import parse_date
from hudna.ingest.decode import decode_text, refuse_binary
from hudna.ingest.items import Items, RawItem, refuse

FORMAT_HINT = "each item needs doc_id and text (shared/eval/FORMAT.md §1); fix it and ingest again"


def _field(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    return str(value)


def record_item(record: Any, origin: str, item: str) -> RawItem:
    """A FORMAT §1 record (doc_id, text, published, language, title, source, url) as an item."""
    if not isinstance(record, dict):
        raise InputRejected(
            f"malformed: expected a JSON object, got {type(record).__name__}",
            hint=FORMAT_HINT,
            code="malformed",
        )
    doc_id, text = _field(record, "doc_id"), record.get("text")
    if doc_id is None or not isinstance(text, str):
        missing = "doc_id" if doc_id is None else "text (a string)"
        raise InputRejected(f"malformed: no {missing}", hint=FORMAT_HINT, code="malformed")
    if not text.strip():
        raise InputRejected(
            "empty text", hint="drop the record or fill its text field", code="empty"
        )
    return RawItem(
        text=text, origin=origin, item=item, doc_id=doc_id, title=_field(record, "title"),
        published=parse_date(record.get("published")), url=_field(record, "url"),
        site=_field(record, "source") or _field(record, "site"), author=_field(record, "author"),
        language=_field(record, "language"),
    )  # fmt: skip


def _json_line(line: bytes, last: bool) -> Any:
    try:
        return json.loads(line)
    except UnicodeDecodeError:
        return _json_line(decode_text(line).encode("utf-8"), last)  # cp1256 line, or refusal
    except json.JSONDecodeError as e:
        if last and not line.endswith(b"\n"):
            raise InputRejected(
                f"truncated: the last line is cut off ({e.msg} at column {e.colno})",
                hint="the file was cut short; export or copy it again",
                code="truncated",
            ) from e
        raise InputRejected(
            f"malformed JSON: {e.msg} at column {e.colno}", hint=FORMAT_HINT, code="malformed"
        ) from e


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes, bool]]:
    previous: tuple[int, bytes] | None = None
    for number, line in enumerate(stream, start=1):
        if previous is not None:
            yield previous[0], previous[1], False
        previous = (number, line)
    if previous is not None:
        yield previous[0], previous[1], True


def _oversized(size: int, limit: int) -> InputRejected:
    return InputRejected(
        f"oversized: {size:,} bytes, above the limit of {limit:,} (max_document_bytes)",
        hint="split it, or raise the limit: HUDNA_MAX_DOCUMENT_BYTES or max_document_bytes in hudna.toml",
        code="oversized",
    )


def jsonl_items(path: Path, origin: str, *, max_bytes: int) -> Items:
    """A JSONL corpus, read line by line: each line is one document or one refusal."""
    with path.open("rb") as stream:
        head = stream.read(8192)
        try:
            if not head.strip():
                raise InputRejected(
                    "empty input: no documents", hint="check the export", code="empty"
                )
            refuse_binary(head)
        except InputRejected as e:
            yield refuse(e, origin)
            return
        stream.seek(0)
        yield from _jsonl_stream(stream, origin, max_bytes)


def _jsonl_stream(stream: BinaryIO, origin: str, max_bytes: int) -> Items:
    for number, line, last in _lines(stream):
        if not line.strip():
            continue
        item = f"line {number}"
        try:
            if len(line) > max_bytes:
                raise _oversized(len(line), max_bytes)
            yield record_item(_json_line(line, last), origin, item)
        except InputRejected as e:
            yield refuse(e, origin, item)


def jsonl_bytes_items(data: bytes, origin: str, *, max_bytes: int) -> Items:
    """A JSONL corpus already in memory (fetched from a URL)."""
    yield from _jsonl_stream(io.BytesIO(data), origin, max_bytes)


def json_items(data: bytes, origin: str, *, max_bytes: int) -> Items:
    """A JSON file: one FORMAT §1 record, or an array of them."""
    try:
        parsed = json.loads(decode_text(data))
    except InputRejected as e:
        yield refuse(e, origin)
        return
    except json.JSONDecodeError as e:
        yield refuse(
            InputRejected(
                f"malformed JSON: {e.msg} at line {e.lineno}", hint=FORMAT_HINT, code="malformed"
            ),
            origin,
        )
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    for index, record in enumerate(records, start=1):
        item = f"record {index}" if isinstance(parsed, list) else ""
        try:
            yield record_item(record, origin, item)
        except InputRejected as e:
            yield refuse(e, origin, item)


def csv_items(data: bytes, origin: str, *, max_bytes: int) -> Items:
    """A CSV corpus with a header row (doc_id, text, and optionally the other §1 fields)."""
    try:
        text = decode_text(data)
    except InputRejected as e:
        yield refuse(e, origin)
        return
    csv.field_size_limit(max(max_bytes, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = iter(reader)
    for index in range(1, 1 << 62):
        item = f"record {index}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as e:
            yield refuse(
                InputRejected(f"malformed CSV: {e}", hint=FORMAT_HINT, code="malformed"),
                origin,
                item,
            )
            return
        try:
            if len(row.get("text") or "") > max_bytes:
                raise _oversized(len(row["text"]), max_bytes)
            yield record_item(row, origin, item)
        except InputRejected as e:
            yield refuse(e, origin, item)
