"""Evaluate one clinic: verdict, fit score with its breakdown, completeness, notes, questions to ask.

Rules (PRODUCT.md, "Verdicts"), in the order they are applied:
1. A question counts only if it applies to the goal and place and its condition (if any) is met
   by the clinic's answers. Answers to other questions are kept, listed, and not scored.
2. Any answer flagged critical -> ``not_recommended``, with every such answer as a reason.
3. Else any safety-critical question unanswered or "Not sure" -> ``verify_first``, listing them.
4. Else fewer than 60% of the counted questions answered -> ``incomplete``.
5. Else by fit score: 80 and up ``strong_fit``, 60 and up ``fair_fit``, below ``weak_fit``.

Fit score: per category, points earned over points possible on the *answered* counted questions
("Not sure" and unanswered are out of both). Overall, category scores weighted by author weight
times the patient's priority (0-3), over the categories with at least one answer and a weight
above zero. So the ceiling is always what is reachable, and 100 means every answered question got
its best answer. Priorities shape the fit only; they never touch a gate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, NamedTuple

from scoring.checklist import Checklist
from scoring.models import AnswerApplies, ContextApplies, Goal, Jurisdiction, Question, SafetyNote

DEFAULT_PRIORITY = 2
PRIORITY_LABELS = {0: "Ignore", 1: "A little", 2: "Important", 3: "Very important"}
COMPLETE_ENOUGH = 0.6
STRONG, FAIR = 80, 60
SEVERITY_ORDER = {"emergency": 0, "warning": 1, "info": 2}


class Verdict(StrEnum):
    NOT_RECOMMENDED = "not_recommended"
    VERIFY_FIRST = "verify_first"
    INCOMPLETE = "incomplete"
    STRONG_FIT = "strong_fit"
    FAIR_FIT = "fair_fit"
    WEAK_FIT = "weak_fit"

    @property
    def gated(self) -> bool:
        return self in (Verdict.NOT_RECOMMENDED, Verdict.VERIFY_FIRST)


VERDICT_TEXT = {
    Verdict.NOT_RECOMMENDED: "Not recommended",
    Verdict.VERIFY_FIRST: "Check before booking",
    Verdict.INCOMPLETE: "Not enough answers to judge fit",
    Verdict.STRONG_FIT: "Strong fit for your priorities",
    Verdict.FAIR_FIT: "Fair fit for your priorities",
    Verdict.WEAK_FIT: "Weak fit for your priorities",
}
VERDICT_ICON = {
    Verdict.NOT_RECOMMENDED: "🛑",
    Verdict.VERIFY_FIRST: "🔍",
    Verdict.INCOMPLETE: "❔",
    Verdict.STRONG_FIT: "🟢",
    Verdict.FAIR_FIT: "🟡",
    Verdict.WEAK_FIT: "🟠",
}

Status = Literal["answered", "not_sure", "unanswered"]


@dataclass(frozen=True)
class Reason:
    """Why a gate applies: the question, and the answer given (or why there is none)."""

    question_id: str
    question: str
    answer: str

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
    flag: str
    safety_critical: bool

    @property
    def explanation(self) -> str:
        if self.status == "answered":
            return f"{self.earned} of {self.possible} points" + (f" ({self.flag})" if self.flag != "none" else "")
        return "not counted: " + ("you are not sure yet" if self.status == "not_sure" else "not answered yet")


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

    @property
    def score(self) -> int | None:
        """0-100 over the answered questions, or None when none is answered."""
        return None if self.possible == 0 else round(100 * self.earned / self.possible)

    @property
    def completeness(self) -> int:
        return _percent(self.answered, self.counted)


@dataclass(frozen=True)
class AskItem:
    question_id: str
    ask: str
    why: Literal["not_sure", "unanswered", "caution"]
    safety_critical: bool


@dataclass(frozen=True)
class ClinicResult:
    name: str
    verdict: Verdict
    reasons: tuple[Reason, ...]
    score: int | None
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
    def headline(self) -> str:
        """The verdict as a patient reads it, with its reasons."""
        text = VERDICT_TEXT[self.verdict]
        if self.verdict is Verdict.NOT_RECOMMENDED:
            return f"{text}: " + "; ".join(str(r) for r in self.reasons)
        if self.verdict is Verdict.VERIFY_FIRST:
            return f"{text}: " + "; ".join(r.question for r in self.reasons)
        return text


def _percent(part: int, whole: int) -> int:
    return 0 if whole == 0 else round(100 * part / whole)


def counted_questions(checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction, answers: Mapping[str, str]) -> tuple[Question, ...]:
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
    """How many counted questions have an answer ("Not sure" is not one), overall and per category."""

    answered: int
    counted: int
    by_category: Mapping[str, tuple[int, int]]


def progress(checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction, answers: Mapping[str, str]) -> Progress:
    """The answered/counted part of ``evaluate_clinic``, cheap enough for every rerun."""
    by_category: dict[str, list[int]] = {}
    for q in counted_questions(checklist, goal, jurisdiction, answers):
        tally = by_category.setdefault(q.category, [0, 0])
        tally[1] += 1
        chosen = answers.get(q.id)
        if chosen is not None and chosen != q.unsure and q.option(chosen) is not None:
            tally[0] += 1
    return Progress(
        answered=sum(a for a, _ in by_category.values()),
        counted=sum(c for _, c in by_category.values()),
        by_category={k: (a, c) for k, (a, c) in by_category.items()},
    )


def _line(q: Question, answers: Mapping[str, str]) -> QuestionLine:
    option = q.option(answers[q.id]) if q.id in answers else None
    if option is None:
        status: Status = "unanswered"
    elif option.id == q.unsure:
        status = "not_sure"
    else:
        status = "answered"
    counts = status == "answered" and option is not None
    return QuestionLine(
        question_id=q.id,
        question=q.text,
        status=status,
        option_id=None if option is None else option.id,
        answer="Not answered" if option is None else option.label,
        earned=option.points if counts and option is not None else 0,
        possible=q.max_points if counts else 0,
        flag=option.flag if option is not None else "none",
        safety_critical=q.safety_critical,
    )


def fit_score(categories: tuple[CategoryResult, ...], priorities: Mapping[str, int] | None = None) -> int | None:
    """Weighted mean of category scores over categories with answers and a weight above zero.

    With ``priorities``, weigh by those instead of the ones the categories were evaluated with.
    """
    total = weights = 0.0
    for c in categories:
        priority = c.priority if priorities is None else priorities.get(c.id, DEFAULT_PRIORITY)
        w = c.weight * priority
        if c.possible == 0 or w == 0:
            continue
        total += w * c.earned / c.possible
        weights += w
    return None if weights == 0 else round(100 * total / weights)


def applicable_notes(
    checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction, answers: Mapping[str, str], counted: set[str]
) -> tuple[SafetyNote, ...]:
    def applies(note: SafetyNote) -> bool:
        a = note.applies
        if isinstance(a, ContextApplies):
            return goal in a.goals and jurisdiction in a.jurisdictions
        if isinstance(a, AnswerApplies):
            return a.question in counted and answers.get(a.question) in a.options
        return True  # always

    chosen = [n for n in checklist.safety_notes if applies(n)]
    return tuple(sorted(chosen, key=lambda n: SEVERITY_ORDER[n.severity]))


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
        categories.append(
            CategoryResult(
                id=category.id,
                title=category.title,
                weight=category.weight,
                priority=priorities.get(category.id, DEFAULT_PRIORITY),
                earned=sum(x.earned for x in mine),
                possible=sum(x.possible for x in mine),
                answered=sum(x.status == "answered" for x in mine),
                counted=len(mine),
                lines=mine,
            )
        )
    by_category = tuple(categories)
    critical = tuple(Reason(x.question_id, x.question, x.answer) for x in all_lines if x.flag == "critical")
    unknown_safety = tuple(
        Reason(x.question_id, x.question, "Not sure" if x.status == "not_sure" else "not answered")
        for x in all_lines
        if x.safety_critical and x.status != "answered"
    )
    answered = sum(x.status == "answered" for x in all_lines)
    score = fit_score(by_category)

    reasons: tuple[Reason, ...] = ()
    if critical:
        verdict, reasons = Verdict.NOT_RECOMMENDED, critical
    elif unknown_safety:
        verdict, reasons = Verdict.VERIFY_FIRST, unknown_safety
    elif answered < COMPLETE_ENOUGH * len(all_lines) or score is None:
        verdict = Verdict.INCOMPLETE
    else:
        verdict = Verdict.STRONG_FIT if score >= STRONG else Verdict.FAIR_FIT if score >= FAIR else Verdict.WEAK_FIT

    unknown = [x for x in all_lines if x.status != "answered"]
    cautions = [x for x in all_lines if x.status == "answered" and x.flag == "caution"]
    ordered = [x for x in unknown if x.safety_critical] + cautions + [x for x in unknown if not x.safety_critical]
    to_ask = tuple(
        AskItem(
            question_id=x.question_id,
            ask=_ask(checklist, x.question_id),
            why="caution" if x.status == "answered" else x.status,
            safety_critical=x.safety_critical,
        )
        for x in ordered
    )
    return ClinicResult(
        name=name,
        verdict=verdict,
        reasons=reasons,
        score=score,
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
