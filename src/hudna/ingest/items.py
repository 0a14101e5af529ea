"""What readers hand to the batch runner: raw items (text plus metadata) or refusals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from hudna.errors import InputRejected
from hudna.records import Rejection


@dataclass(frozen=True, slots=True)
class RawItem:
    """One document as a reader found it, before identity, language and dates are settled."""

    text: str
    origin: str
    doc_id: str
    item: str = ""
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None


Read = RawItem | Rejection
Items = Iterator[Read]


def refuse(error: InputRejected, origin: str, item: str = "") -> Rejection:
    """The record of one refused item, from the error that refused it."""
    return Rejection(
        origin=origin, item=item, code=error.code, reason=error.reason, hint=error.hint
    )
