"""/api/events: claims, filtered and paged; analysts confirm or correct them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool

from hudna.api.deps import Analyst, Ctx, Reader
from hudna.api.errors import ERROR_RESPONSES, ApiError
from hudna.api.models import AuditEntry, Category, Day, EventDetail, EventReview, EventSummary
from hudna.api.pagination import Page, Win, page, sort_key
from hudna.api.queries import EVENT_SORTS, EventFilter, EventSort, Sort, get_event_row, list_events
from hudna.api.review import review_event

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERROR_RESPONSES)

SORT_HELP = f"One of {', '.join(EVENT_SORTS)}; prefix '-' for descending."


def event_filter(
    category: Annotated[
        list[Category], Query(default_factory=list, description="PLOVER categories.")
    ],
    admin1: Annotated[
        list[str], Query(default_factory=list, description="Governorates (admin1 names).")
    ],
    since: Annotated[Day | None, Query(description="First day, inclusive.")] = None,
    until: Annotated[Day | None, Query(description="Last day, exclusive.")] = None,
    place_pcode: Annotated[str | None, Query(max_length=32)] = None,
    status: Annotated[str | None, Query(description="unreviewed, confirmed, corrected.")] = None,
    document_id: Annotated[str | None, Query(max_length=64)] = None,
    actor: Annotated[str | None, Query(description="Registry id or surface form.")] = None,
    modality: Annotated[str | None, Query(description="asserted, negated, future …")] = None,
) -> EventFilter:
    return EventFilter(
        categories=category, since=since, until=until, admin1=admin1,
        place_pcode=place_pcode, status=status, document_id=document_id, actor=actor,
        modality=modality,
    )  # fmt: skip


@router.get("", response_model=Page[EventSummary], summary="List events (claims)")
async def events_list(
    request: Request,
    f: Annotated[EventFilter, Depends(event_filter)],
    w: Win,
    ctx: Ctx,
    _: Reader,
    sort: Annotated[EventSort, Query(description=SORT_HELP)] = "date",
) -> Page[EventSummary]:
    column, desc = sort_key(sort, EVENT_SORTS)
    found = await run_in_threadpool(
        list_events, ctx.engine, f, Sort(column, desc), w.limit, w.offset
    )
    items = [EventSummary.model_validate(r) for r in found.rows]
    return page(request, items, found.total, w)


@router.get("/{event_id}", response_model=EventDetail, summary="One event with its record")
async def event_get(event_id: str, ctx: Ctx, _: Reader) -> EventDetail:
    row = await run_in_threadpool(get_event_row, ctx.engine, event_id)
    if row is None:
        raise ApiError(404, f"no event {event_id!r}; list events at /api/events")
    return EventDetail.model_validate(row)


@router.patch(
    "/{event_id}",
    response_model=AuditEntry,
    summary="Confirm or correct a claim (analyst); the change is audited",
)
async def event_review(event_id: str, review: EventReview, ctx: Ctx, who: Analyst) -> AuditEntry:
    entry = await run_in_threadpool(review_event, ctx.engine, event_id, review, who.name)
    return AuditEntry.model_validate(entry)
