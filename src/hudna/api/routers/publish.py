"""/api/bulletins and /api/exports: the monitoring bulletin of a day or week (HTML,
Markdown or PDF) and the claims exported (PLOVER JSONL, ACLED-style CSV, GeoJSON, Parquet);
/api/sieges: besieged places with what is claimed about them."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from hudna.agreements import get_agreement
from hudna.analysis.queries import list_sieges
from hudna.analysis.sieges import Siege
from hudna.api.deps import Ctx, Reader
from hudna.api.errors import ERROR_RESPONSES, ApiError
from hudna.api.models import Category, Day
from hudna.api.routers.agreements import agreements_dir
from hudna.publish import (
    ExportFilters,
    build_bulletin,
    export_events,
    render_html,
    render_markdown,
    render_pdf,
)
from hudna.publish.exports import ExportFormat

router = APIRouter(tags=["publish"], responses=ERROR_RESPONSES)

EXPORT_TYPES = {
    "plover-jsonl": ("application/x-ndjson", "jsonl"),
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}
BULLETIN_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
}


def _bulletin_bytes(engine: Any, fmt: str, **options: Any) -> bytes:
    b = build_bulletin(engine, **options)
    if fmt == "md":
        return render_markdown(b).encode("utf-8")
    html = render_html(b)
    if fmt == "html":
        return html.encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        return render_pdf(b, Path(tmp) / "bulletin.pdf", html=html).read_bytes()


@router.get(
    "/api/bulletins",
    summary="The bulletin of an agreement for a day or a week (HTML, Markdown or PDF)",
    responses={200: {"content": {t: {} for t in BULLETIN_TYPES.values()}}},
)
async def bulletin(
    ctx: Ctx,
    _: Reader,
    agreement: Annotated[str, Query(min_length=1, max_length=64, description="Agreement id.")],
    date: Annotated[Day, Query(description="Last day of the period.")],
    period: Literal["day", "week"] = "day",
    lang: Literal["ar", "en"] = "ar",
    format: Literal["html", "md", "pdf"] = "html",
) -> Response:
    known = await run_in_threadpool(get_agreement, agreement, agreements_dir(ctx))
    try:
        body = await run_in_threadpool(
            lambda: _bulletin_bytes(
                ctx.engine, format, agreement_id=known.id, day=date, period=period, lang=lang
            )
        )
    except OverflowError as e:
        raise ApiError(422, f"{date} is too far in the past or future for a bulletin") from e
    name = quote(f"bulletin-{known.id}-{period}-{date}-{lang}.{format}")
    headers = {"Content-Disposition": f'inline; filename="{name}"'}
    return Response(body, media_type=BULLETIN_TYPES[format], headers=headers)


def _export_bytes(engine: Any, fmt: ExportFormat, filters: ExportFilters) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export"
        export_events(engine, fmt, path, filters=filters)
        return path.read_bytes()


@router.get(
    "/api/exports/{fmt}",
    summary="Export claims (PLOVER JSONL, ACLED-style CSV, GeoJSON, Parquet)",
    responses={200: {"content": {t: {} for t, _ in EXPORT_TYPES.values()}}},
)
async def export(
    fmt: ExportFormat,
    ctx: Ctx,
    _: Reader,
    category: Annotated[
        list[Category], Query(default_factory=list, description="PLOVER categories.")
    ],
    agreement: Annotated[str | None, Query(max_length=64)] = None,
    since: Annotated[Day | None, Query(description="First day, inclusive.")] = None,
    until: Annotated[Day | None, Query(description="Last day, exclusive.")] = None,
    area: Annotated[str | None, Query(max_length=128, description="Governorate or P-code.")] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    filters = ExportFilters(
        agreement_id=agreement, since=since, until=until, area=area, actor=actor,
        category=",".join(category) or None,
    )  # fmt: skip
    body = await run_in_threadpool(_export_bytes, ctx.engine, fmt, filters)
    media, ext = EXPORT_TYPES[fmt]
    headers = {"Content-Disposition": f'attachment; filename="hudna-claims.{ext}"'}
    return Response(body, media_type=media, headers=headers)


@router.get(
    "/api/sieges",
    response_model=list[Siege],
    summary="Besieged places, with sieges, populations, aid deliveries and denials",
)
async def sieges(ctx: Ctx, _: Reader) -> list[Siege]:
    return await run_in_threadpool(list_sieges, ctx.engine)
