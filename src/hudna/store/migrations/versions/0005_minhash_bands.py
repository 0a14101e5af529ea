"""minhash_bands: the LSH band hashes of each document's MinHash signature, so a new document's
near-duplicate candidates are found by an index instead of reading every stored signature;
backfilled from documents.minhash

Revision ID: 0005b
Revises: 0004e
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

from hudna.ingest.dedupe import NUM_PERM, band_hashes

revision = "0005b"
down_revision = "0004e"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bands = op.create_table(
        "minhash_bands",
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("band", "hash", "document_id"),
        sqlite_with_rowid=False,  # the key is the table: a quarter less work per insert
    )
    with op.batch_alter_table("minhash_bands") as batch_op:
        batch_op.create_index("ix_minhash_bands_document", ["document_id"])
    chunk: list[dict[str, object]] = []
    for row in _bands_of_stored_documents():
        chunk.append(row)
        if len(chunk) >= 10_000:
            op.bulk_insert(bands, chunk)
            chunk = []
    if chunk:
        op.bulk_insert(bands, chunk)


def _bands_of_stored_documents() -> Iterator[dict[str, object]]:
    documents = sa.table("documents", sa.column("id"), sa.column("minhash", sa.JSON))
    query = sa.select(documents.c.id, documents.c.minhash).where(documents.c.minhash.is_not(None))
    for doc, sig in op.get_bind().execute(query).all():
        if isinstance(sig, list) and len(sig) == NUM_PERM:
            for band, value in enumerate(band_hashes(sig)):
                yield {"band": band, "hash": value, "document_id": doc}


def downgrade() -> None:
    op.drop_table("minhash_bands")
