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

Goal = Literal["migraine", "bruxism", "jawline"]
Jurisdiction = Literal["us", "uk", "other"]
Flag = Literal["none", "caution", "critical"]
Severity = Literal["emergency", "warning", "info"]
When = Literal["booking", "consultation", "treatment"]  # when a patient can usually find the answer out

GOALS: tuple[Goal, ...] = ("migraine", "bruxism", "jawline")
WHENS: tuple[When, ...] = ("booking", "consultation", "treatment")
JURISDICTIONS: tuple[Jurisdiction, ...] = ("us", "uk", "other")
GOAL_LABELS: dict[Goal, str] = {
    "migraine": "Chronic migraine",
    "bruxism": "Jaw clenching or teeth grinding",
    "jawline": "Jawline slimming",
}
JURISDICTION_LABELS: dict[Jurisdiction, str] = {
    "us": "United States",
    "uk": "United Kingdom",
    "other": "Somewhere else",
}

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
    authors: Annotated[tuple[ShortText, ...], Field(min_length=1)]
    funding: Text
    conflicts: Text
    update_policy: Text
    disclaimer: Text


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


class HowToCheck(Strict):
    """Where to look, per jurisdiction where the registers differ; ``default`` covers the rest."""

    default: Text
    us: Text | None = None
    uk: Text | None = None
    other: Text | None = None

    def for_jurisdiction(self, jurisdiction: Jurisdiction) -> str:
        specific: str | None = getattr(self, jurisdiction)
        return specific if specific is not None else self.default


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
    """Applies when the patient gave one of these answers to a question."""

    kind: Literal["answer"]
    question: Id
    options: Annotated[tuple[Id, ...], Field(min_length=1)]


Applies = Annotated[AlwaysApplies | ContextApplies | AnswerApplies, Field(discriminator="kind")]


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


class ChecklistFile(Strict):
    """One YAML file in ``questions/``. Each section is optional; together the files make one checklist."""

    checklist: Metadata | None = None
    categories: tuple[Category, ...] = ()
    questions: tuple[Question, ...] = ()
    safety_notes: tuple[SafetyNote, ...] = ()
    sources: tuple[Source, ...] = ()
