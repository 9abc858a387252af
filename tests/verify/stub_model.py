"""A stand-in for the news stance cross-encoder that reads every pair the same way: tests of the
judge's rules give it the reading the real model gave a pair, so the rules are what is tested."""

import numpy as np


class FixedModel:
    def __init__(self, p):
        self.p = np.array(p, np.float32)

    def probs(self, claims, evidence):
        return np.tile(self.p, (len(claims), 1))
