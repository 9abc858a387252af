import json

import jsonschema
import pytest

from veracity import schema
from veracity.records import dossier_to_dict


def test_committed_schema_matches_the_model():
    assert schema.committed_schema() == json.loads(json.dumps(schema.build_schema())), \
        "regenerate: python -m veracity.schema > src/veracity/data/dossier.schema.json"


def test_demo_dossier_is_valid_and_offset_exact(example_dossier):
    data = json.loads(json.dumps(dossier_to_dict(example_dossier)))
    schema.validate(data)
    spans = list(schema.iter_spans(data))
    assert len(spans) > 40  # sentences, claims, entities, ... all carry spans
    assert schema.check_offsets(data) == []


def test_schema_rejects_wrong_shapes(example_dossier):
    data = json.loads(json.dumps(dossier_to_dict(example_dossier)))
    data["claims"][0]["span"]["start"] = "zero"
    with pytest.raises(jsonschema.ValidationError):
        schema.validate(data)
    data = json.loads(json.dumps(dossier_to_dict(example_dossier)))
    data["claims"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        schema.validate(data)


def test_check_offsets_finds_a_shifted_span(example_dossier):
    data = json.loads(json.dumps(dossier_to_dict(example_dossier)))
    data["sentences"][1]["span"]["start"] += 1
    assert len(schema.check_offsets(data)) == 1
