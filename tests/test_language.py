"""The app's own words in Spanish: every text the code marks has its translation, with the same placeholders.

The catalogue is extracted afresh from the code (as ``python3 dev.py messages`` does), so a text marked since
the last extraction counts too. The screens themselves are run in Spanish in ``test_app.py`` and in the browser
in ``test_spanish.py``, which fail on any text the catalogue lacks and any English word on screen.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from scoring import language
from scoring.language import Words, long_date, month_year, ngettext, number, short_date, use

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}|%\((\w+)\)s")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_", "-k",
         "ngettext:1,2", "--no-location", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with pot.open("rb") as handle:
        return read_po(handle)


@pytest.fixture(scope="module")
def spanish() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="es")


def _key(message_id: object) -> str:
    return message_id if isinstance(message_id, str) else str(next(iter(message_id)))  # type: ignore[call-overload]


def test_the_code_marks_texts_for_translation(extracted: Catalog) -> None:
    ids = {_key(m.id) for m in extracted if m.id}
    assert len(ids) > 300, len(ids)  # the app, the printout and the wording: a regression would drop hundreds
    assert "Before you book" in ids and "Not recommended" in ids


def test_every_marked_text_has_its_spanish(extracted: Catalog, spanish: Catalog) -> None:
    missing = []
    for message in extracted:
        if not message.id:
            continue
        found = spanish.get(message.id)
        strings = () if found is None else (found.string if isinstance(found.string, tuple) else (found.string,))
        if found is None or found.fuzzy or not all(strings):
            missing.append(_key(message.id))
    assert not missing, (
        f"{len(missing)} texts without Spanish (run `python3 dev.py messages`, then translate): {missing[:10]}"
    )


def test_each_translation_keeps_the_placeholders_of_its_english(spanish: Catalog) -> None:
    def names(text: str) -> set[str]:
        return {a or b for a, b in PLACEHOLDER.findall(text)}

    wrong = []
    for message in spanish:
        if not message.id or not message.string:
            continue
        english = tuple(message.id) if not isinstance(message.id, str) else (message.id,)
        translated = tuple(message.string) if not isinstance(message.string, str) else (message.string,)
        wanted = names(english[-1])
        wrong += [(english[0], t) for t in translated if names(t) - wanted or (names(english[0]) - names(t) - {"n"})]
    assert not wrong, wrong[:5]


def test_english_is_the_source_and_spanish_comes_from_the_catalogue() -> None:
    assert language.gettext("Before you book") == "Before you book"
    with use("es"):
        assert language.gettext("Before you book") == "Antes de pedir cita"
        assert language.current() == "es"
    assert language.current() == "en"


def test_a_text_the_catalogue_lacks_shows_its_english_and_is_recorded() -> None:
    with use("es"):
        assert language.gettext("A text nobody marked") == "A text nobody marked"
    assert "A text nobody marked" in language.missing
    language.missing.discard("A text nobody marked")


def test_counts_dates_and_numbers_in_each_language() -> None:
    day = datetime.date(2026, 12, 1)
    assert long_date(day) == "1 December 2026"
    assert month_year(day) == "December 2026" and short_date(datetime.date(2026, 3, 5)) == "05 Mar 2026"
    assert ngettext("{n} clinic", "{n} clinics", 2) == "{n} clinics"
    with use("es"):
        assert long_date(day) == "1 de diciembre de 2026"
        assert month_year(day) == "diciembre de 2026" and short_date(datetime.date(2026, 3, 5)) == "5 mar 2026"
        assert number(1234.5, 1) == "1,234.5"  # es_US, as Spanish is written in the US and Mexico
    assert number(2.0, 1) == "2"


def test_a_table_of_words_reads_in_the_language_in_use() -> None:
    table = Words({"book": "Before you book"})
    assert table["book"] == "Before you book"
    with use("es"):
        assert table["book"] == "Antes de pedir cita"
        assert table.get("book") == "Antes de pedir cita" and table.get("nothing") is None
        assert table.values() == ["Antes de pedir cita"]


def test_a_link_language_is_only_one_the_aid_speaks() -> None:
    assert language.as_language("es") == "es"
    assert language.as_language("fr") is None and language.as_language(["es"]) is None
