"""An API over the sample store, with one key per role."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from api_support import Api, make_api


@pytest.fixture
def api(store_url: str) -> Iterator[Api]:
    """On SQLite and (when available) PostgreSQL; reading needs a key."""
    built = make_api(store_url)
    yield built
    built.engine.dispose()


@pytest.fixture
def sqlite_api(sqlite_url: str) -> Callable[..., Api]:
    def build(**options: object) -> Api:
        return make_api(sqlite_url, **options)

    return build
