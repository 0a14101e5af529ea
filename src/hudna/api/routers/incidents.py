"""/api/incidents: claims linked into incidents, with their claims side by side."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine

from hudna.api.deps import Ctx, Reader
from hudna.api.errors import ERROR_RESPONSES, ApiError
from hudna.api.models import Category, Day, IncidentDetail, IncidentSummary
from hudna.api.pagination import Page, Win, page, sort_key
from hudna.api.queries import (
    INCIDENT_SORTS,
    IncidentFilter,
    IncidentSort,
    Sort,
    documents_by_id,
    get_incident_row,
    list_incidents,
)

router = APIRouter(prefix="/api/incidents", tags=["incidents"], responses=ERROR_RESPONSES)


def incident_filter(
    category: Annotated[
        list[Category], Query(default_factory=list, description="PLOVER categories.")
    ],
    admin1: Annotated[list[str], Query(default_factory=list, description="Governorates.")],
    since: Annotated[Day | None, Query(description="First day, inclusive.")] = None,
    until: Annotated[Day | None, Query(description="Last day, exclusive.")] = None,
    agreement: Annotated[str | None, Query(description="Judged under this agreement.")] = None,
    finding: Annotated[str | None, Query(description="With this finding kind.")] = None,
) -> IncidentFilter:
    return IncidentFilter(category, since, until, admin1, agreement, finding)


@router.get("", response_model=Page[IncidentSummary], summary="List incidents")
async def incidents_list(
    request: Request,
    f: Annotated[IncidentFilter, Depends(incident_filter)],
    w: Win,
    ctx: Ctx,
    _: Reader,
    sort: Annotated[
        IncidentSort, Query(description=f"One of {', '.join(INCIDENT_SORTS)}.")
    ] = "-date",
) -> Page[IncidentSummary]:
    column, desc = sort_key(sort, INCIDENT_SORTS)
    found = await run_in_threadpool(
        list_incidents, ctx.engine, f, Sort(column, desc), w.limit, w.offset
    )
    items = [IncidentSummary.model_validate(r) for r in found.rows]
    return page(request, items, found.total, w)


def incident_detail(engine: Engine, incident_id: str) -> dict[str, Any] | None:
    """An incident with each claim's event and document (for the API and the dashboard)."""
    row = get_incident_row(engine, incident_id)
    if row is None:
        return None
    docs = documents_by_id(engine, sorted({c["document_id"] for c in row["claims"]}))
    row["claims"] = [
        {
            "event": c,
            "score": c["score"],
            "reasons": c["reasons"],
            "document": docs[c["document_id"]],
        }
        for c in row["claims"]
    ]
    return row


@router.get("/{incident_id}", response_model=IncidentDetail, summary="One incident")
async def incident_get(incident_id: str, ctx: Ctx, _: Reader) -> IncidentDetail:
    row = await run_in_threadpool(incident_detail, ctx.engine, incident_id)
    if row is None:
        raise ApiError(404, f"no incident {incident_id!r}; list incidents at /api/incidents")
    return IncidentDetail.model_validate(row)
