"""The store side of incidents, findings, claimed totals and sieges: `run_analysis` writes
them, `hudna.analysis.queries` reads them for the CLI, the API and the dashboard."""

from hudna.analysis.run import AnalysisReport, run_analysis

__all__ = ["AnalysisReport", "run_analysis"]
