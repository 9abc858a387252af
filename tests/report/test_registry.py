"""The output formats are listed once (report/registry.py) and read by the CLI, render and the API."""

import typing

import pytest

from veracity.report import registry


def test_builtin_formats_in_cli_order():
    assert registry.formats() == ("json", "jsonl", "html", "md", "summary", "claimreview")
    assert registry.formats(web=True) == ("json", "html", "md", "claimreview")


def test_cli_and_api_read_the_registry():
    from veracity.api import app
    from veracity.cli import analyze

    assert analyze.FORMATS == registry.formats()
    assert typing.get_args(app.Format) == registry.formats(web=True)


def test_unknown_format_and_double_registration_are_errors():
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        registry.render([], "xml")
    with pytest.raises(ValueError, match="registered twice"):
        registry.register_output_renderer("json", lambda ds: "", "application/json")


def test_media_types():
    assert registry.renderer("html").media_type == "text/html; charset=utf-8"
    assert registry.renderer("md").media_type == "text/markdown; charset=utf-8"
    assert registry.renderer("json").data is not None and registry.renderer("claimreview").data is not None
    assert registry.renderer("html").data is None
