"""The summary as one self-contained HTML file: styles inline, no scripts, no external requests.

Every string from the patient goes through Jinja2's autoescaping; the only markup not from the
template is the QR code's SVG, which ``segno`` draws from the link (it holds no user text).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from report.summary import Summary

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(summary: Summary) -> str:
    qr = Markup(summary.qr_svg)  # noqa: S704 - made by segno from our own link, not from user text
    return _ENV.get_template("summary.html.j2").render(s=summary, qr=qr)
