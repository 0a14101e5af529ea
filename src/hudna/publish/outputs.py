"""What every export writer shares: the row it reads, the result it returns, its target."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from hudna.errors import PublishError


@dataclass(frozen=True, slots=True)
class ExportRow:
    payload: dict[str, Any]
    document_id: str
    status: str
    extracted_at: dt.datetime
    admin1: str | None
    pcode: str | None
    site: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    language: str | None


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    written: int
    skipped: int = 0  # claims the format cannot express (ACLED: no equivalent event type)


@contextmanager
def binary_target(out: Path | BinaryIO) -> Iterator[BinaryIO]:
    """The output as a binary stream: a file opened (and closed) here, or the caller's."""
    if isinstance(out, Path):
        try:
            with out.open("wb") as fh:
                yield fh
        except OSError as e:
            raise PublishError(
                f"cannot write {out}: {e}; check the directory exists and is writable"
            ) from e
    else:
        yield out


@contextmanager
def text_target(out: Path | BinaryIO, *, newline: str | None = None) -> Iterator[io.TextIOWrapper]:
    with binary_target(out) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline=newline)
        try:
            yield text
        finally:
            text.flush()
            text.detach()
