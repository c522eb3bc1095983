"""The summary as one self-contained HTML file: styles inline, no scripts, no external requests.

Every string from the patient goes through Jinja2's autoescaping; the only markup not from the
template is the QR code's SVG, made here of numbers only (the modules of the link's QR code).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from report.pictures import icon_array_svg
from report.summary import Picture, Summary, dark_runs
from scoring.wording import MATRIX_NOTE, WEIGHED

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@lru_cache(maxsize=64)
def qr_svg(rows: tuple[bytes, ...]) -> Markup:
    """The QR code as one SVG path: a run of dark modules is one rectangle."""
    size = len(rows)
    path = "".join(f"M{x} {y}h{w}v1h-{w}z" for x, y, w in dark_runs(rows))
    return Markup(  # noqa: S704 - numbers only, made here
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        'shape-rendering="crispEdges" aria-hidden="true">'
        f'<rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>'
    )


def icon(picture: Picture) -> Markup:
    """A picture of 100 people as SVG: numbers, and a label escaped by ``icon_array_svg``."""
    return Markup(icon_array_svg(picture.filled, picture.label, width="8.5rem"))  # noqa: S704 - our markup, label escaped


def render_html(summary: Summary) -> str:
    return _ENV.get_template("summary.html.j2").render(
        s=summary, qr=qr_svg(summary.qr), qr_of=qr_svg, icon=icon, weighed=WEIGHED, matrix_note=MATRIX_NOTE
    )
