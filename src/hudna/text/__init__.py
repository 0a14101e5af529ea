"""Text layer: normalization with offset maps, sentences, tokens, numbers, dates."""
