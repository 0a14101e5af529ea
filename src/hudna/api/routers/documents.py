"""/api/documents: the reports as ingested, and ingesting one more."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from hudna.api.deps import Analyst, Ctx, Reader
from hudna.api.errors import ERROR_RESPONSES, ApiError
from hudna.api.ingest import ingest_one
from hudna.api.models import Day, DocumentDetail, DocumentIn, DocumentSummary, IngestResult
from hudna.api.pagination import Page, Win, page, sort_key
from hudna.api.queries import DOCUMENT_SORTS, DocumentSort, Sort, get_document_row, list_documents

router = APIRouter(prefix="/api/documents", tags=["documents"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page[DocumentSummary], summary="List documents")
async def documents_list(
    request: Request,
    w: Win,
    ctx: Ctx,
    _: Reader,
    language: Annotated[str | None, Query(max_length=8, description="ar, en, …")] = None,
    since: Annotated[Day | None, Query(description="Published on or after.")] = None,
    until: Annotated[Day | None, Query(description="Published before.")] = None,
    sort: Annotated[
        DocumentSort, Query(description=f"One of {', '.join(DOCUMENT_SORTS)}.")
    ] = "-published",
) -> Page[DocumentSummary]:
    column, desc = sort_key(sort, DOCUMENT_SORTS)
    found = await run_in_threadpool(
        lambda: list_documents(
            ctx.engine, language=language, since=since, until=until,
            sort=Sort(column, desc), limit=w.limit, offset=w.offset,
        )
    )  # fmt: skip
    items = [DocumentSummary.model_validate(r) for r in found.rows]
    return page(request, items, found.total, w)


@router.get("/{document_id}", response_model=DocumentDetail, summary="One document")
async def document_get(document_id: str, ctx: Ctx, _: Reader) -> DocumentDetail:
    row = await run_in_threadpool(get_document_row, ctx.engine, document_id)
    if row is None:
        raise ApiError(404, f"no document {document_id!r}; list documents at /api/documents")
    return DocumentDetail.model_validate(row)


@router.post(
    "",
    response_model=IngestResult,
    status_code=201,
    summary="Ingest one document (analyst); `extract=true` also extracts its claims",
)
async def document_ingest(
    body: DocumentIn,
    ctx: Ctx,
    _: Analyst,
    extract: Annotated[bool, Query(description="Run the extraction pipeline on it now.")] = False,
) -> IngestResult:
    return await run_in_threadpool(
        lambda: ingest_one(ctx.engine, body, ctx.settings, extract=extract)
    )
