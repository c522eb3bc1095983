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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from scoring.answers import NamedAnswers, Session
from scoring.checklist import Checklist
from scoring.evaluate import DEFAULT_PRIORITY, FAIR, ClinicResult, Verdict, evaluate_clinic, fit_score
from scoring.models import Goal, Jurisdiction
from scoring.wording import PRIORITY_LABELS

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


NameShown = Callable[[str], str]  # how a rendering shows a clinic's name (the PDF replaces one it cannot draw)


def _names(names: Sequence[str], show: NameShown = str) -> str:
    quoted = [f"“{show(n)}”" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _not_ready(result: ClinicResult) -> str:
    """Why this clinic cannot be named, as a clause after its name."""
    v = result.verdict
    if v is Verdict.NOT_RECOMMENDED:
        return "has a red flag"
    if v is Verdict.VERIFY_FIRST:
        return "has " + _plural(len(result.reasons), "safety check", "safety checks") + " to make before booking"
    if v is Verdict.INCOMPLETE:
        return "needs more answers to judge its fit"
    return f"fits your priorities weakly (fit {result.score})" if result.score is not None else "has no fit score yet"


def no_leader_sentence(comparison: Comparison, show: NameShown = str) -> str:
    """Nobody may be named: say so plainly, clinic by clinic, and what would change that."""
    results = [r.result for r in comparison.ranking]
    ready = all(may_lead(r) for r in results)  # all could be booked: they only fit weakly
    what = "No clinic fits the priorities you set well yet: " if ready else "No clinic is ready to book yet: "
    parts = "; ".join(f"{_names([r.name], show)} {_not_ready(r)}" for r in results)
    checks = [r for r in results if r.verdict is Verdict.VERIFY_FIRST]
    more = [r for r in results if r.verdict is Verdict.INCOMPLETE]
    changes = []
    if checks:
        changes.append("the checks before booking come back clear for " + _names([r.name for r in checks], show))
    if more:
        changes.append("you answer more questions for " + _names([r.name for r in more], show))
    if not changes:
        changes.append("a clinic has no red flag and a fit of 60 or more")
    return f"{what}{parts}. This would change once " + ", or ".join(changes) + "."


def _range_clauses(comparison: Comparison, show: NameShown) -> str:
    """How far the fit ranges reach: the leaders' low ends, and the challengers' top ends."""
    clauses = []
    for ranked in comparison.ranking:
        r = ranked.result
        if (
            r.name in comparison.leaders
            and r.score_range is not None
            and r.score is not None
            and r.score_range[0] < r.score
        ):
            clauses.append(f"{_names([r.name], show)} could fit as little as {r.score_range[0]}")
    for c in comparison.challengers:
        after = " once its checks before booking are clear" if c.verdict is Verdict.VERIFY_FIRST else ""
        verb = "as much as" if clauses else "could fit as much as"
        clauses.append(f"{_names([c.name], show)} {verb} {c.high}{after}")
    return ", and ".join(clauses)


def robustness_sentence(comparison: Comparison, show: NameShown = str) -> str:
    """Who fits the priorities most closely, and what could change that; or why nobody may be named."""
    lead = comparison.leaders
    if not comparison.ranking:
        return "There are no clinics to compare yet."
    if not lead:
        return no_leader_sentence(comparison, show)
    if len(comparison.ranking) == 1:
        return "There is only one clinic, so there is nothing to compare yet."
    verb = "fit your priorities equally well" if len(lead) > 1 else "fits the priorities you set most closely"
    first = f"{_names(lead, show)} {verb}."
    doubts = []
    if comparison.shifts:
        smallest = min(abs(s.after - s.before) for s in comparison.shifts)
        nearest = [s for s in comparison.shifts if abs(s.after - s.before) == smallest]
        doubts.append(
            "; ".join(
                f"setting “{s.category}” to {PRIORITY_LABELS[s.after].lower()} would "
                + (f"put {_names(s.leaders, show)} ahead" if s.leaders else "leave no clinic with a fit of 60 or more")
                for s in nearest
            )
        )
    if comparison.challengers:
        doubts.append("once the open answers are known, " + _range_clauses(comparison, show))
    if not doubts:
        return first + " Changing any one priority, or the answers still open, would not change this."
    return f"{first} This could change: " + "; and ".join(doubts) + "."
