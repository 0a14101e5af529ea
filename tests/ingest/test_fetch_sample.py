"""Fetching with retries and backoff (offline, through a mock transport), and the bundled
sample being exactly what `build_sample` makes from the shared corpora."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from hudna.bench.ingest import bench_ingest
from hudna.errors import FetchFailed
from hudna.ingest.fetch import fetch
from hudna.ingest.sample import SAMPLE_PATH, build_sample
from hudna.settings import Settings


def test_timeouts_are_retried_with_exponential_backoff_then_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    slept: list[float] = []
    settings = Settings(fetch_retries=3, fetch_backoff=0.5)
    with pytest.raises(FetchFailed) as caught:
        fetch(
            "https://news.example/a",
            settings,
            transport=httpx.MockTransport(handler),
            sleep=slept.append,
        )
    assert slept == [0.5, 1.0]
    assert caught.value.code == "unreachable" and "3 times" in caught.value.reason


def test_an_answer_over_the_size_limit_is_refused() -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(200, content=b"x" * 5000))
    with pytest.raises(FetchFailed) as caught:
        fetch("https://news.example/big", Settings(max_document_bytes=1000), transport=transport)
    assert caught.value.code == "oversized"


def test_a_404_is_not_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(404)

    with pytest.raises(FetchFailed) as caught:
        fetch("https://news.example/gone", Settings(), transport=httpx.MockTransport(handler))
    assert caught.value.code == "http-error" and len(calls) == 1


def test_the_bundled_sample_is_reproducible(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "sample.jsonl"
    assert build_sample(shared, out) == 200
    assert out.read_bytes() == SAMPLE_PATH.read_bytes()


def test_the_bundled_sample_has_its_attribution() -> None:
    attribution = (SAMPLE_PATH.parent / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for needed in ("CC BY-NC-SA 4.0", "CC BY 4.0", "SaudiNewsNet", "FA-KES", "seed-000"):
        assert needed in attribution
    assert len(SAMPLE_PATH.read_text(encoding="utf-8").splitlines()) <= 200


def test_bench_ingest_reports_rate_memory_and_a_no_op_second_run() -> None:
    result = bench_ingest([str(SAMPLE_PATH)], Settings(), one_core=False)
    assert (result.documents, result.added, result.second_run_added) == (200, 200, 0)
    assert result.documents_per_second > 0 and result.peak_rss_mb > 0 and not result.one_core
