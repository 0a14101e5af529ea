"""/api/agreements: the ceasefire agreements (data files) and their findings' counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from hudna.agreements import Agreement, AgreementNotFound, get_agreement, load_agreements
from hudna.api.deps import ApiContext, Ctx, Reader
from hudna.api.errors import ERROR_RESPONSES, ApiError
from hudna.api.queries import finding_counts

router = APIRouter(prefix="/api/agreements", tags=["agreements"], responses=ERROR_RESPONSES)


class AgreementSummary(BaseModel):
    id: str
    names: dict[str, str]
    effective: dt.datetime
    end: dt.datetime | None


class AgreementDetail(AgreementSummary):
    terms: dict[str, Any]
    findings: dict[str, int]


def agreements_dir(ctx: ApiContext) -> Path | None:
    return Path(ctx.settings.agreements_dir) if ctx.settings.agreements_dir else None


def _summary(a: Agreement) -> dict[str, Any]:
    return {"id": a.id, "names": a.names.model_dump(), "effective": a.effective, "end": a.end}


@router.get("", response_model=list[AgreementSummary], summary="List agreements")
async def agreements_list(ctx: Ctx, _: Reader) -> list[AgreementSummary]:
    found = await run_in_threadpool(load_agreements, agreements_dir(ctx))
    return [AgreementSummary.model_validate(_summary(a)) for a in found]


@router.get("/{agreement_id}", response_model=AgreementDetail, summary="One agreement")
async def agreement_get(agreement_id: str, ctx: Ctx, _: Reader) -> AgreementDetail:
    try:
        a = await run_in_threadpool(get_agreement, agreement_id, agreements_dir(ctx))
    except AgreementNotFound as e:
        raise ApiError(404, str(e)) from e
    counts = await run_in_threadpool(finding_counts, ctx.engine, a.id)
    terms = a.model_dump(mode="json")
    return AgreementDetail.model_validate({**_summary(a), "terms": terms, "findings": counts})
