"""Pagination by limit and offset: every list answers with its total and next/prev links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query, Request
from pydantic import BaseModel

from hudna.api.errors import ApiError

T = TypeVar("T")

MAX_LIMIT = 500


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None = None
    prev: str | None = None


@dataclass(frozen=True, slots=True)
class Window:
    limit: int
    offset: int


def window(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")] = 0,
) -> Window:
    return Window(limit, offset)


def page(request: Request, items: list[T], total: int, w: Window) -> Page[T]:
    """A page with links that keep every other query parameter."""
    url = request.url
    nxt = (
        str(url.include_query_params(offset=w.offset + w.limit, limit=w.limit))
        if w.offset + w.limit < total
        else None
    )
    prv = (
        str(url.include_query_params(offset=max(w.offset - w.limit, 0), limit=w.limit))
        if w.offset > 0
        else None
    )
    return Page[T](items=items, total=total, limit=w.limit, offset=w.offset, next=nxt, prev=prv)


def sort_key(sort: str, allowed: tuple[str, ...]) -> tuple[str, bool]:
    """`date` or `-date` → (column, descending), refused unless whitelisted."""
    name = sort.removeprefix("-")
    if name not in allowed:
        raise ApiError(
            400,
            f"cannot sort by {sort!r}; sort by one of {', '.join(allowed)} (prefix - for descending)",
            code="invalid_sort",
        )
    return name, sort.startswith("-")


Win = Annotated[Window, Depends(window)]
