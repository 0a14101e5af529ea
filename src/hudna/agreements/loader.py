"""Loading agreement files (`src/hudna/data/agreements/<id>.json`) with validation errors
that name the file, the field and what is expected."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from hudna.agreements.model import Agreement
from hudna.errors import AgreementInvalid, HudnaError


class AgreementNotFound(HudnaError, KeyError):
    """No agreement has the id asked for."""


DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "agreements"


def _field(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(file)"


def parse_agreement(data: object, path: str) -> Agreement:
    """Validate one agreement's data; the first problem becomes an AgreementInvalid."""
    if not isinstance(data, dict):
        raise AgreementInvalid(path, "(file)", "a JSON object with the agreement's fields")
    try:
        return Agreement.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        more = f" (and {e.error_count() - 1} more problems)" if e.error_count() > 1 else ""
        raise AgreementInvalid(path, _field(first["loc"]), first["msg"] + more) from e


def load_agreement_file(path: Path) -> Agreement:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise AgreementInvalid(str(path), f"line {e.lineno}", f"valid JSON ({e.msg})") from e
    except OSError as e:
        raise AgreementInvalid(str(path), "(file)", f"a readable file ({e.strerror})") from e
    agreement = parse_agreement(data, str(path))
    if agreement.id != path.stem:
        raise AgreementInvalid(str(path), "id", f"the file name without .json ('{path.stem}')")
    return agreement


def agreement_files(extra_dir: Path | None = None) -> list[Path]:
    files = sorted(DATA_DIR.glob("*.json"))
    if extra_dir is not None:
        if not extra_dir.is_dir():
            raise AgreementInvalid(str(extra_dir), "(directory)", "a directory of <id>.json files")
        files += sorted(extra_dir.glob("*.json"))
    return files


@lru_cache(maxsize=1)
def _shipped() -> tuple[Agreement, ...]:
    return tuple(_load(agreement_files()))


def _load(files: list[Path]) -> list[Agreement]:
    seen: dict[str, Path] = {}
    result: list[Agreement] = []
    for path in files:
        agreement = load_agreement_file(path)
        if agreement.id in seen:
            raise AgreementInvalid(
                str(path), "id", f"a unique id; '{agreement.id}' is also in {seen[agreement.id]}"
            )
        seen[agreement.id] = path
        result.append(agreement)
    return sorted(result, key=lambda a: a.effective)


def load_agreements(extra_dir: Path | None = None) -> list[Agreement]:
    """The shipped agreements (read once per process), plus those in `extra_dir` (read each
    time); ids must be unique."""
    if extra_dir is None:
        return list(_shipped())
    return _load(agreement_files(extra_dir))


def get_agreement(agreement_id: str, extra_dir: Path | None = None) -> Agreement:
    for agreement in load_agreements(extra_dir):
        if agreement.id == agreement_id:
            return agreement
    known = ", ".join(a.id for a in load_agreements(extra_dir))
    raise AgreementNotFound(
        f"no agreement '{agreement_id}'; known: {known} (see: hudna agreements list)"
    )


def unknown_ids(agreements: Iterable[Agreement], known: frozenset[str] | set[str]) -> list[str]:
    """Warnings for registry ids that the agreements use and the registry lacks."""
    warnings = []
    for agreement in agreements:
        for rid in sorted(agreement.referenced_ids() - set(known)):
            warnings.append(f"{agreement.id}: registry id '{rid}' is not in the actor registry")
    return warnings
