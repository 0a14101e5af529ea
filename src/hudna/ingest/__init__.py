"""Ingest: readers for text, HTML, feeds, corpora, directories and URLs; content identity;
near-duplicates; language; publication dates; the batch runner."""

from hudna.ingest.runner import IngestOutcome, IngestReport, Progress, ingest_document, ingest_paths

__all__ = ["IngestOutcome", "IngestReport", "Progress", "ingest_document", "ingest_paths"]
