"""Benchmarks run as commands (`hudna bench …`), not as unit tests."""
