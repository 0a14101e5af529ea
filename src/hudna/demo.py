"""The demo: the bundled sample, end to end — ingest, extract, analyse — into one store.

`make demo` runs `hudna --db demo.db demo`, which calls `run_demo` and then serves the
dashboard. Every step is the same function the separate commands call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from hudna.analysis.run import AnalysisReport, run_analysis
from hudna.extract.build import build_pipeline
from hudna.extract.run import RunStats, extract_store, pending_documents
from hudna.ingest.runner import IngestReport, ingest_paths
from hudna.settings import Settings

SAMPLE = Path(__file__).parent / "data" / "sample" / "sample.jsonl"


@dataclass(frozen=True, slots=True)
class DemoReport:
    ingest: IngestReport
    extraction: RunStats
    analysis: AnalysisReport

    def as_dict(self) -> dict[str, object]:
        return {
            "documents_added": self.ingest.added,
            "documents_already_present": self.ingest.duplicates,
            "documents_rejected": self.ingest.rejected,
            "near_duplicate_links": self.ingest.near_duplicate_links,
            "documents_extracted": self.extraction.documents,
            "events": self.extraction.events,
            **{f"analysis_{k}": v for k, v in self.analysis.as_dict().items()},
        }


def run_demo(
    engine: Engine,
    settings: Settings,
    *,
    sample: Path = SAMPLE,
    step: Callable[[str], None] = lambda _msg: None,
) -> DemoReport:
    """Ingest the bundled sample, extract events from what is new, link and judge them."""
    step(f"ingesting {sample.name}")
    ingested = ingest_paths(engine, [str(sample)], settings)
    step("extracting events")
    pipeline = build_pipeline()
    extraction = extract_store(engine, pipeline, pending_documents(engine, pipeline.versions))
    step("linking incidents and judging them against the agreements")
    analysis = run_analysis(engine)
    return DemoReport(ingested, extraction, analysis)
