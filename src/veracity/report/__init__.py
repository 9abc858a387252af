"""Reports: JSON (versioned schema), JSON Lines, HTML, Markdown, a terminal summary, ClaimReview.

The formats are listed once, in :mod:`veracity.report.registry` (format -> render function and
media type); the CLI, :func:`render` and the API read them there.
"""

from __future__ import annotations

from .registry import Renderer, formats, register_output_renderer, render, renderer

__all__ = ["Renderer", "formats", "register_output_renderer", "render", "renderer"]
