"""What every route depends on: the app's context (settings, store, limiter) and who calls.

Keys come in the `X-API-Key` header (or `Authorization: Bearer <key>`). Reading needs a
viewer key unless the app was created with `auth_required_for_read=False` (a local demo);
writing always needs a key of the route's role, and is rate limited per key.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyHeader
from sqlalchemy import Engine

from hudna.api.errors import ApiError
from hudna.api.keys import ApiKey, Role, lookup_key, role_at_least
from hudna.api.ratelimit import SlidingWindowLimiter
from hudna.settings import Settings

key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key.")


@dataclass
class ApiContext:
    settings: Settings
    engine: Engine
    auth_required_for_read: bool
    limiter: SlidingWindowLimiter


def context(request: Request) -> ApiContext:
    ctx: ApiContext = request.app.state.hudna
    return ctx


def _presented_key(request: Request, header: str | None) -> str | None:
    if header:
        return header
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def caller(
    request: Request,
    header: Annotated[str | None, Security(key_header)],
    ctx: Annotated[ApiContext, Depends(context)],
) -> ApiKey | None:
    """The key's owner, None when no key was given; 401 for an unknown key."""
    key = _presented_key(request, header)
    if key is None:
        return None
    found = await run_in_threadpool(lookup_key, ctx.engine, key)
    if found is None:
        raise ApiError(401, "unknown API key; ask an admin for one (`hudna keys create`)")
    return found


async def reader(
    who: Annotated[ApiKey | None, Depends(caller)], ctx: Annotated[ApiContext, Depends(context)]
) -> ApiKey | None:
    if who is None and ctx.auth_required_for_read:
        raise ApiError(
            401,
            "an API key is required: send it in the X-API-Key header",
            headers={"WWW-Authenticate": "ApiKey"},
        )
    return who


def writer(role: Role) -> Callable[..., Awaitable[ApiKey]]:
    """A dependency that admits keys of `role` or above, within the write rate limit."""
    return requires(role, rate_limited=True)


def requires(role: Role, *, rate_limited: bool = False) -> Callable[..., Awaitable[ApiKey]]:
    """A dependency that admits keys of `role` or above (and counts writes when limited)."""

    async def dependency(
        who: Annotated[ApiKey | None, Depends(caller)], ctx: Annotated[ApiContext, Depends(context)]
    ) -> ApiKey:
        if who is None:
            raise ApiError(
                401,
                f"this endpoint needs an {role} key in the X-API-Key header",
                headers={"WWW-Authenticate": "ApiKey"},
            )
        if not role_at_least(who.role, role):
            raise ApiError(403, f"key {who.name!r} is a {who.role}; this needs an {role} key")
        wait = ctx.limiter.hit(who.name) if rate_limited else None
        if wait is not None:
            raise ApiError(
                429,
                f"more than {ctx.limiter.limit} writes a minute with key {who.name!r}; "
                f"retry in {math.ceil(wait)} s",
                headers={"Retry-After": str(math.ceil(wait))},
            )
        return who

    return dependency


Ctx = Annotated[ApiContext, Depends(context)]
Reader = Annotated[ApiKey | None, Depends(reader)]
Analyst = Annotated[ApiKey, Depends(writer("analyst"))]
AdminWriter = Annotated[ApiKey, Depends(writer("admin"))]
AdminReader = Annotated[ApiKey, Depends(requires("admin"))]
AnalystReader = Annotated[ApiKey, Depends(requires("analyst"))]
