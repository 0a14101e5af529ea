"""hudna (هدنة, "truce"): ceasefire monitoring from what is reported."""

__version__ = "0.1.0"
