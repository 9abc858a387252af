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


def test_override_takes_python_values_by_field_name(tmp_path):
    """Issue 19: the Python API's options (veracity.analyze, veracity.Pipeline, the spaCy component)."""
    import datetime

    from veracity.options import override

    base = Options(batch_size=8)
    o = override(base, stages="text.spacy.v1, claims.extract.v1", evidence_db=tmp_path / "e.db",
                 reference_date=datetime.date(2025, 2, 14), checkworthy_threshold="0.6", extra={"b": 2, "a": 1})
    assert o.stages == ("text.spacy.v1", "claims.extract.v1")
    assert o.evidence_db == str(tmp_path / "e.db") and o.reference_date == "2025-02-14"
    assert o.checkworthy_threshold == 0.6 and o.extra == (("a", 1), ("b", 2))
    assert o.batch_size == 8  # what is not overridden comes from the given options
    assert override(None) == Options() and override(base) is base
    assert "attribution.learned.v1" in override(attribution="learned").stages
    assert "attribution.tagger.v1" not in override(attribution="learned").stages
    hash(o)  # pipelines are cached by options


def test_override_with_an_evidence_index_adds_the_evidence_stages_as_the_cli_does():
    from veracity.options import EVIDENCE_STAGES, override

    o = override(evidence_db="e.db")
    assert o.stages[-3:] == (*EVIDENCE_STAGES, "summary.v1") and o.stages[:-3] == DEFAULT_STAGES[:-1]
    assert override(evidence_db="e.db", stages=DEFAULT_STAGES).stages == DEFAULT_STAGES  # given stages are kept
    assert override(Options(evidence_db="e.db")).stages == DEFAULT_STAGES  # Options are taken as built


@pytest.mark.parametrize("changes, message", [
    ({"bach_size": 8}, "unknown option 'bach_size'; did you mean 'batch_size'"),
    ({"zzz": 1}, "unknown option 'zzz'; known: "),
    ({"batch_size": 0}, "batch_size: must be at least 1"),
    ({"batch_size": "many"}, "batch_size: cannot use 'many'"),
    ({"n_process": True}, "n_process: needs a number"),
    ({"n_process": 1.5}, "n_process: needs a whole number"),
    ({"top_k_evidence": None}, "top_k_evidence: cannot be None"),
    ({"checkworthy_threshold": 2}, "checkworthy_threshold: must lie between 0 and 1"),
    ({"evidence_db": 3}, "evidence_db: needs a string"),
    ({"stages": [1, 2]}, "stages: needs stage names"),
    ({"extra": {"k": [1]}}, "must be hashable"),
    ({"attribution": "oracle"}, "attribution: unknown attribution method 'oracle'"),
])
def test_override_refuses_unknown_names_and_bad_values(changes, message):
    from veracity.options import override

    with pytest.raises(ConfigError) as err:
        override(None, **changes)
    assert message in str(err.value)


def test_override_wants_options_not_a_dict():
    from veracity.options import override

    with pytest.raises(ConfigError, match="must be a veracity Options, not dict"):
        override({"batch_size": 8})


# ---------------------------------------------------------------- profiles (issue 20: stage settings as data)

def test_profiles_are_the_stage_lists_the_commands_ran_before_them():
    """Each shipped profile is the list its commands built by editing strings before profiles."""
    from veracity import profiles
    from veracity.claims.checkworthy import CLI_VARIANT
    from veracity.options import EVIDENCE_STAGES, with_evidence_stages

    assert set(profiles.names()) >= {"interactive", "corpus", "evidence", "verify", "corroborate", "checkworthy"}
    assert all(profiles.load(n).description for n in profiles.names())
    assert profiles.load("interactive").stages == DEFAULT_STAGES == Options().stages
    assert profiles.load("corpus").stages == Options().for_batch().stages  # what `veracity batch` ran
    assert profiles.load("evidence").stages == with_evidence_stages(DEFAULT_STAGES)  # `analyze --evidence-db`
    assert EVIDENCE_STAGES == ("verify.v1", "corroborate.v1")
    assert profiles.load("verify").stages == DEFAULT_STAGES + ("verify.v1",)
    assert profiles.load("corroborate").stages == DEFAULT_STAGES + ("corroborate.v1",)
    assert profiles.load("checkworthy").settings("claims.checkworthy.v1") == {"model": CLI_VARIANT}
    assert profiles.load("interactive").config == () == Options().stage_config  # every stage at its default


