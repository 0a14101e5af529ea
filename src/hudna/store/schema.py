"""The store's tables, in SQLAlchemy 2 Core. Migrations in `migrations/` create them;
this module is the one description queries import.

Nested record parts (modes, entity lists, reason traces) are JSON columns; the fields
that queries filter or sort on are real columns with indexes.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

ingest_batches = Table(
    "ingest_batches",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("inputs", JSON, nullable=False),
    Column("added", Integer, nullable=False, default=0),
    Column("duplicates", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the normalized text
    Column("doc_id", String(255), nullable=False),  # the caller's id, or derived from origin
    Column("text", Text, nullable=False),
    Column("search_text", Text, nullable=False),  # Arabic-normalized copy for full-text search
    Column("language", String(8)),
    Column("published", Date),
    Column("date_origin", String(16), nullable=False, default="none"),
    Column("title", Text),
    Column("site", String(255)),
    Column("url", Text),
    Column("author", Text),
    Column("origin", Text, nullable=False, default=""),
    Column("n_chars", Integer, nullable=False),
    Column("minhash", JSON),  # MinHash signature for near-duplicate detection
    Column("batch_id", String(32), ForeignKey("ingest_batches.id")),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_doc_id", "doc_id"),
    Index("ix_documents_published", "published"),
    Index("ix_documents_language", "language"),
)

near_duplicates = Table(
    "near_duplicates",
    metadata,
    Column("doc_a", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("doc_b", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("similarity", Float, nullable=False),
    Column("method", String(32), nullable=False),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("batch_id", String(32), ForeignKey("ingest_batches.id")),
    Column("origin", Text, nullable=False),
    Column("item", Text, nullable=False, default=""),
    Column("code", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("hint", Text, nullable=False, default=""),
    Column("at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("category", String(16), nullable=False),
    Column("modes", JSON, nullable=False),
    Column("modality", String(16), nullable=False),
    Column("date", Date),
    Column("enddate", Date),
    Column("date_precision", String(8), nullable=False),
    Column("place_name", Text),
    Column("place_pcode", String(32)),
    Column("admin1", String(128)),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("event_text", Text, nullable=False),
    Column("actors", JSON, nullable=False),  # list of registry ids / surface forms, for filters
    Column("claimants", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("status", String(16), nullable=False, default="unreviewed"),
    Column("payload", JSON, nullable=False),  # the full Event record
    Column("components", JSON, nullable=False),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
    Index("ix_events_document", "document_id"),
    Index("ix_events_category_date", "category", "date"),
    Index("ix_events_date", "date"),
    Index("ix_events_admin1_date", "admin1", "date"),
    Index("ix_events_category_admin1_date", "category", "admin1", "date", "id"),
)

event_entities = Table(
    "event_entities",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(16), nullable=False),  # actor, recipient, claimant, via
    Column("entity_text", Text, nullable=False),
    Column("registry_id", String(128)),
    Column("code", String(8)),
    Column("sector", String(8)),
    Column("kind", String(16)),
    Index("ix_event_entities_event", "event_id"),
    Index("ix_event_entities_registry", "registry_id", "role"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("category", String(16), nullable=False),
    Column("date", Date),
    Column("enddate", Date),
    Column("place_name", Text),
    Column("admin1", String(128)),
    Column("lat", Float),
    Column("lon", Float),
    Column("corroboration", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("payload", JSON, nullable=False),  # the full Incident record
    Index("ix_incidents_date", "date"),
)

incident_claims = Table(
    "incident_claims",
    metadata,
    Column(
        "incident_id", String(64), ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("score", Float, nullable=False),
    Column("reasons", JSON, nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "incident_id", String(64), ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False
    ),
    Column("agreement_id", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("obligation", String(128)),
    Column("payload", JSON, nullable=False),  # the full Finding record
    UniqueConstraint("incident_id", "agreement_id", name="uq_findings_incident_agreement"),
    Index("ix_findings_agreement_kind", "agreement_id", "kind"),
)

claimed_totals = Table(
    "claimed_totals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("claimant", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("value", Float, nullable=False),
    Column("qualifier", String(24), nullable=False),
    Column("since", Date),
    Column("as_of", Date),
    Index("ix_claimed_totals_claimant", "claimant", "as_of"),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),  # viewer, analyst, admin
    Column("created_at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", String(128), nullable=False),
    Column("action", String(32), nullable=False),
    Column("target", String(128), nullable=False),
    Column("before", JSON),
    Column("after", JSON),
    Column("why", Text, nullable=False),
)

siege_records = Table(
    "siege_records",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),  # siege, population, aid, denial
    Column("place", Text, nullable=False),
    Column("place_key", String(255), nullable=False),  # P-code or normalized name
    Column("pcode", String(32)),
    Column("admin1", String(128)),
    Column("lat", Float),
    Column("lon", Float),
    Column("date", Date),
    Column("actors", JSON, nullable=False),
    Column("claimant", JSON, nullable=False),
    Column("how", String(32)),
    Column("value", Float),
    Column("qualifier", String(24)),
    Index("ix_siege_records_place", "place_key", "date"),
)

extractions = Table(
    "extractions",
    metadata,
    Column(
        "document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("versions_key", String(64), nullable=False),  # sha256 of the sorted versions JSON
    Column("versions", JSON, nullable=False),
    Column("events", Integer, nullable=False),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
    Index("ix_extractions_versions_key", "versions_key"),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("hash", BigInteger, primary_key=True),  # hudna.ingest.dedupe.band_hashes
    Column(
        "document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    Index("ix_minhash_bands_document", "document_id"),
    sqlite_with_rowid=False,
)
