"""Showing what a person typed (clinic names) as text; and the two dates ``scoring.language`` has no form for.

Streamlit renders markdown in ``st.markdown``, headings, widget labels and options, and in
``st.table`` cells and headers, so a name such as ``**x**``, ``[a](javascript:...)`` or
``<img src=x onerror=...>`` must be escaped before it goes into any of them. ``st.text`` and
``st.code`` show text as it is.
"""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date

from scoring.language import current

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")


def plain(text: str) -> str:
    """``text`` made safe to embed in Streamlit markdown: every markdown and HTML character is escaped."""
    return _MARKDOWN.sub(r"\\\1", text)


# As the printout writes them (report.summary): "March 2027" / "marzo de 2027", and "05 Mar 2026" / "5 mar 2026".
_LOCALES = {"en": "en_US", "es": "es_US"}
_MONTH_YEAR = {"en": "MMMM y", "es": "MMMM 'de' y"}
_SHORT_DATE = {"en": "dd MMM y", "es": "d MMM y"}


def month_year(day: datetime.date) -> str:
    """A month and its year in the language in use: "March 2027", "marzo de 2027"."""
    return format_date(day, format=_MONTH_YEAR[current()], locale=_LOCALES[current()])


def short_date(day: datetime.date) -> str:
    """A day in short form in the language in use: "05 Mar 2026", "5 mar 2026" (when a source was checked)."""
    return format_date(day, format=_SHORT_DATE[current()], locale=_LOCALES[current()])
