"""Check-worthiness: features, the committed model, the pipeline stage, the CLI contract, and
the evaluation gate on CheckThat! 2024 dev-test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from veracity.claims.checkworthy import CheckworthyStage, char_grams, load_model, word_grams
from veracity.records import Article, Claim, Dossier, Span
from veracity.options import Options
from claims_helpers import NOT_WORTHY, WORTHY

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
DEV_TEST = SHARED / "data" / "checkworthiness" / "checkthat2024" / "CT24_checkworthy_english_dev-test.tsv"
# The CI gate (the floor): the default CLI model (transformer) measured 0.881 F1 on dev-test
# (docs/benchmarks/checkworthy.md; fast 0.810);
# below 0.80 a change has made it clearly worse, not just moved it by a few sentences.
GATE_F1 = 0.80


def test_word_grams_fold_numbers_and_add_bigrams() -> None:
    grams = word_grams("Taxes rose 3.5 percent")
    assert "<num>" in grams and "3.5" not in grams
    assert "rose <num>" in grams and "<num> percent" in grams


def test_char_grams_fold_digits_and_space() -> None:
    grams = char_grams("In  1988,  42%")
    assert " 0000" in grams and "00%" in grams
    assert not any(ch in "123456789" for g in grams for ch in g)
    # Runs of spaces are collapsed, so spacing does not create new n-grams.
    assert "in 00" in grams and not any("  " in g for g in grams)


def test_hostile_long_sentence_is_bounded() -> None:
    # A 1 MB line costs no more than its first MAX_CHARS characters.
    assert len(char_grams("a" * 1_000_000)) == len(char_grams("a" * 5000))


def test_model_scores_are_probabilities_and_rank_clear_cases() -> None:
    model = load_model()
    scores = model.score(WORTHY + NOT_WORTHY)
    assert scores.shape == (6,)
    assert ((scores >= 0) & (scores <= 1)).all()
    assert min(scores[:3]) > max(scores[3:])
    assert 0.05 < model.threshold < 0.95
    assert all(s >= model.threshold for s in scores[:3])
    assert all(s < model.threshold for s in scores[3:])


def test_model_handles_empty_and_odd_input() -> None:
    scores = load_model().score(["", "   ", "???", "\u00e9t\u00e9 \u4e2d\u6587"])
    assert len(scores) == 4 and all(0.0 <= s <= 1.0 for s in scores)
    assert len(load_model().score([])) == 0


def _dossier(sentences: list[str]) -> Dossier:
    text = " ".join(sentences)
    article = Article.create(text)
    claims, at = [], 0
    for i, s in enumerate(sentences):
        claims.append(Claim(id=f"c{i}", sentence_index=i, span=Span.of(text, at, at + len(s))))
        at += len(s) + 1
    return Dossier(article=article, claims=tuple(claims))


def test_stage_sets_scores_on_every_claim() -> None:
    d = _dossier(WORTHY[:1] + NOT_WORTHY[:1])
    out = CheckworthyStage(Options())(d)
    assert [c.checkworthy for c in out.claims] == [True, False]
    assert out.claims[0].checkworthiness > out.claims[1].checkworthiness
    assert out.claims[0].span == d.claims[0].span  # only the two fields change
    assert d.claims[0].checkworthiness == 0.0  # the input dossier is untouched


def test_stage_threshold_option_overrides_model() -> None:
    d = _dossier(WORTHY[:1] + NOT_WORTHY[:1])
    assert all(c.checkworthy for c in CheckworthyStage(Options(checkworthy_threshold=0.0))(d).claims)
    assert not any(c.checkworthy for c in CheckworthyStage(Options(checkworthy_threshold=1.0))(d).claims)


def test_stage_pipe_and_empty_dossier() -> None:
    stage = CheckworthyStage(Options())
    empty = Dossier(article=Article.create(""))
    assert stage(empty) is empty
    outs = list(stage.pipe([_dossier(WORTHY), _dossier(NOT_WORTHY)]))
    assert [sum(c.checkworthy for c in o.claims) for o in outs] == [3, 0]


def _cli(args: list[str], stdin: str) -> subprocess.CompletedProcess:
    code = (
        "import sys\nfrom veracity.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
        "sys.stderr.write('SPACY_LOADED=%s\\n' % ('spacy' in sys.modules))\nsys.exit(code)\n"
    )
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_cli_contract_jsonl_in_order_without_spacy() -> None:
    lines = [NOT_WORTHY[0], WORTHY[0], "", NOT_WORTHY[1], WORTHY[1]]
    res = _cli(["checkworthy", "-"], "\n".join(lines) + "\n")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["text"] for r in rows] == lines
    assert all(set(r) == {"text", "score", "checkworthy"} for r in rows)
    assert all(isinstance(r["score"], float) and 0 <= r["score"] <= 1 for r in rows)
    assert [r["checkworthy"] for r in rows] == [False, True, False, False, True]
    assert "SPACY_LOADED=False" in res.stderr


def test_cli_threshold_and_bad_input() -> None:
    res = _cli(["checkworthy", "-", "--threshold", "0"], "Thank you.\n")
    assert json.loads(res.stdout)["checkworthy"] is True
    bad = _cli(["checkworthy", "/nonexistent/file.txt"], "")
    assert bad.returncode != 0 and "no such file" in bad.stderr


@pytest.mark.slow
def test_eval_gate_ct24_dev_test() -> None:
    """CI gate: positive-class F1 on CheckThat! 2024 dev-test, printed by the shared scorer."""
    if not DEV_TEST.exists():
        pytest.fail(f"shared data missing: {DEV_TEST}")
    res = _cli(["eval", "checkworthy", "--gold", str(DEV_TEST)], "")
    assert res.returncode == 0, res.stderr
    f1 = float(res.stdout.strip().splitlines()[-1].split()[-1])
    assert f1 >= GATE_F1, res.stdout


def test_vectorised_char_lookup_equals_dict_lookup() -> None:
    """The numpy hash path must give exactly the scores of the plain n-gram dictionary path."""
    block = next(b for b in load_model("fast").blocks if b.analyzer == "char")
    texts = WORTHY + NOT_WORTHY + ["", "a", "\u00e9\u00e9 \U0001f600 \u4e2d\u6587 1,000", "x" * 3000]
    fast = block.margins(texts)
    index, block._hash_index = block._hash_index, None
    try:
        slow = block.margins(texts)
    finally:
        block._hash_index = index
    assert index is not None
    assert abs(fast - slow).max() < 1e-12


def test_missing_artefact_is_a_clear_model_error(tmp_path) -> None:
    from veracity.claims.checkworthy import CheckworthyModel
    from veracity.errors import ModelError

    with pytest.raises(ModelError, match="veracity train checkworthy"):
        CheckworthyModel.load(tmp_path)
    with pytest.raises(ModelError, match="unknown check-worthiness model"):
        load_model("huge")


def test_cli_reads_a_file_and_writes_output(tmp_path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Thank you.\r\nWe're consuming 50 percent of the world's cocaine.\r\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    res = _cli(["checkworthy", str(src), "-o", str(dst)], "")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == ["Thank you.", "We're consuming 50 percent of the world's cocaine."]
    assert [r["checkworthy"] for r in rows] == [False, True]


@pytest.mark.parametrize("variant", ["fast", "distilled", "student-cascade"])
def test_one_character_text_is_scored_not_a_crash(variant) -> None:
    """Issue 18 #1: " a " is shorter than a 4- or 5-gram window; _poly_hash broadcast a negative
    window count into a ValueError that stopped the article (and a whole JSONL corpus)."""
    from veracity.claims.checkworthy import _codes, _poly_hash

    assert _poly_hash(_codes(" a "), 5).shape == (0,) and _poly_hash(_codes(""), 2).shape == (0,)
    scores = load_model(variant).score(["a"])
    assert scores.shape == (1,) and 0.0 <= scores[0] <= 1.0
    d = CheckworthyStage(Options()).__call__(_dossier(["a"]))
    assert 0.0 <= d.claims[0].checkworthiness <= 1.0


def _cli_bytes(args: list[str], stdin: bytes, env: dict | None = None) -> subprocess.CompletedProcess:
    code = "import sys\nfrom veracity.cli import main\nmain(sys.argv[1:])\n"
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_cli_stdin_has_the_input_limit() -> None:
    """Issue 18 #5: `checkworthy - < /dev/zero` grew to 8 GB. stdin is read as ingest reads a file:
    at most max_input_bytes, else one line naming the limit."""
    res = _cli_bytes(["checkworthy", "--model", "fast", "-"], b"\x00" * 5000, {"VERACITY_MAX_INPUT_BYTES": "4096"})
    assert res.returncode == 2 and res.stdout == b""
    assert res.stderr.decode().splitlines() == ["veracity: error: <stdin>: over the 4 KiB input limit (max_input_bytes)"]
    res = _cli_bytes(["checkworthy", "--model", "fast", "-"], b"Thank you.\n" * 300, {"VERACITY_MAX_INPUT_BYTES": "4096"})
    assert res.returncode == 0 and len(res.stdout.splitlines()) == 300


def test_cli_non_utf8_input_is_one_line_not_a_traceback(tmp_path) -> None:
    """Issue 18 #6: a byte that is not UTF-8 reached the tokenizer as a surrogate: TypeError
    traceback. Input is decoded as ingest decodes files: a legacy encoding that fits is read (with
    a warning), bytes no encoding fits are one line naming the input and the reason."""
    res = _cli_bytes(["checkworthy", "--model", "fast", "-"], b"Prices rose \xe2\x82 in \xe2\x82\xac.\n")
    assert res.returncode == 2 and res.stdout == b"" and b"Traceback" not in res.stderr
    assert res.stderr.decode().splitlines() == [
        "veracity: error: <stdin>: undecodable bytes: mostly UTF-8 but invalid at byte 12 (corrupt or mixed encoding)"]
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Prices rose \xff percent.\n")
    for args, stdin in ((["-"], latin.read_bytes()), ([str(latin)], b"")):
        res = _cli_bytes(["checkworthy", "--model", "fast", *args], stdin)
        assert res.returncode == 0 and b"Traceback" not in res.stderr, res.stderr
        assert json.loads(res.stdout)["text"] == "Prices rose \u00ff percent."
        assert "warning: not UTF-8; decoded as cp1252" in res.stderr.decode()
