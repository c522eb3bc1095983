"""The language a patient reads: English (the source) or Spanish, one at a time.

Rules, and why:
- Every word a patient reads is written in English where it is used and marked: ``_("...")`` for a text,
  ``ngettext(one, many, n)`` where it depends on a count, ``N_("...")`` for a text kept in a table and
  translated where it is shown. Placeholders are named (``_("{name} is ready").format(name=...)``): a
  translator may move them, and a test holds each translation to the same placeholders as its English.
- Babel extracts the marked texts (``python3 dev.py messages``) into ``locale/messages.pot``; the Spanish lives
  in ``locale/es/LC_MESSAGES/messages.po``. The .po file is the only copy: it is read and compiled in memory on
  first use, so no compiled file can drift from it.
- The checklist's own words (questions, notes, options) are data, translated beside the YAML in ``questions/es/``
  (see ``scoring.translations``), not here.
- The language in use is a context variable, set by ``use`` (a command line, a report, a test); where none is set,
  the app's ``follow`` hook says which language the session chose (its script, fragments and callbacks run in
  more than one thread). Results hold ids and numbers, never words: only the wording module
  and the renderings call ``_``, so an answer can be read back in either language.
- Numbers and dates are written the way the language writes them (Babel's CLDR data): "1.5" and "1 December
  2026" in English, "1,5" and "1 de diciembre de 2026" in Spanish.
"""

from __future__ import annotations

import datetime
import gettext as _gettext
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Literal

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = ("en", "es")
SOURCE: Language = "en"  # the language the code and the checklist are written in
LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "es": "Español"}  # each in its own language
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
_LOCALES: dict[Language, str] = {"en": "en_US", "es": "es_US"}  # Spanish as written in the US: same digits, dates

_current: ContextVar[Language | None] = ContextVar("language", default=None)
_chosen: Callable[[], Language | None] | None = None  # the app's own way to say which language a session reads
missing: set[str] = set()  # texts asked for in a translation that lacks them (tests read this; never shown)


def as_language(value: object) -> Language | None:
    """``value`` if it names a language the aid speaks, else None (a link's ``lang=`` is untrusted text)."""
    return value if value in LANGUAGES else None


def current() -> Language:
    """The language of a ``use`` block, else the one the app says its session chose, else English."""
    language = _current.get()
    if language is None and _chosen is not None:
        language = _chosen()
    return language or SOURCE


def follow(chosen: Callable[[], Language | None]) -> None:
    """For the app: where each session's language is found. A session's code runs in more than one thread (its
    script, a fragment's rerun, a button's callback), so the app says where to look rather than setting it."""
    global _chosen
    _chosen = chosen


@contextmanager
def use(language: Language) -> Iterator[None]:
    """The language for a block (a command line, a report, a test)."""
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)


@lru_cache(maxsize=len(LANGUAGES))
def _translations(language: Language) -> _gettext.NullTranslations:
    if language == SOURCE:
        return _gettext.NullTranslations()
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)  # a fuzzy (unchecked) translation shows the English
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def gettext(message: str) -> str:
    language = current()
    if language == SOURCE:
        return message
    translated = _translations(language).gettext(message)
    if translated is message and message:
        missing.add(message)
    return translated


def ngettext(singular: str, plural: str, n: int) -> str:
    language = current()
    if language == SOURCE:
        return singular if n == 1 else plural
    translated = _translations(language).ngettext(singular, plural, n)
    if translated is singular or translated is plural:
        missing.add(singular)
    return translated


_ = gettext


def N_(message: str) -> str:
    """Marks a text for the catalogue where it is defined; ``_()`` translates it where it is shown."""
    return message


class Words(dict[str, str]):
    """A table of texts marked ``N_`` (by id), read in the language in use: ``WORDS[key]`` is translated."""

    def __getitem__(self, key: str) -> str:
        return gettext(super().__getitem__(key))

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return self[key] if key in self else default  # noqa: SIM401 - dict.get would skip the translation

    def values(self) -> list[str]:  # type: ignore[override]
        return [self[key] for key in self]

    def items(self) -> list[tuple[str, str]]:  # type: ignore[override]
        return [(key, self[key]) for key in self]


def number(value: float, digits: int = 0) -> str:
    """A number as this language writes it: at most ``digits`` decimals, none when it is whole."""
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_LOCALES[current()])


_LONG_DATE: dict[Language, str] = {"en": "d MMMM y", "es": "d 'de' MMMM 'de' y"}
_MONTH_YEAR: dict[Language, str] = {"en": "MMMM y", "es": "MMMM 'de' y"}
_SHORT_DATE: dict[Language, str] = {"en": "dd MMM y", "es": "d MMM y"}


def _date(day: datetime.date, patterns: dict[Language, str]) -> str:
    language = current()
    return format_date(day, format=patterns[language], locale=_LOCALES[language])


def long_date(day: datetime.date) -> str:
    """ "1 December 2026", "1 de diciembre de 2026"."""
    return _date(day, _LONG_DATE)


def month_year(day: datetime.date) -> str:
    """ "March 2027", "marzo de 2027": when the next review is due."""
    return _date(day, _MONTH_YEAR)


def short_date(day: datetime.date) -> str:
    """ "05 Mar 2026", "5 mar 2026": when a source was checked."""
    return _date(day, _SHORT_DATE)
