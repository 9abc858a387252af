"""Every stage, on real articles of every BBC topic: valid schema and exact offsets everywhere."""

import json

import pytest

from veracity import schema
from veracity.ingest import iter_articles
from veracity.records import dossier_to_dict
from veracity.pipeline import Pipeline

TOPICS = ("business", "entertainment", "politics", "sport", "tech")
PER_TOPIC = 3


@pytest.fixture(scope="module")
def dossiers(shared, default_options):
    paths = []
    for topic in TOPICS:
        files = sorted((shared / "data" / "corpus" / "bbc-news" / topic).glob("*.txt"))
        paths += [str(f) for f in files[:: max(1, len(files) // PER_TOPIC)][:PER_TOPIC]]
    paths.append(str(shared / "data" / "corpus" / "bbc-news" / "sport" / "199.txt"))  # the Latin-1 one
    pipe = Pipeline(default_options)
    arts = [a for a in iter_articles(paths, default_options) if not isinstance(a, Exception)]
    assert len(arts) == len(paths), "every BBC article should be readable, the Latin-1 one included"
    return [pipe.analyze(a) for a in arts]


def test_schema_and_offsets_hold_on_real_articles(dossiers):
    for d in dossiers:
        data = json.loads(json.dumps(dossier_to_dict(d)))
        schema.validate(data)
        assert schema.check_offsets(data) == [], d.article.source_path


def test_real_articles_have_structure(dossiers):
    # a claim per statement: every sentence has at least one (two when it states two things)
    assert all(d.sentences and {c.sentence_index for c in d.claims} == {s.index for s in d.sentences} for d in dossiers)
    assert sum(len(c.quantities) for d in dossiers for c in d.claims) > 20
    assert sum(len(c.places) for d in dossiers for c in d.claims) > 20
    assert sum(len(d.attributions) for d in dossiers) > 15
    assert all(d.summary and d.summary.claims == len(d.claims) for d in dossiers)
