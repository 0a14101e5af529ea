"""The application factory: the REST API under /api/ and the dashboard under /, one app."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine

from hudna import __version__
from hudna.api.deps import ApiContext
from hudna.api.errors import install_error_handlers
from hudna.api.ratelimit import SlidingWindowLimiter
from hudna.api.routers import (
    admin,
    agreements,
    bulletins,
    documents,
    events,
    findings,
    incidents,
    publish,
)
from hudna.settings import Settings
from hudna.store.database import open_store

DESCRIPTION = """\
hudna's REST API: documents, events (claims), incidents, findings, agreements, claimed totals,
bulletins and exports. Send an API key in the `X-API-Key` header. Every error has the shape
`{"error": {"code", "message", "details"}}`.
"""


def create_app(
    settings: Settings,
    *,
    engine: Engine | None = None,
    auth_required_for_read: bool = True,
    dashboard: bool = True,
) -> FastAPI:
    """The API (and, unless `dashboard=False`, the web dashboard) over the store named by
    `settings.db` (or `engine`). Reading is open when `auth_required_for_read` is False;
    writing always needs a key."""
    app = FastAPI(
        title="hudna",
        version=__version__,
        description=DESCRIPTION,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.hudna = ApiContext(
        settings=settings,
        engine=engine or open_store(settings.db),
        auth_required_for_read=auth_required_for_read,
        limiter=SlidingWindowLimiter(settings.api_rate_limit),
    )
    install_error_handlers(app)
    for module in (documents, events, incidents, findings, agreements, bulletins, publish, admin):
        app.include_router(module.router)
    if dashboard:
        from hudna.web.routes import install_dashboard

        install_dashboard(app)
    return app
