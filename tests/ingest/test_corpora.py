"""The JSONL and CSV readers as parsers: every good record comes back exactly, in order, and
every bad line becomes exactly one refusal at its own line number."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hudna.ingest.corpora import csv_items, jsonl_items
from hudna.ingest.items import RawItem
from hudna.records import Rejection

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip)
_RECORD = st.fixed_dictionaries(
    {
        "doc_id": st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
        "text": _TEXT,
    },
    optional={
        "title": _TEXT,
        "language": st.sampled_from(["ar", "en"]),
        "published": st.just("2016-02-27"),
    },
)
_GARBAGE = st.sampled_from(
    ['{"doc_id": "x", ', "[1, 2]", '{"text": "no id"}', "not json", '{"doc_id": 1}']
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_RECORD, _GARBAGE), min_size=1, max_size=12))
def test_jsonl_good_records_back_and_one_refusal_per_bad_line(lines: list[object]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.jsonl"
        body = [json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else x for x in lines]
        path.write_text("\n".join(str(b) for b in body) + "\n", encoding="utf-8")
        out = list(jsonl_items(path, "c.jsonl", max_bytes=10_000_000))
    assert len(out) == len(lines)
    for number, (given_line, got) in enumerate(zip(lines, out, strict=True), start=1):
        if isinstance(given_line, dict):
            assert isinstance(got, RawItem)
            assert (got.doc_id, got.text, got.title) == (
                given_line["doc_id"], given_line["text"], given_line.get("title"),
            )  # fmt: skip
        else:
            assert isinstance(got, Rejection) and got.item == f"line {number}"
            assert got.code == "malformed"


@settings(max_examples=60, deadline=None)
@given(st.lists(_RECORD, min_size=1, max_size=8))
def test_csv_records_come_back_exactly(records: list[dict[str, str]]) -> None:
    stream = io.StringIO(newline="")
    writer = csv.DictWriter(stream, fieldnames=["doc_id", "text", "title", "language", "published"])
    writer.writeheader()
    writer.writerows(records)
    out = list(csv_items(stream.getvalue().encode("utf-8"), "c.csv", max_bytes=10_000_000))
    assert [(o.doc_id, o.text) for o in out if isinstance(o, RawItem)] == [
        (r["doc_id"], r["text"]) for r in records
    ]
