"""Evaluate one clinic: verdict, cautions, fit score with its range and breakdown, notes, questions to ask.

The rules (docs/verdicts.md), in the order they are applied; the first that holds is the verdict:
1. A question counts only if it applies to the goal and place and its condition (if any) is met
   by the clinic's answers. Answers to other questions are kept, listed, and not scored.
2. Any answer flagged critical -> ``not_recommended``, with every such answer as a reason.
3. Else a safety-critical question that can be answered before booking (``when: booking``) is
   unanswered, "Not sure", or answered with a caution -> ``verify_first``, listing them.
4. Else such a question for the consultation or the treatment day is open in the same way ->
   ``check_at_visit``: fine to book a consultation, with what to check before any injection.
5. Else fewer than 60% of the counted questions answered -> ``incomplete``.
6. Else by fit score: 80 and up ``strong_fit``, 60 and up ``fair_fit``, below ``weak_fit``.

A caution on a safety-critical question is never absorbed into a score: it gates, like "Not sure".
Every result lists its cautions (question and answer) whatever the verdict, so a caution is never
visible only as lost points.

Fit score: per category, points earned over points possible on the *answered* counted questions
("Not sure" and unanswered are out of both). Overall, category scores weighted by author weight
times the patient's priority (0-3), over the categories with at least one answer and a weight
above zero. So the ceiling is always what is reachable, and 100 means every answered question got
its best answer. Priorities shape the fit only; they never touch a gate.

Fit range: the fit score if every counted question still open ("Not sure" or unanswered) took its
lowest-scoring answer, and if it took its best. A fully answered clinic's range is its score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, NamedTuple

from scoring.checklist import Checklist
from scoring.language import _
from scoring.models import (
    WHENS,
    AlwaysApplies,
    AnswerApplies,
    ContextApplies,
    Flag,
    Goal,
    Jurisdiction,
    Option,
    PatientApplies,
    Question,
    SafetyNote,
    When,
)
from scoring.wording import REASONS_LABEL, VERDICT_TEXT

DEFAULT_PRIORITY = 2
COMPLETE_ENOUGH = 0.6
STRONG, FAIR = 80, 60
SEVERITY_ORDER = {"emergency": 0, "warning": 1, "info": 2}
WHEN_ORDER = {w: i for i, w in enumerate(WHENS)}


class Verdict(StrEnum):
    NOT_RECOMMENDED = "not_recommended"
    VERIFY_FIRST = "verify_first"
    CHECK_AT_VISIT = "check_at_visit"
    INCOMPLETE = "incomplete"
    STRONG_FIT = "strong_fit"
    FAIR_FIT = "fair_fit"
    WEAK_FIT = "weak_fit"

    @property
    def gated(self) -> bool:
        """Something must be settled before booking: a red flag, or a safety check still open."""
        return self in (Verdict.NOT_RECOMMENDED, Verdict.VERIFY_FIRST)

    @property
    def gate(self) -> int:
        """How strongly safety holds this clinic back: 3 a red flag, 2 before booking, 1 before an injection, 0
        nothing."""
        return {Verdict.NOT_RECOMMENDED: 3, Verdict.VERIFY_FIRST: 2, Verdict.CHECK_AT_VISIT: 1}.get(self, 0)


Status = Literal["answered", "not_sure", "unanswered"]


class Finding(NamedTuple):  # a tuple: several are made on every evaluation
    """One question behind a verdict or a caution: what was asked, what the answer was (or that there is none)."""

    question_id: str
    question: str
    answer: str  # the option's label; "Not sure" or "not answered" when open
    status: Status
    flag: Flag
    when: When
    safety_critical: bool

    def __str__(self) -> str:
        return f"{self.question} ({self.answer})"


class QuestionLine(NamedTuple):  # a tuple: built for every question on every evaluation
    question_id: str
    question: str
    status: Status
    option_id: str | None
    answer: str
    earned: int
    possible: int
    flag: Flag
    safety_critical: bool
    when: When
    low: int  # what this line would earn at the low and the high end of the fit range
    best: int

    @property
    def open(self) -> bool:
        """Still to find out: unanswered or "Not sure"."""
        return self.status != "answered"

    @property
    def holds_back(self) -> bool:
        """A safety check not yet passed: open, or answered with a caution."""
        return self.safety_critical and (self.open or self.flag == "caution")

    def finding(self) -> Finding:
        answer = (
            _("Not sure")
            if self.status == "not_sure"
            else _("not answered")
            if self.status == "unanswered"
            else self.answer
        )
        return Finding(self.question_id, self.question, answer, self.status, self.flag, self.when, self.safety_critical)


@dataclass(frozen=True)
class CategoryResult:
    id: str
    title: str
    weight: int
    priority: int
    earned: int
    possible: int
    answered: int
    counted: int
    lines: tuple[QuestionLine, ...]
    low: int  # earned if every open question took its lowest answer, and if it took its best;
    high: int  # out of ``ceiling``, what every counted question can earn
    ceiling: int

    @property
    def score(self) -> int | None:
        """0-100 over the answered questions, or None when none is answered."""
        return None if self.possible == 0 else round(100 * self.earned / self.possible)

    @property
    def completeness(self) -> int:
        return _percent(self.answered, self.counted)


AskWhy = Literal["not_sure", "unanswered", "caution"]


@dataclass(frozen=True)
class AskItem:
    question_id: str
    ask: str
    why: AskWhy
    safety_critical: bool
    when: When


@dataclass(frozen=True)
class ClinicResult:
    name: str
    verdict: Verdict
    reasons: tuple[Finding, ...]  # why the verdict holds: red flags, or the safety checks still open
    cautions: tuple[Finding, ...]  # every answer flagged caution, whatever the verdict
    score: int | None
    # the fit if the open questions took their lowest / best answers (None: no weight)
    score_range: tuple[int, int] | None
    answered: int
    counted: int
    categories: tuple[CategoryResult, ...]
    notes: tuple[SafetyNote, ...]
    to_ask: tuple[AskItem, ...]
    not_scored: tuple[str, ...]  # ids of answered questions that do not apply here

    @property
    def completeness(self) -> int:
        return _percent(self.answered, self.counted)

    @property
    def open_count(self) -> int:
        """How many counted questions are still open (unanswered or "Not sure")."""
        return self.counted - self.answered

    @property
    def headline(self) -> str:
        """The verdict as a patient reads it, with its reasons."""
        text = VERDICT_TEXT[self.verdict]
        if self.verdict is Verdict.NOT_RECOMMENDED:
            return f"{text}: " + "; ".join(str(r) for r in self.reasons)
        if self.verdict is Verdict.VERIFY_FIRST:
            return f"{text}: " + _some(self.reasons)
        if self.verdict is Verdict.CHECK_AT_VISIT:
            return f"{text}. {REASONS_LABEL[self.verdict]}: " + _some(self.reasons)
        return text

    @property
    def other_cautions(self) -> tuple[Finding, ...]:
        """The cautions the verdict's reasons do not already name."""
        named = {r.question_id for r in self.reasons}
        return tuple(c for c in self.cautions if c.question_id not in named)


