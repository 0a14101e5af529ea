"""Readers for one item's bytes: plain text, an HTML page, an RSS/Atom feed. Each yields raw
items or refusals; a reader never raises for bad input, so the batch goes on."""

from __future__ import annotations

from typing import Any

import feedparser
import lxml.html
import trafilatura
from lxml.etree import ParserError

from hudna.errors import InputRejected
from hudna.ingest.dates import parse_date
from hudna.ingest.decode import decode_html, decode_text
from hudna.ingest.items import Items, RawItem, refuse

TITLE_MAX = 200
MIN_WORDS = 5  # fewer words than this extracted from a page: navigation, not an article
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def text_items(data: bytes, origin: str, *, doc_id: str, url: str | None = None) -> Items:
    """A plain-text file: one document; a short first line followed by more is its title."""
    try:
        text = decode_text(data)
    except InputRejected as e:
        yield refuse(e, origin)
        return
    first, _, rest = text.strip().partition("\n")
    title = first.strip() if rest.strip() and len(first) <= TITLE_MAX else None
    yield RawItem(text=text, origin=origin, doc_id=doc_id, title=title, url=url)


def _html_document(html: str, url: str | None) -> Any:
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )  # fmt: skip


def html_items(data: bytes, origin: str, *, doc_id: str, url: str | None = None) -> Items:
    """An HTML page: the article text without boilerplate, with the page's own metadata."""
    try:
        page = _html_document(decode_html(data), url)
        body = (page.text or "").strip() if page is not None else ""
        if len(body.split()) < MIN_WORDS or body == (page.title or "").strip():
            raise InputRejected(
                "no article text found in the HTML page (only navigation or boilerplate)",
                hint="check that the page is an article; save its text as .txt if it is",
                code="no-text",
            )
    except InputRejected as e:
        yield refuse(e, origin)
        return
    yield RawItem(
        text=page.text, origin=origin, doc_id=doc_id, title=page.title or None,
        published=parse_date(page.date), url=page.url or url,
        site=page.sitename or page.hostname or None, author=page.author or None,
        language=page.language or None,
    )  # fmt: skip


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's body), paragraphs on their own lines."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for br in root.iter("br", "p", "div", "li", "h1", "h2", "h3"):
        br.tail = "\n" + (br.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _entry_text(entry: Any) -> str:
    bodies = [c.get("value", "") for c in entry.get("content", [])]
    bodies.append(entry.get("summary", ""))
    texts = [html_to_text(b) for b in bodies if b]
    return max(texts, key=len, default="")


def _entry_item(entry: Any, origin: str, index: int, site: str | None) -> RawItem:
    text = _entry_text(entry)
    if not text:
        raise InputRejected(
            f"feed entry {index} has no text"
            + (" (only a title)" if entry.get("title") else " and no title"),
            hint="ingest the article page itself by its URL (hudna ingest URL)",
            code="broken-entry",
        )
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return RawItem(
        text=text, origin=origin, item=f"entry {index}",
        doc_id=str(entry.get("id") or entry.get("link") or f"{origin}#{index}"),
        title=entry.get("title") or None, published=parse_date(when),
        url=entry.get("link") or None, site=site, author=entry.get("author") or None,
    )  # fmt: skip


def feed_items(data: bytes, origin: str) -> Items:
    """An RSS or Atom feed: one document per entry; a broken entry is refused on its own."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception") or "no entries"
        yield refuse(
            InputRejected(
                f"not a usable RSS/Atom feed: {problem}",
                hint="check the feed URL or file; hudna reads RSS 0.9x/2.0, RSS 1.0 and Atom",
                code="bad-feed",
            ),
            origin,
        )
        return
    site = parsed.feed.get("title") or None
    for index, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry_item(entry, origin, index, site)
        except InputRejected as e:
            yield refuse(e, origin, f"entry {index}")
