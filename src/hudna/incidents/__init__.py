"""Linking claims into incidents: scoring pairs, corroboration, independent sources and
conflicting claims. Pure functions over records; the store side is in hudna.analysis."""

from hudna.incidents.claims import Claim
from hudna.incidents.link import link_claims
from hudna.incidents.score import LinkConfig, load_config, score_pair

__all__ = ["Claim", "LinkConfig", "link_claims", "load_config", "score_pair"]
