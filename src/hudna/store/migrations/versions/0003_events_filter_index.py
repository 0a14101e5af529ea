"""events: a covering index for the API's usual filter (category + governorate + date range,
ordered by date then id)

Revision ID: 0003p
Revises: 0002a
"""

from __future__ import annotations

from alembic import op

revision = "0003p"
down_revision = "0002a"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_events_category_admin1_date", "events", ["category", "admin1", "date", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_events_category_admin1_date", table_name="events")
