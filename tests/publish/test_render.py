from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from publish_store import AGREEMENT, DAY, populate

from hudna.publish import Bulletin, build_bulletin, render_html, render_markdown, render_pdf
from hudna.store.database import create_store_engine

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture(scope="module")
def bulletins(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Bulletin]:
    from hudna.store.database import upgrade

    url = str(tmp_path_factory.mktemp("render") / "store.db")
    engine = create_store_engine(url)
    upgrade(engine)
    populate(engine)
    made = {
        lang: build_bulletin(engine, agreement_id=AGREEMENT, day=DAY, period="week", lang=lang)  # type: ignore[arg-type]
        for lang in ("ar", "en")
    }
    before = DAY - dt.timedelta(days=7)  # the week of the hostile report
    made["hostile"] = build_bulletin(
        engine, agreement_id=AGREEMENT, day=before, period="week", lang="en"
    )
    return made


def test_arabic_html_is_right_to_left_and_english_left_to_right(
    bulletins: dict[str, Bulletin],
) -> None:
    assert '<html lang="ar" dir="rtl">' in render_html(bulletins["ar"])
    assert '<html lang="en" dir="ltr">' in render_html(bulletins["en"])


def test_html_has_every_section_and_the_charts_inline(bulletins: dict[str, Bulletin]) -> None:
    html = render_html(bulletins["ar"])
    for section in (
        "figures",
        "totals",
        "governorates",
        "charts",
        "violations",
        "sieges",
        "diplomacy",
        "statements",
        "evidence",
    ):
        assert f'<section id="{section}">' in html
    assert html.count('src="data:image/svg+xml;base64,') == 2
    assert "الأرقام الرئيسية" in html and "حلب" in html
    assert "http://" not in re.sub(r'href="https?://[^"]+"', "", html).replace(
        "http://www.w3.org", ""
    )


def test_html_escapes_store_text_and_never_links_a_script_url(
    bulletins: dict[str, Bulletin],
) -> None:
    html = render_html(bulletins["hostile"])
    body = html[html.index("<body>") :]
    assert "<script" not in body and "<img src=x" not in body and "<i>evil" not in body
    assert "&lt;script&gt;" in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert 'href="javascript:' not in body and "javascript:alert(1)" in body


def test_items_link_to_their_evidence_notes(bulletins: dict[str, Bulletin]) -> None:
    html = render_html(bulletins["en"])
    refs = set(re.findall(r'href="#note-(\d+)"', html))
    notes = set(re.findall(r'id="note-(\d+)"', html))
    assert refs and refs <= notes


def test_signed_changes_keep_their_sign_first_in_arabic(bulletins: dict[str, Bulletin]) -> None:
    assert "\u200e+5" in render_html(bulletins["ar"])  # claims: 6 against 1


def test_markdown_has_tables_footnotes_and_inert_store_text(bulletins: dict[str, Bulletin]) -> None:
    md = render_markdown(bulletins["en"])
    assert md.startswith("# Ceasefire monitoring bulletin")
    assert "| Claims | 6 | 1 | \u200e+5 |" in md
    assert re.search(r"^\[\^1\]: «", md, re.M)
    hostile = render_markdown(bulletins["hostile"])
    assert "<script>" not in hostile and r"\<script\>" in hostile
    assert "Sergey Lavrov → John Kerry" in md


def test_arabic_markdown_uses_arabic_wording(bulletins: dict[str, Bulletin]) -> None:
    md = render_markdown(bulletins["ar"])
    assert "# نشرة رصد وقف إطلاق النار" in md and "سيرغي لافروف ← جون كيري" in md


def _pdftotext(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm absent: apt-get install poppler-utils"
)
def test_arabic_pdf_renders_and_its_first_page_is_saved_as_a_screenshot(
    bulletins: dict[str, Bulletin], tmp_path: Path
) -> None:
    fonts_installed = subprocess.run(
        ["fc-list", "Noto Naskh Arabic"], capture_output=True, text=True
    )
    if not fonts_installed.stdout.strip():
        pytest.skip("Noto Naskh Arabic is not installed: apt-get install fonts-noto-core")
    pdf = render_pdf(bulletins["ar"], tmp_path / "bulletin-ar.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert "Noto-Naskh-Arabic" in fonts  # Debian's fonts-noto-core, embedded
    text = _pdftotext(pdf)
    assert "نشرة رصد وقف إطلاق النار" in text  # extractable in logical order: shaped, not boxes
    SCREENSHOTS.mkdir(exist_ok=True)
    target = SCREENSHOTS / "bulletin-ar-p1"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(target),
        ],
        check=True,
    )
    assert target.with_suffix(".png").stat().st_size > 10_000


def test_the_map_frames_items_outside_syria_without_the_outlines() -> None:
    from hudna.publish.areas import load_governorates
    from hudna.publish.charts import map_svg
    from hudna.publish.model import MapPoint

    donbas = [MapPoint(lat=48.0, lon=37.8, category="ASSAULT", count=3)]
    syria = [MapPoint(lat=36.2, lon=37.15, category="ASSAULT")]
    governorates = load_governorates()
    outlined = map_svg(governorates, syria)
    alone = map_svg(governorates, donbas)
    assert outlined.count("<path") > alone.count("<path")  # no Syrian outlines around Donetsk
    assert "#c0392b" in alone  # the assault is drawn
