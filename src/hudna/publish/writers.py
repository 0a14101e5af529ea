"""One writer per export format: rows in, a file or stream out, an ExportResult back."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from hudna import __version__
from hudna.publish import acled
from hudna.publish.areas import area_index
from hudna.publish.outputs import ExportResult, ExportRow, binary_target, text_target

Writer = Callable[[Iterable[ExportRow], Path | BinaryIO], ExportResult]
PARQUET_BATCH = 10_000


def plover_record(row: ExportRow) -> dict[str, Any]:
    """The claim in PLOVER's interchange fields (and hudna's extensions), with its citation."""
    return row.payload | {
        "cite_info": {
            "document_id": row.document_id, "site": row.site, "url": row.url,
            "title": row.title, "published": row.published.isoformat() if row.published else None,
            "language": row.language,
        },
        "coder": f"hudna {__version__}",
        "coded_date": row.extracted_at.date().isoformat(),
        "status": row.status,
    }  # fmt: skip


def write_plover_jsonl(rows: Iterable[ExportRow], out: Path | BinaryIO) -> ExportResult:
    n = 0
    with text_target(out) as fh:
        for row in rows:
            fh.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
            n += 1
    return ExportResult("plover-jsonl", n)


def write_acled_csv(rows: Iterable[ExportRow], out: Path | BinaryIO) -> ExportResult:
    """Asserted claims with an ACLED event type; the others are counted as skipped."""
    areas = area_index()
    written = skipped = 0
    with text_target(out, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=acled.COLUMNS)
        writer.writeheader()
        for row in rows:
            kind = acled.event_type(row.payload)
            if kind is None or row.payload.get("modality", "asserted") != "asserted":
                skipped += 1
                continue
            writer.writerow(acled.acled_row(row, kind, areas))
            written += 1
    return ExportResult("acled-csv", written, skipped)


def _names(entities: list[dict[str, Any]]) -> list[str]:
    return [str(e.get("identifier_text") or e.get("entity_text") or "") for e in entities]


def flat_record(row: ExportRow) -> dict[str, Any]:
    """A claim as flat columns (lists stay lists): GeoJSON properties and Parquet rows."""
    p = row.payload
    place = p.get("event_loc") or {}
    span = p.get("text_info") or {}
    return {
        "id": p["id"], "event": p["event"], "mode": list(p.get("mode", [])),
        "date": p.get("date"), "enddate": p.get("enddate"), "date_precision": p.get("date_precision"),
        "actor": _names(p.get("actor", [])), "recipient": _names(p.get("recipient", [])),
        "claimant": _names(p.get("claimant", [])), "modality": p.get("modality"),
        "place": place.get("name") or place.get("entity_text"), "admin1": row.admin1,
        "pcode": row.pcode, "country": place.get("country"),
        "lat": place.get("lat"), "lon": place.get("lon"), "precision": place.get("precision"),
        "dead": (p.get("size") or {}).get("dead"), "event_text": p.get("event_text", ""),
        "confidence": p.get("confidence"), "status": row.status, "document_id": row.document_id,
        "span_start": span.get("start"), "span_end": span.get("end"),
        "site": row.site, "url": row.url, "title": row.title,
        "published": row.published.isoformat() if row.published else None,
    }  # fmt: skip


def _feature(row: ExportRow) -> dict[str, Any]:
    props = flat_record(row)
    lat, lon = props["lat"], props["lon"]
    point = (
        {"type": "Point", "coordinates": [lon, lat]}
        if lat is not None and lon is not None
        else None
    )
    return {"type": "Feature", "id": props["id"], "geometry": point, "properties": props}


def write_geojson(rows: Iterable[ExportRow], out: Path | BinaryIO) -> ExportResult:
    """A FeatureCollection, streamed; claims with no coordinates have a null geometry."""
    n = 0
    with text_target(out) as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            fh.write((",\n" if n else "") + json.dumps(_feature(row), ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return ExportResult("geojson", n)


def _batches(rows: Iterable[ExportRow], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while batch := [
        flat_record(r) | {"payload": json.dumps(r.payload, ensure_ascii=False)}
        for r in islice(it, size)
    ]:
        yield batch


def write_parquet(rows: Iterable[ExportRow], out: Path | BinaryIO) -> ExportResult:
    """Flat columns plus the full claim as JSON in `payload`, in row groups of 10,000."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(pa)
    n = 0
    with binary_target(out) as fh, pq.ParquetWriter(fh, schema) as writer:
        for batch in _batches(rows, PARQUET_BATCH):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return ExportResult("parquet", n)


def parquet_schema(pa: Any) -> Any:
    s, f, i, lst = pa.string(), pa.float64(), pa.int64(), pa.list_(pa.string())
    fields = [
        ("id", s), ("event", s), ("mode", lst), ("date", s), ("enddate", s), ("date_precision", s),
        ("actor", lst), ("recipient", lst), ("claimant", lst), ("modality", s), ("place", s),
        ("admin1", s), ("pcode", s), ("country", s), ("lat", f), ("lon", f), ("precision", s),
        ("dead", f), ("event_text", s), ("confidence", f), ("status", s), ("document_id", s),
        ("span_start", i), ("span_end", i), ("site", s), ("url", s), ("title", s),
        ("published", s), ("payload", s),
    ]  # fmt: skip
    return pa.schema(fields)


WRITERS: dict[str, Writer] = {
    "plover-jsonl": write_plover_jsonl,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
}
