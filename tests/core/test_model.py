import json

import pytest

from veracity.errors import InputError
from veracity.records import (Article, Attribution, ChainLink, Claim, Dossier, Modality, Quantity, Span,
                            content_id, dossier_from_dict, dossier_to_dict, dossier_to_json)


def test_content_id_is_stable_and_sensitive():
    assert content_id("a", 1) == content_id("a", 1)
    assert content_id("a", 1) != content_id("a", 2)
    assert content_id("x", prefix="c_").startswith("c_")


def test_article_id_depends_on_text_and_metadata():
    a = Article.create("Troops were sent.", outlet="BBC")
    assert a.id == Article.create("Troops were sent.", outlet="BBC").id
    assert a.id != Article.create("Troops were sent.", outlet="CNN").id
    assert a.id != Article.create("Troops were sent!", outlet="BBC").id


def test_span_of_takes_exact_text():
    text = "Over 10,000 troops"
    s = Span.of(text, 5, 11)
    assert s.text == "10,000" and len(s) == 6
    assert Span.of(text, 0, 18).contains(s) and s.overlaps(Span.of(text, 10, 12))
    assert not s.overlaps(Span.of(text, 11, 12))


def test_dossier_round_trips_through_json():
    text = "The WSJ reports that over 10,000 troops will go."
    art = Article.create(text, published="2025-02-14")
    q = Quantity(Span.of(text, 21, 39), 10000.0, "troops", ">")
    att = Attribution("t1", (Span.of(text, 4, 7),), (Span.of(text, 8, 15),), (Span.of(text, 16, 48),), "outlet",
                      "WSJ", (ChainLink(Span.of(text, 4, 7), "outlet", "WSJ"),))
    claim = Claim("c1", 0, Span.of(text, 0, 48), 0.9, True, quantities=(q,), modality=Modality("reported", (Span.of(text, 8, 15),)),
                  attribution_ids=("t1",))
    d = Dossier(article=art, claims=(claim,), attributions=(att,), stages=("x.v1",))
    data = json.loads(dossier_to_json(d))
    assert data["schema_version"]
    back = dossier_from_dict(data)
    assert back == d
    assert back.claims[0].quantities[0].qualifier == ">"
    assert back.attribution("t1").chain[0].span.text == "WSJ"


def test_unknown_schema_major_version_is_refused():
    d = dossier_to_dict(Dossier(article=Article.create("x")))
    d["schema_version"] = "99.0"
    with pytest.raises(InputError):
        dossier_from_dict(d)


def test_content_id_never_raises_on_a_lone_surrogate():
    """Issue 18 #2: "a\\ud800." raised UnicodeEncodeError in content_id; every string has an id."""
    ident = content_id("a\ud800.", prefix="a_")
    assert ident.startswith("a_") and ident == content_id("a\ud800.", prefix="a_")
    assert ident != content_id("a\ufffd.", prefix="a_") and Article.create("a\udfff").id


def test_the_old_module_name_still_imports_the_records():
    # `veracity.model` was renamed `veracity.records` (it sat beside models/); users' imports keep working.
    import veracity.model as old
    import veracity.records as new

    assert old.Dossier is new.Dossier and old.dossier_to_dict is new.dossier_to_dict
