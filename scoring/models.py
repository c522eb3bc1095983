"""The checklist schema: what a file in ``questions/`` may contain.

Every model is frozen, strict and forbids unknown fields, so a typo in a medical
checklist fails loudly instead of being ignored. The schema is flat on purpose:
no recursive or untyped fields, so a hostile file cannot make validation explode.

This module only describes shapes. Cross-references between files (ids that must
exist, sources that must be used) are checked in ``scoring.crossref``.
"""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from scoring.language import N_, Words

Goal = Literal["migraine", "bruxism", "jawline"]
Jurisdiction = Literal["us", "uk", "other"]
Flag = Literal["none", "caution", "critical"]
Severity = Literal["emergency", "warning", "info"]
When = Literal["booking", "consultation", "treatment"]  # when a patient can usually find the answer out
Certainty = Literal["high", "moderate", "low", "very-low"]  # GRADE's words for how sure the evidence is

GOALS: tuple[Goal, ...] = ("migraine", "bruxism", "jawline")
WHENS: tuple[When, ...] = ("booking", "consultation", "treatment")
JURISDICTIONS: tuple[Jurisdiction, ...] = ("us", "uk", "other")
GOAL_LABELS = Words(  # read in the language in use (scoring.language)
    {
        "migraine": N_("Chronic migraine"),
        "bruxism": N_("Jaw clenching or teeth grinding"),
        "jawline": N_("Jawline slimming"),
    }
)
JURISDICTION_LABELS = Words(
    {
        "us": N_("United States"),
        "uk": N_("United Kingdom"),
        "other": N_("Somewhere else"),
    }
)

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=48),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1200)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class Metadata(Strict):
    """Who wrote the checklist, when it was reviewed, and how it is kept up to date."""

    id: Id
    title: ShortText
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
    last_reviewed: Annotated[datetime.date, Field(strict=False)]
    next_review: Annotated[datetime.date, Field(strict=False)]  # when the next full review is due
    authors: Annotated[tuple[ShortText, ...], Field(min_length=1)]
    review_process: Text  # who wrote and checked the content, and how; what has not been done yet
    funding: Text
    conflicts: Text
    update_policy: Text
    disclaimer: Text
    report_to: Annotated[str, StringConstraints(pattern=r"^(https://\S+|mailto:\S+@\S+)$", max_length=300)] | None = (
        None
    )


class Category(Strict):
    id: Id
    title: ShortText
    description: Text
    weight: Annotated[int, Field(ge=1, le=5)]


class Option(Strict):
    id: Id
    label: ShortText
    points: Annotated[int, Field(ge=0, le=10)]
    flag: Flag = "none"


class ByPlace(Strict):
    """A text, with its own version for a jurisdiction where it differs; ``default`` covers the rest."""

    default: Text
    us: Text | None = None
    uk: Text | None = None
    other: Text | None = None

    def for_jurisdiction(self, jurisdiction: Jurisdiction) -> str:
        specific: str | None = getattr(self, jurisdiction)
        return specific if specific is not None else self.default


class HowToCheck(ByPlace):
    """Where to look, per jurisdiction where the registers differ; ``default`` covers the rest."""


class Condition(Strict):
    """The question applies only when another question was answered with one of these options."""

    question: Id
    options: Annotated[tuple[Id, ...], Field(min_length=1)]


class Question(Strict):
    id: Id
    category: Id
    text: Text
    why: Text
    how_to_check: HowToCheck
    ask: Text
    options: Annotated[tuple[Option, ...], Field(min_length=2, max_length=8)]
    unsure: Id
    when: When
    safety_critical: bool = False
    goals: Annotated[tuple[Goal, ...], Field(min_length=1)] = GOALS
    jurisdictions: Annotated[tuple[Jurisdiction, ...], Field(min_length=1)] = JURISDICTIONS
    condition: Condition | None = None
    sources: Annotated[tuple[Id, ...], Field(min_length=1)]

    def applies_to(self, goal: Goal, jurisdiction: Jurisdiction) -> bool:
        return goal in self.goals and jurisdiction in self.jurisdictions

    def option(self, option_id: str) -> Option | None:
        return self._options_by_id.get(option_id)

    @cached_property
    def _options_by_id(self) -> dict[str, Option]:
        return {o.id: o for o in self.options}

    @cached_property
    def max_points(self) -> int:
        """The points of the best answer ("Not sure" aside): what an answered question can earn."""
        return max((o.points for o in self.options if o.id != self.unsure), default=0)

    @cached_property
    def min_points(self) -> int:
        """The points of the lowest-scoring answer ("Not sure" aside): the low end of a fit range."""
        return min((o.points for o in self.options if o.id != self.unsure), default=0)


class AlwaysApplies(Strict):
    kind: Literal["always"]


class ContextApplies(Strict):
    """Applies for these goals in these jurisdictions (both default to all)."""

    kind: Literal["context"]
    goals: Annotated[tuple[Goal, ...], Field(min_length=1)] = GOALS
    jurisdictions: Annotated[tuple[Jurisdiction, ...], Field(min_length=1)] = JURISDICTIONS


