"""API keys: created once and shown once, stored only as their SHA-256 hash, each with a role.

Roles are ordered: a viewer reads; an analyst also confirms or corrects claims and ingests;
an admin also manages keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from hudna.errors import HudnaError
from hudna.store.schema import api_keys

Role = Literal["viewer", "analyst", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "analyst", "admin")
KEY_PREFIX = "hk_"


class ApiKeyError(HudnaError):
    """A key cannot be created or removed (duplicate name, unknown role or name)."""


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A key as listed: never the key itself."""

    name: str
    role: Role
    created_at: dt.datetime


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def role_at_least(role: str, needed: Role) -> bool:
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)


def create_key(engine: Engine, name: str, role: str) -> str:
    """Store a new key for `name` with `role` and return the key (the only time it is seen)."""
    if role not in ROLES:
        raise ApiKeyError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    row = {
        "name": name,
        "key_hash": hash_key(key),
        "role": role,
        "created_at": dt.datetime.now(dt.UTC),
    }
    try:
        with engine.begin() as conn:
            conn.execute(insert(api_keys), row)
    except IntegrityError as e:
        raise ApiKeyError(
            f"a key named {name!r} exists; pick another name or run `hudna keys delete {name}`"
        ) from e
    return key


def list_keys(engine: Engine) -> list[ApiKey]:
    q = select(api_keys.c.name, api_keys.c.role, api_keys.c.created_at).order_by(api_keys.c.name)
    with engine.connect() as conn:
        return [ApiKey(r.name, r.role, r.created_at) for r in conn.execute(q)]


def delete_key(engine: Engine, name: str) -> None:
    with engine.begin() as conn:
        gone = conn.execute(delete(api_keys).where(api_keys.c.name == name)).rowcount
    if not gone:
        raise ApiKeyError(f"no key named {name!r}; see `hudna keys list`")


def lookup_key(engine: Engine, key: str) -> ApiKey | None:
    """The key's owner and role, or None for an unknown key."""
    q = select(api_keys.c.name, api_keys.c.role, api_keys.c.created_at).where(
        api_keys.c.key_hash == hash_key(key)
    )
    with engine.connect() as conn:
        row = conn.execute(q).first()
    return ApiKey(row.name, row.role, row.created_at) if row else None
