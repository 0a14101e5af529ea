"""Language identification on real article openings (script count first, then lingua)."""

from __future__ import annotations

import pytest

from hudna.ingest.language import detect_language, valid_code

CASES = [
    ("ناقش وزير الخارجية الروسي سيرغي لافروف مع نظيره الأمريكي جون كيري خلال اتصال هاتفي أمس تعزيز وقف الأعمال القتالية في سورية.", "ar"),
    ("The United States has said the deaths were caused by sarin nerve gas dropped by Syrian aircraft, while Russia said poison gas leaked from a rebel depot.", "en"),
    ("Les États-Unis ont affirmé que les morts avaient été causées par du gaz sarin largué par des avions syriens, selon un communiqué publié mercredi.", "fr"),
    ("Россия заявила, что ядовитый газ вытек со склада химического оружия повстанцев, пораженного сирийскими бомбардировщиками.", "ru"),
    ("Suriye hükümeti ateşkesin devam ettiğini açıkladı ve muhalefet grupları da Halep'teki çatışmaların durduğunu doğruladı.", "tr"),
    ("وزیر امور خارجه روسیه با همتای آمریکایی خود درباره آتش بس در سوریه گفتگو کرد و گفت که آتش بس باید ادامه پیدا کند.", "fa"),
    ("12 / 34 — 56", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "code"), CASES)
def test_languages_of_real_openings(text: str, code: str | None) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    ("given", "kept"),
    [("ar", "ar"), (" EN ", "en"), ("pt-br", "pt-br"), ("Arabic", None), ("", None), (None, None)],
)
def test_given_codes_are_kept_when_valid(given: str | None, kept: str | None) -> None:
    assert valid_code(given) == kept
