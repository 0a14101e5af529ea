"""The dashboard in Debian's headless Chromium: it loads offline, filters, opens an
incident with its highlighted evidence, switches to Arabic, and runs no script from a
document. Screenshots go to tests/screenshots/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from hudna.api.sample import SampleDoc, insert_document
from hudna.records import Event, Place, Span
from hudna.settings import Settings
from hudna.store.database import open_store
from hudna.store.events import replace_document_events
from hudna.store.schema import incident_claims, incidents

pytestmark = pytest.mark.browser


def test_dashboard_loads_offline_with_map_and_timeline(
    browser: Any, live_server: str, screenshot_dir: Path
) -> None:
    page = browser.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(live_server) else None,
    )
    page.goto(live_server + "/")
    page.wait_for_selector("#map[data-ready]")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator(".leaflet-interactive").count() >= 14 + 2  # governorates + markers
    assert page.locator("#timeline rect").count() == 1
    assert page.locator("#incidents tbody tr").count() == 2
    page.screenshot(path=str(screenshot_dir / "dashboard-en.png"), full_page=True)
    assert outside == []
    page.close()


def test_filter_by_governorate_updates_map_and_list(browser: Any, live_server: str) -> None:
    page = browser.new_page()
    page.goto(live_server + "/")
    page.wait_for_selector("#map[data-ready]")
    with page.expect_navigation():
        page.select_option("#f-admin1", "Rural Damascus")
    page.wait_for_selector("#map[data-ready]")
    rows = page.locator("#incidents tbody tr")
    assert rows.count() == 1
    assert "Douma" in rows.first.inner_text()
    assert page.locator("#map").get_attribute("data-ready") == "1"
    with page.expect_navigation():
        page.select_option("#f-category", "PROTEST")
    assert page.locator("#no-incidents").is_visible()
    page.close()


def test_incident_shows_claims_side_by_side_with_highlighted_evidence(
    browser: Any, live_server: str, screenshot_dir: Path
) -> None:
    page = browser.new_page()
    page.goto(live_server + "/")
    page.wait_for_selector("#incidents")
    with page.expect_navigation():
        page.locator("#incidents tr", has_text="Sheikh Maqsoud").locator("a").click()
    page.wait_for_selector("#claims")
    assert page.locator("article.claim").count() == 3
    marks = page.locator("blockquote.evidence mark")
    assert sorted(marks.all_inner_texts()) == sorted(
        [
            "Shelling hit the Sheikh Maqsoud district of Aleppo",
            "قصفوا حي الشيخ مقصود في حلب",
            "قصفت حي الشيخ مقصود بالمدفعية",
        ]
    )
    arabic = page.locator("blockquote.evidence", has_text="قصفوا")
    assert arabic.get_attribute("dir") == "rtl"
    assert page.locator("blockquote.evidence", has_text="Shelling").get_attribute("dir") == "ltr"
    claimants = page.locator("td.claimant").all_inner_texts()
    assert "المركز الروسي للمصالحة" in claimants
    assert "Syrian Observatory for Human Rights" in claimants
    page.screenshot(path=str(screenshot_dir / "incident-en.png"), full_page=True)
    page.close()


def test_arabic_interface_is_right_to_left(
    browser: Any, live_server: str, screenshot_dir: Path
) -> None:
    page = browser.new_page()
    page.goto(live_server + "/incidents/inc-aleppo-2016-04-11")
    with page.expect_navigation():
        page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "الادعاءات جنبًا إلى جنب" in page.inner_text("main")
    page.screenshot(path=str(screenshot_dir / "incident-ar.png"), full_page=True)
    page.goto(live_server + "/?lang=ar")
    page.wait_for_selector("#map[data-ready]")
    page.screenshot(path=str(screenshot_dir / "dashboard-ar.png"), full_page=True)
    page.goto(live_server + "/agreements/syria-coh-2016?lang=ar")
    assert page.locator("#findings details").count() == 1
    assert "430" in page.inner_text("#claimed-totals")
    page.screenshot(path=str(screenshot_dir / "agreement-ar.png"), full_page=True)
    page.close()


HOSTILE = (
    'حلب - <script>window.__pwned = "script"</script> قصف على الحي '
    "<img src=x onerror=\"window.__pwned = 'img'\"> ثم "
    '"><svg onload="window.__pwned=\'svg\'"> انتهى.'
)


def _insert_hostile(db: str) -> tuple[str, str]:
    engine = open_store(db)
    doc = SampleDoc("hostile", HOSTILE, "ar", dt.date(2016, 4, 13), "<b onmouseover=x>t</b>",
                    "evil.example", "javascript:alert(1)")  # fmt: skip
    start = HOSTILE.index("<img")
    place = Place(entity_text="حلب", name="<i>Aleppo</i>", admin1="Aleppo", lat=36.2, lon=37.1)
    event = Event(id="hostile-e1", doc_id="hostile", event="ASSAULT", date=dt.date(2016, 4, 13),
                  text_info=Span(start=start, end=HOSTILE.index(" ثم")),
                  event_text=HOSTILE[start:HOSTILE.index(" ثم")], event_loc=place)  # fmt: skip
    with engine.begin() as conn:
        key = insert_document(conn, doc)
        replace_document_events(conn, key, [event])
        conn.execute(insert(incidents), {
            "id": "inc-hostile", "category": "ASSAULT", "date": dt.date(2016, 4, 13),
            "place_name": "<img src=y onerror=\"window.__pwned='place'\">", "admin1": "Aleppo",
            "lat": 36.2, "lon": 37.1, "corroboration": 1, "independent_sources": 1,
            "payload": {"conflicts": ["<script>window.__pwned='conflict'</script>"]},
        })  # fmt: skip
        conn.execute(insert(incident_claims), {"incident_id": "inc-hostile",
                     "event_id": "hostile-e1", "score": 1.0, "reasons": []})  # fmt: skip
    return key, "inc-hostile"


def test_no_script_from_a_document_ever_runs(
    browser: Any,
    live_server: str,
    live_store: tuple[Settings, dict[str, str]],
    screenshot_dir: Path,
) -> None:
    document_id, incident_id = _insert_hostile(live_store[0].db)
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in (f"/documents/{document_id}", f"/incidents/{incident_id}", "/"):
        page.goto(live_server + path)
        page.wait_for_load_state("load")
        if path == "/":
            page.wait_for_selector("#map[data-ready]")
            page.locator(".leaflet-interactive").last.click(force=True)
        assert page.evaluate("window.__pwned === undefined"), path
        assert (
            page.locator(
                "main script:not([type='application/json']), main img, main [onload], main [onerror]"
            ).count()
            == 0
        ), path
    page.goto(live_server + f"/documents/{document_id}")
    text = page.inner_text("#document-text")
    assert "<script>" in text and "onerror" in text
    assert page.locator("#document-text mark").inner_text().startswith("<img")
    page.screenshot(path=str(screenshot_dir / "hostile-document.png"), full_page=True)
    assert dialogs == []
    page.close()


def test_api_docs_load_from_vendored_swagger_ui(
    browser: Any, live_server: str, screenshot_dir: Path
) -> None:
    page = browser.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((live_server, "data:")) else None,
    )
    page.goto(live_server + "/api/docs")
    page.wait_for_selector(".opblock-tag", timeout=20000)
    assert "/api/events" in page.inner_text("body")
    page.screenshot(path=str(screenshot_dir / "api-docs.png"))
    assert outside == []
    page.close()
