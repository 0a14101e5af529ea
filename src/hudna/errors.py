"""The error tree. Every error hudna raises on purpose descends from `HudnaError` and
says what went wrong and what to do next.

    HudnaError
    ├── SettingsError            a setting has a value hudna cannot use
    ├── StoreError               the database cannot be opened, migrated or queried
    │   └── StoreNotMigrated     the schema is older than the code: run `hudna db upgrade`
    ├── InputRejected            one input item refused (empty, binary, mis-encoded, truncated,
    │   │                        oversized, malformed); the batch goes on
    │   └── FetchFailed          a URL could not be fetched (refused, timed out, HTTP error)
    ├── ExtractionError          a pipeline is mis-built or a component failed
    ├── RegistryError            an actor registry or gazetteer file is invalid or missing
    ├── AgreementInvalid         an agreement file does not validate (file, field, expectation)
    └── PublishError             a bulletin or export cannot be produced
"""

from __future__ import annotations


class HudnaError(Exception):
    """Base of every error hudna raises deliberately."""


class SettingsError(HudnaError):
    """A setting has a value that cannot be used."""


class StoreError(HudnaError):
    """The store cannot be opened, migrated or queried."""


class StoreNotMigrated(StoreError):
    """The database schema is behind the code."""


class InputRejected(HudnaError):
    """One input item is refused; `reason` says why, `hint` what to do."""

    def __init__(self, reason: str, *, hint: str = "", code: str = "rejected") -> None:
        self.reason = reason
        self.hint = hint
        self.code = code
        super().__init__(f"{reason}. {hint}".strip() if hint else reason)


class FetchFailed(InputRejected):
    """A URL could not be fetched."""


class ExtractionError(HudnaError):
    """A pipeline is mis-built or one of its components failed."""


class RegistryError(HudnaError):
    """An actor registry, trigger lexicon or gazetteer file is missing or invalid."""


class AgreementInvalid(HudnaError):
    """An agreement file does not validate."""

    def __init__(self, path: str, field: str, expected: str) -> None:
        self.path = path
        self.field = field
        self.expected = expected
        super().__init__(f"{path}: field '{field}': {expected}")


class PublishError(HudnaError):
    """A bulletin or export cannot be produced."""
