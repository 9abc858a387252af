"""CI gate for the MiniLM tagger and its cue pass (``attribution.tagger.v1``, the `veracity
attribute` default): content overlap F1 on all of PolNeAR dev.

The two networks cost ~0.5 s of CPU per article (int8 ONNX, one thread), ~40 s for the 84 dev
articles on top of the cached parse; the full-dev figure is the one the issue sets a floor on.
"""

from __future__ import annotations

# The committed artefacts (the tagger: all 6 layers fine-tuned for 3 epochs, read through two
# window tilings, direct decoding, a content joining a cue of its own sentence first; then the
# cue-conditioned second pass, 3 epochs) measure content overlap F1 0.801, full relation 0.703
# and source overlap 0.938 on dev. The content floor is the 0.75; the others keep
# ~0.015 of margin for ONNX Runtime / spaCy drift across platforms, so a failure near a floor
# means drift or a regression, to be looked at rather than lowered. Earlier content figures:
# 0.7925 (one tiling), 0.767 (tagger alone), 0.754 (nearest cue by tokens), 0.740 (top 5
# layers), 0.716, 0.688, 0.664; full relation 0.692 with one tiling, 0.680 / 0.687 with a
# 1- / 2-epoch pass.
CONTENT_OVERLAP_FLOOR = 0.75
FULL_OVERLAP_FLOOR = 0.69
SOURCE_OVERLAP_FLOOR = 0.92


def test_tagger_content_overlap_on_dev(shared):
    from veracity_train.attribution import evaluate, polnear
    from veracity.attribution.stage import attributions_json, build
    from veracity.attribution.extractors import TaggerExtractor

    arts, docs = polnear.load_parsed("dev")
    assert len(arts) == 84
    ex = TaggerExtractor.load()
    rows = [{"id": a["id"], "attributions": attributions_json(build(a["text"], d, ex.extract(d), "tagger"))}
            for a, d in zip(arts, docs)]
    res, report = evaluate.score_rows(arts, rows)
    assert res["content_overlap"]["f1"] >= CONTENT_OVERLAP_FLOOR, report
    assert res["full_overlap"]["f1"] >= FULL_OVERLAP_FLOOR, report
    assert res["source_overlap"]["f1"] >= SOURCE_OVERLAP_FLOOR, report
    assert ex.cuepass is not None  # the figures above are the two passes'
