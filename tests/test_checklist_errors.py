"""One minimal broken checklist per failure mode: the message says what and how, on the right line.

Each case changes one piece of the tiny valid checklist in ``minimal_checklist``. The expected
line is where the changed text (or the given ``at`` text) sits in the broken file.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import NamedTuple

import pytest

from scoring import InputError, load_checklist
from tests import minimal_checklist as base

TODAY = datetime.date(2026, 12, 1)  # a fixed day: no test depends on when it runs


class Case(NamedTuple):
    name: str
    file: str  # which file to change
    old: str  # text replaced (must occur in the base file)
    new: str  # replacement
    message: str  # fragment the problem's message must contain
    at: str | None = None  # text on the expected line, when not the first line of ``new``


CASES = [
    Case("yaml-syntax", "questions.yaml", "    why: Only licensed", "   why: [Only licensed", "YAML syntax error"),
    Case(
        "duplicate-key",
        "questions.yaml",
        "    why: Only licensed people may inject.\n",
        "    why: Only licensed people may inject.\n    why: Again.\n",
        "key 'why' appears twice (first on line 5)",
        "why: Again.",
    ),
    Case(
        "alias",
        "sources.yaml",
        "    sources: [cdc]\n  - id: home",
        "    sources: *src\n  - id: home",
        "alias '*src' is not allowed",
    ),
    Case(
        "anchor",
        "sources.yaml",
        "    sources: [cdc]\n  - id: home",
        "    sources: &src [cdc]\n  - id: home",
        "anchor '&src' is not allowed",
    ),
    Case(
        "merge-key",
        "checklist.yaml",
        "    weight: 2\n",
        "    weight: 2\n    <<: {weight: 3}\n",
        "merge key '<<' is not allowed",
        "<<:",
    ),
    Case(
        "python-tag",
        "checklist.yaml",
        "funding: No funding.",
        "funding: !!python/object:os.system echo",
        "tag 'tag:yaml.org,2002:python/object:os.system' is not allowed",
    ),
    Case("two-documents", "sources.yaml", "safety_notes:", "---\nsafety_notes:", "only one YAML document"),
    Case("empty-file", "sources.yaml", base.SOURCES, "# nothing here\n", "the file is empty", "# nothing here"),
    Case(
        "not-a-mapping", "sources.yaml", base.SOURCES, "- just\n- a list\n", "must be a mapping with sections", "- just"
    ),
    Case(
        "unknown-field",
        "checklist.yaml",
        "    weight: 2",
        "    wieght: 2",
        "unknown field 'wieght' - did you mean 'weight'?",
    ),
    Case(
        "missing-field",
        "questions.yaml",
        "    why: Only licensed people may inject.\n",
        "",
        "question 'licensed': the field 'why' is missing - add it",
        "- id: licensed",
    ),
    Case(
        "bool-as-text",
        "questions.yaml",
        "{id: yes, label: Yes, points: 3}",
        "{id: yes, label: true, points: 3}",
        "'label' must be text but YAML read true/false here - put the value in quotes",
    ),
    Case(
        "number-as-text",
        "questions.yaml",
        "text: Where will it happen?",
        "text: 12",
        "'text' must be text but YAML read a number",
    ),
    Case(
        "quoted-number",
        "checklist.yaml",
        "    weight: 3",
        '    weight: "3"',
        "'weight' must be a whole number, not '3'",
    ),
    Case(
        "octal-version",
        "checklist.yaml",
        "version: 1.0.0",
        "version: 012",
        "'checklist.version' is '012', which is not in the right form",
    ),
    Case(
        "bad-flag",
        "questions.yaml",
        "points: 0, flag: critical}",
        "points: 0, flag: fatal}",
        "option 'no' of question 'licensed': 'flag' is 'fatal', which is not allowed - use one of 'none', 'caution' or 'critical'",
    ),
    Case(
        "bad-id",
        "questions.yaml",
        "  - id: setting-type\n",
        "  - id: Setting Type\n",
        "use lowercase letters, digits and single hyphens",
    ),
    Case(
        "points-range",
        "questions.yaml",
        "{id: clinic, label: A clinic, points: 3}",
        "{id: clinic, label: A clinic, points: 11}",
        "'points' is 11 - it must be at most 10",
    ),
    Case(
        "bad-date", "checklist.yaml", "last_reviewed: 2026-01-01", "last_reviewed: 23/11/2026", "write it as YYYY-MM-DD"
    ),
    Case(
        "bad-goal",
        "questions.yaml",
        "    unsure: not-sure\n    safety_critical: true",
        "    unsure: not-sure\n    goals: [botox]\n    safety_critical: true",
        "'goals[1]' is 'botox', which is not allowed - use one of 'migraine', 'bruxism' or 'jawline'",
        "goals: [botox]",
    ),
    Case(
        "unknown-category",
        "questions.yaml",
        "category: licence",
        "category: licensing",
        "category 'licensing' does not exist - use one of licence, setting",
    ),
    Case(
        "unknown-source",
        "questions.yaml",
        "    sources: [cdc]\n  - id: setting-type",
        "    sources: [fda]\n  - id: setting-type",
        "question 'licensed': source 'fda' is not in the sources list",
    ),
    Case(
        "unused-source",
        "sources.yaml",
        "safety_notes:",
        "  - id: aad\n    title: AAD\n    publisher: AAD\n    url: https://www.aad.org/\n    checked: 2026-01-01\nsafety_notes:",
        "source 'aad' is not cited by any question or note - cite it or remove it",
    ),
    Case(
        "duplicate-question-id",
        "questions.yaml",
        "  - id: doctor-on-site",
        "  - id: licensed",
        "question id 'licensed' is already used (",
        "  - id: licensed\n    category: setting\n    text: Is a doctor",
    ),
    Case(
        "duplicate-option-id",
        "questions.yaml",
        "{id: home, label: A home",
        "{id: clinic, label: A home",
        "option id 'clinic' appears twice",
    ),
    Case(
        "unsure-missing",
        "questions.yaml",
        "    unsure: not-sure\n    safety_critical: true",
        "    unsure: dunno\n    safety_critical: true",
        "unsure names option 'dunno', which does not exist",
    ),
    Case(
        "unsure-scored",
        "questions.yaml",
        "{id: not-sure, label: Not sure, points: 0}\n    unsure: not-sure\n    safety_critical",
        "{id: not-sure, label: Not sure, points: 1}\n    unsure: not-sure\n    safety_critical",
        "must be labelled 'Not sure', score 0 points",
        "unsure: not-sure\n    safety_critical",
    ),
    Case(
        "condition-unknown-question",
        "questions.yaml",
        "condition: {question: setting-type,",
        "condition: {question: venue,",
        "condition refers to 'venue', which does not exist",
    ),
    Case(
        "condition-unknown-option",
        "questions.yaml",
        "options: [clinic]}",
        "options: [spa]}",
        "condition option 'spa' is not an option of 'setting-type'",
    ),
    Case(
        "condition-narrower",
        "questions.yaml",
        "    ask: Where do you treat people?\n",
        "    ask: Where do you treat people?\n    jurisdictions: [uk]\n",
        "its condition question 'setting-type' does not apply for migraine/us",
        "condition: {question",
    ),
    Case(
        "condition-loop",
        "questions.yaml",
        "    ask: Where do you treat people?\n",
        "    ask: Where do you treat people?\n    condition: {question: doctor-on-site, options: [yes]}\n",
        "conditions form a loop",
        "condition: {question: doctor-on-site",
    ),
    Case(
        "note-unknown-question",
        "sources.yaml",
        "question: setting-type, options: [home]",
        "question: venue, options: [home]",
        "safety note 'home-warning': applies to question 'venue', which does not exist",
    ),
    Case(
        "note-unknown-kind",
        "sources.yaml",
        "applies: {kind: always}",
        "applies: {kind: sometimes}",
        "has kind 'sometimes' - use always, context, answer or patient",
    ),
    Case(
        "best-option-flagged",
        "questions.yaml",
        "{id: yes, label: Yes, points: 2}",
        "{id: yes, label: Yes, points: 2, flag: caution}",
        "option 'yes' has the most points but is flagged caution",
    ),
    Case(
        "no-metadata",
        "checklist.yaml",
        base.CHECKLIST.split("categories:")[0],
        "",
        "no file has the 'checklist:' section",
        "categories:",
    ),
    Case(
        "two-metadata",
        "sources.yaml",
        "sources:\n",
        base.CHECKLIST.split("categories:")[0] + "sources:\n",
        "a second 'checklist:' section",
        "checklist:",
    ),
    Case(
        "empty-category",
        "checklist.yaml",
        "    weight: 2\n",
        "    weight: 2\n  - id: anatomy\n    title: Anatomy\n    description: Know the face.\n    weight: 2\n",
        "category 'anatomy' has no questions",
        "- id: anatomy",
    ),
    Case(
        "source-no-link",
        "sources.yaml",
        "    url: https://www.cdc.gov/\n",
        "",
        "source 'cdc' has neither url nor citation",
        "- id: cdc",
    ),
    Case(
        "source-not-https",
        "sources.yaml",
        "url: https://www.cdc.gov/",
        "url: http://www.cdc.gov/",
        "use a full address starting with https://",
    ),
    Case(
        "source-stale",
        "sources.yaml",
        "    checked: 2026-01-01",
        "    checked: 2025-06-01",
        "before the checklist review of 2026-01-01 - check it again",
    ),
    Case(
        "source-future",
        "sources.yaml",
        "    checked: 2026-01-01",
        "    checked: 2999-01-01",
        "checked date 2999-01-01 is in the future",
    ),
    Case(
        "text-too-long",
        "questions.yaml",
        "why: A clinic is safer than a home.",
        "why: " + "word " * 300,
        "over the limit of 1200 - shorten it",
    ),
]


def _line_of(text: str, needle: str) -> int:
    index = text.index(needle)
    return text[:index].count("\n") + 1 + (len(needle) - len(needle.lstrip("\n")))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_checklist_names_file_line_and_fix(tmp_path: Path, case: Case) -> None:
    original = base.FILES[case.file]
    assert case.old in original, f"bad test case: {case.old!r} not in {case.file}"
    broken = original.replace(case.old, case.new, 1)
    base.write(tmp_path, **{case.file.replace(".yaml", "_yaml"): broken})
    with pytest.raises(InputError) as caught:
        load_checklist([tmp_path], today=TODAY)
    expected_line = _line_of(broken, case.at if case.at is not None else case.new)
    matching = [p for p in caught.value.problems if case.message in p.message]
    assert matching, f"no problem says {case.message!r}; got:\n{caught.value}"
    assert matching[0].path.endswith(case.file)
    assert matching[0].line == expected_line, str(caught.value)
    _, _, fix = matching[0].message.partition(" - ")  # every message says how to fix it, after what is wrong
    assert len(fix.split()) >= 2 and fix[0].islower(), matching[0].message


def test_dates_are_held_to_the_day_the_caller_gives_never_to_the_clock(tmp_path: Path) -> None:
    checked = datetime.date(2026, 1, 1)  # the minimal checklist's sources were checked that day
    base.write(tmp_path)
    assert load_checklist([tmp_path], today=checked).metadata is not None  # the day itself is fine
    with pytest.raises(InputError) as caught:
        load_checklist([tmp_path], today=checked - datetime.timedelta(days=1))
    assert "is in the future" in str(caught.value)
    assert load_checklist([tmp_path]).metadata is not None  # no day given: the core does not look at the clock


def test_there_are_at_least_25_failure_modes() -> None:
    assert len({c.name for c in CASES}) >= 25


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    questions = base.QUESTIONS.replace("category: licence", "category: licensing").replace(
        "flag: caution}", "flag: maybe}"
    )
    checklist = base.CHECKLIST.replace("    weight: 2", "    wieght: 2")
    base.write(tmp_path, questions_yaml=questions, checklist_yaml=checklist)
    with pytest.raises(InputError) as caught:
        load_checklist([tmp_path])
    text = str(caught.value)
    assert "wieght" in text and "'maybe'" in text  # shape problems from two files in one report


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    base.write(tmp_path, big_yaml="# " + "x" * 300_000 + "\n")
    with pytest.raises(InputError) as caught:
        load_checklist([tmp_path])
    (problem,) = caught.value.problems
    assert problem.path.endswith("big.yaml") and problem.line == 1
    assert "over the 256 KB limit - split it" in problem.message


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    base.write(tmp_path)
    (tmp_path / "junk.yaml").write_bytes(b"questions:\n  - id: x\n    text: \xff\xfe\n")
    with pytest.raises(InputError) as caught:
        load_checklist([tmp_path])
    (problem,) = caught.value.problems
    assert problem.line == 3 and "not UTF-8 text - save the file as UTF-8" in problem.message


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    base.write(tmp_path, deep_yaml="questions: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(InputError) as caught:
        load_checklist([tmp_path])
    assert "nested more than" in str(caught.value)


def test_yaml_1_1_surprises_stay_text(tmp_path: Path) -> None:
    questions = base.QUESTIONS.replace("label: A clinic", "label: NO").replace("label: A home", "label: 012")
    questions = questions.replace("ask: Where do you treat people?", "ask: 1:30")
    base.write(tmp_path, questions_yaml=questions)
    q = load_checklist([tmp_path]).question("setting-type")
    assert q is not None
    assert [o.label for o in q.options[:2]] == ["NO", "012"] and q.ask == "1:30"
