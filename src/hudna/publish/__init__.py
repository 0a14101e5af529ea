"""Publishing: bulletins (HTML, Markdown, PDF with a map and a trend chart) and exports
(PLOVER JSONL, ACLED-style CSV, GeoJSON, Parquet). The API and the CLI call these names."""

from __future__ import annotations

from hudna.publish.bulletin import build_bulletin, period_window
from hudna.publish.exports import FORMATS, ExportFilters, export_events
from hudna.publish.model import Bulletin
from hudna.publish.outputs import ExportResult
from hudna.publish.render import render_html, render_markdown, render_pdf

__all__ = [
    "FORMATS",
    "Bulletin",
    "ExportFilters",
    "ExportResult",
    "build_bulletin",
    "export_events",
    "period_window",
    "render_html",
    "render_markdown",
    "render_pdf",
]