HEADLINE_ITEMS = 3  # a headline names this many checks; the rest are counted (every rendering lists them all)


def _some(findings: tuple[Finding, ...]) -> str:
    shown = "; ".join(str(f) for f in findings[:HEADLINE_ITEMS])
    more = len(findings) - HEADLINE_ITEMS
    return shown + ("; " + _("and {n} more").format(n=more) if more > 0 else "")


def _percent(part: int, whole: int) -> int:
    return 0 if whole == 0 else round(100 * part / whole)


def counted_questions(
    checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction, answers: Mapping[str, str]
) -> tuple[Question, ...]:
    """The questions that count for this clinic: they apply here and their condition is met."""
    applicable = checklist.applicable_questions(goal, jurisdiction)
    ids = {q.id for q in applicable}

    def met(q: Question) -> bool:
        c = q.condition
        return c is None or (c.question in ids and answers.get(c.question) in c.options and met_by_id(c.question))

    def met_by_id(question_id: str) -> bool:
        parent = checklist.question(question_id)
        return parent is not None and met(parent)

    return tuple(q for q in applicable if met(q))


@dataclass(frozen=True)
class Progress:
    """How far the patient has got with a clinic: questions with any answer ("Not sure" is one: it is an answer,
    and it becomes a question to ask), of how many; overall, per category and per ``when``. (What counts towards the
    fit and the verdict, "Not sure" aside, is ``ClinicResult.answered``.)"""

    given: int
    not_sure: int
    counted: int
    by_category: Mapping[str, tuple[int, int]]  # category id -> (given, counted)
    by_when: Mapping[When, tuple[int, int]]

    def done(self, when: When | None = None) -> bool:
        given, counted = (self.given, self.counted) if when is None else self.by_when.get(when, (0, 0))
        return given == counted


