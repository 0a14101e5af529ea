"""Whatever a document says, rendering a bulletin never lets its markup through."""

from __future__ import annotations

import datetime as dt
from functools import cache
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hudna.publish import render_html, render_markdown
from hudna.publish.model import Bulletin, Claim, Evidence, Section, TrendSeries

PIECES = [
    *"<>\"'&=/ ;:()[]*_`|#!\\",
    "<script>",
    "javascript:",
    "onerror=",
    "<img ",
    "](",
    "a",
    "ا",
]
HOSTILE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map("".join)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [
            k for k, v in attrs if k.startswith("on") or (v or "").startswith("javascript")
        ]


def _bulletin(text: str) -> Bulletin:
    claim = Claim(
        date=dt.date(2016, 4, 29), category="ACCUSE", modes=[], actors=[text], recipients=[text],
        claimants=[text], place=text, admin1=None, modality="asserted", quantities=[text], text=text,
        notes=[1],
    )  # fmt: skip
    evidence = Evidence(
        number=1, event_id="e", document_id="d" * 12, span_start=0, span_end=1, sentence=text,
        site=text, url=text, title=text,
    )  # fmt: skip
    day = dt.date(2016, 4, 29)
    return Bulletin(
        agreement_id="a", agreement_name=text, lang="ar", period="day", start=day,
        end=day + dt.timedelta(days=1), previous_start=day - dt.timedelta(days=1),
        generated_at=dt.datetime(2016, 4, 30, tzinfo=dt.UTC), unit="claims", figures=[],
        claimed_totals=[], categories=[], governorates=[], map_points=[],
        trend=TrendSeries(days=[day], counts={}), violations=Section(items=[]),
        sieges=Section(items=[claim]), aid=Section(items=[]), diplomacy=Section(items=[]),
        statements=Section(items=[claim]), evidence=[evidence],
    )  # fmt: skip


@cache
def _clean_tags() -> list[str]:
    clean = Tags()
    clean.feed(render_html(_bulletin("x")))
    return sorted(clean.tags)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_store_text_never_becomes_markup(text: str) -> None:
    hostile = Tags()
    hostile.feed(render_html(_bulletin(text)))
    assert sorted(hostile.tags) == _clean_tags()  # the same elements, whatever the text
    assert hostile.handlers == []


@settings(max_examples=40, deadline=None)
@given(HOSTILE)
def test_markdown_keeps_store_text_inert(text: str) -> None:
    md = render_markdown(_bulletin(text))
    opened = [i for i, ch in enumerate(md) if ch == "<"]
    assert all(md[i - 1] == "\\" or md.startswith("<http", i) for i in opened)
    assert "](" not in md  # no link can be formed: brackets and parentheses are escaped
