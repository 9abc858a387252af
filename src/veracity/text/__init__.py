"""Text: spaCy parsing (sentences, tokens, entities, dependencies) and sentence embeddings."""
