"""Invariants of scoring and of the share link, over generated answers on the shipped checklist."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scoring import Checklist, load_checklist
from scoring.answers import AnswersFile
from scoring.codec import decode, encode
from scoring.evaluate import ClinicResult, Verdict, evaluate_clinic
from scoring.models import GOALS, JURISDICTIONS, Goal, Jurisdiction

CHECKLIST: Checklist = load_checklist()
QUESTIONS = CHECKLIST.questions
PARENTS = {q.condition.question for q in QUESTIONS if q.condition is not None}  # questions that open or close others

goals = st.sampled_from(GOALS)
places = st.sampled_from(JURISDICTIONS)
priorities = st.dictionaries(st.sampled_from([c.id for c in CHECKLIST.categories]), st.integers(0, 3))


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, str]:
    chosen = draw(st.lists(st.sampled_from(QUESTIONS), unique_by=lambda q: q.id))
    return {q.id: draw(st.sampled_from(q.options)).id for q in chosen}


@st.composite
def clean_answer_sets(draw: st.DrawFn) -> dict[str, str]:
    """Every question answered with an answer that holds nothing back (no red flag; safety checks passed), a few
    left open or "Not sure": a clinic where a single flagged safety answer must show. Some clinics answer mostly at
    their best, some mostly at their weakest (cautions included where they do not gate), so some fit weakly."""
    weakest = draw(st.booleans())
    answers = {}
    for q in QUESTIONS:
        unflagged = sorted(
            (
                o
                for o in q.options
                if o.id != q.unsure and (o.flag == "none" or (o.flag == "caution" and not q.safety_critical))
            ),
            key=lambda o: o.points,
        )
        pick = draw(st.sampled_from(["usual"] * 12 + ["other", "unsure", "open"]))
        if pick == "usual":
            answers[q.id] = (unflagged[0] if weakest else unflagged[-1]).id
        elif pick == "other":
            answers[q.id] = draw(st.sampled_from(unflagged)).id
        elif pick == "unsure":
            answers[q.id] = q.unsure
    return answers


some_answers = st.one_of(answer_sets(), clean_answer_sets())


def score(goal: Goal, place: Jurisdiction, prio: dict[str, int], answers: dict[str, str]) -> ClinicResult:
    return evaluate_clinic(CHECKLIST, goal, place, prio, answers)


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, answer_sets())
def test_score_and_completeness_stay_within_0_and_100(
    goal: Goal, place: Jurisdiction, prio: dict[str, int], answers: dict[str, str]
) -> None:
    result = score(goal, place, prio, answers)
    assert result.score is None or 0 <= result.score <= 100
    assert 0 <= result.completeness <= 100
    for c in result.categories:
        assert c.score is None or 0 <= c.score <= 100


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, answer_sets())
def test_any_counted_critical_answer_means_not_recommended(
    goal: Goal, place: Jurisdiction, prio: dict[str, int], answers: dict[str, str]
) -> None:
    result = score(goal, place, prio, answers)
    critical = [x for c in result.categories for x in c.lines if x.flag == "critical"]
    assert (result.verdict is Verdict.NOT_RECOMMENDED) == bool(critical)


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, answer_sets(), st.data())
def test_a_better_answer_never_lowers_the_fit(
    goal: Goal, place: Jurisdiction, prio: dict[str, int], answers: dict[str, str], data: st.DataObject
) -> None:
    # A question that opens or closes others changes what is counted, so the rule is for the rest.
    candidates = [q for q in CHECKLIST.applicable_questions(goal, place) if q.id not in PARENTS]
    question = data.draw(st.sampled_from(candidates))
    scored = [o for o in question.options if o.id != question.unsure]
    worse, better = sorted(data.draw(st.lists(st.sampled_from(scored), min_size=2, max_size=2)), key=lambda o: o.points)
    before = score(goal, place, prio, {**answers, question.id: worse.id}).score
    after = score(goal, place, prio, {**answers, question.id: better.id}).score
    if before is not None and after is not None:
        assert after >= before


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, answer_sets(), st.data())
def test_not_sure_never_raises_completeness(
    goal: Goal, place: Jurisdiction, prio: dict[str, int], answers: dict[str, str], data: st.DataObject
) -> None:
    answered = [
        qid for qid, oid in answers.items() if qid not in PARENTS and (q := CHECKLIST.question(qid)) and oid != q.unsure
    ]
    assume(answered)
    qid = data.draw(st.sampled_from(answered))
    question = CHECKLIST.question(qid)
    assert question is not None
    before = score(goal, place, prio, answers)
    after = score(goal, place, prio, {**answers, qid: question.unsure})
    assert after.answered <= before.answered and after.completeness <= before.completeness


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, answer_sets(), answer_sets(), st.data())
def test_priority_zero_removes_a_category_from_the_fit(
    goal: Goal,
    place: Jurisdiction,
    prio: dict[str, int],
    answers: dict[str, str],
    other: dict[str, str],
    data: st.DataObject,
) -> None:
    categories = CHECKLIST.categories_for(goal, place)
    category = data.draw(st.sampled_from(categories)).id
    inside = {q.id for q in QUESTIONS if q.category == category and q.id not in PARENTS}
    # Same answers outside the category; anything at all inside it.
    mixed = {k: v for k, v in answers.items() if k not in inside} | {k: v for k, v in other.items() if k in inside}
    zeroed = {**prio, category: 0}
    assert score(goal, place, zeroed, answers).score == score(goal, place, zeroed, mixed).score


name_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), min_size=1, max_size=80
).filter(lambda s: s.strip() != "")


@st.composite
def states(draw: st.DrawFn) -> AnswersFile:
    names = draw(
        st.lists(
            name_text, min_size=1, max_size=8, unique_by=lambda n: unicodedata.normalize("NFC", n).strip().casefold()
        )
    )
    return AnswersFile.model_validate(
        {
            "goal": draw(goals),
            "jurisdiction": draw(places),
            "priorities": draw(priorities),
            "clinics": tuple({"name": n, "answers": draw(answer_sets())} for n in names),
        }
    )


@settings(max_examples=300, deadline=None)
@given(states())
def test_the_link_round_trips_every_state_exactly(state: AnswersFile) -> None:
    restored = decode(encode(state, CHECKLIST), CHECKLIST)
    assert restored.state == state and restored.lost == ()


# -- The verdict model: what a careful clinician relies on -------------------------------------------------------

FIT_VERDICTS = (Verdict.STRONG_FIT, Verdict.FAIR_FIT, Verdict.WEAK_FIT)
SAFETY_QUESTIONS = [q for q in QUESTIONS if q.safety_critical]


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, some_answers, st.data())
def test_a_caution_or_refusal_on_a_safety_check_never_gives_a_fit_verdict(
    goal: Goal, place: Jurisdiction, prio: dict[str, int], answers: dict[str, str], data: st.DataObject
) -> None:
    candidates = [q for q in SAFETY_QUESTIONS if q.applies_to(goal, place) and q.condition is None]
    assume(candidates)
    question = data.draw(st.sampled_from(candidates))
    flagged = [o for o in question.options if o.flag != "none"]
    option = data.draw(st.sampled_from(flagged))
    result = score(goal, place, prio, {**answers, question.id: option.id})
    assert result.verdict not in FIT_VERDICTS and result.verdict is not Verdict.INCOMPLETE
    least = 3 if option.flag == "critical" else 2 if question.when == "booking" else 1
    assert result.verdict.gate >= least, result.headline


def _place(results: tuple[ClinicResult, ...], name: str) -> int:
    from scoring.compare import rank

    return next(r.rank for r in rank(results) if r.result.name == name)


@settings(max_examples=400, deadline=None)
@given(goals, places, priorities, some_answers, st.lists(some_answers, max_size=3), st.data())
def test_a_worse_answer_never_looks_better_than_not_sure(
    goal: Goal,
    place: Jurisdiction,
    prio: dict[str, int],
    answers: dict[str, str],
    others: list[dict[str, str]],
    data: st.DataObject,
) -> None:
    """Replacing "Not sure" with an answer worse than the best: the safety verdict never gets milder; and when that
    answer is flagged (a refusal or a bad answer), the fit never rises and the clinic never moves up the comparison.
    One more answer can make a clinic judgeable ("not enough answers" -> a fit verdict); then its fit is no higher."""
    candidates = [q for q in CHECKLIST.applicable_questions(goal, place) if q.id not in PARENTS]
    safety = [q for q in candidates if q.safety_critical]
    question = data.draw(st.sampled_from(safety) | st.sampled_from(candidates))
    best = question.max_points
    worse = [o for o in question.options if o.id != question.unsure and o.points < best]
    assume(worse)
    option = data.draw(st.sampled_from(worse))
    unsure = {**answers, question.id: question.unsure}
    before = evaluate_clinic(CHECKLIST, goal, place, prio, unsure, "this")
    after = evaluate_clinic(CHECKLIST, goal, place, prio, {**unsure, question.id: option.id}, "this")
    assert after.verdict.gate >= before.verdict.gate, (before.headline, after.headline)
    if option.flag == "none":
        return
    if before.score is not None and after.score is not None:
        assert after.score <= before.score
    if before.verdict is Verdict.INCOMPLETE and after.verdict in FIT_VERDICTS:
        return
    rest = tuple(evaluate_clinic(CHECKLIST, goal, place, prio, a, f"other {i}") for i, a in enumerate(others))
    assert _place((*rest, after), "this") >= _place((*rest, before), "this")


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, st.lists(some_answers, min_size=1, max_size=5))
def test_the_named_leader_is_never_gated_and_never_below_60(
    goal: Goal, place: Jurisdiction, prio: dict[str, int], clinics: list[dict[str, str]]
) -> None:
    from scoring.answers import Clinic
    from scoring.compare import compare_clinics

    evaluation = compare_clinics(
        CHECKLIST, goal, place, prio, [Clinic(name=f"c{i}", answers=a) for i, a in enumerate(clinics)]
    )
    results, comparison = evaluation.results, evaluation.comparison
    by_name = {r.name: r for r in results}
    for name in comparison.leaders:
        leader = by_name[name]
        assert not leader.verdict.gated and leader.verdict is not Verdict.INCOMPLETE
        assert leader.score is not None and leader.score >= 60
    if not comparison.leaders:
        assert comparison.robustness.startswith(
            ("No clinic is ready to book yet", "No clinic fits the priorities you set well yet")
        )


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, some_answers)
def test_the_fit_range_holds_the_score_and_closes_when_all_is_answered(
    goal: Goal, place: Jurisdiction, prio: dict[str, int], answers: dict[str, str]
) -> None:
    result = score(goal, place, prio, answers)
    if result.score is not None:
        assert result.score_range is not None
        low, high = result.score_range
        assert 0 <= low <= result.score <= high <= 100
    full = dict(answers)
    for _ in range(3):  # answering opens conditional questions: fill until nothing counted is open
        for line in (x for c in score(goal, place, prio, full).categories for x in c.lines if x.open):
            q = CHECKLIST.question(line.question_id)
            assert q is not None
            full[q.id] = next(o.id for o in q.options if o.id != q.unsure)
    complete = score(goal, place, prio, full)
    if complete.answered == complete.counted and complete.score is not None:
        assert complete.score_range == (complete.score, complete.score)
