"""The answers file: good files load with names kept exactly; each bad file is refused with a clear message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring import Checklist, InputError
from scoring.answers import AnswersFile, answers_as_data, parse_answers

HERE = Path(__file__).resolve().parent / "answers"


def parse(text: str, checklist: Checklist, name: str = "answers.yaml") -> AnswersFile:
    return parse_answers(text.encode("utf-8"), name, checklist)


def test_example_files_load(checklist: Checklist) -> None:
    yaml_state = parse_answers((HERE / "jawline-us.yaml").read_bytes(), "jawline-us.yaml", checklist)
    assert [c.name for c in yaml_state.clinics] == ["Clínica Norte", "Glow Med Spa", "Sunset Salon"]
    assert yaml_state.priorities == {"product": 3, "aftercare": 1}
    json_state = parse_answers((HERE / "migraine-uk.json").read_bytes(), "migraine-uk.json", checklist)
    assert [c.name for c in json_state.clinics] == ["St Mary's Headache Service", "Κλινική Αθήνα", "Клиника Москва"]


@pytest.mark.parametrize(
    "name",
    ["Clínica Norte", "Κλινική Αθήνα", "Клиника Москва", "서울 피부과", "عيادة النور", "診所 · 台北", "  spaced  "],
)
def test_names_in_any_script_are_kept_exactly(checklist: Checklist, name: str) -> None:
    state = parse(json.dumps({"goal": "bruxism", "jurisdiction": "other", "clinics": [{"name": name}]}), checklist)
    assert state.clinics[0].name == name
    assert answers_as_data(state)["clinics"][0]["name"] == name


GOOD_CLINIC = '  - name: "A"\n    answers: {setting-type: medical-clinic}\n'
HEAD = "goal: jawline\njurisdiction: us\n"

BAD = {
    "unknown question": (
        HEAD + "clinics:\n  - name: Derm One\n    answers: {setting-typ: medical-clinic}\n",
        5,
        "clinic 'Derm One': question 'setting-typ' is not in checklist 1.1.0 - did you mean 'setting-type'?",
    ),
    "unknown option": (
        HEAD + "clinics:\n  - name: Derm One\n    answers:\n      setting-type: castle\n",
        6,
        "clinic 'Derm One': 'castle' is not an answer to question 'setting-type' - use one of medical-clinic",
    ),
    "too many clinics": (
        HEAD + "clinics:\n" + "".join(f"  - name: C{i}\n" for i in range(9)),
        3,
        "'clinics' has more than 8 items - remove some",
    ),
    "empty name": (HEAD + "clinics:\n  - name: '   '\n", 4, "the clinic name is empty - type the clinic's name"),
    "long name": (
        HEAD + "clinics:\n  - name: " + "x" * 81 + "\n",
        4,
        "the clinic name is 81 characters, over 80 - shorten it",
    ),
    "name with a line break": (
        HEAD + 'clinics:\n  - name: "Derm\\nOne"\n',
        4,
        "line break, tab or other control character",
    ),
    "duplicate names": (
        HEAD + "clinics:\n  - name: Derm One\n  - name: derm one\n",
        5,
        "clinic 'derm one': the same name as clinic 'Derm One' - give each clinic a different name",
    ),
    "priority out of range": (
        HEAD + "priorities: {product: 4}\nclinics:\n" + GOOD_CLINIC,
        3,
        "'priorities.product' is 4 - it must be at most 3",
    ),
    "priority for unknown category": (
        HEAD + "priorities: {prodcut: 2}\nclinics:\n" + GOOD_CLINIC,
        3,
        "priorities: 'prodcut' is not a category - did you mean 'product'?",
    ),
    "unknown goal": (
        "goal: wrinkles\njurisdiction: us\nclinics:\n" + GOOD_CLINIC,
        1,
        "'goal' is 'wrinkles', which is not allowed",
    ),
    "missing jurisdiction": (
        "goal: jawline\nclinics:\n" + GOOD_CLINIC,
        1,
        "the field 'jurisdiction' is missing - add it",
    ),
    "answer as a number": (
        HEAD + "clinics:\n  - name: A\n    answers: {setting-type: 3}\n",
        5,
        "must be text but YAML read a number",
    ),
    "not a mapping": ("- goal\n- jawline\n", 1, "an answers file is a mapping"),
    "unknown field": (HEAD + "clinic:\n" + GOOD_CLINIC, 3, "unknown field 'clinic' - did you mean 'clinics'?"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_answers_files_are_refused_with_a_clear_message(checklist: Checklist, case: str) -> None:
    text, line, message = BAD[case]
    with pytest.raises(InputError) as caught:
        parse(text, checklist)
    matching = [p for p in caught.value.problems if message in p.message]
    assert matching, str(caught.value)
    assert matching[0].line == line and matching[0].path == "answers.yaml"


def test_answers_to_questions_for_another_goal_are_kept_not_scored(checklist: Checklist) -> None:
    from scoring.results import evaluation_as_data

    state = parse_answers((HERE / "migraine-uk.json").read_bytes(), "migraine-uk.json", checklist)
    assert state.clinics[1].answers["masseter-volume"] == "weekly"
    data = evaluation_as_data(checklist, state)
    assert data["clinics"][1]["not_scored"] == ["masseter-volume"]


def test_an_answers_file_with_no_clinics_is_a_decision_not_yet_or_not_now(checklist: Checklist) -> None:
    state = parse(HEAD + "patient: {adult: adult}\nvalues: {cost: 3}\nsure: {sure: 'no'}\nclinics: []\n", checklist)
    assert state.clinics == () and state.patient == {"adult": "adult"} and state.values == {"cost": 3}
    data = answers_as_data(state)
    assert data["patient"] == {"adult": "adult"} and data["sure"] == {"sure": "no"} and data["clinics"] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("patient: {adlt: adult}\n", "patient: 'adlt' is not a question about you - did you mean 'adult'?"),
        (
            "patient: {adult: maybe}\n",
            "patient: 'maybe' is not an answer to 'adult' - use one of adult, under-18, not-sure",
        ),
        ("values: {costs: 2}\n", "values: 'costs' is not a value - did you mean 'cost'?"),
        ("values: {cost: 4}\n", "4"),
        ("sure: {ready: 'yes'}\n", "'ready' is not one of the SURE questions - use sure, understand, risks, support"),
    ],
)
def test_bad_answers_about_the_patient_are_refused_by_name(checklist: Checklist, text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse(HEAD + text, checklist)
    assert any(message in p.message for p in caught.value.problems), str(caught.value)
