"""The application factory: the REST API under /api/ and the dashboard under /, one app."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
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


STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
SWAGGER = "/static/vendor/swagger-ui-5.17.14"


async def _docs() -> HTMLResponse:
    """The interactive API docs, from the vendored Swagger UI (no CDN)."""
    return get_swagger_ui_html(
        openapi_url="/api/openapi.json",
        title="hudna API",
        swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
        swagger_css_url=f"{SWAGGER}/swagger-ui.css",
        swagger_favicon_url="data:,",
    )


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
        docs_url=None,
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
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.get("/api/docs", include_in_schema=False)(_docs)
    for module in (documents, events, incidents, findings, agreements, bulletins, publish, admin):
        app.include_router(module.router)
    if dashboard:
        from hudna.web.routes import install_dashboard

        install_dashboard(app)
    return app
