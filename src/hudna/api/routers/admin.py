"""/api/keys and /api/audit: key management (admin) and the audit trail (analyst)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from hudna.api.deps import AdminReader, AdminWriter, AnalystReader, Ctx
from hudna.api.errors import ERROR_RESPONSES, ApiError
from hudna.api.keys import ApiKeyError, create_key, delete_key, list_keys
from hudna.api.models import AuditEntry, KeyCreated, KeyIn, KeyOut
from hudna.api.pagination import Page, Win, page
from hudna.api.review import audit_trail

router = APIRouter(tags=["admin"], responses=ERROR_RESPONSES)


@router.get("/api/keys", response_model=list[KeyOut], summary="List API keys (admin)")
async def keys_list(ctx: Ctx, _: AdminReader) -> list[KeyOut]:
    keys = await run_in_threadpool(list_keys, ctx.engine)
    return [KeyOut(name=k.name, role=k.role, created_at=k.created_at) for k in keys]


@router.post("/api/keys", response_model=KeyCreated, status_code=201, summary="Create a key")
async def keys_create(body: KeyIn, ctx: Ctx, _: AdminWriter) -> KeyCreated:
    try:
        key = await run_in_threadpool(create_key, ctx.engine, body.name, body.role)
    except ApiKeyError as e:
        raise ApiError(409, str(e)) from e
    created = {k.name: k for k in await run_in_threadpool(list_keys, ctx.engine)}[body.name]
    return KeyCreated(name=body.name, role=body.role, created_at=created.created_at, key=key)


@router.delete("/api/keys/{name}", status_code=204, summary="Revoke a key (admin)")
async def keys_delete(name: str, ctx: Ctx, _: AdminWriter) -> None:
    try:
        await run_in_threadpool(delete_key, ctx.engine, name)
    except ApiKeyError as e:
        raise ApiError(404, str(e)) from e


@router.get("/api/audit", response_model=Page[AuditEntry], summary="The audit trail (analyst)")
async def audit_list(
    request: Request,
    w: Win,
    ctx: Ctx,
    _: AnalystReader,
    target: Annotated[str | None, Query(description="e.g. event:<id>")] = None,
) -> Page[AuditEntry]:
    rows, total = await run_in_threadpool(
        lambda: audit_trail(ctx.engine, target=target, limit=w.limit, offset=w.offset)
    )
    return page(request, [AuditEntry.model_validate(r) for r in rows], total, w)
