"""Linking precision and recall on hand-labelled claim pairs (`hudna bench linking`).

A pairs file is JSONL: {"id", "same": bool, "note", "a": CLAIM, "b": CLAIM}, CLAIM being
{"event": Event, "document_id", "reported", "site"}. Sentences are not stored in the file
(the corpora's licences); give the documents JSONL to score text similarity too. A pair may
carry short evidence quotes (`quote_a`, `quote_b`, <= 200 characters): they stand in for the
sentences when no documents are given."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hudna.incidents.claims import Claim
from hudna.incidents.score import LinkConfig, load_config, score_pair
from hudna.records import Event


@dataclass
class LinkingScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)
    false_links: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "pairs": self.tp + self.fp + self.fn + self.tn,
            "positives": self.tp + self.fn,
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "misses": self.misses,
            "false_links": self.false_links,
        }  # fmt: skip


def _texts(documents: Path | None) -> dict[str, str]:
    if documents is None:
        return {}
    texts = {}
    with documents.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                texts[str(doc["doc_id"])] = str(doc["text"])
    return texts


def _claim(data: dict[str, Any], texts: dict[str, str], quote: str = "") -> Claim:
    event = Event.model_validate(data["event"])
    text = texts.get(data["document_id"], "")
    sentence = text[event.text_info.start : event.text_info.end] if text else quote
    return Claim(
        event=event,
        document_id=data["document_id"],
        reported=dt.date.fromisoformat(data["reported"]) if data.get("reported") else None,
        site=data.get("site"),
        sentence=sentence,
    )


def evaluate_pairs(
    pairs: Path, *, documents: Path | None = None, cfg: LinkConfig | None = None
) -> LinkingScore:
    """Pairwise decisions (score >= threshold) against the hand labels."""
    cfg = cfg or load_config()
    texts = _texts(documents)
    score = LinkingScore()
    for line in pairs.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        a = _claim(rec["a"], texts, rec.get("quote_a", ""))
        b = _claim(rec["b"], texts, rec.get("quote_b", ""))
        scored = score_pair(a, b, cfg)
        linked = scored is not None and scored[0] >= cfg.threshold
        if rec["same"] and linked:
            score.tp += 1
        elif rec["same"]:
            score.fn += 1
            score.misses.append(f"{rec['id']}: {rec['note']}")
        elif linked:
            score.fp += 1
            score.false_links.append(
                f"{rec['id']}: {rec['a']['event']['id']} ~ {rec['b']['event']['id']}"
            )
        else:
            score.tn += 1
    return score
