"""Every word the product puts around its data: verdicts, flags, scores, ranks, when and why to ask, and
figures as "N in 100". The app, the printout and the command line all read them here, so a verdict, a
flag or a score reads the same on every screen and page, and one file holds what a translation changes.

Pure data and small functions; nothing here decides anything. Dictionaries keyed by a verdict are keyed
by its string value (``Verdict`` is a ``StrEnum``, so ``VERDICT_TEXT[Verdict.STRONG_FIT]`` works), which
keeps this module free of the scoring modules that import it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from scoring.models import Certainty, Figure, When

if TYPE_CHECKING:
    from scoring.compare import Comparison
    from scoring.evaluate import ClinicResult, Progress

VERDICT_TEXT: dict[str, str] = {
    "not_recommended": "Not recommended",
    "verify_first": "Check before booking",
    "check_at_visit": "OK to book a consultation",
    "incomplete": "Not enough answers to judge fit",
    "strong_fit": "Strong fit for your priorities",
    "fair_fit": "Fair fit for your priorities",
    "weak_fit": "Weak fit for your priorities",
}
VERDICT_ICON: dict[str, str] = {
    "not_recommended": "🛑",
    "verify_first": "🔍",
    "check_at_visit": "📋",
    "incomplete": "❔",
    "strong_fit": "🟢",
    "fair_fit": "🟡",
    "weak_fit": "🟠",
}
VERDICT_WORD: dict[str, str] = {  # a word as well as a colour, for print in black and white
    "not_recommended": "STOP",
    "verify_first": "CHECK FIRST",
    "check_at_visit": "CHECK AT VISIT",
    "incomplete": "INCOMPLETE",
    "strong_fit": "STRONG",
    "fair_fit": "FAIR",
    "weak_fit": "WEAK",
}
REASONS_LABEL: dict[str, str] = {  # the heading over what holds a clinic back, by its verdict
    "not_recommended": "Why not",
    "verify_first": "Check before booking",
    "check_at_visit": "Before any injection, check",
}
PRIORITY_LABELS = {0: "Ignore", 1: "A little", 2: "Important", 3: "Very important"}
WHEN_LABELS: dict[When, str] = {
    "booking": "before booking",
    "consultation": "at the consultation",
    "treatment": "on the day, before the injection",
}
WHY_LABELS = {
    "not_sure": "you were not sure",
    "unanswered": "not answered yet",
    "caution": "the answer needs a closer look",
}
FLAG_ICON = {"critical": "🛑", "caution": "⚠️"}
FLAG_NAME = {"critical": "red flag: do not go ahead", "caution": "caution"}
WEIGHED = (
    "Every question about this clinic has an answer with no caution. That is about the clinic only: whether the "
    "treatment is right for you is weighed with the options (“Is it right for me now?”), and you can still choose "
    "not to have it, or to wait."
)
NO_SCORE = "–"
MATRIX_NOTE = "Each score is out of 100. In brackets: how many of the topic's answers it counts, of how many it could."
ASK_HEADINGS: dict[When, str] = {
    "booking": "Before booking (from home: website, phone, register)",
    "consultation": "At the consultation",
    "treatment": "On the day, before the injection",
}


def flag_after(flag: str) -> str:
    """A flag after an answer's label: " 🛑 (red flag: do not go ahead)"; "" for none."""
    return f" {FLAG_ICON[flag]} ({FLAG_NAME[flag]})" if flag in FLAG_ICON else ""


def flag_label(flag: str) -> str:
    """A flag on its own: "🛑 Red flag: do not go ahead"; "" for none."""
    return f"{FLAG_ICON[flag]} {FLAG_NAME[flag][0].upper()}{FLAG_NAME[flag][1:]}" if flag in FLAG_ICON else ""


def score_text(value: int | None) -> str:
    """A score out of 100 as text, or a dash when there is none yet."""
    return NO_SCORE if value is None else str(value)


def rank_label(rank: int, tied: bool) -> str:
    """A place in the comparison: "2", or "2 (tie)"."""
    return f"{rank} (tie)" if tied else str(rank)


CERTAINTY_WORDS: dict[Certainty, str] = {
    "high": "high: further research is very unlikely to change it",
    "moderate": "moderate: further research may change it",
    "low": "low: further research is likely to change it",
    "very-low": "very low: it is very uncertain",
}
CERTAINTY_SHORT: dict[Certainty, str] = {"high": "high", "moderate": "moderate", "low": "low", "very-low": "very low"}

