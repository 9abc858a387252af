from typing import Mapping

import pytest

from veracity.errors import InputError, PipelineError
from veracity.records import Article
from veracity.options import Options, override
from veracity.pipeline import Pipeline, Registry
from veracity.stages import REGISTRY


def _registry():
    reg = Registry()
    reg.add("a.v1", lambda o: (lambda d: d.with_(warnings=d.warnings + ("a",))), needs={"article"}, adds={"x"})
    reg.add("b.v1", lambda o: (lambda d: d.with_(warnings=d.warnings + ("b",))), needs={"x"}, adds={"y"})

    def boom(o):
        def run(d):
            raise InputError("bad article")
        return run

    reg.add("boom.v1", boom, needs={"article"})
    return reg


def test_pipeline_checks_needs_when_built():
    reg = _registry()
    with pytest.raises(PipelineError, match="needs"):
        Pipeline(Options(stages=("b.v1", "a.v1")), reg)
    p = Pipeline(Options(stages=("a.v1", "b.v1")), reg)
    d = p.analyze(Article.create("text"))
    assert d.warnings == ("a", "b") and d.stages == ("a.v1", "b.v1")
    assert {"article", "x", "y"} <= p.facets


def test_unknown_stage_and_unversioned_name():
    reg = _registry()
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(Options(stages=("nope.v1",)), reg)
    with pytest.raises(PipelineError, match="version"):
        reg.add("unversioned", lambda o: None)
    with pytest.raises(PipelineError, match="twice"):
        reg.add("a.v1", lambda o: None)


def test_run_records_errors_instead_of_raising():
    p = Pipeline(Options(stages=("boom.v1",)), _registry())
    r = p.run(Article.create("text", source_path="f.txt"))
    assert not r.ok and r.error.code == "input" and r.source == "f.txt"


def test_default_stages_are_registered_in_a_valid_order():
    specs = [REGISTRY.get(n) for n in Options().stages]
    from veracity.pipeline import check_order

    check_order(specs)  # raises if a default stage needs what no earlier one adds
    assert all(s.name.split(".")[-1].startswith("v") for s in specs)


def test_pipe_matches_analyze_on_real_text(example_text):
    p = Pipeline(Options(stages=("text.spacy.v1", "claims.extract.v1")))
    arts = [Article.create(example_text), Article.create("Officials said 300 people were evacuated on Monday.")]
    piped = list(p.pipe(arts))
    single = [p.analyze(a) for a in arts]
    assert [d.sentences for d in piped] == [d.sentences for d in single]
    assert all(d.doc is None for d in piped)


def test_a_bug_in_a_stage_is_recorded_for_that_article_not_raised():
    """Issue 18 #1: an unexpected exception in a stage (there: ValueError in _poly_hash) ended a
    whole corpus run; it is now that article's `internal` error, with the original chained."""
    reg = _registry()
    reg.add("bug.v1", lambda o: (lambda d: 1 / 0), needs={"article"})
    r = Pipeline(Options(stages=("bug.v1",)), reg).run(Article.create("text", source_path="f.txt"))
    assert not r.ok and r.error.code == "internal" and r.source == "f.txt" and r.error.source == "f.txt"
    assert "ZeroDivisionError" in r.error.message and isinstance(r.error.__cause__, ZeroDivisionError)


def _spans_exact(d):
    text = d.article.text
    for c in d.claims:
        assert text[c.span.start:c.span.end] == c.span.text
    for a in d.attributions:
        for s in a.source + a.cue + a.content:
            assert text[s.start:s.end] == s.text


def test_one_character_article_is_analysed():
    """Issue 18 #1: the smallest input, "a", crashed check-worthiness scoring."""
    from veracity import analysis

    d = analysis.analyze_text("a")
    assert [c.span.text for c in d.claims] == ["a"] and 0.0 <= d.claims[0].checkworthiness <= 1.0


@pytest.mark.parametrize("n", [8_000, 120_000])
def test_quote_runs_are_analysed_in_linear_time(n):
    """Issue 18 #4: 8,000 '"' took 9 s and 120 KB of them over 60 s (spaCy's affix splitting,
    the dash-attribution regex and one MiniLM piece per quote). Measured after: 0.13 s and 0.9 s."""
    import time

    from veracity import analysis

    text = "Officials said 300 people were evacuated. " + '"' * n
    t0 = time.perf_counter()
    d = analysis.analyze_text(text)
    assert time.perf_counter() - t0 < 15.0
    assert d.article.text == text and d.claims[0].span.text == "Officials said 300 people were evacuated."
    _spans_exact(d)


# ---------------------------------------------------------------- stage settings and profiles (issue 20)

