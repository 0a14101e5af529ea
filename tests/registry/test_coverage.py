"""Coverage and benchmark helpers behind `hudna geo coverage` and `hudna geo bench`."""

from __future__ import annotations

from hudna.registry import load_registry
from hudna.registry.bench import run_bench
from hudna.registry.coverage import arabic_coverage, english_coverage


def _actors(text: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in load_registry().find(text)]


def test_arabic_cue_coverage() -> None:
    texts = ["قال وزير الخارجية الروسي سيرغي لافروف إن تنظيم داعش وحركة مجهولة هاجموا"]
    result = arabic_coverage(texts, _actors)
    assert (result.candidates, result.covered) == (3, 2)
    assert list(result.missed) == ["حركه مجهوله"]
    assert round(result.share, 3) == 0.667


def test_english_name_coverage_skips_days_and_demonyms() -> None:
    texts = ["On Monday the Syrian Observatory for Human Rights said Russian jets hit Zzyzx Town."]
    result = english_coverage(texts, _actors)
    assert result.missed == {"Zzyzx Town": 1}
    assert (result.candidates, result.covered) == (2, 1)


def test_bench_counts_what_it_matched() -> None:
    bench = run_bench(["قال لافروف إن الطيران السوري قصف بلدة الفوعة في ريف إدلب"])
    assert (bench.documents, bench.actor_mentions, bench.place_mentions) == (1, 2, 2)
    assert bench.rss_after_mb >= bench.rss_before_mb > 0