def test_a_profile_is_the_lowest_layer(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[stage_config."claims.checkworthy.v1"]\nmodel = "student"\n', encoding="utf-8")
    o = build_options(config_path=cfg, environ={}, profile="corpus")
    assert o.stages == Options().for_batch().stages and o.stage_config == (("claims.checkworthy.v1", (("model", "student"),)),)
    assert build_options(environ={}) == Options()  # the interactive profile is the defaults
    # config file < environment < flags, for the stage list and for each setting
    env = {"VERACITY_STAGES": "text.spacy.v1,claims.extract.v1", "VERACITY_STAGE_CONFIG": '"claims.checkworthy.v1" = {model = "fast"}'}
    o = build_options(config_path=cfg, environ=env, profile="checkworthy")
    assert o.stages == ("text.spacy.v1", "claims.extract.v1") and dict(o.stage_config)["claims.checkworthy.v1"] == (("model", "fast"),)
    o = build_options({"stage_config": {"claims.checkworthy.v1": {"model": "full"}}}, config_path=cfg, environ=env)
    assert dict(o.stage_config)["claims.checkworthy.v1"] == (("model", "full"),)
    with pytest.raises(ConfigError, match="unknown profile 'nope'; known: checkworthy, corpus"):
        build_options(environ={}, profile="nope")
    with pytest.raises(ConfigError, match="stage_config: not a TOML table"):
        build_options(environ={"VERACITY_STAGE_CONFIG": "model ="})


def test_stage_settings_merge_key_by_key_and_stay_hashable():
    from veracity import profiles
    from veracity.options import override

    base = (("a.v1", (("x", 1), ("y", "k"))),)
    assert profiles.merge(base, profiles.normalise({"a.v1": {"y": "m"}, "b.v1": {"z": True}})) == \
        (("a.v1", (("x", 1), ("y", "m"))), ("b.v1", (("z", True),)))
    o = override(profile="checkworthy", stage_config={"claims.checkworthy.v1": {"model": "student"}})
    assert o.stages == profiles.load("checkworthy").stages and o.stage_config == (("claims.checkworthy.v1", (("model", "student"),)),)
    hash(o)
    assert override(profile="corpus", attribution="tagger").stages == DEFAULT_STAGES  # the flag over the profile
    assert override(profile="corpus", stages=["text.spacy.v1"]).stages == ("text.spacy.v1",)


@pytest.mark.parametrize("changes, message", [
    ({"profile": "nope"}, "unknown profile 'nope'"),
    ({"profile": ["corpus"]}, "unknown profile ['corpus']"),
    ({"profil": "corpus"}, "did you mean 'profile'"),
    ({"stage_config": "x"}, "stage_config: needs {stage: {setting: value}}"),
    ({"stage_config": {"claims.checkworthy.v1": "transformer"}}, "'claims.checkworthy.v1' maps to 'transformer'"),
    ({"stage_config": {"claims.checkworthy.v1": {"model": ["a"]}}}, "setting 'model': needs a string, number or boolean"),
])
def test_override_refuses_bad_profiles_and_stage_settings(changes, message):
    from veracity.options import override

    with pytest.raises(ConfigError) as err:
        override(None, **changes)
    assert message in str(err.value)


def test_a_profile_file_is_checked(tmp_path, monkeypatch):
    from veracity import profiles

    monkeypatch.setattr(profiles, "HERE", tmp_path)
    (tmp_path / "typo_t1.toml").write_text('description = "d"\nstagse = ["text.spacy.v1"]\n', encoding="utf-8")
    (tmp_path / "nodesc_t1.toml").write_text('stages = ["text.spacy.v1"]\n', encoding="utf-8")
    (tmp_path / "nostages_t1.toml").write_text('description = "d"\nstages = "text.spacy.v1"\n', encoding="utf-8")
    (tmp_path / "ok_t1.toml").write_text('description = """two\n lines"""\nstages = ["text.spacy.v1"]\n'
                                         '[config."text.spacy.v1"]\nk = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="profile typo_t1: unknown key 'stagse'"):
        profiles.load("typo_t1")
    with pytest.raises(ConfigError, match="needs a description"):
        profiles.load("nodesc_t1")
    with pytest.raises(ConfigError, match="stages must be a list"):
        profiles.load("nostages_t1")
    ok = profiles.load("ok_t1")
    assert ok.description == "two lines" and ok.config == (("text.spacy.v1", (("k", 1),)),)
