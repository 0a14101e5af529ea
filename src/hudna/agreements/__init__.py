"""Agreements as data: the model, the loader with its validator, and the pure judge.
Nothing here touches the database."""

from hudna.agreements.loader import AgreementNotFound, get_agreement, load_agreements, unknown_ids
from hudna.agreements.model import Agreement

__all__ = ["Agreement", "AgreementNotFound", "get_agreement", "load_agreements", "unknown_ids"]
