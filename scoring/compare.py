"""Compare 1-8 clinics: an order, ties shown as ties, who may be named, and how robust that is.

Rules (docs/verdicts.md, "Comparing clinics"):
- Order: clinics with a fit verdict or ``check_at_visit``, by fit score; then ``incomplete``; then
  ``verify_first`` (both by fit score); then ``not_recommended`` (one shared place: a red flag is not
  ranked on fit). Equal group and score share a rank; ties keep the order the patient entered the
  clinics in, never the name.
- Who may be named as fitting the priorities most closely: a clinic with no red flag, nothing left
  to check before booking, enough answers to judge fit (or only visit checks left), and a fit of 60
  or more; among those, the top fit score (ties are all named). Otherwise nobody is named, and the
  comparison says why and what would change that.
- Robustness: for each category, set that one priority to each other value 0-3 (all else as set)
  and see whether the lead changes; report the smallest change that does, per category. And learning
  the answers still open could change the lead wherever another clinic's fit range reaches above the
  low end of a leader's range.
- Wording speaks of fit with the priorities the patient set; it never calls a clinic "the best".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scoring.answers import NamedAnswers, Session
from scoring.checklist import Checklist
from scoring.evaluate import DEFAULT_PRIORITY, FAIR, ClinicResult, Verdict, evaluate_clinic, fit_score
from scoring.models import Goal, Jurisdiction
from scoring.wording import PRIORITY_LABELS, robustness_sentence

_GROUP = {Verdict.INCOMPLETE: 1, Verdict.VERIFY_FIRST: 2, Verdict.NOT_RECOMMENDED: 3}


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
class Challenger:
    """A clinic that could fit more closely than a leader once its open answers are known."""

    name: str
    verdict: Verdict
    high: int  # the top of its fit range
    open_count: int  # its questions still open


@dataclass(frozen=True)
class Comparison:
    ranking: tuple[Ranked, ...]
    leaders: tuple[str, ...]
    shifts: tuple[Shift, ...]
    challengers: tuple[Challenger, ...] = ()

    @property
    def all_may_lead(self) -> bool:
        """Every clinic could be named (none held back by safety): when none is, they only fit weakly."""
        return all(may_lead(r.result) for r in self.ranking)

    @property
    def robustness(self) -> str:
        return robustness_sentence(self)


@dataclass(frozen=True)
class Evaluation:
    """A session evaluated: each clinic's result in entry order, and the comparison."""

    results: tuple[ClinicResult, ...]
    comparison: Comparison


def _key(result: ClinicResult) -> tuple[int, int]:
    group = _GROUP.get(result.verdict, 0)
    if group == 3:
        return (group, 0)
    return (group, -(result.score or 0))


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


def may_lead(result: ClinicResult) -> bool:
    """No red flag, nothing to check before booking, enough answers (or only visit checks left)."""
    return _GROUP.get(result.verdict, 0) == 0


def leaders(results: Sequence[ClinicResult], priorities: Mapping[str, int] | None = None) -> tuple[str, ...]:
    """Who fits the priorities most closely among the clinics that may be named, with a fit of 60 or more;
    with ``priorities``, as if the patient had set those. Nobody, when none qualifies."""
    scores = [
        (r.name, r.score if priorities is None else fit_score(r.categories, priorities)) for r in results if may_lead(r)
    ]
    eligible = [(name, score) for name, score in scores if score is not None and score >= FAIR]
    if not eligible:
        return ()
    top = max(score for _, score in eligible)
    return tuple(name for name, score in eligible if score == top)


def challengers(results: Sequence[ClinicResult], lead: tuple[str, ...]) -> tuple[Challenger, ...]:
    """Clinics (no red flag) whose fit range reaches above the low end of a leader's range."""
    lows = [r.score_range[0] for r in results if r.name in lead and r.score_range is not None]
    if not lows:
        return ()
    floor = min(lows)
    return tuple(
        Challenger(r.name, r.verdict, r.score_range[1], r.open_count)
        for r in results
        if r.name not in lead
        and r.verdict is not Verdict.NOT_RECOMMENDED
        and r.score_range is not None
        and r.score_range[1] > floor
    )


def compare_clinics(
    checklist: Checklist,
    goal: Goal,
    jurisdiction: Jurisdiction,
    priorities: Mapping[str, int],
    clinics: Sequence[NamedAnswers],
) -> Evaluation:
    """Evaluate every clinic (in entry order) and compare them."""

    results = tuple(evaluate_clinic(checklist, goal, jurisdiction, priorities, c.answers, c.name) for c in clinics)
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
    return Evaluation(results, Comparison(rank(results), lead, tuple(shifts), challengers(results, lead)))


def evaluate_session(checklist: Checklist, session: Session) -> Evaluation:
    """A whole session: every clinic's result, in entry order, and how they compare."""
    return compare_clinics(checklist, session.goal, session.jurisdiction, session.priorities, session.clinics)