class AnswerApplies(Strict):
    """Applies when the patient gave one of these answers to a question about a clinic."""

    kind: Literal["answer"]
    question: Id
    options: Annotated[tuple[Id, ...], Field(min_length=1)]


class PatientApplies(Strict):
    """Applies when the patient gave one of these answers about themselves (shown once, not per clinic)."""

    kind: Literal["patient"]
    question: Id
    options: Annotated[tuple[Id, ...], Field(min_length=1)]
    goals: Annotated[tuple[Goal, ...], Field(min_length=1)] = GOALS
    jurisdictions: Annotated[tuple[Jurisdiction, ...], Field(min_length=1)] = JURISDICTIONS


Applies = Annotated[AlwaysApplies | ContextApplies | AnswerApplies | PatientApplies, Field(discriminator="kind")]
APPLIES_KINDS = ("always", "context", "answer", "patient")  # the tags above, in their order (errors name them)


class SafetyNote(Strict):
    id: Id
    title: ShortText
    text: Text
    severity: Severity
    applies: Applies
    sources: Annotated[tuple[Id, ...], Field(min_length=1)]


class Source(Strict):
    id: Id
    title: ShortText
    publisher: ShortText
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=300)] | None = None
    citation: Text | None = None
    checked: Annotated[datetime.date, Field(strict=False)]


Per100 = Annotated[float, Field(ge=0, le=100, strict=False)]


class Figure(Strict):
    """How many people in 100 something happened to, over what time: with a comparison, a range and a certainty.

    ``n`` is per 100 people (a trial's percentage, not rounded here); ``compared_n`` the same in the comparison group
    (a dummy treatment, or no treatment). ``low``/``high`` are the range of the difference (``n - compared_n``) where
    the evidence gives one, or of ``n`` when there is no comparison."""

    n: Per100
    what: ShortText  # "had their headache days cut by half or more"
    time: ShortText  # "after 24 weeks (2 rounds)"
    compared_n: Per100 | None = None
    compared_with: ShortText | None = None  # "on a dummy treatment"
    low: Per100 | None = None
    high: Per100 | None = None
    certainty: Certainty
    sources: Annotated[tuple[Id, ...], Field(min_length=1)]


class Cell(ByPlace):
    """One box of an options grid: what the evidence says, how sure it is, and where it comes from."""

    certainty: Certainty | None = None  # None: a plain fact (how often, what it costs), not an estimate
    sources: tuple[Id, ...] = ()


class OptionColumn(Strict):
    """One option of a decision (Botox, an alternative, no treatment): a column of the grid."""

    id: Id
    name: ShortText
    what: Text  # what it is, in a sentence
    works: Cell
    soon: Cell
    lasts: Cell
    common_harms: Cell
    rare_harms: Cell
    how_often: Cell
    cost: Cell
    if_wait: Cell
    benefit: Figure | None = None  # the main benefit, drawn as 100 people
    harm: Figure | None = None  # the main harm, drawn as 100 people


class Decision(Strict):
    """Whether, and where: the condition, its course without treatment, and the options side by side, for a goal."""

    goal: Goal
    condition: Text  # what the condition is
    course: Text  # what tends to happen with no treatment
    course_figure: Figure | None = None
    options: Annotated[tuple[OptionColumn, ...], Field(min_length=2, max_length=6)]
    sources: Annotated[tuple[Id, ...], Field(min_length=1)]


class PatientOption(Strict):
    id: Id
    label: ShortText


class PatientQuestion(Strict):
    """A fact about the patient (not about a clinic), asked once: it brings up notes, it never scores a clinic."""

    id: Id
    text: Text
    why: Text
    options: Annotated[tuple[PatientOption, ...], Field(min_length=2, max_length=8)]
    unsure: Id
    goals: Annotated[tuple[Goal, ...], Field(min_length=1)] = GOALS
    jurisdictions: Annotated[tuple[Jurisdiction, ...], Field(min_length=1)] = JURISDICTIONS
    sources: Annotated[tuple[Id, ...], Field(min_length=1)]

    def applies_to(self, goal: Goal, jurisdiction: Jurisdiction) -> bool:
        return goal in self.goals and jurisdiction in self.jurisdictions

    def option(self, option_id: str) -> PatientOption | None:
        return next((o for o in self.options if o.id == option_id), None)


class Value(Strict):
    """A feature of the treatment itself that the patient weighs (how much it helps, side effects ...), 0-3."""

    id: Id
    text: ShortText
    goals: Annotated[tuple[Goal, ...], Field(min_length=1)] = GOALS


class ChecklistFile(Strict):
    """One YAML file in ``questions/``. Each section is optional; together the files make one checklist."""

    checklist: Metadata | None = None
    categories: tuple[Category, ...] = ()
    questions: tuple[Question, ...] = ()
    patient_questions: tuple[PatientQuestion, ...] = ()
    values: tuple[Value, ...] = ()
    decisions: tuple[Decision, ...] = ()
    safety_notes: tuple[SafetyNote, ...] = ()
    sources: tuple[Source, ...] = ()
