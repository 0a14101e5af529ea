"""One JSON error shape for every error the API returns, 404, 405, 422 and 500 included:

{"error": {"code": "not_found", "message": "no event 'e1'", "details": null}}
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match

from hudna.agreements import AgreementNotFound
from hudna.errors import HudnaError, InputRejected, StoreError

log = logging.getLogger("hudna.api")

STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}


class ErrorBody(BaseModel):
    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    """The shape of every error response."""

    error: ErrorBody


class ApiError(Exception):
    """An error the API answers with on purpose: a status, a stable code and a message
    that says what to do."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.message = message
        self.details = details
        self.headers = headers or {}


def error_response(
    status: int,
    code: str,
    message: str,
    details: Any = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details))
    return JSONResponse(
        body.model_dump(mode="json"), status_code=status, headers=dict(headers or {})
    )


async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = STATUS_CODES.get(exc.status_code, "error")
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}; the API's routes are listed at /api/docs"
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        allowed = allowed_methods(request)
        headers["Allow"] = ", ".join(allowed)
        message = f"{request.method} is not allowed on {request.url.path}; use {', '.join(allowed)}"
    return error_response(exc.status_code, code, message, None, headers)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts at this path (routes are one per method)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE and isinstance(route, BaseRoute):
            methods.update(getattr(route, "methods", None) or ())
    return sorted(methods)


def _jsonable_errors(errors: Any) -> list[dict[str, Any]]:
    return [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
        for e in errors
    ]


async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    details = _jsonable_errors(exc.errors())
    fields = ", ".join(".".join(str(p) for p in d["loc"]) for d in details)
    message = f"the request is invalid ({fields}); see details and the OpenAPI at /api/docs"
    return error_response(422, "invalid_request", message, details)


async def _input_rejected(_: Request, exc: InputRejected) -> JSONResponse:
    return error_response(422, exc.code, exc.reason, {"hint": exc.hint})


async def _store_error(_: Request, exc: Exception) -> JSONResponse:
    log.error("store error: %s", exc)
    return error_response(503, "store_unavailable", str(exc))


async def _agreement_not_found(_: Request, exc: AgreementNotFound) -> JSONResponse:
    return error_response(404, "not_found", str(exc))


async def _hudna_error(_: Request, exc: Exception) -> JSONResponse:
    return error_response(400, "bad_request", str(exc))


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(
        500, "internal_error", "an unexpected error happened; the server log has the trace"
    )


def install_error_handlers(app: FastAPI) -> None:
    app.exception_handler(ApiError)(_api_error)
    app.exception_handler(StarletteHTTPException)(_http_error)
    app.exception_handler(RequestValidationError)(_validation_error)
    app.exception_handler(InputRejected)(_input_rejected)
    app.exception_handler(StoreError)(_store_error)
    app.exception_handler(AgreementNotFound)(_agreement_not_found)
    app.exception_handler(HudnaError)(_hudna_error)
    app.exception_handler(Exception)(_unexpected)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": code.replace("_", " ")}
    for status, code in STATUS_CODES.items()
    if status in (400, 401, 403, 404, 422, 429)
}
