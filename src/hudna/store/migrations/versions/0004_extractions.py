"""extractions: which documents were extracted by which component versions, so a document
that gave no event is not extracted again on every run

Revision ID: 0004e
Revises: 0003p
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0004e"
down_revision = "0003p"
branch_labels = None
depends_on = None


def upgrade() -> None:
    extractions = op.create_table(
        "extractions",
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("versions_key", sa.String(64), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id"),
    )
    with op.batch_alter_table("extractions") as batch_op:
        batch_op.create_index("ix_extractions_versions_key", ["versions_key"])
    op.bulk_insert(extractions, _marks_for_existing_events())


def _marks_for_existing_events() -> list[dict[str, object]]:
    """Documents extracted before this table existed, marked with their events' component
    versions, so an upgrade does not trigger a full re-extraction."""
    events = sa.table("events", sa.column("document_id"), sa.column("components", sa.JSON))
    rows = op.get_bind().execute(sa.select(events.c.document_id, events.c.components))
    counts: Counter[str] = Counter()
    versions: dict[str, dict[str, str]] = {}
    for document_id, components in rows:
        counts[document_id] += 1
        versions.setdefault(document_id, components)
    now = dt.datetime.now(dt.UTC)
    return [
        {
            "document_id": doc,
            "versions_key": hashlib.sha256(json.dumps(v, sort_keys=True).encode()).hexdigest(),
            "versions": v,
            "events": counts[doc],
            "extracted_at": now,
        }
        for doc, v in versions.items()
    ]


def downgrade() -> None:
    op.drop_table("extractions")
