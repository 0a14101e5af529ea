"""The store's LSH band index (`minhash_bands`): written with each document, backfilled by
migration 0005b, removed with its document, and what a single-document ingest searches."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from alembic import command
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import delete, inspect, select

from hudna.ingest import dedupe, ingest_document, ingest_paths, lsh
from hudna.settings import Settings
from hudna.store import documents as store
from hudna.store.database import _alembic_config, open_store, upgrade
from hudna.store.schema import documents, minhash_bands
from hudna.text.normalize import for_search as fold

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SAMPLE = Path(__file__).resolve().parents[2] / "src" / "hudna" / "data" / "sample" / "sample.jsonl"
SETTINGS = Settings()
WIRE = (FIXTURES / "seed_cp1256.txt").read_bytes().decode("cp1256")
OTHER = "Aleppo, 4 May 2016 - Residents reported calm in the eastern districts on Wednesday."

_SIGNATURES = st.lists(
    st.integers(0, 2**32 - 1), min_size=dedupe.NUM_PERM, max_size=dedupe.NUM_PERM
)


@given(_SIGNATURES, st.integers(0, dedupe.NUM_PERM - 1), st.integers(1, 2**32 - 1))
def test_changing_one_value_changes_only_its_band(sig: list[int], at: int, delta: int) -> None:
    changed = sig.copy()
    changed[at] = (sig[at] + delta) % 2**32
    before, after = dedupe.band_hashes(sig), dedupe.band_hashes(changed)
    assert len(before) == dedupe.BANDS and all(-(2**63) <= h < 2**63 for h in before)
    differing = [i for i in range(dedupe.BANDS) if before[i] != after[i]]
    assert differing == ([at // dedupe.ROWS] if at < dedupe.BANDS * dedupe.ROWS else [])


def _bands(engine: object) -> set[tuple[int, int, str]]:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        b = minhash_bands.c
        return {tuple(r) for r in conn.execute(select(b.band, b.hash, b.document_id))}


def _no_full_scan() -> None:
    raise AssertionError("a single-document ingest must not read every stored signature")


def test_single_document_ingest_finds_a_stored_reprint_through_the_table(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = open_store(store_url)
    wire = ingest_document(engine, WIRE, doc_id="wire", settings=SETTINGS)
    ingest_document(engine, OTHER, doc_id="other", settings=SETTINGS)
    monkeypatch.setattr(store, "signatures", _no_full_scan)
    reprint = ingest_document(engine, "عنوان جديد للخبر نفسه\n" + WIRE, settings=SETTINGS)
    assert reprint.status == "added" and reprint.near_duplicates == [wire.id]
    assert [d for d, _ in store.near_duplicates_of(engine, wire.id)] == [reprint.id]
    with engine.begin() as conn:  # without the wire's bands, nothing leads to it
        conn.execute(delete(minhash_bands).where(minhash_bands.c.document_id == wire.id))
    again = ingest_document(engine, "عنوان آخر للخبر\n" + WIRE, settings=SETTINGS)
    assert again.near_duplicates == [reprint.id]


def test_each_written_document_has_its_bands(store_url: str) -> None:
    engine = open_store(store_url)
    report = ingest_paths(engine, [str(SAMPLE)], SETTINGS)
    rows = _bands(engine)
    assert len(rows) == report.added * dedupe.BANDS
    assert len({doc for _, _, doc in rows}) == report.added


def test_the_migration_backfills_bands_from_stored_signatures(store_url: str) -> None:
    engine = open_store(store_url)
    ingest_paths(engine, [str(SAMPLE)], SETTINGS)
    written = _bands(engine)
    command.downgrade(_alembic_config(engine), "0004e")
    assert "minhash_bands" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert _bands(engine) == written and len(written) == 200 * dedupe.BANDS


def test_a_deleted_document_takes_its_bands_with_it(store_url: str) -> None:
    engine = open_store(store_url)
    kept = ingest_document(engine, OTHER, settings=SETTINGS)
    gone = ingest_document(engine, WIRE, settings=SETTINGS)
    with engine.begin() as conn:
        conn.execute(delete(documents).where(documents.c.id == gone.id))
    assert {doc for _, _, doc in _bands(engine)} == {kept.id}
    assert len(_bands(engine)) == dedupe.BANDS


@pytest.mark.parametrize("threshold", [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95])
def test_the_batch_lsh_bands_like_datasketch(threshold: float) -> None:
    from datasketch.lsh import _optimal_param

    assert lsh.optimal_bands(threshold, dedupe.NUM_PERM) == _optimal_param(
        threshold, dedupe.NUM_PERM, 0.5, 0.5
    )


def test_the_batch_lsh_finds_what_datasketch_finds() -> None:
    from datasketch import LeanMinHash, MinHashLSH

    texts = [json.loads(line)["text"] for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    sigs = {f"d{i}": dedupe.signature(fold(t)) for i, t in enumerate(texts)}
    ours, theirs = lsh.BandedIndex(0.8, dedupe.NUM_PERM), MinHashLSH(0.8, dedupe.NUM_PERM)
    for doc, sig in sigs.items():
        ours.insert(doc, sig)
        theirs.insert(
            doc, LeanMinHash(seed=1, hashvalues=np.asarray(sig, dtype=np.uint64), scheme="affine32")
        )
    for sig in sigs.values():
        lean = LeanMinHash(seed=1, hashvalues=np.asarray(sig, dtype=np.uint64), scheme="affine32")
        assert ours.query(sig) == set(theirs.query(lean))
