"""Loading and validating agreement files: the shipped agreements, and one test per
validation error (each names the file, the field and what is expected)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hudna.agreements import AgreementNotFound, get_agreement, load_agreements, unknown_ids
from hudna.agreements.loader import DATA_DIR, load_agreement_file, parse_agreement
from hudna.errors import AgreementInvalid

SHIPPED = {
    "syria-coh-2016",
    "syria-arrangement-2016-09",
    "minsk-2-2015",
    "nagorno-karabakh-2016-04",
    "zabadani-foua-kefraya-2015-08-12",
    "zabadani-foua-kefraya-2015-08-27",
    "syria-russia-turkey-2016-12",
}


def test_shipped_agreements_load_with_sources() -> None:
    agreements = load_agreements()
    assert {a.id for a in agreements} == SHIPPED
    for a in agreements:
        assert a.sources and all(s.url.startswith("http") for s in a.sources)
        assert a.names.ar and a.names.en


@pytest.mark.parametrize(
    ("agreement_id", "utc"),
    [
        ("syria-coh-2016", "2016-02-26T22:00:00+00:00"),  # 00:00 Damascus (UTC+2 in winter)
        ("minsk-2-2015", "2015-02-14T22:00:00+00:00"),  # 00:00 Kyiv
        ("nagorno-karabakh-2016-04", "2016-04-05T08:00:00+00:00"),  # 12:00 Baku = 11:00 Moscow
        ("syria-arrangement-2016-09", "2016-09-12T16:00:00+00:00"),  # 19:00 Damascus (UTC+3)
        ("zabadani-foua-kefraya-2015-08-12", "2015-08-12T03:00:00+00:00"),
        ("syria-russia-turkey-2016-12", "2016-12-29T22:00:00+00:00"),
    ],
)
def test_effective_times_carry_their_zone(agreement_id: str, utc: str) -> None:
    a = get_agreement(agreement_id)
    assert a.effective.astimezone(dt.UTC).isoformat() == utc


def test_coh_starts_at_midnight_damascus_time() -> None:
    a = get_agreement("syria-coh-2016")
    assert a.effective.isoformat() == "2016-02-27T00:00:00+02:00"
    assert not a.in_force(dt.datetime(2016, 2, 26, 23, 59, tzinfo=a.effective.tzinfo))
    assert a.in_force(dt.datetime(2016, 2, 27, 0, 0, tzinfo=a.effective.tzinfo))
    assert "isil" in a.excluded.ids and "al-nusra-front" in a.excluded.ids


def test_half_open_end() -> None:
    a = get_agreement("zabadani-foua-kefraya-2015-08-27")
    assert a.end is not None
    assert not a.in_force(a.end)
    assert a.in_force(a.end - dt.timedelta(seconds=1))


def test_in_force_needs_an_aware_datetime() -> None:
    with pytest.raises(ValueError, match="aware"):
        get_agreement("syria-coh-2016").in_force(dt.datetime(2016, 3, 1))


def test_unknown_agreement_names_the_known_ones() -> None:
    with pytest.raises(AgreementNotFound, match="syria-coh-2016"):
        get_agreement("no-such-truce")


def test_unknown_registry_ids_warn_not_fail() -> None:
    warnings = unknown_ids(load_agreements(), {"isil", "al-nusra-front"})
    assert any("'dnr'" in w and w.startswith("minsk-2-2015") for w in warnings)
    assert not any("'isil'" in w for w in warnings)


def _base() -> dict[str, Any]:
    return json.loads((DATA_DIR / "syria-coh-2016.json").read_text(encoding="utf-8"))


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    *parents, last = path.split(".")
    node: Any = data
    for p in parents:
        node = node[int(p)] if p.isdigit() else node[p]
    if value is _DELETE:
        del node[last]
    elif last.isdigit():
        node[int(last)] = value
    else:
        node[last] = value
    return data


_DELETE = object()

ERRORS = [
    ("names.ar", _DELETE, "names.ar", "Field required"),
    ("timezone", "Damascus/Nowhere", "timezone", "IANA time zone"),
    ("effective", "27 Feb 2016", "effective", "datetime"),
    ("end", "2016-02-01T00:00", "(file)", "end must be after effective"),
    (
        "obligations.0.prohibited.0.event",
        "SHOOT",
        "obligations.0.prohibited.0.event",
        "PLOVER category",
    ),
    ("obligations.0.id", "Cease Attacks", "obligations.0.id", "should match pattern"),
    ("obligations.0.prohibited", [], "obligations.0", "prohibited or required acts"),
    ("area", {"description": "nowhere"}, "area", "at least one of countries"),
    ("area.polygons", [[[1.0, 1.0], [2.0, 2.0]]], "area", "at least 3"),
    ("parties", [], "parties", "at least 1 item"),
    ("sources.0.url", "rbs0.com", "sources.0.url", "should match pattern"),
    ("parties.0.joined", "yesterday", "parties.0.joined", "date"),
    ("surprise", 1, "surprise", "Extra inputs are not permitted"),
    ("excluded.designations.0.as_of", None, "excluded.designations.0.as_of", "date"),
]


@pytest.mark.parametrize(("path", "value", "field", "expected"), ERRORS, ids=[e[0] for e in ERRORS])
def test_validation_errors_name_file_field_and_expectation(
    tmp_path: Path, path: str, value: Any, field: str, expected: str
) -> None:
    f = tmp_path / "syria-coh-2016.json"
    f.write_text(json.dumps(_set(_base(), path, value)), encoding="utf-8")
    with pytest.raises(AgreementInvalid) as info:
        load_agreement_file(f)
    assert info.value.path == str(f)
    assert info.value.field == field
    assert expected in info.value.expected
    assert str(f) in str(info.value)


def test_file_name_must_match_id(tmp_path: Path) -> None:
    f = tmp_path / "coh.json"
    f.write_text(json.dumps(_base()), encoding="utf-8")
    with pytest.raises(AgreementInvalid, match=r"field 'id'.*'coh'"):
        load_agreement_file(f)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    f = tmp_path / "broken.json"
    f.write_text('{\n  "id": "broken",\n  oops\n}', encoding="utf-8")
    with pytest.raises(AgreementInvalid, match=r"line 3.*valid JSON"):
        load_agreement_file(f)


def test_not_an_object(tmp_path: Path) -> None:
    f = tmp_path / "list.json"
    f.write_text("[]", encoding="utf-8")
    with pytest.raises(AgreementInvalid, match="JSON object"):
        load_agreement_file(f)


def test_extra_dir_adds_agreements_and_rejects_duplicates(tmp_path: Path) -> None:
    local = _set(_set(_base(), "id", "my-truce"), "names.en", "My truce")
    (tmp_path / "my-truce.json").write_text(json.dumps(local), encoding="utf-8")
    assert get_agreement("my-truce", tmp_path).names.en == "My truce"
    (tmp_path / "syria-coh-2016.json").write_text(json.dumps(_base()), encoding="utf-8")
    with pytest.raises(AgreementInvalid, match="unique id"):
        load_agreements(tmp_path)


def test_missing_extra_dir(tmp_path: Path) -> None:
    with pytest.raises(AgreementInvalid, match="directory"):
        load_agreements(tmp_path / "absent")


def test_shipped_agreements_use_registry_ids() -> None:
    from hudna.registry import load_registry

    known = {e.id for e in load_registry().entries}
    missing = {w.split("'")[1] for w in unknown_ids(load_agreements(), known)}
    assert missing <= {"dnr", "lnr"}  # not in the registry yet: they warn, not fail


@given(
    st.datetimes(min_value=dt.datetime(2015, 1, 1), max_value=dt.datetime(2017, 1, 1)),
    st.integers(min_value=1, max_value=400),
    st.dates(min_value=dt.date(2014, 12, 1), max_value=dt.date(2017, 3, 1)),
    st.sampled_from(["Asia/Damascus", "Europe/Kyiv", "Asia/Baku"]),
)
def test_day_status_agrees_with_half_open_local_days(
    start: dt.datetime, hours: int, day: dt.date, zone: str
) -> None:
    data = _set(_set(_set(_base(), "timezone", zone), "effective", start.isoformat()), "end", None)
    end = start + dt.timedelta(hours=hours)
    agreement = parse_agreement(_set(data, "end", end.isoformat()), "prop.json")
    lo, hi = agreement.day_window(day)
    status = agreement.day_status(day, day)
    assert agreement.end is not None
    if hi <= agreement.effective:
        assert status == "before"
    elif lo >= agreement.end:
        assert status == "after"
    elif lo < agreement.effective:
        assert status == "straddles"
    else:
        assert status == "within"
