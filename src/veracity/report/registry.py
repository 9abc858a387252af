"""The output formats, listed once: format name -> render function and media type.

The CLI's ``--format``, :func:`veracity.report.render` and the API's ``?format=`` all read this
registry, so a format is added in one place::

    register_output_renderer("csv", render_csv, "text/csv; charset=utf-8", description="claims as rows")

(in the manner of datasette's ``register_output_renderer``). A renderer turns a list of
dossiers into text; a JSON format also gives ``data``, the JSON value that text encodes, which
the API sends as it is. ``web=False`` keeps a format off the API (JSON Lines is for files and
streams, the summary for a terminal).

The built-in formats are registered explicitly at the bottom of this module, in the order the
CLI lists them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..records import Dossier, dossier_to_dict
from .claimreview import claimreviews
from .markdown import render_markdown
from .summary import render_summary

Render = Callable[[Sequence[Dossier]], str]
Data = Callable[[Sequence[Dossier]], Any]


@dataclass(frozen=True)
class Renderer:
    name: str  # the format's name: `--format NAME`, `?format=NAME`
    render: Render  # dossiers -> the text written to a file, stdout or a response body
    media_type: str  # what the API says the body is
    description: str = ""
    data: Data | None = None  # JSON formats: dossiers -> the JSON value (``render`` is its text)
    web: bool = True  # offered by the API's ?format=


_RENDERERS: dict[str, Renderer] = {}


def register_output_renderer(name: str, render: Render, media_type: str, *, description: str = "",
                             data: Data | None = None, web: bool = True) -> Renderer:
    """Add a format. A name is registered once: a second registration is an error, not a swap."""
    if name in _RENDERERS:
        raise ValueError(f"output format {name!r} registered twice")
    r = Renderer(name, render, media_type, description, data, web)
    _RENDERERS[name] = r
    return r


def renderer(fmt: str) -> Renderer:
    try:
        return _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}") from None


def formats(*, web: bool = False) -> tuple[str, ...]:
    """The format names in registration order; ``web=True``: only those the API offers."""
    return tuple(n for n, r in _RENDERERS.items() if r.web or not web)


def render(dossiers: Sequence[Dossier], fmt: str) -> str:
    return renderer(fmt).render(dossiers)


def _json_text(data: Data) -> Render:
    return lambda dossiers: json.dumps(data(dossiers), ensure_ascii=False, indent=2)


def _dossiers_data(dossiers: Sequence[Dossier]) -> Any:
    """One dossier as its JSON object; several as a list of them."""
    data = [dossier_to_dict(d) for d in dossiers]
    return data[0] if len(data) == 1 else data


def _html(dossiers: Sequence[Dossier]) -> str:
    # Imported here, not above: jinja2 adds ~40 ms to every CLI start, and only HTML needs it.
    from .html import render_html

    return render_html(dossiers)


def _jsonl(dossiers: Sequence[Dossier]) -> str:
    return "\n".join(json.dumps(dossier_to_dict(d), ensure_ascii=False) for d in dossiers)


register_output_renderer("json", _json_text(_dossiers_data), "application/json", data=_dossiers_data,
                         description="the dossier in the versioned schema (docs/schema.md); a list for several")
register_output_renderer("jsonl", _jsonl, "application/x-ndjson", web=False,
                         description="one dossier per line")
register_output_renderer("html", _html, "text/html; charset=utf-8",
                         description="the self-contained report a person reads")
register_output_renderer("md", render_markdown, "text/markdown; charset=utf-8",
                         description="the claims table and sources, for a ticket or a wiki")
register_output_renderer("summary", render_summary, "text/plain; charset=utf-8", web=False,
                         description="a short terminal summary")
register_output_renderer("claimreview", _json_text(claimreviews), "application/json", data=claimreviews,
                         description="schema.org ClaimReview JSON-LD for claims with a verdict")
