"""Content identity and the search copy of a text.

A document's id is the SHA-256 of its search-folded, whitespace-collapsed text, so the same
report ingested twice (or re-typed with other hamza forms, diacritics or spacing) gets the same
id. `fold` is `hudna.text.normalize.for_search`.
"""

from __future__ import annotations

import hashlib

from hudna.text.normalize import for_search

# The folding of a document for identity and search is exactly the text layer's.
fold = for_search


def content_id_of_folded(folded: str) -> str:
    """The document id of a text already folded with `fold`."""
    return hashlib.sha256(" ".join(folded.split()).encode("utf-8")).hexdigest()


def content_id(text: str) -> str:
    """The document id: sha256 hex of `for_search(text)` with whitespace collapsed
    (`" ".join(split())` is `collapse_whitespace`, without a regex pass over the text)."""
    return content_id_of_folded(fold(text))