def _configured_registry(seen):
    reg = Registry()

    def factory(o, *, model: str, k: int, ratio: float, strict: bool):
        seen.append({"model": model, "k": k, "ratio": ratio, "strict": strict})
        return lambda d: d

    reg.add("s.v1", factory, needs={"article"}, default_config={"model": "small", "k": 3, "ratio": 0.5, "strict": False})
    reg.add("t.v1", lambda o: (lambda d: d), needs={"article"})
    return reg


def test_stage_settings_reach_the_factory_over_their_defaults():
    from types import MappingProxyType

    seen = []
    reg = _configured_registry(seen)
    p = Pipeline(Options(stages=("s.v1", "t.v1")), reg)
    assert seen[-1] == {"model": "small", "k": 3, "ratio": 0.5, "strict": False} and p.config["t.v1"] == {}
    p = Pipeline(Options(stages=("s.v1",)), reg, stage_config={"s.v1": {"model": "big", "ratio": 1}})
    assert seen[-1] == {"model": "big", "k": 3, "ratio": 1.0, "strict": False} and isinstance(seen[-1]["ratio"], float)
    assert p.config == {"s.v1": seen[-1]}
    assert isinstance(reg.get("s.v1").default_config, MappingProxyType)  # one default, read-only


@pytest.mark.parametrize("settings, message", [
    ({"s.v1": {"modle": "big"}}, "stage 's.v1': unknown setting 'modle'; did you mean 'model'?"),
    ({"s.v1": {"zzz": 1}}, "stage 's.v1': unknown setting 'zzz'; it has k, model, ratio, strict"),
    ({"t.v1": {"k": 1}}, "stage 't.v1': unknown setting 'k'; it has no settings"),
    ({"s.v1": {"model": 3}}, "stage 's.v1': setting 'model' needs a string, not int 3"),
    ({"s.v1": {"k": True}}, "stage 's.v1': setting 'k' needs a whole number, not bool True"),
    ({"s.v1": {"k": 1.5}}, "stage 's.v1': setting 'k' needs a whole number, not float 1.5"),
    ({"s.v1": {"strict": 1}}, "stage 's.v1': setting 'strict' needs true or false, not int 1"),
    ({"s.v2": {"k": 1}}, "stage_config: unknown stage 's.v2'; did you mean 's.v1'?"),
])
def test_bad_stage_settings_fail_when_the_pipeline_is_built(settings, message):
    from veracity.errors import ConfigError

    seen = []
    with pytest.raises(ConfigError) as err:
        # settings of a stage the pipeline does not run are checked too
        Pipeline(Options(stages=("t.v1",)), _configured_registry(seen), stage_config=settings)
    assert str(err.value) == message and not seen  # nothing was built


def test_a_default_config_holds_plain_values():
    with pytest.raises(PipelineError, match="default_config 'x' must be a string, number or boolean"):
        Registry().add("a.v1", lambda o, x: None, default_config={"x": [1]})


def test_every_registered_stage_declares_its_settings():
    from veracity.claims.checkworthy import ALL_VARIANTS, STAGE_VARIANT

    assert all(isinstance(spec.default_config, Mapping) and spec.doc for spec in REGISTRY.specs.values())
    # one default for the dossier's check-worthiness model, the same as the stage module's
    assert REGISTRY.get("claims.checkworthy.v1").default_config == {"model": STAGE_VARIANT}
    assert STAGE_VARIANT in ALL_VARIANTS


@pytest.mark.parametrize("name", __import__("veracity.profiles", fromlist=["names"]).names())
def test_every_profile_builds(name):
    """Each shipped profile plans (known stages in a working order, settings the stages have)
    and builds: its models load."""
    from veracity import profiles
    from veracity.claims.checkworthy import load_model
    from veracity.pipeline import plan

    profile = profiles.load(name)
    planned = plan(override(profile=name))
    assert [spec.name for spec, _ in planned] == list(profile.stages)
    p = Pipeline(profile=name)
    assert p.options.stages == profile.stages
    cw = p.stages[p.options.stages.index("claims.checkworthy.v1")]
    model = {**REGISTRY.get("claims.checkworthy.v1").default_config, **profile.settings("claims.checkworthy.v1")}["model"]
    assert p.config["claims.checkworthy.v1"] == {"model": model} and cw.model is load_model(model)


def test_the_older_checkworthy_model_option_still_wins():
    from veracity.claims.checkworthy import load_model

    p = Pipeline(stages=["text.spacy.v1", "claims.extract.v1", "claims.checkworthy.v1"], profile="checkworthy",
                 extra={"checkworthy_model": "fast"})
    assert p.stages[2].model is load_model("fast")
