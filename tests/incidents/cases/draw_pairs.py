"""Draw candidate claim pairs for hand labelling (how heldout_pairs.jsonl was made).

    .venv/bin/hudna extract --no-ner -i SLICE.jsonl -o EVENTS.jsonl
    .venv/bin/python tests/incidents/cases/draw_pairs.py OUT.jsonl SLICE.jsonl:EVENTS.jsonl ...

Pairs: same category family, days (event date, else publication day) at most 3 apart, scored
with the linker as it stood at commit 7f35cd0; stratified by score (vetoed but same admin1 or a place missing, < 0.45,
0.45-0.65, >= 0.65) with a fixed seed. Each record carries the two claims, their scores and
short evidence quotes (<= 200 characters) for the labeller; labels are added by hand."""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

from hudna.incidents.claims import Claim
from hudna.incidents.score import load_config, score_pair
from hudna.records import Event

PER_BIN = 38


def claims(corpus: Path, events: Path) -> list[tuple[Claim, dict[str, object]]]:
    docs = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs[d["doc_id"]] = d
    out = []
    for line in events.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        doc = docs[rec["doc_id"]]
        for raw in rec["events"]:
            raw = {**raw, "id": f"{rec['doc_id']}#{raw['id']}", "doc_id": rec["doc_id"]}
            event = Event.model_validate(raw)
            text = doc["text"][event.text_info.start : event.text_info.end]
            claim = Claim(
                event=event,
                document_id=rec["doc_id"],
                reported=dt.date.fromisoformat(doc["published"][:10]),
                site=doc.get("source"),
                sentence=text,
            )
            stored = {
                "event": raw,
                "document_id": rec["doc_id"],
                "reported": doc["published"][:10],
                "site": doc.get("source"),
            }
            out.append((claim, stored))
    return out


def plausible(a: Claim, b: Claim) -> bool:
    """Vetoed pairs worth labelling: same admin1, or a place missing on one side."""
    pa, pb = a.event.event_loc, b.event.event_loc
    return pa is None or pb is None or (pa.admin1 or "x") == (pb.admin1 or "y")


def bin_of(score: float | None) -> str:
    if score is None:
        return "vetoed"
    return "low" if score < 0.45 else "mid" if score < 0.65 else "high"


def main(out: Path, sources: list[str]) -> None:
    cfg = load_config()
    items = [c for s in sources for c in claims(*map(Path, s.split(":")))]
    bins: dict[str, list[dict[str, object]]] = {"vetoed": [], "low": [], "mid": [], "high": []}
    for i, (a, sa) in enumerate(items):
        for b, sb in items[i + 1 :]:
            if cfg.family(a.event.event) != cfg.family(b.event.event):
                continue
            if a.day is None or b.day is None or abs((a.day - b.day).days) > 3:
                continue
            if a.sentence == b.sentence:
                continue
            scored = score_pair(a, b, cfg)
            s = scored[0] if scored else None
            if s is None and not plausible(a, b):
                continue
            bins[bin_of(s)].append(
                {"a": sa, "b": sb, "score_before": s,
                 "quote_a": a.sentence[:200], "quote_b": b.sentence[:200]}
            )  # fmt: skip
    rng = random.Random(4)
    picked = []
    for name, pairs in bins.items():
        # cross-document pairs first: the corpora report the same happenings many times
        cross = [p for p in pairs if p["a"]["document_id"] != p["b"]["document_id"]]  # type: ignore[index]
        pool = cross if len(cross) >= PER_BIN else pairs
        picked += [{**p, "bin": name} for p in rng.sample(pool, min(PER_BIN, len(pool)))]
        print(name, len(pairs), len(cross), file=sys.stderr)
    with out.open("w", encoding="utf-8") as f:
        for n, p in enumerate(picked):
            f.write(json.dumps({"id": f"h{n:03d}", **p}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
