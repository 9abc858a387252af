"""Training and evaluation of stance: the Climate-FEVER stack, the cross-encoders, the news model; datasets and the embedding cache."""
