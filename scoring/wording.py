"""Every word the product puts around its data: verdicts, flags, scores, ranks, when and why to ask, and
figures as "N in 100". The app, the printout and the command line all read them here, so a verdict, a
flag or a score reads the same on every screen and page, and one file holds what a translation changes.

Pure data and small functions; nothing here decides anything. Dictionaries keyed by a verdict are keyed
by its string value (``Verdict`` is a ``StrEnum``, so ``VERDICT_TEXT[Verdict.STRONG_FIT]`` works), which
keeps this module free of the scoring modules that import it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from scoring.language import N_, Words, _, ngettext
from scoring.models import Figure, When

if TYPE_CHECKING:
    from scoring.compare import Comparison, Shift
    from scoring.evaluate import ClinicResult, Progress


class NumberWords(dict[int, str]):
    """``Words`` keyed by a number (a priority or a value, 0-3): ``LABELS[2]`` is read in the language in use."""

    def __getitem__(self, key: int) -> str:
        return _(super().__getitem__(key))

    def get(self, key: int, default: str | None = None) -> str | None:  # type: ignore[override]
        text = super().get(key)
        return default if text is None else _(text)

    def values(self) -> list[str]:  # type: ignore[override]
        return [self[key] for key in self]

    def items(self) -> list[tuple[int, str]]:  # type: ignore[override]
        return [(key, self[key]) for key in self]


class Pairs(tuple[tuple[str, str], ...]):
    """(id, text marked ``N_``) pairs in their order, read in the language in use: iterating translates each text."""

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((key, _(text)) for key, text in super().__iter__())


VERDICT_TEXT = Words(
    {
        "not_recommended": N_("Not recommended"),
        "verify_first": N_("Check before booking"),
        "check_at_visit": N_("OK to book a consultation"),
        "incomplete": N_("Not enough answers to judge fit"),
        "strong_fit": N_("Strong fit for your priorities"),
        "fair_fit": N_("Fair fit for your priorities"),
        "weak_fit": N_("Weak fit for your priorities"),
    }
)
VERDICT_ICON: dict[str, str] = {
    "not_recommended": "🛑",
    "verify_first": "🔍",
    "check_at_visit": "📋",
    "incomplete": "❔",
    "strong_fit": "🟢",
    "fair_fit": "🟡",
    "weak_fit": "🟠",
}
VERDICT_WORD = Words(  # a word as well as a colour, for print in black and white
    {
        "not_recommended": N_("STOP"),
        "verify_first": N_("CHECK FIRST"),
        "check_at_visit": N_("CHECK AT VISIT"),
        "incomplete": N_("INCOMPLETE"),
        "strong_fit": N_("STRONG"),
        "fair_fit": N_("FAIR"),
        "weak_fit": N_("WEAK"),
    }
)
REASONS_LABEL = Words(  # the heading over what holds a clinic back, by its verdict
    {
        "not_recommended": N_("Why not"),
        "verify_first": N_("Check before booking"),
        "check_at_visit": N_("Before any injection, check"),
    }
)
PRIORITY_LABELS = NumberWords({0: N_("Ignore"), 1: N_("A little"), 2: N_("Important"), 3: N_("Very important")})
WHEN_LABELS = Words(
    {
        "booking": N_("before booking"),
        "consultation": N_("at the consultation"),
        "treatment": N_("on the day, before the injection"),
    }
)
WHEN_WORD = Words(  # a question's ``when`` in one word, as the command line's text shows it: "(booking)"
    {"booking": N_("booking"), "consultation": N_("consultation"), "treatment": N_("treatment")}
)
WHY_LABELS = Words(
    {
        "not_sure": N_("you were not sure"),
        "unanswered": N_("not answered yet"),
        "caution": N_("the answer needs a closer look"),
    }
)
FLAG_ICON = {"critical": "🛑", "caution": "⚠️"}
FLAG_NAME = Words({"critical": N_("red flag: do not go ahead"), "caution": N_("caution")})
FLAG_WORD = Words({"critical": N_("critical"), "caution": N_("caution")})  # a flag in one word: "[critical]"
WEIGHED = N_(  # shown with _(WEIGHED)
    "Every question about this clinic has an answer with no caution. That is about the clinic only: whether the "
    "treatment is right for you is weighed with the options (“Is it right for me now?”), and you can still choose "
    "not to have it, or to wait."
)
NO_SCORE = "–"
MATRIX_NOTE = N_(  # shown with _(MATRIX_NOTE)
    "Each score is out of 100. In brackets: how many of the topic's answers it counts, of how many it could."
)
ASK_HEADINGS = Words(
    {
        "booking": N_("Before booking (from home: website, phone, register)"),
        "consultation": N_("At the consultation"),
        "treatment": N_("On the day, before the injection"),
    }
)


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
    return _("{rank} (tie)").format(rank=rank) if tied else str(rank)


CERTAINTY_WORDS = Words(
    {
        "high": N_("high: further research is very unlikely to change it"),
        "moderate": N_("moderate: further research may change it"),
        "low": N_("low: further research is likely to change it"),
        "very-low": N_("very low: it is very uncertain"),
    }
)
CERTAINTY_SHORT = Words({"high": N_("high"), "moderate": N_("moderate"), "low": N_("low"), "very-low": N_("very low")})

GRID_ROWS = Pairs(  # an options grid's rows: the OptionColumn field, and the question it answers
    (
        ("works", N_("How well does it work?")),
        ("soon", N_("How soon does it help?")),
        ("lasts", N_("How long does it last?")),
        ("common_harms", N_("Common side effects")),
        ("rare_harms", N_("Rare or serious harms")),
        ("how_often", N_("How often?")),
        ("cost", N_("Cost and access")),
        ("if_wait", N_("What if I wait?")),
    )
)
DECISION = N_(  # shown with _(DECISION).format(goal=...)
    "You are deciding whether to have Botox for {goal} now, and if you do, where. Not having it, or waiting, "
    "is a reasonable choice too."
)
SURE_QUESTIONS = Words(  # the SURE test (Ottawa decision guides), in its order (scoring.answers.SURE_KEYS)
    {
        "sure": N_("Do you feel sure about the best choice for you?"),
        "understand": N_("Do you know the benefits and risks of each option?"),
        "risks": N_("Are you clear about which benefits and risks matter most to you?"),
        "support": N_("Do you have enough support and advice to make a choice?"),
    }
)
VALUE_LABELS = NumberWords({0: N_("Not at all"), 1: N_("A little"), 2: N_("Quite a lot"), 3: N_("A lot")})


def people(n: float) -> int:
    """How many of 100 people a picture fills for ``n`` per 100: rounded half up; under 1 is none."""
    return 0 if n < 1 else int(n + 0.5)


def in_100(n: float) -> str:
    """``n`` per 100 as a patient reads it: "45 in 100", "fewer than 1 in 100"."""
    return _("fewer than 1 in 100") if 0 < n < 1 else _("{n} in 100").format(n=people(n))


def _number(n: float) -> str:
    return _("fewer than 1") if 0 < n < 1 else str(people(n))


def figure_sentence(figure: Figure, option: str = "") -> str:
    """The whole figure in one or two sentences: who, how many, when, against what, the range, how sure."""
    if figure.compared_n is not None and figure.compared_with is not None:
        text = _("{share} {what}, {time}, against {compared_share} {compared_with}.").format(
            share=in_100(figure.n),
            what=figure.what,
            time=figure.time,
            compared_share=in_100(figure.compared_n),
            compared_with=figure.compared_with,
        )
    else:
        text = _("{share} {what}, {time}.").format(share=in_100(figure.n), what=figure.what, time=figure.time)
    if option:
        text = f"{option}: {text}"
    if figure.low is not None and figure.high is not None:
        low, high = _number(figure.low), _number(figure.high)
        if figure.compared_n is not None:
            difference = _number(figure.n - figure.compared_n)
            text += " " + _("The difference, about {difference} in 100, could be from {low} to {high}.").format(
                difference=difference, low=low, high=high
            )
        else:
            text += " " + _("It could be from {low} to {high} in 100.").format(low=low, high=high)
    return f"{text} " + _("How sure: {certainty}.").format(certainty=CERTAINTY_SHORT[figure.certainty])


def progress_words(progress: Progress, when: When | None = None) -> str:
    """ "12 of 19 answered, 3 not sure": "Not sure" counts as an answer here (it is one); the fit leaves it out."""
    given, counted = (progress.given, progress.counted) if when is None else progress.by_when.get(when, (0, 0))
    if when is None and progress.not_sure:
        return _("{given} of {counted} answered, {not_sure} not sure").format(
            given=given, counted=counted, not_sure=progress.not_sure
        )
    return _("{given} of {counted} answered").format(given=given, counted=counted)


# --- what a link from an older checklist could not bring back (one sentence each, shown on opening it) -----------
# (marked N_: scoring.codec translates them with _() when it reads the link)
LOST_EVERY_ANSWER = N_(
    "This link was made with a checklist version this app does not know, so no answer could be restored. "
    "The goal, place and clinic names were kept."
)
LOST_PRIORITY = N_("Your priority for “{topic}” was not restored: that topic is no longer in the checklist.")
LOST_CLINIC_ANSWER = N_(
    "“{clinic}”: the answer “{option}” to “{question}” was not restored: "
    "that question or answer changed in the checklist since the link was made."
)
LOST_PATIENT_ANSWER = N_(
    "Your answer “{option}” to “{question}” about you was not restored: that question changed since the link was made."
)


# --- the sentences around clinic names (the comparison) -------------------------------------------------

NameShown = Callable[[str], str]  # how a rendering shows a clinic's name (the PDF replaces one it cannot draw)


def _names(names: Sequence[str], show: NameShown = str) -> str:
    quoted = [f"“{show(n)}”" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return _("{names} and {last}").format(names=", ".join(quoted[:-1]), last=quoted[-1])


def _not_ready(result: ClinicResult, show: NameShown) -> str:
    """Why this clinic cannot be named, as a clause with its name: "“Spa Two” has a red flag"."""
    name = _names([result.name], show)
    v = result.verdict
    if v == "not_recommended":
        return _("{name} has a red flag").format(name=name)
    if v == "verify_first":
        n = len(result.reasons)
        return ngettext(
            "{name} has {n} safety check to make before booking",
            "{name} has {n} safety checks to make before booking",
            n,
        ).format(name=name, n=n)
    if v == "incomplete":
        return _("{name} needs more answers to judge its fit").format(name=name)
    if result.score is not None:
        return _("{name} fits your priorities weakly (fit {score})").format(name=name, score=result.score)
    return _("{name} has no fit score yet").format(name=name)


def no_leader_sentence(comparison: Comparison, show: NameShown = str) -> str:
    """Nobody may be named: say so plainly, clinic by clinic, and what would change that."""
    results = [r.result for r in comparison.ranking]
    reasons = "; ".join(_not_ready(r, show) for r in results)
    if comparison.all_may_lead:  # all could be booked: they only fit weakly
        first = _("No clinic fits the priorities you set well yet: {reasons}.").format(reasons=reasons)
    else:
        first = _("No clinic is ready to book yet: {reasons}.").format(reasons=reasons)
    checks = [r.name for r in results if r.verdict == "verify_first"]
    more = [r.name for r in results if r.verdict == "incomplete"]
    if checks and more:
        then = _(
            "This would change once the checks before booking come back clear for {checks}, "
            "or you answer more questions for {more}."
        ).format(checks=_names(checks, show), more=_names(more, show))
    elif checks:
        then = _("This would change once the checks before booking come back clear for {checks}.").format(
            checks=_names(checks, show)
        )
    elif more:
        then = _("This would change once you answer more questions for {more}.").format(more=_names(more, show))
    else:
        then = _("This would change once a clinic has no red flag and a fit of 60 or more.")
    return f"{first} {then}"


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
            clauses.append(
                _("{name} could fit as little as {score}").format(name=_names([r.name], show), score=r.score_range[0])
            )
    for c in comparison.challengers:
        checks = c.verdict == "verify_first"
        if clauses:  # after a clause that says "could fit", the verb is left out: "and “B” as much as 90"
            text = (
                _("{name} as much as {score} once its checks before booking are clear")
                if checks
                else _("{name} as much as {score}")
            )
        else:
            text = (
                _("{name} could fit as much as {score} once its checks before booking are clear")
                if checks
                else _("{name} could fit as much as {score}")
            )
        clauses.append(text.format(name=_names([c.name], show), score=c.high))
    joined = ""
    for clause in clauses:
        joined = _("{clauses}, and {clause}").format(clauses=joined, clause=clause) if joined else clause
    return joined


def _shift_clause(shift: Shift, show: NameShown) -> str:
    """What setting one priority differently would do: "setting “Safety” to a little would put “B” ahead"."""
    priority = PRIORITY_LABELS[shift.after].lower()
    if shift.leaders:
        return _("setting “{topic}” to {priority} would put {names} ahead").format(
            topic=shift.category, priority=priority, names=_names(shift.leaders, show)
        )
    return _("setting “{topic}” to {priority} would leave no clinic with a fit of 60 or more").format(
        topic=shift.category, priority=priority
    )


def robustness_sentence(comparison: Comparison, show: NameShown = str) -> str:
    """Who fits the priorities most closely, and what could change that; or why nobody may be named."""
    lead = comparison.leaders
    if not comparison.ranking:
        return _("There are no clinics to compare yet.")
    if not lead:
        return no_leader_sentence(comparison, show)
    if len(comparison.ranking) == 1:
        return _("There is only one clinic, so there is nothing to compare yet.")
    if len(lead) > 1:
        first = _("{names} fit your priorities equally well.").format(names=_names(lead, show))
    else:
        first = _("{name} fits the priorities you set most closely.").format(name=_names(lead, show))
    shifts = ranges = ""
    if comparison.shifts:
        smallest = min(abs(s.after - s.before) for s in comparison.shifts)
        nearest = [s for s in comparison.shifts if abs(s.after - s.before) == smallest]
        shifts = "; ".join(_shift_clause(s, show) for s in nearest)
    if comparison.challengers:
        ranges = _("once the open answers are known, {ranges}").format(ranges=_range_clauses(comparison, show))
    if shifts and ranges:
        then = _("This could change: {shifts}; and {ranges}.").format(shifts=shifts, ranges=ranges)
    elif shifts or ranges:
        then = _("This could change: {reasons}.").format(reasons=shifts or ranges)
    else:
        then = _("Changing any one priority, or the answers still open, would not change this.")
    return f"{first} {then}"
