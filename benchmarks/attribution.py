"""Attribution benchmark on PolNeAR dev: veracity (learned, tagger, rules) vs textacy's direct quotations.

    .venv/bin/python benchmarks/attribution.py [--split dev] [--processes 2] [--textacy-path DIR]

Prints, from one run: the scorer's report for each system, and articles/s including spaCy
parsing; with ``--processes`` > 1, also the end-to-end rate of ``veracity attribute
--processes N`` for the tagger with and without its cue pass. All systems read the same parse (one `nlp.pipe` over the split, timed on its own), so
each system's rate is  n / (parse seconds + its own extraction seconds); bare spaCy's rate is
n / parse seconds. textacy 0.13.0 is optional: it is looked up in the main environment, then
in ``--textacy-path`` (default /tmp/veracity-cache/attribution/textacy-pkgs, a
``pip install --target`` directory, so that the main venv's pins stay as they are).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

DEFAULT_TEXTACY_PATH = "/tmp/veracity-cache/attribution/textacy-pkgs"


def _textacy(path: str):
    try:
        import textacy.extract as te  # noqa: F401
    except ImportError:
        if path and Path(path).is_dir():
            sys.path.append(path)
            try:
                import textacy.extract as te  # noqa: F401,F811
            except ImportError as exc:
                return None, f"textacy not importable from {path}: {exc}"
        else:
            return None, "textacy not installed (pip install --target DIR textacy==0.13.0 and pass --textacy-path DIR)"
    import textacy
    import textacy.extract as te

    return te, textacy.__version__


def _runs(tokens) -> list[list[int]]:
    out: list[list[int]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if out and out[-1][-1].i == t.i - 1:
            out[-1].append(t)
        else:
            out.append([t])
    return [[r[0].idx, r[-1].idx + len(r[-1].text)] for r in out]


def textacy_rows(te, arts, docs):
    """textacy's direct quotations; it refuses a document with an odd number of quotation
    marks (ValueError), which then yields nothing, as it would for a user."""
    rows, refused = [], 0
    for a, d in zip(arts, docs):
        atts = []
        try:
            quotes = list(te.direct_quotations(d))
        except ValueError:
            quotes, refused = [], refused + 1
        for q in quotes:
            atts.append({"source": _runs(q.speaker), "cue": _runs(q.cue),
                         "content": [[q.content.start_char, q.content.end_char]]})
        rows.append({"id": a["id"], "attributions": atts})
    print(f"textacy refused {refused} of {len(docs)} documents (unbalanced quotation marks)")
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--processes", type=int, default=1, help="spaCy processes for the timed parse")
    ap.add_argument("--textacy-path", default=DEFAULT_TEXTACY_PATH)
    ap.add_argument("--no-tagger", action="store_true", help="skip the MiniLM tagger (attribution.tagger.v1)")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    from veracity_train.attribution import evaluate, polnear
    from veracity.attribution.extractors import CrfExtractor, rule_relations
    from veracity.attribution.features import doc_info
    from veracity.attribution.stage import attributions_json, build
    from veracity.options import Options
    from veracity.text.stage import SpacyText

    arts = polnear.load_split(args.split)
    texts = [a["text"] for a in arts]
    n = len(arts)
    t0 = time.perf_counter()
    nlp = SpacyText(Options()).nlp
    ex = CrfExtractor()
    tagger = None
    if not args.no_tagger:
        from veracity.attribution.extractors import TaggerExtractor

        tagger = TaggerExtractor.load()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16, n_process=args.processes))
    parse_s = time.perf_counter() - t0
    print(f"PolNeAR {args.split}: {n} articles, {sum(map(len, texts))} chars; load {load_s:.1f}s; "
          f"spaCy parse ({args.processes} process(es)) {parse_s:.1f}s = {n / parse_s:.2f} articles/s (bare spaCy)")
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (shared machine: rates are noisy)")

    systems = []

    t0 = time.perf_counter()
    rows = [{"id": a["id"], "attributions": attributions_json(build(a["text"], d, ex.extract(d, doc_info(d)), "crf"))}
            for a, d in zip(arts, docs)]
    systems.append(("veracity learned (attribution.learned.v1)", rows, time.perf_counter() - t0))

    if tagger is not None:
        # With the cue-conditioned second pass (the default when its artefact is there), then
        # the tagger's decoder alone: the pass's cost and gain side by side.
        # tagger-fast as the CLI builds it: no pass, and the tagger reading one tiling
        variants = ([("veracity tagger + cue pass (attribution.tagger.v1)", tagger),
                     ("veracity tagger-fast (no cue pass, one tiling)", TaggerExtractor.load(cue_pass=False))]
                    if tagger.cuepass is not None else [("veracity tagger (no cue pass artefact)", tagger)])
        for label, ex_t in variants:
            t0 = time.perf_counter()
            rows = [{"id": a["id"], "attributions": attributions_json(build(a["text"], d, ex_t.extract(d, doc_info(d)), "tagger"))}
                    for a, d in zip(arts, docs)]
            systems.append((label, rows, time.perf_counter() - t0))

    t0 = time.perf_counter()
    rows = [{"id": a["id"], "attributions": attributions_json(build(a["text"], d, rule_relations(d), "rules"))}
            for a, d in zip(arts, docs)]
    systems.append(("veracity rules (attribution.rules.v1)", rows, time.perf_counter() - t0))

    te, info = _textacy(args.textacy_path)
    if te is not None:
        t0 = time.perf_counter()
        rows = textacy_rows(te, arts, docs)
        systems.append((f"textacy {info} extract.direct_quotations", rows, time.perf_counter() - t0))
    else:
        print(f"textacy: unavailable ({info})")

    print()
    summary = []
    for name, rows, secs in systems:
        res, report = evaluate.score_rows(arts, rows, name)
        print(report)
        rate = n / (parse_s + secs)
        print(f"speed: extraction {secs:.1f}s; {rate:.2f} articles/s including parsing\n")
        summary.append((name, evaluate.headline(res), rate))
    print("| system | content overlap F1 | content exact F1 | source overlap F1 | cue exact F1 | full overlap F1 | articles/s (incl. parse) |")
    print("|---|---|---|---|---|---|---|")
    for name, h, rate in summary:
        print(f"| {name} | {h['content_overlap_f1']:.3f} | {h['content_exact_f1']:.3f} | {h['source_overlap_f1']:.3f} | "
              f"{h['cue_exact_f1']:.3f} | {h['full_overlap_f1']:.3f} | {rate:.2f} |")
    print(f"| bare spaCy parse | | | | | | {n / parse_s:.2f} |")
    if tagger is not None and args.processes > 1:
        # The command a user runs: `veracity attribute --processes N`, whose workers parse and
        # extract (wall clock from the first file to the last line, worker start-up included).
        from veracity.cli.attribution import attribute_texts

        print(f"\nend to end, as `veracity attribute FILE... --processes {args.processes}` runs (worker start-up included):")
        for method in ("tagger", "tagger-fast"):
            t0 = time.perf_counter()
            rows = [{"id": a["id"], "attributions": attributions_json(atts)}
                    for a, (_t, atts, _err) in zip(arts, attribute_texts(texts, method, n_process=args.processes))]
            secs = time.perf_counter() - t0
            h = evaluate.headline(evaluate.score_rows(arts, rows, method)[0])
            print(f"  --method {method}: {secs:.1f}s = {n / secs:.2f} articles/s; content overlap F1 {h['content_overlap_f1']:.3f}, "
                  f"full {h['full_overlap_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
