"""The bundled example data: the founding article plus a small, deterministic, attributed sample
of the SaudiNewsNet (Arabic) and FA-KES (English) corpora, preferring ceasefire-relevant
articles so the demo shows events. See `hudna/data/sample/ATTRIBUTION.md` for the licences."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hudna.ingest.identity import content_id, fold

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "data" / "sample" / "sample.jsonl"
SOURCES = (("snn-syria.jsonl", 100), ("fakes-syria.jsonl", 99))
MAX_CHARS = 6000
KEYWORDS = tuple(
    fold(k)
    for k in (
        "هدنة", "وقف إطلاق النار", "وقف الأعمال القتالية", "حصار", "محاصرة", "خرق", "انتهاك",
        "ceasefire", "cease-fire", "truce", "cessation of hostilities", "siege", "besieged",
        "violation",
    )
)  # fmt: skip


def relevance(record: dict[str, Any]) -> int:
    """How many ceasefire keywords (distinct) the folded title and text mention."""
    folded = fold(f"{record.get('title') or ''}\n{record['text']}")
    return sum(1 for k in KEYWORDS if k in folded)


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def _distinct(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per content id (the corpora hold a few verbatim reprints)."""
    seen: dict[str, dict[str, Any]] = {}
    for r in records:
        seen.setdefault(content_id(r["text"]), r)
    return list(seen.values())


def select(path: Path, n: int) -> list[dict[str, Any]]:
    """The `n` most ceasefire-relevant distinct articles of one corpus, ties broken by doc_id."""
    candidates = [r for r in _records(path) if len(r["text"]) <= MAX_CHARS and relevance(r)]
    candidates.sort(key=lambda r: (-relevance(r), r["doc_id"]))
    return sorted(_distinct(candidates)[:n], key=lambda r: r["doc_id"])


def build_sample(shared_dir: Path, output: Path = SAMPLE_PATH) -> int:
    """Write the sample JSONL (FORMAT §1) from `shared_dir/corpus`; return its size."""
    corpus = shared_dir / "corpus"
    chosen = list(_records(corpus / "seed.jsonl"))
    for name, n in SOURCES:
        chosen += select(corpus / name, n)
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as stream:
        for record in chosen:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(chosen)
