"""The Spanish checklist is as plain as the English: per file, prose averages a Fernández-Huerta score of 65 or
more, and no text scores below 50 (textstat's formula; higher is easier, 60-70 is "normal", 70-80 "fairly easy").

Prose means the texts a patient reads as sentences (questions, why, how to check, what to ask, notes, the options
step, the checklist's statements); option labels and titles are fragments, which reading formulas do not measure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import textstat

from scoring.checklist import DEFAULT_DIR
from scoring.translations import _LONG, english_texts, read_pairs
from scoring.yamlload import read_yaml_bytes

TRANSLATED = sorted((DEFAULT_DIR / "es").glob("*.yaml"))


@pytest.fixture
def spanish() -> Iterator[None]:
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang("en_US")


def prose(path: Path) -> list[str]:
    english = english_texts(read_yaml_bytes((DEFAULT_DIR / path.name).read_bytes(), path.name).data)
    pairs = read_pairs(path.read_bytes(), path.name, "es")
    return [pairs[p][1] for p, source in english.items() if source.limit == _LONG and p in pairs and pairs[p][1]]


def test_every_english_file_with_texts_has_its_spanish() -> None:
    for english in sorted(DEFAULT_DIR.glob("*.yaml")):
        if english_texts(read_yaml_bytes(english.read_bytes(), english.name).data):
            assert (DEFAULT_DIR / "es" / english.name).exists(), english.name


@pytest.mark.parametrize("path", TRANSLATED, ids=lambda p: p.name)
def test_spanish_is_plain(path: Path, spanish: None) -> None:
    texts = prose(path)
    assert texts, f"{path.name}: no translated prose"
    scores = [float(textstat.fernandez_huerta(t)) for t in texts]
    too_hard = [(round(s), t[:70]) for s, t in zip(scores, texts, strict=True) if s < 50]
    assert not too_hard, f"{path.name}: below 50: {too_hard}"
    average = sum(scores) / len(scores)
    assert average >= 65, f"{path.name}: average {average:.1f}, under 65"
