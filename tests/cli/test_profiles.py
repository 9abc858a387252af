"""Each command builds its stages from a profile (veracity/profiles/*.toml), as it did before
profiles by editing stage names; `--profile` picks another; layered options still override.
Nothing here runs a model: the point where a command hands its options on is replaced."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from veracity.cli import app
from veracity.errors import ConfigError
from veracity.options import DEFAULT_STAGES
from veracity.profiles import load

runner = CliRunner()
CORPUS = load("corpus").stages
EVIDENCE = load("evidence").stages


class Handed(Exception):
    """Raised where a command hands its options on: they are kept, nothing runs."""


@pytest.fixture
def handed(monkeypatch):
    import veracity.analysis as analysis
    import veracity.batch.local as local
    import veracity.cli.attribution as attribution
    import veracity.cli.checkworthy as checkworthy
    import veracity.pipeline as pipeline

    seen: dict = {}

    def keep(**kw):
        seen.update(kw)
        raise Handed()

    class FakePipeline:
        def __init__(self, options, *a, **k):
            keep(options=options)

    monkeypatch.setattr(analysis, "iter_results", lambda paths, options, stdin=None: keep(options=options))
    monkeypatch.setattr(analysis, "analyze_article", lambda article, options: keep(options=options))
    monkeypatch.setattr(local, "run_parallel", lambda items, options, n: keep(options=options))
    monkeypatch.setattr(pipeline, "Pipeline", FakePipeline)
    monkeypatch.setattr(checkworthy, "write_predictions", lambda chunks, out, th, variant, processes=1: keep(model=variant))
    monkeypatch.setattr(attribution, "attribute_texts", lambda texts, method, n_process=1, **k: keep(method=method))
    return seen


def _run(seen, args, config=None):
    seen.clear()
    r = runner.invoke(app, (["--config", str(config)] if config else []) + args)
    if not isinstance(r.exception, Handed):
        raise AssertionError(f"the command did not get as far as running: {r.exception!r} {r.output}")
    return seen


@pytest.fixture
def article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Officials said 300 people were evacuated on Monday.\n", encoding="utf-8")
    (tmp_path / "e.db").write_text("", encoding="utf-8")
    return str(f)


def test_analyze_starts_from_the_interactive_or_evidence_profile(handed, article, tmp_path):
    db = str(tmp_path / "e.db")
    assert _run(handed, ["analyze", article, "--no-store"])["options"].stages == DEFAULT_STAGES
    assert _run(handed, ["analyze", article, "--no-store", "-e", db])["options"].stages == EVIDENCE
    assert _run(handed, ["analyze", article, "--no-store", "--profile", "corpus"])["options"].stages == CORPUS
    got = _run(handed, ["analyze", article, "--no-store", "--profile", "corpus", "-e", db, "--attribution", "rules"])["options"]
    assert got.stages == tuple(s.replace("attribution.tagger", "attribution.rules") for s in EVIDENCE)
    r = runner.invoke(app, ["analyze", article, "--no-store", "--profile", "nope"])
    assert isinstance(r.exception, ConfigError) and "unknown profile 'nope'" in str(r.exception)


def test_batch_starts_from_the_corpus_profile(handed, article, tmp_path):
    out = str(tmp_path / "o.jsonl")
    assert _run(handed, ["batch", article, "-o", out])["options"].stages == CORPUS
    assert _run(handed, ["batch", article, "-o", out, "--attribution", "tagger"])["options"].stages == DEFAULT_STAGES
    # corpus runs attribute by batch_attribution (learned) whatever the profile
    got = _run(handed, ["batch", article, "-o", out, "--profile", "evidence"])["options"].stages
    assert got == tuple(s.replace("attribution.tagger", "attribution.learned") for s in EVIDENCE)
    cfg = tmp_path / "c.toml"
    cfg.write_text('batch_attribution = ""\n', encoding="utf-8")  # keeps `analyze`'s stage list, as before profiles
    assert _run(handed, ["batch", article, "-o", out], cfg)["options"].stages == DEFAULT_STAGES


def test_verify_and_corroborate_keep_their_stages_over_a_config_file(handed, article, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('stages = ["text.spacy.v1", "claims.extract.v1"]\n', encoding="utf-8")
    db = str(tmp_path / "e.db")
    assert _run(handed, ["verify", article, "--db", db], cfg)["options"].stages == load("verify").stages
    assert _run(handed, ["corroborate", article, "--db", db], cfg)["options"].stages == load("corroborate").stages
    got = _run(handed, ["corroborate", article, "--db", db, "--stages", "text.spacy.v1,claims.extract.v1"])["options"]
    assert got.stages == ("text.spacy.v1", "claims.extract.v1", "corroborate.v1")


def test_checkworthy_scores_with_its_profiles_model(handed, article, tmp_path):
    assert _run(handed, ["checkworthy", article])["model"] == "transformer"
    assert _run(handed, ["checkworthy", article, "--profile", "interactive"])["model"] == "student-cascade"
    assert _run(handed, ["checkworthy", article, "--profile", "interactive", "--model", "fast"])["model"] == "fast"
    cfg = tmp_path / "c.toml"
    cfg.write_text('[stage_config."claims.checkworthy.v1"]\nmodel = "student"\n', encoding="utf-8")
    assert _run(handed, ["checkworthy", article], cfg)["model"] == "student"
    cfg.write_text('[stage_config."claims.checkworthy.v1"]\nmodle = "student"\n', encoding="utf-8")
    r = runner.invoke(app, ["--config", str(cfg), "checkworthy", article])
    assert isinstance(r.exception, ConfigError) and "unknown setting 'modle'; did you mean 'model'?" in str(r.exception)


def test_attribute_uses_its_profiles_attribution_stage(handed, article):
    assert _run(handed, ["attribute", article])["method"] == "tagger"
    assert _run(handed, ["attribute", article, "--profile", "corpus"])["method"] == "learned"
    assert _run(handed, ["attribute", article, "--profile", "corpus", "--method", "tagger-fast"])["method"] == "tagger-fast"
    r = runner.invoke(app, ["attribute", article, "--profile", "checkworthy"])
    assert isinstance(r.exception, ConfigError) and "profile checkworthy has no attribution stage" in str(r.exception)
