"""Words for numbers: a figure as "N in 100", a certainty as a word, an icon array as a count.

Pure functions over the checklist's data, shared by the app, the printout and the command line, so a
figure reads the same everywhere. Nothing here decides anything.
"""

from __future__ import annotations

from scoring.evaluate import Progress
from scoring.models import Certainty, Figure, When

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
DECISION = ("You are deciding whether to have Botox for {goal} now, and if you do, where. Not having it, or waiting, "
            "is a reasonable choice too.")
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
            text += f" The difference, about {_number(difference)} in 100, could be from {_number(figure.low)} to {_number(figure.high)}."
        else:
            text += f" It could be from {_number(figure.low)} to {_number(figure.high)} in 100."
    return f"{text} How sure: {CERTAINTY_SHORT[figure.certainty]}."


def progress_words(progress: Progress, when: When | None = None) -> str:
    """"12 of 19 answered, 3 not sure": "Not sure" counts as an answer here (it is one); the fit leaves it out."""
    given, counted = (progress.given, progress.counted) if when is None else progress.by_when.get(when, (0, 0))
    text = f"{given} of {counted} answered"
    return text + (f", {progress.not_sure} not sure" if when is None and progress.not_sure else "")