def progress(checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction, answers: Mapping[str, str]) -> Progress:
    """The answered/counted part of ``evaluate_clinic``, cheap enough for every rerun."""
    by_category: dict[str, list[int]] = {}
    by_when: dict[When, list[int]] = {}
    not_sure = 0
    for q in counted_questions(checklist, goal, jurisdiction, answers):
        status, _option = answer_status(q, answers)  # (not "_": that is gettext)
        given = status != "unanswered"  # "Not sure" is an answer given; the fit leaves it out
        not_sure += status == "not_sure"
        for tally in (by_category.setdefault(q.category, [0, 0]), by_when.setdefault(q.when, [0, 0])):
            tally[0] += given
            tally[1] += 1
    return Progress(
        given=sum(a for a, _ in by_category.values()),
        not_sure=not_sure,
        counted=sum(c for _, c in by_category.values()),
        by_category={k: (a, c) for k, (a, c) in by_category.items()},
        by_when={k: (a, c) for k, (a, c) in by_when.items()},
    )


def answer_status(q: Question, answers: Mapping[str, str]) -> tuple[Status, Option | None]:
    """Whether ``q`` is answered, "Not sure" or not answered (an unknown option id counts as not answered)."""
    option = q.option(answers[q.id]) if q.id in answers else None
    if option is None:
        return "unanswered", None
    return ("not_sure" if option.id == q.unsure else "answered"), option


def _line(q: Question, answers: Mapping[str, str]) -> QuestionLine:
    status, option = answer_status(q, answers)
    counts = status == "answered" and option is not None
    earned = option.points if counts and option is not None else 0
    return QuestionLine(
        question_id=q.id,
        question=q.text,
        status=status,
        option_id=None if option is None else option.id,
        answer=_("Not answered") if option is None else option.label,
        earned=earned,
        possible=q.max_points if counts else 0,
        flag=option.flag if option is not None else "none",
        safety_critical=q.safety_critical,
        when=q.when,
        low=earned if counts else q.min_points,
        best=earned if counts else q.max_points,
    )


def _weighted(parts: Iterable[tuple[float, int, int]]) -> int | None:
    """Weighted mean of earned/possible over parts (weight, earned, possible) that count, 0-100, or None."""
    total = weights = 0.0
    for w, earned, possible in parts:
        if possible == 0 or w == 0:
            continue
        total += w * earned / possible
        weights += w
    return None if weights == 0 else round(100 * total / weights)


def _weight(c: CategoryResult, priorities: Mapping[str, int] | None) -> int:
    return c.weight * (c.priority if priorities is None else priorities.get(c.id, DEFAULT_PRIORITY))


def fit_score(categories: tuple[CategoryResult, ...], priorities: Mapping[str, int] | None = None) -> int | None:
    """Weighted mean of category scores over categories with answers and a weight above zero.

    With ``priorities``, weigh by those instead of the ones the categories were evaluated with.
    """
    return _weighted((_weight(c, priorities), c.earned, c.possible) for c in categories)


def fit_range(
    categories: tuple[CategoryResult, ...], priorities: Mapping[str, int] | None = None, score: int | None = None
) -> tuple[int, int] | None:
    """The fit score with every open question at its lowest-scoring answer, and at its best ("Not sure" aside).

    The range always holds today's score: where a lowest answer still earns points, averaging could put the
    low end above it, and the range is widened to the score.
    """
    low = _weighted((_weight(c, priorities), c.low, c.ceiling) for c in categories)
    high = _weighted((_weight(c, priorities), c.high, c.ceiling) for c in categories)
    if low is None or high is None:
        return None
    score = fit_score(categories, priorities) if score is None else score
    return (low, high) if score is None else (min(low, score), max(high, score))


def applicable_notes(
    checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction, answers: Mapping[str, str], counted: set[str]
) -> tuple[SafetyNote, ...]:
    """Every note that applies to a clinic: always, for this goal and place, and after these (counted) answers about
    the clinic; most severe first. Notes about the patient are ``patient_notes``: shown once, not with each clinic."""

    def applies(note: SafetyNote) -> bool:
        a = note.applies
        if isinstance(a, ContextApplies):
            return goal in a.goals and jurisdiction in a.jurisdictions
        if isinstance(a, AnswerApplies):
            return a.question in counted and answers.get(a.question) in a.options
        return isinstance(a, AlwaysApplies)

    chosen = [n for n in checklist.safety_notes if applies(n)]
    return tuple(sorted(chosen, key=lambda n: SEVERITY_ORDER[n.severity]))


