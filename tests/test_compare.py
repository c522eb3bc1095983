"""Comparing clinics: order, ties, and how robust the lead is to the patient's priorities."""

from __future__ import annotations

from scoring import Checklist
from scoring.answers import Clinic
from scoring.compare import Comparison, compare_clinics
from scoring.evaluate import ClinicResult
from scoring.models import Question

BEST = {"licensed": "yes", "setting-type": "clinic", "doctor-on-site": "yes"}


def compare(
    checklist: Checklist, clinics: list[tuple[str, dict[str, str]]], prio: dict[str, int] | None = None
) -> tuple[tuple[ClinicResult, ...], Comparison]:
    """Jawline clinics in the US, given as (name, answers)."""
    evaluation = compare_clinics(
        checklist, "jawline", "us", prio or {}, [Clinic(name=n, answers=a) for n, a in clinics]
    )
    return evaluation.results, evaluation.comparison


def test_gated_clinics_come_after_the_rest_and_ties_are_ties(tiny: Checklist) -> None:
    clinics = [
        ("Zeta", {"licensed": "no", "setting-type": "clinic"}),  # not recommended
        ("Beta", {"licensed": "not-sure", "setting-type": "clinic", "doctor-on-site": "yes"}),  # check first
        ("Alpha", dict(BEST)),
        ("Aardvark", dict(BEST)),  # same fit as Alpha: a tie, kept in entry order, not sorted by name
        ("Mid", {**BEST, "doctor-on-site": "no"}),
    ]
    _, comparison = compare(tiny, clinics)
    order = [(r.rank, r.tied, r.result.name) for r in comparison.ranking]
    assert order == [
        (1, True, "Alpha"),
        (1, True, "Aardvark"),
        (3, False, "Mid"),
        (4, False, "Beta"),
        (5, False, "Zeta"),
    ]
    assert comparison.leaders == ("Alpha", "Aardvark")
    assert comparison.robustness.startswith("“Alpha” and “Aardvark” fit your priorities equally well.")


def test_the_robustness_sentence_names_the_smallest_change(tiny: Checklist) -> None:
    # Licence-strong clinic vs setting-strong clinic.
    a = {"licensed": "yes", "setting-type": "clinic", "doctor-on-site": "no"}  # licence 100, setting 60
    b = {"licensed": "yes", "setting-type": "clinic", "doctor-on-site": "yes"}  # 100 / 100
    _, comparison = compare(tiny, [("A", a), ("B", b)])
    assert comparison.leaders == ("B",)
    # B leads everywhere except when the setting category is ignored (then A and B tie).
    assert [(s.category_id, s.before, s.after, s.leaders) for s in comparison.shifts] == [("setting", 2, 0, ("A", "B"))]
    assert comparison.robustness == (
        "“B” fits the priorities you set most closely. This could change: "
        "setting “Setting” to ignore would put “A” and “B” ahead."
    )
    assert "best" not in comparison.robustness.lower()


def test_a_clinic_with_too_few_answers_is_ranked_but_never_leads(tiny: Checklist) -> None:
    _, comparison = compare(tiny, [("C", {"licensed": "yes"}), ("A", {**BEST, "doctor-on-site": "no"})])
    assert [r.result.name for r in comparison.ranking] == ["A", "C"]  # C's one answer is perfect, but one answer
    assert comparison.leaders == ("A",)  # is not enough to judge fit: it comes after the clinics that can be judged


def test_a_lead_no_single_priority_can_change(checklist: Checklist) -> None:
    from tests.test_profiles import best_answers

    best = best_answers(checklist, "jawline", "us")
    weaker = {
        **best,
        "toxin-training": "course-supervised",
        "setting-licensed": "told",
        "cost-clear": "spoken",
        "contact-after": "office-hours",
    }
    _, comparison = compare(checklist, [("A", best), ("B", weaker)])
    assert comparison.leaders == ("A",) and comparison.shifts == ()
    assert comparison.robustness == (
        "“A” fits the priorities you set most closely. Changing any one priority, or the answers still open, would not change this."
    )


def test_nothing_to_compare_when_every_clinic_is_gated(tiny: Checklist) -> None:
    _, comparison = compare(tiny, [("A", {"licensed": "no"}), ("B", {"setting-type": "home"})])
    assert comparison.leaders == ()
    assert comparison.robustness == (
        "No clinic is ready to book yet: “A” has a red flag; “B” has a red flag. "
        "This would change once a clinic has no red flag and a fit of 60 or more."
    )
    assert [(r.rank, r.tied) for r in comparison.ranking] == [(1, True), (1, True)]  # red flags share one place


def test_a_weak_fit_is_never_named_and_the_comparison_says_why(checklist: Checklist) -> None:
    # Every safety check passed, every other answer the weakest one that holds nothing back (a caution, mostly).
    def weakest(q: Question) -> str:
        allowed = [o for o in q.options if o.id != q.unsure and o.flag != "critical"]
        return (max(allowed, key=lambda o: o.points) if q.safety_critical else min(allowed, key=lambda o: o.points)).id

    weak = {q.id: weakest(q) for q in checklist.applicable_questions("jawline", "us")}
    results, comparison = compare(checklist, [("Weak", weak)])
    assert results[0].score is not None and results[0].score < 60 and results[0].verdict.value == "weak_fit"
    assert comparison.leaders == ()
    assert comparison.robustness.startswith(
        f"No clinic fits the priorities you set well yet: “Weak” fits your priorities weakly (fit {results[0].score})"
    )


def test_a_clinic_still_to_check_before_booking_is_said_so(tiny: Checklist) -> None:
    _, comparison = compare(tiny, [("A", {"licensed": "not-sure", "setting-type": "clinic", "doctor-on-site": "yes"})])
    assert comparison.robustness == (
        "No clinic is ready to book yet: “A” has 1 safety check to make before booking. "
        "This would change once the checks before booking come back clear for “A”."
    )


def test_open_answers_that_could_change_the_lead_are_said(tiny: Checklist) -> None:
    # A is fully answered; B has one answer (perfect) and a check left: B's range reaches above A's score.
    a = {"licensed": "yes", "setting-type": "clinic", "doctor-on-site": "no"}
    b = {"licensed": "not-sure", "setting-type": "clinic", "doctor-on-site": "yes"}
    _, comparison = compare(tiny, [("A", a), ("B", b)])
    assert comparison.leaders == ("A",)
    assert [(c.name, c.high) for c in comparison.challengers] == [("B", 100)]
    assert (
        "once the open answers are known, “B” could fit as much as 100 once its checks before booking are clear"
        in comparison.robustness
    )
