"""Training and evaluation of check-worthiness: the n-gram models, the MiniLM transformer, its distilled and student forms."""