def patient_notes(
    checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction, patient: Mapping[str, str]
) -> tuple[SafetyNote, ...]:
    """The notes the patient's answers about themselves bring up, for this goal and place; most severe first."""
    asked = {q.id for q in checklist.patient_questions_for(goal, jurisdiction)}

    def applies(note: SafetyNote) -> bool:
        a = note.applies
        return (
            isinstance(a, PatientApplies)
            and a.question in asked
            and patient.get(a.question) in a.options
            and goal in a.goals
            and jurisdiction in a.jurisdictions
        )

    return tuple(sorted((n for n in checklist.safety_notes if applies(n)), key=lambda n: SEVERITY_ORDER[n.severity]))


def _ask_order(x: QuestionLine) -> tuple[int, int]:
    """Safety checks not yet passed first (cautions with them), then other cautions, then the rest; sooner checks
    first."""
    group = 0 if x.holds_back else 1 if x.flag == "caution" else 2
    return group, WHEN_ORDER[x.when]


def evaluate_clinic(
    checklist: Checklist,
    goal: Goal,
    jurisdiction: Jurisdiction,
    priorities: Mapping[str, int],
    answers: Mapping[str, str],
    name: str = "",
) -> ClinicResult:
    """The one entry point for a clinic. ``answers`` maps question id to option id."""
    questions = counted_questions(checklist, goal, jurisdiction, answers)
    counted_ids = {q.id for q in questions}
    all_lines = [_line(q, answers) for q in questions]
    grouped: dict[str, list[QuestionLine]] = {}
    for q, line in zip(questions, all_lines, strict=True):
        grouped.setdefault(q.category, []).append(line)

    categories = []
    for category in checklist.categories:  # checklist order
        if category.id not in grouped:
            continue
        mine = tuple(grouped[category.id])
        earned = possible = answered_here = low = high = ceiling = 0
        for x in mine:  # one pass: this runs for every clinic on every comparison
            earned += x.earned
            possible += x.possible
            answered_here += x.status == "answered"
            low += x.low
            high += x.best
            ceiling += x.best if x.open else x.possible
        categories.append(
            CategoryResult(
                id=category.id,
                title=category.title,
                weight=category.weight,
                priority=priorities.get(category.id, DEFAULT_PRIORITY),
                earned=earned,
                possible=possible,
                answered=answered_here,
                counted=len(mine),
                lines=mine,
                low=low,
                high=high,
                ceiling=ceiling,
            )
        )
    by_category = tuple(categories)
    answered = sum(c.answered for c in by_category)
    score = fit_score(by_category)
    critical = tuple(x.finding() for x in all_lines if x.flag == "critical")
    held = () if critical else [x for x in all_lines if x.holds_back]
    before_booking = tuple(x.finding() for x in held if x.when == "booking")
    at_visit = () if before_booking else tuple(x.finding() for x in held)

    reasons: tuple[Finding, ...] = ()
    if critical:
        verdict, reasons = Verdict.NOT_RECOMMENDED, critical
    elif before_booking:
        verdict, reasons = Verdict.VERIFY_FIRST, before_booking
    elif at_visit:
        verdict, reasons = Verdict.CHECK_AT_VISIT, at_visit
    elif answered < COMPLETE_ENOUGH * len(all_lines) or score is None:
        verdict = Verdict.INCOMPLETE
    else:
        verdict = Verdict.STRONG_FIT if score >= STRONG else Verdict.FAIR_FIT if score >= FAIR else Verdict.WEAK_FIT

    # sorted is stable: checklist order within each group
    askable = sorted((x for x in all_lines if x.open or x.flag == "caution"), key=_ask_order)
    to_ask = tuple(
        AskItem(
            question_id=x.question_id,
            ask=_ask(checklist, x.question_id),
            why="caution" if x.status == "answered" else x.status,
            safety_critical=x.safety_critical,
            when=x.when,
        )
        for x in askable
    )
    return ClinicResult(
        name=name,
        verdict=verdict,
        reasons=reasons,
        cautions=tuple(x.finding() for x in all_lines if x.status == "answered" and x.flag == "caution"),
        score=score,
        score_range=fit_range(by_category, score=score),
        answered=answered,
        counted=len(all_lines),
        categories=by_category,
        notes=applicable_notes(checklist, goal, jurisdiction, answers, counted_ids),
        to_ask=to_ask,
        not_scored=tuple(qid for qid in answers if qid not in counted_ids),
    )


def _ask(checklist: Checklist, question_id: str) -> str:
    question = checklist.question(question_id)
    return "" if question is None else question.ask
