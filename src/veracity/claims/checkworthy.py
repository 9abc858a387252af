"""Check-worthiness stage. (Baseline placeholder until the trained model lands: scores 0.)"""

from __future__ import annotations

from ..model import Dossier
from ..options import Options


class CheckworthyStage:
    def __init__(self, options: Options):
        self.options = options

    def __call__(self, dossier: Dossier) -> Dossier:
        return dossier
