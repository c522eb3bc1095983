"""Every word the product puts around its data: verdicts, flags, scores, ranks, when and why to ask, and
figures as "N in 100". The app, the printout and the command line all read them here, so a verdict, a
flag or a score reads the same on every screen and page, and one file holds what a translation changes.

Pure data and small functions; nothing here decides anything. Dictionaries keyed by a verdict are keyed
by its string value (``Verdict`` is a ``StrEnum``, so ``VERDICT_TEXT[Verdict.STRONG_FIT]`` works), which
keeps this module free of the scoring modules that import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scoring.models import Certainty, Figure, When

if TYPE_CHECKING:
    from scoring.evaluate import Progress

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
