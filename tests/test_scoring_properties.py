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


def score(goal: Goal, place: Jurisdiction, prio: dict[str, int], answers: dict[str, str]) -> ClinicResult:
    return evaluate_clinic(CHECKLIST, goal, place, prio, answers)


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, answer_sets())
def test_score_and_completeness_stay_within_0_and_100(goal, place, prio, answers) -> None:  # type: ignore[no-untyped-def]
    result = score(goal, place, prio, answers)
    assert result.score is None or 0 <= result.score <= 100
    assert 0 <= result.completeness <= 100
    for c in result.categories:
        assert c.score is None or 0 <= c.score <= 100


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, answer_sets())
def test_any_counted_critical_answer_means_not_recommended(goal, place, prio, answers) -> None:  # type: ignore[no-untyped-def]
    result = score(goal, place, prio, answers)
    critical = [x for c in result.categories for x in c.lines if x.flag == "critical"]
    assert (result.verdict is Verdict.NOT_RECOMMENDED) == bool(critical)


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, answer_sets(), st.data())
def test_a_better_answer_never_lowers_the_fit(goal, place, prio, answers, data) -> None:  # type: ignore[no-untyped-def]
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
def test_not_sure_never_raises_completeness(goal, place, prio, answers, data) -> None:  # type: ignore[no-untyped-def]
    answered = [qid for qid, oid in answers.items() if qid not in PARENTS and (q := CHECKLIST.question(qid)) and oid != q.unsure]
    assume(answered)
    qid = data.draw(st.sampled_from(answered))
    question = CHECKLIST.question(qid)
    assert question is not None
    before = score(goal, place, prio, answers)
    after = score(goal, place, prio, {**answers, qid: question.unsure})
    assert after.answered <= before.answered and after.completeness <= before.completeness


@settings(max_examples=300, deadline=None)
@given(goals, places, priorities, answer_sets(), answer_sets(), st.data())
def test_priority_zero_removes_a_category_from_the_fit(goal, place, prio, answers, other, data) -> None:  # type: ignore[no-untyped-def]
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
    names = draw(st.lists(name_text, min_size=1, max_size=8,
                          unique_by=lambda n: unicodedata.normalize("NFC", n).strip().casefold()))
    return AnswersFile.model_validate({
        "goal": draw(goals), "jurisdiction": draw(places), "priorities": draw(priorities),
        "clinics": tuple({"name": n, "answers": draw(answer_sets())} for n in names),
    })


@settings(max_examples=300, deadline=None)
@given(states())
def test_the_link_round_trips_every_state_exactly(state: AnswersFile) -> None:
    restored = decode(encode(state, CHECKLIST), CHECKLIST)
    assert restored.state == state and restored.lost == ()
