"""The batch runner over real bad inputs: refusals recorded item by item, good items kept,
identity makes a second run a no-op, URLs fetched through an injectable transport."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from hudna.cli.app import app
from hudna.errors import InputRejected
from hudna.ingest import ingest_document, ingest_paths, sources
from hudna.settings import Settings
from hudna.store import documents as store
from hudna.store.database import open_store
from hudna.store.schema import ingest_batches, rejections

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SAMPLE = Path(__file__).resolve().parents[2] / "src" / "hudna" / "data" / "sample" / "sample.jsonl"
FAST = Settings(fetch_retries=2, fetch_backoff=0.0, fetch_timeout=2.0)


def _codes(report: object) -> dict[str, str]:
    return {f"{Path(r.origin).name} {r.item}".strip(): r.code for r in report.rejections}  # type: ignore[attr-defined]


def test_a_folder_of_bad_and_good_files_keeps_every_good_item(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    report = ingest_paths(engine, [str(FIXTURES)], FAST)
    assert _codes(report) == {
        "empty.txt": "empty",
        "image.txt": "binary",
        "truncated.txt": "truncated",
        "mixed_encodings.txt": "mis-encoded",
        "mojibake.txt": "mis-encoded",
        "corpus_one_bad_line.jsonl line 3": "malformed",
        "corpus.csv record 2": "empty",
        "feed_one_bad_entry.rss entry 2": "broken-entry",
    }
    # good: 3 JSONL lines, 2 CSV rows, 2 feed entries, the HTML page, the cp1256 text
    assert report.added + report.duplicates == 9
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(rejections)) == 8
        batch = conn.execute(select(ingest_batches)).one()
    assert (batch.added, batch.rejected) == (report.added, 8) and batch.finished_at is not None
    cp1256 = store.get_document(engine, "seed_cp1256")
    assert cp1256 is not None and cp1256.language == "ar"
    page = store.get_document(engine, "article")
    assert page is not None and page.published == dt.date(2016, 4, 30)
    assert page.date_origin == "metadata" and page.source.site == "SANA"
    assert "الرئيسية" not in page.text and "جميع الحقوق محفوظة" not in page.text


def test_ingesting_twice_adds_nothing_and_says_so(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    first = ingest_paths(engine, [str(SAMPLE)], FAST)
    second = ingest_paths(engine, [str(SAMPLE)], FAST)
    assert first.added == 200 and first.near_duplicate_links >= 1
    assert (second.added, second.duplicates, second.near_duplicate_links) == (0, 200, 0)
    assert store.count_documents(engine) == 200


def test_a_reprint_is_linked_not_dropped(tmp_path: Path, sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    seed = (FIXTURES / "seed_cp1256.txt").read_bytes().decode("cp1256")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(seed, encoding="utf-8")
    (folder / "reprint.txt").write_text("عنوان جديد للخبر نفسه\n" + seed, encoding="utf-8")
    report = ingest_paths(engine, [str(folder)], FAST)
    assert (report.added, report.near_duplicate_links) == (2, 1)
    reprint = store.get_document(engine, "reprint")
    assert reprint is not None
    assert [d for d, _ in store.near_duplicates_of(engine, reprint.id)] == [
        store.get_document(engine, "wire").id  # type: ignore[union-attr]
    ]


def test_an_oversized_file_is_refused_and_the_rest_kept(tmp_path: Path, sqlite_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    big = folder / "big.txt"
    with big.open("wb") as stream:
        line = "وقف إطلاق النار في حلب. ".encode() * 1000
        while stream.tell() < 50 * 1024 * 1024:
            stream.write(line)
    shutil.copy(FIXTURES / "seed_cp1256.txt", folder / "seed.txt")
    engine = open_store(sqlite_url)
    report = ingest_paths(engine, [str(folder)], FAST)
    assert _codes(report) == {"big.txt": "oversized"}
    assert "max_document_bytes" in report.rejections[0].reason
    assert report.added == 1


def test_a_missing_path_is_refused(sqlite_url: str) -> None:
    report = ingest_paths(open_store(sqlite_url), ["/nonexistent/hudna"], FAST)
    assert _codes(report) == {"hudna": "missing"} and not report.ok


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_refused_connection_is_refused_and_the_batch_goes_on(sqlite_url: str) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/article"
    report = ingest_paths(open_store(sqlite_url), [url, str(FIXTURES / "article.html")], FAST)
    assert [(r.origin, r.code) for r in report.rejections] == [(url, "unreachable")]
    assert "ConnectError" in report.rejections[0].reason and report.added == 1


def test_urls_are_fetched_through_an_injected_transport(sqlite_url: str) -> None:
    feed = (FIXTURES / "feed_one_bad_entry.rss").read_bytes()
    page = (FIXTURES / "article.html").read_bytes()
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if request.url.path == "/flaky" and calls.count(str(request.url)) == 1:
            return httpx.Response(503)
        if request.url.path == "/feed":
            return httpx.Response(
                200, content=feed, headers={"content-type": "application/rss+xml"}
            )
        if request.url.path in ("/page", "/flaky"):
            return httpx.Response(200, content=page, headers={"content-type": "text/html"})
        return httpx.Response(404)

    urls = [f"https://news.example{p}" for p in ("/feed", "/page", "/missing", "/flaky")]
    report = ingest_paths(
        open_store(sqlite_url), urls, FAST, transport=httpx.MockTransport(handler)
    )
    assert sorted(r.code for r in report.rejections) == ["broken-entry", "http-error"]
    assert report.added == 3 and report.duplicates == 1  # /flaky succeeds on retry: same page


def test_search_matches_arabic_spelling_variants(store_url: str) -> None:
    engine = open_store(store_url)
    ingest_paths(engine, [str(SAMPLE)], FAST)
    for query in ("وقف الأعمال القتالية", "وقف الاعمال القتاليه", "وَقْفُ الأَعْمَالِ"):
        hits = store.search_documents(engine, query, limit=50)
        assert "seed-000" in {h.doc_id for h in hits}
    # FTS syntax in user input is taken literally, never as operators
    assert [h.doc_id for h in store.search_documents(engine, 'لافروف" *', limit=5)] == ["seed-000"]
    assert store.search_documents(engine, 'لافروف "OR" NEAR(', limit=5) == []
    assert store.search_documents(engine, "  ", limit=5) == []


def test_list_filters_are_half_open(store_url: str) -> None:
    engine = open_store(store_url)
    ingest_paths(engine, [str(SAMPLE)], FAST)
    day = store.list_documents(
        engine, limit=500, since=dt.date(2016, 4, 30), until=dt.date(2016, 5, 1)
    )
    assert [d.doc_id for d in day] == ["seed-000"]
    arabic = store.list_documents(engine, limit=500, language="ar")
    assert len(arabic) == 101 and all(d.language == "ar" for d in arabic)


def test_ingest_document_for_the_api(store_url: str) -> None:
    engine = open_store(store_url)
    text = "دمشق-سانا 22 آذار 2017 أعلن مركز المصالحة الروسي تسجيل 12 خرقاً لوقف الأعمال القتالية."
    first = ingest_document(engine, text, settings=FAST)
    assert first.status == "added" and first.language == "ar"
    assert (first.published, first.date_origin) == (dt.date(2017, 3, 22), "dateline")
    again = ingest_document(engine, text.replace("أعلن", "اعلن"), doc_id="x", settings=FAST)
    assert again.status == "duplicate" and again.id == first.id
    with pytest.raises(InputRejected):
        ingest_document(engine, "   ", settings=FAST)


def test_cli_exit_code_is_non_zero_only_when_nothing_was_ingested(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    bad = runner.invoke(app, ["--db", db, "ingest", "--json", str(FIXTURES / "empty.txt")])
    assert bad.exit_code == 1
    args = ["--db", db, "ingest", "-q", str(FIXTURES / "empty.txt"), str(FIXTURES / "article.html")]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and "nothing new" in again.output
    shown = runner.invoke(app, ["--db", db, "docs", "show", "article", "--json"])
    assert shown.exit_code == 0 and '"published": "2016-04-30"' in shown.output
    refused = runner.invoke(app, ["--db", db, "docs", "rejections", "--json"])
    assert refused.exit_code == 0 and '"code": "empty"' in refused.output
    for command in (["docs", "list"], ["docs", "search", "لافروف"], ["stats", "--json"]):
        assert runner.invoke(app, ["--db", db, *command]).exit_code == 0


def test_every_ingest_command_has_help() -> None:
    runner = CliRunner()
    for command in (["ingest"], ["docs", "list"], ["docs", "show"], ["docs", "search"], ["docs", "rejections"],
                    ["stats"], ["sample", "build"], ["bench", "ingest"]):  # fmt: skip
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and len(result.output) > 100


def test_the_settings_limit_is_honoured(sqlite_url: str) -> None:
    tiny = replace(FAST, max_document_bytes=500)
    report = ingest_paths(
        open_store(sqlite_url), [str(FIXTURES / "corpus_one_bad_line.jsonl")], tiny
    )
    assert {r.code for r in report.rejections} == {"oversized", "malformed"}


def test_a_json_array_of_records_is_read_record_by_record(tmp_path: Path, sqlite_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    records = [
        {
            "doc_id": "j-1",
            "text": "أعلنت روسيا تسجيل 12 خرقاً لوقف الأعمال القتالية في حلب.",
            "published": "2016-03-05",
        },
        {"doc_id": "j-2"},
    ]
    (folder / "records.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (folder / "broken.json").write_text('{"doc_id": "j-3", "text": ', encoding="utf-8")
    report = ingest_paths(open_store(sqlite_url), [str(folder)], FAST)
    assert _codes(report) == {"records.json record 2": "malformed", "broken.json": "malformed"}
    assert report.added == 1


def test_lone_surrogates_and_nul_in_json_are_refused_not_fatal(
    tmp_path: Path, sqlite_url: str
) -> None:
    lines = [
        '{"doc_id": "s-1", "text": "هدنة في حلب \\ud800 اليوم"}',
        '{"doc_id": "s-2", "text": "هدنة في حلب", "title": "\\udfff"}',
        '{"doc_id": "s-3", "text": "هدنة \\u0000 في حلب"}',
        '{"doc_id": "s-4", "text": "أعلنت روسيا تسجيل 12 خرقاً لوقف الأعمال القتالية في حلب."}',
    ]
    corpus = tmp_path / "surrogates.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest_paths(open_store(sqlite_url), [str(corpus)], FAST)
    assert [r.code for r in report.rejections] == ["mis-encoded", "mis-encoded", "binary"]
    assert report.added == 1


def test_a_document_the_store_cannot_index_is_refused_alone(tmp_path: Path, store_url: str) -> None:
    huge = " ".join(f"w{i:06d}" for i in range(100_000))  # PostgreSQL: tsvector above 1 MB
    records = [
        {"doc_id": "ok-1", "text": "أعلنت روسيا تسجيل 12 خرقاً لوقف الأعمال القتالية في حلب."},
        {"doc_id": "huge", "text": huge},
        {
            "doc_id": "ok-2",
            "text": "The ceasefire in Aleppo held overnight, monitors said on Sunday.",
        },
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    report = ingest_paths(open_store(store_url), [str(corpus)], FAST)
    if store_url.startswith("postgresql"):
        assert [(r.item, r.code) for r in report.rejections] == [("line 2", "store-refused")]
        assert "tsvector" in report.rejections[0].reason and report.added == 2
    else:
        assert report.added == 3


def test_brackets_in_titles_and_paths_are_not_rich_markup(tmp_path: Path) -> None:
    folder = tmp_path / "[b]in"
    folder.mkdir()
    (folder / "[bold]x.txt").write_text(
        "[/red] عنوان\nهدنة في حلب [/b] اليوم والغوطة", encoding="utf-8"
    )
    (folder / "[red]empty.txt").write_bytes(b"")
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    ingested = runner.invoke(app, ["--db", db, "ingest", "-q", str(folder)])
    assert ingested.exit_code == 0, ingested.output
    flat = ingested.output.replace("\n", "")
    assert "[red]empty.txt" in flat or ("[red]" in flat and "empty.txt" in flat)
    for command in (["docs", "list"], ["docs", "show", "[bold]x"], ["docs", "search", "هدنة"]):
        result = runner.invoke(app, ["--db", db, *command])
        assert result.exit_code == 0, result.output


def test_an_unreadable_file_is_refused(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "seed_cp1256.txt", folder / "good.txt")
    (folder / "locked.txt").write_text("هدنة في حلب", encoding="utf-8")
    real = sources.read_limited

    def read_limited(path: Path, limit: int) -> bytes:
        if path.name == "locked.txt":  # what a file without read permission does (even as root)
            raise PermissionError(13, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr(sources, "read_limited", read_limited)
    report = ingest_paths(open_store(sqlite_url), [str(folder)], FAST)
    assert [(Path(r.origin).name, r.code) for r in report.rejections] == [
        ("locked.txt", "unreadable")
    ]
    assert report.added == 1


def test_standard_input_as_text_or_jsonl(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "stdin.db")
    text = "دمشق-سانا 22 آذار 2017 أعلن مركز المصالحة الروسي تسجيل 12 خرقاً لوقف الأعمال القتالية."
    result = runner.invoke(app, ["--db", db, "ingest", "--json", "-"], input=text.encode())
    assert result.exit_code == 0 and '"added": 1' in result.output
    jsonl = (FIXTURES / "corpus_one_bad_line.jsonl").read_bytes()
    result = runner.invoke(app, ["--db", db, "ingest", "--json", "-"], input=jsonl)
    assert result.exit_code == 0 and '"added": 3' in result.output
    assert '"item": "line 3"' in result.output
