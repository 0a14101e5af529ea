"""siege records: besieged places, population claims, aid deliveries, denials of access

Revision ID: 0002a
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002a"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "siege_records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("place_key", sa.String(length=255), nullable=False),
        sa.Column("pcode", sa.String(length=32), nullable=True),
        sa.Column("admin1", sa.String(length=128), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("claimant", sa.JSON(), nullable=False),
        sa.Column("how", sa.String(length=32), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_siege_records_place", "siege_records", ["place_key", "date"])


def downgrade() -> None:
    op.drop_index("ix_siege_records_place", table_name="siege_records")
    op.drop_table("siege_records")
