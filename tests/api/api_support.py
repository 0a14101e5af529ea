"""The API over the sample store with one key per role, for tests/api."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from hudna.api import create_app
from hudna.api.keys import create_key
from hudna.api.sample import load_sample
from hudna.settings import Settings
from hudna.store.database import open_store


@dataclass
class Api:
    app: FastAPI
    client: TestClient
    engine: Engine
    keys: dict[str, str]
    docs: dict[str, str]

    def as_(self, role: str) -> dict[str, str]:
        return {"X-API-Key": self.keys[role]}


def make_api(db: str, **options: object) -> Api:
    engine = open_store(db)
    docs = load_sample(engine)
    keys = {role: create_key(engine, f"{role}-1", role) for role in ("viewer", "analyst", "admin")}
    settings = Settings(db=db, api_rate_limit=int(options.pop("rate", 1000)))  # type: ignore[call-overload]
    app = create_app(settings, engine=engine, dashboard=False, **options)  # type: ignore[arg-type]
    return Api(app, TestClient(app, raise_server_exceptions=False), engine, keys, docs)
