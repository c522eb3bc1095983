"""Compare 1-8 clinics: an order, ties shown as ties, and how robust the lead is.

Rules:
- Clinics without a gate come first, ordered by fit score (no score last); then "check before
  booking"; then "not recommended". Equal group and score share a rank; ties keep the order
  the patient entered the clinics in, never the name.
- The lead: the clinics with the top fit score among those with a fit verdict (no gate, enough answers).
- Robustness: for each category, set that one priority to each other value 0-3 (all else as
  set) and see whether the lead changes; report the smallest change that does, per category.
- Wording speaks of fit with the priorities the patient set; it never calls a clinic "the best".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scoring.checklist import Checklist
from scoring.evaluate import DEFAULT_PRIORITY, PRIORITY_LABELS, ClinicResult, Verdict, evaluate_clinic, fit_score
from scoring.models import Goal, Jurisdiction

_GROUP = {Verdict.NOT_RECOMMENDED: 2, Verdict.VERIFY_FIRST: 1}


@dataclass(frozen=True)
class Ranked:
    rank: int
    tied: bool
    result: ClinicResult


@dataclass(frozen=True)
class Shift:
    """Setting ``category`` from ``before`` to ``after`` changes the lead to ``leaders``."""

    category_id: str
    category: str
    before: int
    after: int
    leaders: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    ranking: tuple[Ranked, ...]
    leaders: tuple[str, ...]
    shifts: tuple[Shift, ...]

    @property
    def robustness(self) -> str:
        return robustness_sentence(self)


def _key(result: ClinicResult) -> tuple[int, int]:
    score = -1 if result.score is None else result.score
    return (_GROUP.get(result.verdict, 0), -score)


def rank(results: Sequence[ClinicResult]) -> tuple[Ranked, ...]:
    ordered = sorted(results, key=_key)  # stable: entry order within ties
    ranked: list[Ranked] = []
    for i, result in enumerate(ordered):
        position = i + 1
        if ranked and _key(ranked[-1].result) == _key(result):
            position = ranked[-1].rank
        tied = sum(_key(r) == _key(result) for r in ordered) > 1
        ranked.append(Ranked(position, tied, result))
    return tuple(ranked)


def leaders(results: Sequence[ClinicResult], priorities: Mapping[str, int] | None = None) -> tuple[str, ...]:
    """Who leads on fit among clinics with a fit verdict; with ``priorities``, as if the patient had set those.

    Clinics with a gate, or with too few answers to judge, are ranked but never said to lead.
    """
    scores = [
        (r.name, r.score if priorities is None else fit_score(r.categories, priorities))
        for r in results
        if not r.verdict.gated and r.verdict is not Verdict.INCOMPLETE
    ]
    eligible = [(name, score) for name, score in scores if score is not None]
    if not eligible:
        return ()
    top = max(score for _, score in eligible)
    return tuple(name for name, score in eligible if score == top)


def compare_clinics(
    checklist: Checklist,
    goal: Goal,
    jurisdiction: Jurisdiction,
    priorities: Mapping[str, int],
    clinics: Sequence[tuple[str, Mapping[str, str]]],
) -> tuple[tuple[ClinicResult, ...], Comparison]:
    """Evaluate every clinic and compare them. ``clinics`` is (name, answers) in entry order."""

    results = tuple(evaluate_clinic(checklist, goal, jurisdiction, priorities, answers, name) for name, answers in clinics)
    lead = leaders(results)
    shifts: list[Shift] = []
    if lead and len(clinics) > 1:
        for category in checklist.categories_for(goal, jurisdiction):
            current = priorities.get(category.id, DEFAULT_PRIORITY)
            for after in sorted((v for v in PRIORITY_LABELS if v != current), key=lambda v: (abs(v - current), v)):
                # Priorities never move a gate, so re-weighting the category scores is enough.
                changed = leaders(results, {**priorities, category.id: after})
                if changed != lead:
                    shifts.append(Shift(category.id, category.title, current, after, changed))
                    break
    return results, Comparison(rank(results), lead, tuple(shifts))


def _names(names: Sequence[str]) -> str:
    quoted = [f"“{n}”" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def robustness_sentence(comparison: Comparison) -> str:
    lead = comparison.leaders
    if not lead:
        return "No clinic can be compared on fit yet: each one has a safety check to clear, or not enough answers."
    if len(comparison.ranking) == 1:
        return "There is only one clinic, so there is nothing to compare yet."
    verb = "fit your priorities equally well" if len(lead) > 1 else "fits the priorities you set most closely"
    first = f"{_names(lead)} {verb}."
    if not comparison.shifts:
        return first + " Changing any one priority would not change this."
    smallest = min(abs(s.after - s.before) for s in comparison.shifts)
    nearest = [s for s in comparison.shifts if abs(s.after - s.before) == smallest]
    changes = "; ".join(
        f"setting “{s.category}” to {PRIORITY_LABELS[s.after].lower()} would put {_names(s.leaders) if s.leaders else 'no clinic'} ahead"
        for s in nearest
    )
    return f"{first} This depends on your priorities: {changes}."
