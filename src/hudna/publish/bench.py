"""`hudna bench bulletin`: time a bulletin's build, HTML and PDF over a real store."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import Engine, func, select

from hudna.errors import PublishError
from hudna.publish.bulletin import build_bulletin, period_window
from hudna.publish.model import Lang, Period
from hudna.publish.render import render_html, render_pdf
from hudna.store.schema import events

TARGET_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class BulletinTiming:
    day: dt.date
    period: str
    lang: str
    claims_in_period: int
    evidence_notes: int
    build_s: float
    html_s: float
    pdf_s: float
    pdf_bytes: int
    cpu_s: float  # this process's CPU time for the three steps: the figure on a busy machine

    @property
    def total_s(self) -> float:
        return self.build_s + self.html_s + self.pdf_s

    def as_dict(self) -> dict[str, object]:
        return asdict(self) | {"total_s": round(self.total_s, 3), "target_s": TARGET_SECONDS}


def busiest_day(engine: Engine, period: Period) -> dt.date:
    """The last day of the period holding the most dated claims."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(events.c.date, func.count())
            .where(events.c.date.is_not(None))
            .group_by(events.c.date)
        ).all()
    if not rows:
        raise PublishError("the store holds no dated claims; run: hudna ingest … && hudna extract")
    per_day = {d: int(n) for d, n in rows}

    def total(day: dt.date) -> int:
        start, end = period_window(day, period)
        return sum(n for d, n in per_day.items() if start <= d < end)

    return max(per_day, key=lambda d: (total(d), d))


def time_bulletin(
    engine: Engine,
    *,
    agreement_id: str,
    day: dt.date,
    period: Period,
    lang: Lang,
    out_dir: Path | None = None,
) -> BulletinTiming:
    c0, t0 = time.process_time(), time.perf_counter()
    bulletin = build_bulletin(engine, agreement_id=agreement_id, day=day, period=period, lang=lang)
    t1 = time.perf_counter()
    html = render_html(bulletin)
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = (out_dir or Path(tmp)) / f"bench-bulletin-{lang}.pdf"
        render_pdf(bulletin, pdf, html=html)
        t3, c3 = time.perf_counter(), time.process_time()
        size = pdf.stat().st_size
    claims = next(f.current for f in bulletin.figures if f.key == "claims")
    return BulletinTiming(
        day=day, period=period, lang=lang, claims_in_period=claims,
        evidence_notes=len(bulletin.evidence), build_s=round(t1 - t0, 3),
        html_s=round(t2 - t1, 3), pdf_s=round(t3 - t2, 3), pdf_bytes=size, cpu_s=round(c3 - c0, 3),
    )  # fmt: skip
