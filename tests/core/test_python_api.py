"""Issue 19: ``import veracity; veracity.analyze(text, ...)`` and ``veracity.Pipeline(...)``.

The article is a real BBC business report (../shared) with a quote attributed to a named analyst.
"""

import datetime
import json
import subprocess
import sys

import pytest

import veracity
from veracity.errors import ConfigError, InputError, PipelineError, UnsupportedLanguageError
from veracity.records import Article, Dossier
from veracity.options import Options

ARTICLE = "data/corpus/bbc-news/business/038.txt"  # "Deutsche Telekom sees mobile gain"
CHEAP = ("text.spacy.v1", "claims.extract.v1")  # no learned models: quick to build
GERMAN = ("Der Bundeskanzler sagte am Montag, dass die Regierung die Steuern senken werde "
          "und die Wirtschaft im kommenden Jahr wieder wachsen solle.")


@pytest.fixture(scope="module")
def text(shared) -> str:
    return (shared / ARTICLE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def dossier(text) -> Dossier:
    return veracity.analyze(text, title="Deutsche Telekom sees mobile gain", published=datetime.date(2005, 3, 8),
                            outlet="BBC News", url="http://news.bbc.co.uk/1/hi/business/4329781.stm")


def test_import_veracity_loads_no_models_or_heavy_libraries():
    code = ("import sys, veracity; veracity.analyze; veracity.Pipeline; veracity.Options; veracity.Dossier; "
            "print(sorted(m for m in ('spacy', 'onnxruntime', 'thinc', 'tokenizers', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_top_level_names_are_the_library_objects():
    from veracity import analysis, errors, model, pipeline

    assert veracity.analyze is analysis.analyze and veracity.Pipeline is pipeline.Pipeline
    assert veracity.Dossier is model.Dossier and veracity.InputError is errors.InputError
    assert set(veracity.__all__) <= set(dir(veracity))
    assert {"analyze", "Pipeline", "Options", "Claim", "Attribution", "VeracityError"} <= set(veracity.__all__)
    with pytest.raises(AttributeError, match="no attribute 'analyse'"):
        veracity.analyse  # noqa: B018


def test_analyze_finds_the_claims_and_the_quoted_source(dossier, text):
    assert dossier.article.text == text
    assert (dossier.article.title, dossier.article.published, dossier.article.outlet) == \
        ("Deutsche Telekom sees mobile gain", "2005-03-08", "BBC News")
    assert dossier.article.url.endswith("4329781.stm")
    for claim in dossier.claims:
        assert text[claim.span.start:claim.span.end] == claim.span.text
    quote = next(c for c in dossier.claims if "seminal achievement" in c.span.text)
    assert quote.span.text.startswith('"It\'s a seminal achievement that they cut debt so low.')
    wittig = next(a for a in dossier.attributions if a.source_entity == "Hannes Wittig")
    assert wittig.source_type == "person" and wittig.id in quote.attribution_ids
    assert [s.text for s in wittig.source] == ["Hannes Wittig, telecoms analyst at Dresdner Kleinwort Wasserstein"]
    assert [s.text for s in wittig.cue] == ["said"]
    assert any("seminal achievement" in s.text for s in wittig.content)
    for span in wittig.source + wittig.cue + wittig.content:
        assert text[span.start:span.end] == span.text
    assert dossier.stages == Options().stages and dossier.summary.claims == len(dossier.claims)


def test_analyze_is_the_pipeline_and_the_older_calls(dossier, text):
    from veracity import analysis

    meta = {k: getattr(dossier.article, k) for k in ("title", "published", "outlet", "url")}
    assert veracity.Pipeline().analyze(text, **meta) == dossier
    assert veracity.analyze(dossier.article) == dossier  # an Article is analysed as it is
    assert analysis.analyze_text(text, **meta).claims == dossier.claims


def test_pipeline_takes_options_then_overrides():
    pipe = veracity.Pipeline(Options(batch_size=4), stages=list(CHEAP))
    assert pipe.options.stages == CHEAP and pipe.options.batch_size == 4
    assert repr(pipe) == f"Pipeline(stages={CHEAP!r})"
    assert veracity.Pipeline(Options(stages=CHEAP)).options == Options(stages=CHEAP)  # the older call
    d = pipe.analyze("Officials said 300 people were evacuated on Monday.")
    assert d.stages == CHEAP and [c.span.text for c in d.claims] == ["Officials said 300 people were evacuated on Monday."]
    learned = veracity.Pipeline(attribution="learned")
    assert "attribution.learned.v1" in learned.options.stages and "attribution.tagger.v1" not in learned.options.stages


def test_pipe_takes_texts_and_articles_in_order():
    pipe = veracity.Pipeline(stages=CHEAP)
    texts = ["Police said two men were arrested.", "The ministry said 40 schools would close."]
    piped = list(pipe.pipe([texts[0], Article.create(texts[1])]))
    assert [d.article.text for d in piped] == texts
    assert [d.claims for d in piped] == [pipe.analyze(t).claims for t in texts]


def test_bytes_are_decoded_and_published_dates_normalised():
    pipe = veracity.Pipeline(stages=CHEAP)
    d = pipe.analyze("Officials said 300 people were evacuated.".encode("cp1252"), published="Tue, 08 Mar 2005 10:00:00 GMT")
    assert d.article.text == "Officials said 300 people were evacuated." and d.article.published == "2005-03-08"
    latin = pipe.analyze("The caf\xe9 owner said prices rose.".encode("cp1252"))
    assert latin.article.text == "The caf\xe9 owner said prices rose." and "cp1252" in " ".join(latin.warnings)


def test_reference_date_stands_in_for_a_missing_publication_date():
    pipe = veracity.Pipeline(stages=CHEAP, reference_date=datetime.date(2025, 2, 14))
    assert pipe.analyze("Officials said 300 people were evacuated.").article.published == "2025-02-14"
    assert pipe.analyze("Officials said so.", published="2024-01-02").article.published == "2024-01-02"


def test_reference_outlet_stands_in_for_a_missing_outlet(tmp_path):
    from veracity.analysis import iter_results
    from veracity.options import Options

    pipe = veracity.Pipeline(stages=CHEAP, reference_outlet="Meridian World News")
    assert pipe.analyze("Officials said 300 people were evacuated.").article.outlet == "Meridian World News"
    assert pipe.analyze("Officials said so.", outlet="Daily Planet").article.outlet == "Daily Planet"
    f = tmp_path / "a.txt"
    f.write_text("Officials said 300 people were evacuated.", encoding="utf-8")
    [r] = iter_results([str(f)], Options(stages=CHEAP, reference_outlet="Meridian World News"))
    assert r.dossier.article.outlet == "Meridian World News"


@pytest.mark.parametrize("value, message", [
    ("", "<text>: no text"),
    (" \n\t ", "<text>: no text"),
    ("?!", "no words or numbers"),
    (None, "cannot analyse NoneType: give the article's text as a str"),
    (["Officials said so."], "cannot analyse list"),
    (42, "cannot analyse int"),
    (b"\x00\x01binary", "binary data"),
])
def test_bad_text_is_an_input_error(value, message):
    with pytest.raises(InputError) as err:
        veracity.analyze(value, stages=CHEAP)
    assert message in str(err.value) and err.value.code == "input"


@pytest.mark.parametrize("meta, message", [
    ({"published": "sometime soon"}, "published: cannot read 'sometime soon' as a date"),
    ({"published": 20250214}, "published must be a date or a string"),
    ({"title": ["a"]}, "title must be a string, not list"),
    ({"url": 3}, "url must be a string, not int"),
])
def test_bad_metadata_is_an_input_error(meta, message):
    with pytest.raises(InputError, match=message):
        veracity.analyze("Officials said 300 people were evacuated.", stages=CHEAP, **meta)


def test_metadata_with_an_article_is_refused():
    with pytest.raises(InputError, match="title given with an Article"):
        veracity.Pipeline(stages=CHEAP).analyze(Article.create("Officials said so."), title="T")


def test_bad_options_are_config_or_pipeline_errors():
    with pytest.raises(ConfigError, match="unknown option 'checkworthy_treshold'; did you mean 'checkworthy_threshold'"):
        veracity.analyze("Officials said so.", checkworthy_treshold=0.5)
    with pytest.raises(ConfigError, match="unknown option 'colour'"):
        veracity.Pipeline(colour="blue")
    with pytest.raises(ConfigError, match="must be a veracity Options, not dict"):
        veracity.Pipeline({"stages": CHEAP})
    with pytest.raises(ConfigError, match="unknown attribution method 'oracle'"):
        veracity.Pipeline(attribution="oracle")
    with pytest.raises(PipelineError, match="unknown stage 'claims.v9'"):
        veracity.Pipeline(stages=["text.spacy.v1", "claims.v9"])
    with pytest.raises(PipelineError, match="needs"):
        veracity.Pipeline(stages=["claims.extract.v1"])


def test_non_english_text_is_refused_unless_allowed():
    with pytest.raises(UnsupportedLanguageError, match="non-English"):
        veracity.analyze(GERMAN, stages=CHEAP)
    d = veracity.analyze(GERMAN, stages=CHEAP, allow_non_english=True)
    assert d.article.language == "de" and any("non-English" in w for w in d.warnings)


def test_dossier_json_is_the_documented_shape(dossier):
    from veracity import schema
    from veracity.records import dossier_to_json

    data = json.loads(dossier_to_json(dossier))
    schema.validate(data)
    assert schema.check_offsets(data) == []
