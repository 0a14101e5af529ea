"""/api/findings and /api/claimed-totals: judgements against agreements, and the totals
each claimant announces (kept per claimant, never averaged)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from hudna.api.deps import Ctx, Reader
from hudna.api.errors import ERROR_RESPONSES
from hudna.api.models import ClaimedTotal, Day, FindingOut
from hudna.api.pagination import Page, Win, page
from hudna.api.queries import list_claimed_totals, list_findings
from hudna.records import FindingKind

router = APIRouter(tags=["findings"], responses=ERROR_RESPONSES)

Since = Annotated[Day | None, Query(description="First day, inclusive.")]
Until = Annotated[Day | None, Query(description="Last day, exclusive.")]


@router.get("/api/findings", response_model=Page[FindingOut], summary="List findings")
async def findings_list(
    request: Request,
    w: Win,
    ctx: Ctx,
    _: Reader,
    agreement: Annotated[str | None, Query(description="An agreement id.")] = None,
    kind: FindingKind | None = None,
    since: Since = None,
    until: Until = None,
) -> Page[FindingOut]:
    found = await run_in_threadpool(
        lambda: list_findings(
            ctx.engine, agreement_id=agreement, kind=kind.value if kind else None,
            since=since, until=until, limit=w.limit, offset=w.offset,
        )
    )  # fmt: skip
    return page(request, [FindingOut.model_validate(r) for r in found.rows], found.total, w)


@router.get(
    "/api/claimed-totals",
    response_model=Page[ClaimedTotal],
    summary="Totals claimed by each claimant over time",
)
async def claimed_totals_list(
    request: Request,
    w: Win,
    ctx: Ctx,
    _: Reader,
    claimant: str | None = None,
    kind: Annotated[str | None, Query(description="violations, dead, injured, …")] = None,
    since: Since = None,
    until: Until = None,
) -> Page[ClaimedTotal]:
    found = await run_in_threadpool(
        lambda: list_claimed_totals(
            ctx.engine, claimant=claimant, kind=kind, since=since, until=until,
            limit=w.limit, offset=w.offset,
        )
    )  # fmt: skip
    return page(request, [ClaimedTotal.model_validate(r) for r in found.rows], found.total, w)
