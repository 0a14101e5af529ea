"""/api/bulletins/table: a monitor's bulletin table (CSV or JSON) ingested as claims."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from hudna.api.bulletin_table import COLUMNS, BulletinTable, parse_csv, validate_table
from hudna.api.deps import Analyst, Ctx
from hudna.api.errors import ERROR_RESPONSES, ApiError, ErrorResponse
from hudna.api.ingest import ingest_table
from hudna.api.models import Day, IngestResult

router = APIRouter(prefix="/api/bulletins", tags=["bulletins"], responses=ERROR_RESPONSES)

MAX_BODY = 5_000_000
CSV_HELP = (
    f"CSV columns: {', '.join(COLUMNS)} (only date is required); with a CSV body, give "
    "monitor and published as query parameters."
)
TABLE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": BulletinTable.model_json_schema(
                    ref_template="#/components/schemas/{model}"
                )
            },
            "text/csv": {"schema": {"type": "string"}},
        },
    }
}


async def _read_table(request: Request, meta: dict[str, Any]) -> BulletinTable:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise ApiError(413, f"the table is over {MAX_BODY:,} bytes; split it")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ApiError(422, "the table is not UTF-8 text; re-encode it as UTF-8") from e
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    if kind == "text/csv":
        return parse_csv(text, {k: v for k, v in meta.items() if v is not None})
    if kind == "application/json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise ApiError(422, f"the body is not JSON: {e}") from e
        return validate_table(data)
    raise ApiError(415, "send the table as application/json or text/csv")


@router.post(
    "/table",
    response_model=IngestResult,
    status_code=201,
    summary="Ingest a monitor's bulletin table (analyst)",
    description=CSV_HELP,
    openapi_extra=TABLE_BODY,
    responses={
        413: {"model": ErrorResponse, "description": "too large"},
        415: {"model": ErrorResponse, "description": "neither JSON nor CSV"},
    },
)
async def bulletin_table(
    request: Request,
    ctx: Ctx,
    _: Analyst,
    monitor: Annotated[str | None, Query(max_length=200, description="CSV only.")] = None,
    published: Annotated[Day | None, Query(description="CSV only.")] = None,
    title: Annotated[str | None, Query(max_length=500, description="CSV only.")] = None,
    language: Annotated[str | None, Query(pattern="^(ar|en)$", description="CSV only.")] = None,
) -> IngestResult:
    meta = {"monitor": monitor, "published": published, "title": title, "language": language}
    table = await _read_table(request, meta)
    return await run_in_threadpool(ingest_table, ctx.engine, table, ctx.settings)
