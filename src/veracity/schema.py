"""The JSON Schema of a dossier, derived from the data model so the two cannot drift apart.

``python -m veracity.schema > src/veracity/data/dossier.schema.json`` regenerates the
committed file; a test fails when the committed file and the model disagree, and another
validates real outputs against it. Spans carry an extra rule the schema cannot express
(``text == article.text[start:end]``); :func:`check_offsets` enforces that.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from importlib import resources
from typing import Any

from . import SCHEMA_VERSION, model

SCHEMA_ID = f"https://veracity.invalid/schema/dossier-{SCHEMA_VERSION}.json"


def _type_schema(tp: Any, defs: dict) -> dict:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(a, defs) for a in args]}
    if tp is type(None):
        return {"type": "null"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is Any:
        return {}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0], defs)}
        return {"type": "array", "prefixItems": [_type_schema(a, defs) for a in args], "minItems": len(args), "maxItems": len(args)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs) if args else {}}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            hints = typing.get_type_hints(tp, vars(model))
            fields = [f for f in dataclasses.fields(tp) if f.name != "doc"]
            defs[name] = {
                "type": "object",
                "description": (tp.__doc__ or "").strip().split("\n")[0],
                "properties": {f.name: _type_schema(hints[f.name], defs) for f in fields},
                "required": [f.name for f in fields],
                "additionalProperties": False,
            }
            if name == "Span":
                defs[name]["properties"]["start"]["minimum"] = 0
                defs[name]["properties"]["end"]["minimum"] = 0
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def build_schema() -> dict:
    defs: dict = {}
    root = _type_schema(model.Dossier, defs)
    body = defs.pop("Dossier")
    body["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, "generator": {"type": "string"}, **body["properties"]}
    body["required"] = ["schema_version", *body["required"]]
    assert root == {"$ref": "#/$defs/Dossier"}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, "title": "veracity dossier", **body, "$defs": defs}


def committed_schema() -> dict:
    return json.loads(resources.files("veracity").joinpath("data/dossier.schema.json").read_text(encoding="utf-8"))


def validate(data: dict) -> None:
    """Raise jsonschema.ValidationError if ``data`` is not a valid dossier."""
    import jsonschema

    jsonschema.validate(data, committed_schema(), cls=jsonschema.Draft202012Validator)


def iter_spans(obj: Any, path: str = "$"):
    """Every Span-shaped object in a JSON dossier, with its JSON path."""
    if isinstance(obj, dict):
        if set(obj) == {"start", "end", "text"}:
            yield path, obj
        for k, v in obj.items():
            if k != "evidence" and k != "reports":  # those spans index other documents
                yield from iter_spans(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from iter_spans(v, f"{path}[{i}]")


def check_offsets(data: dict) -> list[str]:
    """Spans whose text is not ``article.text[start:end]``; empty when all are exact."""
    text = data["article"]["text"]
    return [f"{p}: {s['start']}-{s['end']} {s['text']!r}" for p, s in iter_spans(data)
            if not (0 <= s["start"] <= s["end"] <= len(text) and text[s["start"]:s["end"]] == s["text"])]


if __name__ == "__main__":
    json.dump(build_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
