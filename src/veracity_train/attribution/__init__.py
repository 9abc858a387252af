"""Training and evaluation of attribution: the CRFs, the MiniLM tagger and its cue pass; PolNeAR access and scoring."""
