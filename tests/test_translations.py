"""Checklist translations: read as strictly as the English, and held to it.

Each case starts from a full Spanish translation of the tiny valid checklist in ``minimal_checklist`` and breaks
one thing; the message must name the translation file, the line, what is wrong and what to do.
"""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path

import pytest

from scoring import InputError, load_checklist
from scoring.__main__ import main
from scoring.compare import evaluate_session
from scoring.translations import english_texts, read_pairs, skeleton, text_hash
from scoring.yamlload import read_yaml_bytes
from tests import minimal_checklist as base

TODAY = datetime.date(2026, 6, 1)


def spanish_for(english: Path) -> str:
    """A complete translation of one English file: every text "ES n"."""
    data = read_yaml_bytes(english.read_bytes(), english.name).data
    text = skeleton(english_texts(data), {}, "es")
    numbers = itertools.count(1)
    text = re.sub(r"es: ''", lambda _m: f"es: ES {next(numbers)}", text)
    text = re.sub(r"(# en: Not sure\n\s+from: \w+\n\s+es: )ES \d+", r"\1No lo sé", text)
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("# en")) + "\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    base.write(tmp_path)
    (tmp_path / "es").mkdir()
    for name in ("checklist.yaml", "sources.yaml", "questions.yaml"):
        (tmp_path / "es" / name).write_text(spanish_for(tmp_path / name), encoding="utf-8")
    return tmp_path


def problems(folder: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_checklist([folder], today=TODAY, language="es")
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_a_full_translation_loads_with_the_same_ids_and_verdicts(folder: Path) -> None:
    english = load_checklist([folder], today=TODAY)
    spanish = load_checklist([folder], today=TODAY, language="es")
    assert spanish.language == "es"
    assert [q.id for q in spanish.questions] == [q.id for q in english.questions]
    assert [[o.id for o in q.options] for q in spanish.questions] == [
        [o.id for o in q.options] for q in english.questions
    ]
    assert all(q.text.startswith("ES ") for q in spanish.questions)
    assert all(n.title.startswith("ES ") for n in spanish.safety_notes)
    assert spanish.metadata.disclaimer.startswith("ES ") and spanish.metadata.version == english.metadata.version
    assert spanish.sources == english.sources  # a publication keeps its title
    from scoring.answers import AnswersFile, Clinic

    session = AnswersFile(
        goal="jawline",
        jurisdiction="us",
        clinics=(Clinic(name="A", answers={"licensed": "yes", "setting-type": "home"}),),
    )
    assert [r.verdict for r in evaluate_session(english, session).results] == [
        r.verdict for r in evaluate_session(spanish, session).results
    ]


def test_a_changed_english_text_makes_its_translation_stale_naming_the_new_hash(folder: Path) -> None:
    questions = folder / "questions.yaml"
    questions.write_text(questions.read_text().replace("Is a doctor on site?", "Is a doctor in the building?"))
    found = problems(folder)
    es = folder / "es" / "questions.yaml"
    assert len(found) == 1, found
    assert found[0].startswith(f"{es}:")
    assert "questions.doctor-on-site.text is stale" in found[0]
    assert f"from: {text_hash('Is a doctor in the building?')}" in found[0]
    assert found[0].split(":")[1] == str(line_of(es, f"from: {text_hash('Is a doctor on site?')}"))


def test_rewrapping_the_english_changes_nothing(folder: Path) -> None:
    questions = folder / "questions.yaml"
    questions.write_text(
        questions.read_text().replace(
            "why: Only licensed people may inject.", "why: >-\n      Only licensed\n      people may inject."
        )
    )
    load_checklist([folder], today=TODAY, language="es")


def test_a_missing_translation_is_named_with_its_english_and_hash(folder: Path) -> None:
    es = folder / "es" / "questions.yaml"
    lines = es.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "ask:")
    del lines[start : start + 3]  # the first question's "ask"
    es.write_text("\n".join(lines) + "\n")
    found = problems(folder)
    assert len(found) == 1, found
    assert "questions.licensed.ask has no translation" in found[0]
    assert text_hash("Where can I check your licence?") in found[0] and "Where can I check" in found[0]


def test_an_unknown_id_or_option_is_refused_on_its_line(folder: Path) -> None:
    es = folder / "es" / "questions.yaml"
    es.write_text(es.read_text().replace("    options:\n      yes:", "    options:\n      si:", 1))
    found = problems(folder)
    line = line_of(es, "si:")
    assert any(f"{es}:{line}: questions.licensed.options.si is not in the English file" in p for p in found), found
    assert any("questions.licensed.options.yes has no translation" in p for p in found), found


def test_a_text_with_no_from_or_too_long_is_refused(folder: Path) -> None:
    es = folder / "es" / "questions.yaml"
    text = es.read_text()
    first_from = re.search(r"\n(\s+)from: \w+\n", text)
    assert first_from
    es.write_text(text.replace(first_from.group(0), "\n", 1))
    assert any("must have exactly two keys, 'from' and 'es'" in p for p in problems(folder))
    es.write_text(re.sub(r"es: ES 5\n", "es: " + "largo " * 40 + "\n", text, count=1))  # an option's label
    assert any("over the limit of 160" in p for p in problems(folder))


def test_a_translation_with_no_english_file_and_a_missing_file_are_named(folder: Path) -> None:
    (folder / "es" / "extra.yaml").write_text("questions: {}\n")
    (folder / "es" / "sources.yaml").unlink()
    found = problems(folder)
    assert any("extra.yaml:1: there is no English file extra.yaml" in p for p in found), found
    assert any("sources.yaml:1: cannot read the translation" in p for p in found), found


def test_validate_names_stale_translations_and_fails(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(folder)]) == 0
    questions = folder / "questions.yaml"
    questions.write_text(questions.read_text().replace("Help is near.", "Help is close by."))
    assert main(["validate", str(folder)]) == 1
    assert "questions.doctor-on-site.why is stale" in capsys.readouterr().out


def test_translate_keeps_what_is_there_and_marks_what_is_stale(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = folder / "questions.yaml"
    questions.write_text(questions.read_text().replace("Help is near.", "Help is close by."))
    assert main(["translate", str(questions), "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert "# en now: Help is close by." in out
    pairs = read_pairs(out.encode(), "out", "es")
    kept = read_pairs((folder / "es" / "questions.yaml").read_bytes(), "es", "es")
    assert pairs == kept  # the stale one keeps its old hash until a person updates it


def test_the_shipped_spanish_is_complete_and_current() -> None:
    load_checklist(today=datetime.date.today(), language="es")


def test_the_not_sure_answer_keeps_its_one_wording(folder: Path) -> None:
    """The app's help says "“No lo sé” is always a fine answer": every question's "Not sure" must say so."""
    es = folder / "es" / "questions.yaml"
    text = es.read_text()
    assert "not-sure:" in text
    es.write_text(text.replace("es: No lo sé", "es: ES 0"))
    found = problems(folder)
    unsure = [p for p in found if "is the \"Not sure\" answer: it must start with 'No lo sé'" in p]
    assert len(unsure) == 3, found  # one per question of the minimal checklist
    assert all(p.startswith(f"{es}:") for p in unsure)
