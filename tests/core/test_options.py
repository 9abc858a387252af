import pytest

from veracity.errors import ConfigError
from veracity.options import DEFAULT_STAGES, Options, build_options


def test_layers_override_in_order(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[veracity]\nbatch_size = 8\nn_process = 3\n', encoding="utf-8")
    o = build_options({"n_process": 2}, config_path=cfg, environ={"VERACITY_BATCH_SIZE": "16", "VERACITY_VERBOSE": "yes"})
    assert o.batch_size == 16  # environment beats the file
    assert o.n_process == 2  # flags beat everything
    assert o.verbose is True
    assert o.stages == DEFAULT_STAGES


def test_unknown_config_key_is_an_error(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("bach_size = 8\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bach_size"):
        build_options(config_path=cfg, environ={})


def test_bad_values_and_missing_file(tmp_path):
    with pytest.raises(ConfigError):
        build_options({"batch_size": "many"}, environ={})
    with pytest.raises(ConfigError):
        build_options(config_path=tmp_path / "nope.toml", environ={})


def test_stage_list_from_string_and_hashable():
    o = build_options({"stages": "text.spacy.v1, claims.extract.v1"}, environ={})
    assert o.stages == ("text.spacy.v1", "claims.extract.v1")
    assert hash(o) == hash(Options(stages=("text.spacy.v1", "claims.extract.v1")))


def test_with_attribution_swaps_or_adds_the_stage():
    import pytest

    from veracity.options import DEFAULT_STAGES, with_attribution

    swapped = with_attribution(DEFAULT_STAGES, "learned")
    assert "attribution.learned.v1" in swapped and "attribution.tagger.v1" not in swapped
    assert len(swapped) == len(DEFAULT_STAGES)
    assert with_attribution(("text.spacy.v1", "summary.v1"), "rules") == ("text.spacy.v1", "attribution.rules.v1", "summary.v1")
    with pytest.raises(ValueError):
        with_attribution(DEFAULT_STAGES, "oracle")


def test_interactive_runs_use_the_tagger_and_corpus_runs_the_crfs(tmp_path):
    o = Options()
    assert "attribution.tagger.v1" in o.stages
    batch = o.for_batch()
    assert "attribution.learned.v1" in batch.stages and "attribution.tagger.v1" not in batch.stages
    assert len(batch.stages) == len(o.stages)
    assert "attribution.tagger.v1" in Options(batch_attribution="tagger").for_batch().stages
    assert Options(batch_attribution="").for_batch().stages == Options().stages
    bare = Options(stages=("text.spacy.v1", "claims.extract.v1"))
    assert bare.for_batch().stages == bare.stages  # no attribution stage is added
    cfg = tmp_path / "c.toml"
    cfg.write_text('batch_attribution = "rules"\n', encoding="utf-8")
    assert "attribution.rules.v1" in build_options(config_path=cfg, environ={}).for_batch().stages
    with pytest.raises(ConfigError, match="batch_attribution"):
        Options(batch_attribution="oracle").for_batch()