GRID_ROWS = (  # an options grid's rows: the OptionColumn field, and the question it answers
    ("works", "How well does it work?"),
    ("soon", "How soon does it help?"),
    ("lasts", "How long does it last?"),
    ("common_harms", "Common side effects"),
    ("rare_harms", "Rare or serious harms"),
    ("how_often", "How often?"),
    ("cost", "Cost and access"),
    ("if_wait", "What if I wait?"),
)
DECISION = (
    "You are deciding whether to have Botox for {goal} now, and if you do, where. Not having it, or waiting, "
    "is a reasonable choice too."
)
SURE_QUESTIONS = {  # the SURE test (Ottawa decision guides), in its order (scoring.answers.SURE_KEYS)
    "sure": "Do you feel sure about the best choice for you?",
    "understand": "Do you know the benefits and risks of each option?",
    "risks": "Are you clear about which benefits and risks matter most to you?",
    "support": "Do you have enough support and advice to make a choice?",
}
VALUE_LABELS = {0: "Not at all", 1: "A little", 2: "Quite a lot", 3: "A lot"}


def people(n: float) -> int:
    """How many of 100 people a picture fills for ``n`` per 100: rounded half up; under 1 is none."""
    return 0 if n < 1 else int(n + 0.5)


def in_100(n: float) -> str:
    """``n`` per 100 as a patient reads it: "45 in 100", "fewer than 1 in 100"."""
    return "fewer than 1 in 100" if 0 < n < 1 else f"{people(n)} in 100"


def _number(n: float) -> str:
    return "fewer than 1" if 0 < n < 1 else str(people(n))


def figure_sentence(figure: Figure, option: str = "") -> str:
    """The whole figure in one or two sentences: who, how many, when, against what, the range, how sure."""
    text = f"{option + ': ' if option else ''}{in_100(figure.n)} {figure.what}, {figure.time}"
    if figure.compared_n is not None and figure.compared_with is not None:
        text += f", against {in_100(figure.compared_n)} {figure.compared_with}"
    text += "."
    if figure.low is not None and figure.high is not None:
        if figure.compared_n is not None:
            difference = figure.n - figure.compared_n
            text += (
                f" The difference, about {_number(difference)} in 100, "
                f"could be from {_number(figure.low)} to {_number(figure.high)}."
            )
        else:
            text += f" It could be from {_number(figure.low)} to {_number(figure.high)} in 100."
    return f"{text} How sure: {CERTAINTY_SHORT[figure.certainty]}."


def progress_words(progress: Progress, when: When | None = None) -> str:
    """ "12 of 19 answered, 3 not sure": "Not sure" counts as an answer here (it is one); the fit leaves it out."""
    given, counted = (progress.given, progress.counted) if when is None else progress.by_when.get(when, (0, 0))
    text = f"{given} of {counted} answered"
    return text + (f", {progress.not_sure} not sure" if when is None and progress.not_sure else "")


# --- what a link from an older checklist could not bring back (one sentence each, shown on opening it) -----------
LOST_EVERY_ANSWER = (
    "This link was made with a checklist version this app does not know, so no answer could be restored. "
    "The goal, place and clinic names were kept."
)
LOST_PRIORITY = "Your priority for “{topic}” was not restored: that topic is no longer in the checklist."
LOST_CLINIC_ANSWER = (
    "“{clinic}”: the answer “{option}” to “{question}” was not restored: "
    "that question or answer changed in the checklist since the link was made."
)
LOST_PATIENT_ANSWER = (
    "Your answer “{option}” to “{question}” about you was not restored: that question changed since the link was made."
)


# --- the sentences around clinic names (the comparison) -------------------------------------------------

NameShown = Callable[[str], str]  # how a rendering shows a clinic's name (the PDF replaces one it cannot draw)


def _names(names: Sequence[str], show: NameShown = str) -> str:
    quoted = [f"“{show(n)}”" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _not_ready(result: ClinicResult) -> str:
    """Why this clinic cannot be named, as a clause after its name."""
    v = result.verdict
    if v == "not_recommended":
        return "has a red flag"
    if v == "verify_first":
        return "has " + _plural(len(result.reasons), "safety check", "safety checks") + " to make before booking"
    if v == "incomplete":
        return "needs more answers to judge its fit"
    return f"fits your priorities weakly (fit {result.score})" if result.score is not None else "has no fit score yet"


def no_leader_sentence(comparison: Comparison, show: NameShown = str) -> str:
    """Nobody may be named: say so plainly, clinic by clinic, and what would change that."""
    results = [r.result for r in comparison.ranking]
    ready = comparison.all_may_lead  # all could be booked: they only fit weakly
    what = "No clinic fits the priorities you set well yet: " if ready else "No clinic is ready to book yet: "
    parts = "; ".join(f"{_names([r.name], show)} {_not_ready(r)}" for r in results)
    checks = [r for r in results if r.verdict == "verify_first"]
    more = [r for r in results if r.verdict == "incomplete"]
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
        after = " once its checks before booking are clear" if c.verdict == "verify_first" else ""
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
