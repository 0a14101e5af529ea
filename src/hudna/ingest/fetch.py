"""Fetching a URL with httpx: a timeout, retries with exponential backoff on connection errors
and 5xx/429 answers, a size limit, and an injectable transport so tests run offline."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from hudna import __version__
from hudna.errors import FetchFailed
from hudna.settings import Settings

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
USER_AGENT = f"hudna/{__version__} (ceasefire monitoring)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


def _read_limited(response: httpx.Response, limit: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchFailed(
                f"oversized: the answer exceeds {limit:,} bytes (max_document_bytes)",
                hint="raise HUDNA_MAX_DOCUMENT_BYTES if the page is genuine",
                code="oversized",
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _attempt(client: httpx.Client, url: str, limit: int) -> Fetched | httpx.Response:
    with client.stream("GET", url) as response:
        if response.status_code in RETRY_STATUS:
            return response
        if response.status_code >= 400:
            raise FetchFailed(
                f"HTTP {response.status_code} from {url}",
                hint="check the address; the server refused or does not have it",
                code="http-error",
            )
        content = _read_limited(response, limit)
        kind = response.headers.get("content-type", "")
        return Fetched(url=str(response.url), content=content, content_type=kind)


def fetch(
    url: str,
    settings: Settings,
    *,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Fetched:
    """GET `url`, retrying transient failures; raise `FetchFailed` saying why and what to do."""
    attempts = max(1, settings.fetch_retries)
    problem = ""
    with httpx.Client(
        transport=transport, timeout=settings.fetch_timeout, follow_redirects=True,
        headers={"user-agent": USER_AGENT},
    ) as client:  # fmt: skip
        for attempt in range(attempts):
            if attempt:
                sleep(settings.fetch_backoff * 2 ** (attempt - 1))
            try:
                result = _attempt(client, url, settings.max_document_bytes)
            except httpx.TransportError as e:
                problem = f"{type(e).__name__}: {e}"
                continue
            except httpx.InvalidURL as e:
                raise FetchFailed(
                    f"invalid URL {url!r}: {e}", hint="check the address", code="bad-url"
                ) from e
            if isinstance(result, Fetched):
                return result
            problem = f"HTTP {result.status_code}"
    raise FetchFailed(
        f"unreachable: {url} failed {attempts} times ({problem})",
        hint="check the address and the network, then ingest it again (nothing else was lost)",
        code="unreachable",
    )
