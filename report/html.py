"""The summary as one self-contained HTML file: styles inline, no scripts, no external requests.

Every string from the patient goes through Jinja2's autoescaping; the only markup not from the
template is the QR code's SVG, made here of numbers only (the modules of the link's QR code), and the
translated sentences that hold a tag (``visit_text``, ``no_figure``), whose values ``Markup.format`` escapes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from report.pictures import icon_array_svg
from report.summary import ClinicPart, Picture, Summary, dark_runs
from scoring import language
from scoring.language import _
from scoring.wording import MATRIX_NOTE, WEIGHED

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    extensions=["jinja2.ext.i18n"],
)
# The template's fixed words: {{ _("...") }}, in the language in use when it renders. Its sentences with values
# are made in Python (here, or in report/summary.py when the PDF prints them too), each one whole.
_ENV.install_gettext_callables(  # type: ignore[attr-defined]
    gettext=language.gettext, ngettext=language.ngettext, newstyle=True
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


def visit_text(clinic: ClinicPart) -> Markup:
    """What a clinic's "At the visit" code opens, with the link: the clinic's name and the link escaped."""
    return Markup(  # noqa: S704 - our own markup, from the catalogue; format() escapes the name and the link
        _(
            "<strong>At the visit:</strong> scan this with your phone's camera to open {name} on “At the visit”: "
            'what is still to check there, with the words to say. <a href="{link}">Open it here</a>.'
        )
    ).format(name=clinic.name, link=clinic.visit_link)


def no_figure(kind: str) -> Markup:
    """A kind of figure no study gives as a number (a label we wrote, escaped all the same)."""
    markup = _("<em>{kind}:</em> no study gives this as a number in 100.")
    return Markup(markup).format(kind=kind)  # noqa: S704 - our own markup, from the catalogue; format() escapes


def scores_label(clinic: ClinicPart) -> str:
    return _("{name}: score by topic (scrolls sideways)").format(name=clinic.name)


def visit_qr_label(clinic: ClinicPart) -> str:
    return _("QR code: {name} at the visit").format(name=clinic.name)


def render_html(summary: Summary) -> str:
    return _ENV.get_template("summary.html.j2").render(
        s=summary,
        lang=language.current(),
        qr=qr_svg(summary.qr),
        qr_of=qr_svg,
        icon=icon,
        weighed=_(WEIGHED),
        matrix_note=_(MATRIX_NOTE),
        visit_text=visit_text,
        no_figure=no_figure,
        scores_label=scores_label,
        visit_qr_label=visit_qr_label,
    )
