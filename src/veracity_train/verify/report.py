"""TRAINING_REPORT.md for the stance model, from the figures ``veracity train stance`` measured.

Nothing here is typed in by hand: every number comes from the report dict train() returns.
"""

from __future__ import annotations

from pathlib import Path

from .stance_model import MODEL_DIR
from .stance import DISPUTED_ACC_SLACK, ECE_BINS, FNC_UNRELATED_SAMPLE, GATE_MOD, OFFSET_GRID, TIE_MARGIN


def _claim_line(c: dict) -> str:
    return (f"accuracy {c['accuracy']:.4f}, macro-F1 {c['macro_f1']:.4f} (S / R / NEI / DISPUTED: "
            f"{' / '.join(f'{x:.3f}' for x in c['per_class'])}), DISPUTED predicted for {c['disputed_predicted']} claims, ECE {c['ece']:.4f}")


def write_report(report: dict, out_dir: Path = MODEL_DIR) -> Path:
    from .features import LEXICAL_NAMES, N_LEXICAL

    ce = report.get("cross_encoder") or {}
    lines = [
        "# Stance model: training report",
        "",
        "Written by `veracity train stance` (src/veracity_train/verify/stance.py, stance_crossencoder.py, stance_stack.py);"
        " every figure below is out-of-fold.",
        "",
        "## Data (read from ../shared at run time)",
        "",
        f"- Climate-FEVER dev: {report['sizes']['climate-fever']} claim–evidence pairs (1,225 claims), labels SUPPORTS / REFUTES / NOT_ENOUGH_INFO;"
        " the in-domain set, and the only one evaluated. Folds: 5-fold GroupKFold by claim.",
        f"- WiCE oracle chunks (dev): {report['sizes'].get('wice', 0)} claim–chunk pairs; supported and partially supported -> SUPPORTS,"
        " not supported -> NOT_ENOUGH_INFO. Training side only.",
        f"- Random negatives: {report['sizes'].get('negatives', 0)} pairs of a Climate-FEVER claim with another claim's evidence"
        " from the same fold, labelled NOT_ENOUGH_INFO (Climate-FEVER evidence is always on topic; retrieval candidates"
        " mostly are not). Training side only, never crossing folds.",
    ]
    if "fnc1" in report["sizes"]:
        lines.append(f"- FNC-1 train: {report['sizes']['fnc1']} headline–sentence pairs (headline vs the body sentence closest by cosine;"
                     f" agree -> SUPPORTS, disagree -> REFUTES, discuss/unrelated -> NOT_ENOUGH_INFO; {FNC_UNRELATED_SAMPLE} unrelated sampled)."
                     " Training side only.")
    else:
        lines.append("- FNC-1: not used in this run (`--quick`).")
    lines += [
        f"- Claims with id divisible by {GATE_MOD} are left out of the shipped model (bi-encoder model, cross-encoder and"
        " stacker alike): the CI gate (tests/verify/test_stance_gate.py) scores them.",
        "",
        "## Features",
        "",
        "Bi-encoder (src/veracity_train/verify/features.py): MiniLM (all-MiniLM-L6-v2 int8 ONNX) vectors u (claim), v (evidence):"
        f" u, v, |u-v|, u*v (1,536), plus {N_LEXICAL} lexical/contradiction features: {', '.join(LEXICAL_NAMES)}. The"
        " contradiction counts come from src/veracity/verify/checks.py (numbers/units, years, negation, WordNet antonyms,"
        " former/current titles).",
    ]
    if ce:
        lines += [
            "",
            "Cross-encoder (src/veracity_train/verify/crossencoder.py): all-MiniLM-L6-v2 reading \"[CLS] claim [SEP] evidence"
            f" [SEP]\" (≤ {ce['max_tokens']} word pieces), a fresh 3-way head on the mean-pooled states, fine-tuned on the"
            f" Climate-FEVER pairs of the training folds only: bottom {ce['frozen_layers']} layers frozen (their states cached),"
            f" top {6 - ce['frozen_layers']} layers + head trained, batch {ce['batch']}, AdamW (lr {ce['lr_top']} / head"
            f" {ce['lr_head']}, weight decay {ce['weight_decay']}), {ce['warmup']:.0%} warm-up then linear decay,"
            " balanced class weights, one thread, seeded. Checkpoints after each epoch were scored on the held-out fold;"
            f" **{ce['epochs']} epoch(s)** won and the final fit used that count. Its three out-of-fold logits are the"
            " stacking features.",
        ]
    lines += [
        "",
        "## Models tried (evidence macro-F1 on Climate-FEVER, 5-fold grouped by claim)",
        "",
        "| model | macro-F1 | with REFUTES/SUPPORTS logit offsets (nested) | per class S / R / NEI | seconds |",
        "|---|---|---|---|---|",
    ]
    for name, t in report["tried"].items():
        pc = " / ".join(f"{x:.3f}" for x in t["per_class_offsets"])
        secs = "–" if t["seconds"] is None else t["seconds"]
        lines.append(f"| {name} | {t['macro_f1']:.4f} | {t['macro_f1_offsets']:.4f} | {pc} | {secs} |")
    lines += [
        "",
        f"**Chosen:** {report['chosen']}. Candidates are ranked simplest first (bi-encoder models, then stacks);"
        f" a later one is chosen only if it beats the current choice by more than {TIE_MARGIN} (nested). Only models trained"
        " with the random negatives are eligible (without them a model takes sides on off-topic sentences); the"
        " cross-encoder alone is reported, not shipped. Logit offsets (S, R, NEI) = "
        f"{', '.join(f'{x:+.1f}' for x in report['offsets'])}, chosen on out-of-fold predictions (grid {OFFSET_GRID});"
        " in the figures above each fold's offsets come from the other folds only. A relevance gate (veracity_train/verify/stance_model.py"
        " RELEVANCE_GATE: cosine < 0.40 -> NOT_ENOUGH_INFO) is applied in every figure, as at run time.",
        f"The bi-encoder model ({report['base']}) ships too: the verifier re-ranks all retrieval candidates with it and runs"
        " the cross-encoder only on the top k." if report["stack"] != "none" else "",
        "",
        "## Claim verdicts",
        "",
        "A 4-way logistic regression (unweighted, so its probability is the verdict confidence) over the claim's evidence"
        " probabilities (max, mean, share of each predicted label, min(max S, max R)); trained and scored on"
        " out-of-fold evidence probabilities, 5-fold grouped by claim.",
        "",
        f"- aggregator over the final model's probabilities only: {_claim_line(report['claim_final_only'])}",
        f"- aggregator inputs shipped: {report.get('agg_inputs', 'final')}"
        + (" (the same summary of the bi-encoder model's probabilities of the same evidence added: claim accuracy gained more than"
           f" {TIE_MARGIN} on the folds)" if report.get("agg_inputs") == "final+base" else ""),
        f"- unweighted aggregator, shipped inputs: {_claim_line(report['claim_plain'])}",
        f"- with a DISPUTED logit offset chosen on the other folds (claim macro-F1, accuracy may fall by ≤ {DISPUTED_ACC_SLACK}):"
        f" {_claim_line(report['claim_disputed'])}",
        f"- shipped: DISPUTED offset {report['disputed_offset']:+.1f}"
        f" ({'it raised claim macro-F1 by more than ' + str(TIE_MARGIN) + ' within the accuracy allowance' if report['disputed_offset'] else 'its claim macro-F1 gain on the folds was not more than ' + str(TIE_MARGIN) + ', within noise'}).",
        "",
        f"- claim accuracy **{report['claim_accuracy']:.4f}**, claim macro-F1 {report['claim_macro_f1']:.4f} "
        f"(S / R / NEI / DISPUTED: {' / '.join(f'{x:.3f}' for x in report['claim_per_class'])})",
        f"- verdict confidence calibration: expected calibration error {report['claim_confidence_ece']:.4f} ({ECE_BINS} bins, out-of-fold)",
        f"- evidence macro-F1 **{report['evidence_macro_f1']:.4f}** (S / R / NEI: {' / '.join(f'{x:.3f}' for x in report['evidence_per_class'])})",
        "",
    ]
    reached = report["evidence_macro_f1"] >= 0.70 and report["claim_accuracy"] >= 0.60
    lines.append("Targets (0.70 evidence macro-F1, 0.60 claim accuracy): " + ("reached." if reached else "not reached."))
    lines.append("")
    size = (out_dir / "stance.npz").stat().st_size / 1e3
    art = f"Artefact: stance.npz ({size:.0f} kB; numpy, allow_pickle=False)"
    if ce:
        art += (f" + {ce['file']} ({ce['bytes'] / 1e6:.1f} MB, {ce['quantisation']}; sha256 {ce['sha256'][:16]}… recorded in the"
                f" npz meta and checked at load; int8 vs fp32 on held-out gate pairs: {ce['int8_vs_fp32']})")
    lines.append(art + ".")
    timing = f"Run time of this command {report['seconds']} s (caches warm: MiniLM vectors, cross-encoder fold logits and weights)."
    if ce:
        cv_s, fin_s = ce.get("cv_training_seconds"), ce.get("final_training_seconds")
        timing += (f" Cross-encoder training as measured when the caches were filled: 5 folds {cv_s if cv_s is not None else '?'} s,"
                   f" final fit {fin_s if fin_s is not None else '?'} s (one thread).")
    lines += [timing, "Full figures: cv.json."]
    path = out_dir / "TRAINING_REPORT.md"
    path.write_text("\n".join(line for line in lines) + "\n", encoding="utf-8")
    return path
