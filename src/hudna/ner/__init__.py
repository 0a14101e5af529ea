"""Arabic named-entity recognition for names the registry lacks: a CRF (python-crfsuite)
trained on ANERcorp with morphology, shape and name-list features."""

from hudna.ner.tagger import NerSpan, NerTagger, load_tagger

__all__ = ["NerSpan", "NerTagger", "load_tagger"]
