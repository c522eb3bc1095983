"""The verdict rules and the fit score, on the three-question checklist where every number is checkable by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring import Checklist, load_checklist
from scoring.evaluate import ClinicResult, Verdict, evaluate_clinic
from tests import minimal_checklist as base


def evaluate(tiny: Checklist, answers: dict[str, str], priorities: dict[str, int] | None = None) -> ClinicResult:
    return evaluate_clinic(tiny, "jawline", "us", priorities or {}, answers, "Test clinic")


def test_all_best_answers_is_a_strong_fit(tiny: Checklist) -> None:
    result = evaluate(tiny, {"licensed": "yes", "setting-type": "clinic", "doctor-on-site": "yes"})
    assert result.verdict is Verdict.STRONG_FIT and result.score == 100 and result.completeness == 100
    assert result.headline == "Strong fit for your priorities"
    assert [n.id for n in result.notes] == ["emergency"] and not result.to_ask


def test_critical_answer_gates_whatever_the_score(tiny: Checklist) -> None:
    result = evaluate(tiny, {"licensed": "yes", "setting-type": "home"})
    assert result.verdict is Verdict.NOT_RECOMMENDED
    assert [(r.question_id, r.answer) for r in result.reasons] == [("setting-type", "A home")]
    assert result.headline == "Not recommended: Where will it happen? (A home)"
    assert [n.id for n in result.notes] == ["emergency", "home-warning"]  # emergency first, then the answer's warning
    assert "doctor-on-site" not in {
        line.question_id for c in result.categories for line in c.lines
    }  # condition not met


def test_unknown_safety_question_means_check_before_booking(tiny: Checklist) -> None:
    result = evaluate(tiny, {"licensed": "not-sure", "setting-type": "clinic", "doctor-on-site": "yes"})
    assert result.verdict is Verdict.VERIFY_FIRST
    assert result.headline == "Check before booking: Is the injector licensed? (Not sure)"
    assert result.score == 100  # "Not sure" is not a zero: it is out of the score
    assert result.completeness == 67
    assert [(a.question_id, a.why, a.safety_critical, a.when) for a in result.to_ask] == [
        ("licensed", "not_sure", True, "booking")
    ]
    assert result.score_range == (
        40,
        100,
    )  # licensed could still earn 0 of 3: licence 0 (weight 3), setting 100 (weight 2)


def test_a_caution_on_a_safety_check_holds_the_verdict_like_not_sure(tmp_path: Path) -> None:
    folder = tmp_path / "caution"
    folder.mkdir()
    questions = base.QUESTIONS.replace(
        "      - {id: no, label: No, points: 0, flag: critical}\n      - {id: not-sure, label: Not sure, points: 0}\n    unsure: not-sure\n    safety_critical: true",
        "      - {id: no, label: No, points: 0, flag: critical}\n      - {id: told, label: Told me, points: 0, flag: caution}\n"
        "      - {id: not-sure, label: Not sure, points: 0}\n    unsure: not-sure\n    safety_critical: true",
    )
    checklist = load_checklist([base.write(folder, questions_yaml=questions)])
    result = evaluate_clinic(
        checklist, "jawline", "us", {}, {"licensed": "told", "setting-type": "clinic", "doctor-on-site": "yes"}
    )
    assert result.verdict is Verdict.VERIFY_FIRST
    assert [str(c) for c in result.cautions] == ["Is the injector licensed? (Told me)"]
    assert result.headline == "Check before booking: Is the injector licensed? (Told me)"


def test_a_visit_check_left_means_ok_to_book_a_consultation(tmp_path: Path) -> None:
    folder = tmp_path / "visit"
    folder.mkdir()
    questions = base.QUESTIONS.replace(
        "    unsure: not-sure\n    condition", "    unsure: not-sure\n    safety_critical: true\n    condition"
    )
    checklist = load_checklist([base.write(folder, questions_yaml=questions)])
    result = evaluate_clinic(checklist, "jawline", "us", {}, {"licensed": "yes", "setting-type": "clinic"})
    assert result.verdict is Verdict.CHECK_AT_VISIT
    assert (
        result.headline == "OK to book a consultation. Before any injection, check: Is a doctor on site? (not answered)"
    )


def test_the_fit_range_shows_what_the_open_answers_could_do(tiny: Checklist) -> None:
    result = evaluate(tiny, {"licensed": "yes", "setting-type": "clinic"})  # doctor-on-site open: 0 or 2 of 2
    # licence 3/3 (weight 3); setting 3/3 now, 3/5 or 5/5 with the open answer (weight 2)
    assert result.score == 100
    assert result.score_range == (round(100 * (3 * 2 * 1 + 2 * 2 * 0.6) / 10), 100)


def test_too_few_answers_is_incomplete(tiny: Checklist) -> None:
    # licensed answered (safety ok), setting unanswered, doctor question hidden: 1 of 2 counted = 50%
    result = evaluate(tiny, {"licensed": "yes"})
    assert result.verdict is Verdict.INCOMPLETE and result.completeness == 50 and result.counted == 2


def test_fit_is_weighted_by_author_weight_times_priority(tiny: Checklist) -> None:
    answers = {"licensed": "yes", "setting-type": "clinic", "doctor-on-site": "no"}
    # licence: 3/3 = 100%, weight 3; setting: 3/5 = 60%, weight 2
    result = evaluate(tiny, answers)
    assert {c.id: c.score for c in result.categories} == {"licence": 100, "setting": 60}
    assert result.score == round(100 * (3 * 2 * 1.0 + 2 * 2 * 0.6) / (3 * 2 + 2 * 2))
    assert evaluate(tiny, answers, {"licence": 0}).score == 60  # priority 0 removes a category's influence
    assert evaluate(tiny, answers, {"setting": 3, "licence": 1}).score == round(100 * (3 * 1 + 2 * 3 * 0.6) / (3 + 6))
    assert [(a.question_id, a.why) for a in result.to_ask] == [("doctor-on-site", "caution")]


@pytest.mark.parametrize("priority", [0, 1, 2, 3])
def test_priorities_never_touch_a_gate(tiny: Checklist, priority: int) -> None:
    result = evaluate(tiny, {"licensed": "no", "setting-type": "clinic"}, {"licence": priority, "setting": priority})
    assert result.verdict is Verdict.NOT_RECOMMENDED


def test_answers_that_do_not_apply_are_kept_and_listed(tiny: Checklist) -> None:
    result = evaluate(tiny, {"licensed": "yes", "setting-type": "home", "doctor-on-site": "yes"})
    assert result.not_scored == ("doctor-on-site",)


def test_every_priority_zero_gives_no_fit_score(tiny: Checklist) -> None:
    result = evaluate(tiny, {"licensed": "yes", "setting-type": "clinic"}, {"licence": 0, "setting": 0})
    assert result.score is None and result.verdict is Verdict.INCOMPLETE
