"""The dashboard's routes, mounted on the API's app by `install_dashboard`.

Pages read with the same rule as the API (open when the app was created with
`auth_required_for_read=False`). Every page is rendered with Jinja autoescaping and sent
with a Content-Security-Policy that allows only the app's own scripts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from hudna.agreements import AgreementNotFound, get_agreement, load_agreements
from hudna.api.deps import Ctx, Reader
from hudna.api.errors import ApiError
from hudna.api.queries import IncidentFilter
from hudna.records import CATEGORIES
from hudna.web.boundaries import load_boundaries
from hudna.web.i18n import Labels, choose_lang
from hudna.web.names import PlaceNames
from hudna.web.pages import agreement_view, document_view, incident_view
from hudna.web.views import index_view

HERE = Path(__file__).parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)

Lang = Annotated[str | None, Query(pattern="^(ar|en)$", description="ar or en")]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda v: f"{v:g}" if isinstance(v, float) else v
    return env


templates = Jinja2Templates(env=_environment())


def _agreements_dir(ctx: Any) -> Path | None:
    return Path(ctx.settings.agreements_dir) if ctx.settings.agreements_dir else None


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise ApiError(422, f"{value!r} is not a date; use YYYY-MM-DD") from e


def _category(value: str) -> str:
    if value not in CATEGORIES:
        raise ApiError(
            422, f"{value!r} is not a PLOVER category; use one of {', '.join(CATEGORIES)}"
        )
    return value


def render(request: Request, name: str, lang: str | None, **context: Any) -> HTMLResponse:
    t = Labels(lang or "en")
    names = PlaceNames(t.lang)
    response = templates.TemplateResponse(request, name, {"t": t, "names": names, **context})
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


async def index(
    request: Request,
    ctx: Ctx,
    _: Reader,
    lang: Lang = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD or empty")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD or empty")] = None,
    category: Annotated[str | None, Query(description="A PLOVER category or empty")] = None,
    admin1: Annotated[str | None, Query(max_length=128)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> HTMLResponse:
    """The dashboard; an empty filter field (as a plain form sends it) means no filter."""
    f = IncidentFilter(
        categories=[_category(category)] if category else [], since=_day(since),
        until=_day(until), admin1=[admin1] if admin1 else [],
    )  # fmt: skip
    since, until = (d.isoformat() if d else None for d in (f.since, f.until))
    view = await run_in_threadpool(index_view, ctx.engine, f, offset, choose_lang(lang))
    agreements = await run_in_threadpool(load_agreements, _agreements_dir(ctx))
    filters = {"since": since, "until": until, "category": category, "admin1": admin1}
    return render(request, "index.html", lang, view=view, filters=filters, agreements=agreements)


async def incident_page(
    request: Request, incident_id: str, ctx: Ctx, _: Reader, lang: Lang = None
) -> HTMLResponse:
    view = await run_in_threadpool(incident_view, ctx.engine, incident_id, choose_lang(lang))
    if view is None:
        raise ApiError(404, f"no incident {incident_id!r}; the dashboard lists them at /")
    return render(request, "incident.html", lang, incident=view)


async def document_page(
    request: Request, document_id: str, ctx: Ctx, _: Reader, lang: Lang = None
) -> HTMLResponse:
    view = await run_in_threadpool(document_view, ctx.engine, document_id)
    if view is None:
        raise ApiError(404, f"no document {document_id!r}")
    return render(request, "document.html", lang, document=view)


async def agreement_page(
    request: Request, agreement_id: str, ctx: Ctx, _: Reader, lang: Lang = None
) -> HTMLResponse:
    try:
        agreement = await run_in_threadpool(get_agreement, agreement_id, _agreements_dir(ctx))
    except AgreementNotFound as e:
        raise ApiError(404, str(e)) from e
    view = await run_in_threadpool(agreement_view, ctx.engine, agreement)
    return render(request, "agreement.html", lang, view=view)


async def boundaries(level: int) -> JSONResponse:
    if level not in (1, 2):
        raise ApiError(404, "boundaries exist for admin levels 1 and 2")
    data = await run_in_threadpool(load_boundaries, level)
    return JSONResponse(data, headers={"Cache-Control": "public, max-age=86400"})


def install_dashboard(app: FastAPI) -> None:
    """Mount the dashboard's pages and static files on `app`."""
    app.get("/", response_class=HTMLResponse, include_in_schema=False)(index)
    for path, endpoint in (
        ("/incidents/{incident_id}", incident_page),
        ("/documents/{document_id}", document_page),
        ("/agreements/{agreement_id}", agreement_page),
    ):
        app.get(path, response_class=HTMLResponse, include_in_schema=False)(endpoint)
    app.get("/web/boundaries/admin{level}.geojson", include_in_schema=False)(boundaries)
