"""One summary model, built from what ``scoring`` returns; the HTML and the PDF only lay it out.

Order: title and facts (with who made it and when it is next reviewed); the emergency box; the
decision (whether, and where) with the patient's SURE answers; about you (the patient's answers and
the notes they bring up); the options side by side, with a picture of 100 people for each option's main
benefit and harm; what matters to the patient about the treatment; then, when there are clinics, the
comparison (who may be named, and how robust that is) and each clinic (the verdict with its reasons
and cautions, the fit with its range, the questions to ask, the notes its answers bring up) and the
patient's priorities; the safety notes for everyone; the sources of what is printed, for this goal and
place; what this is (funding, authors and review, update policy, how to report an error), with the
link to reopen it (also as a QR code). With no clinics it is the printout of "not now", or "not yet".
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

import segno

from scoring import Checklist
from scoring.answers import Session
from scoring.codec import encode, share_link, visit_link
from scoring.compare import Comparison, evaluate_session
from scoring.evaluate import DEFAULT_PRIORITY, ClinicResult, Verdict, applicable_notes, patient_notes
from scoring.language import _, current, long_date, month_year, ngettext, short_date
from scoring.models import (
    GOAL_LABELS,
    JURISDICTION_LABELS,
    AnswerApplies,
    Cell,
    Decision,
    Figure,
    Jurisdiction,
    SafetyNote,
    When,
)
from scoring.results import caution_words, explanation, fit_short, fit_words
from scoring.wording import (
    ASK_HEADINGS,
    CERTAINTY_SHORT,
    DECISION,
    GRID_ROWS,
    PRIORITY_LABELS,
    REASONS_LABEL,
    SURE_QUESTIONS,
    VALUE_LABELS,
    VERDICT_TEXT,
    VERDICT_WORD,
    WHY_LABELS,
    figure_sentence,
    people,
    rank_label,
    score_text,
)


@dataclass(frozen=True)
class Note:
    title: str
    text: str
    severity: str


@dataclass(frozen=True)
class Line:
    question: str
    answer: str
    points: str


@dataclass(frozen=True)
class Topic:
    title: str
    score: str
    answered: str
    lines: tuple[Line, ...]

    @property
    def heading(self) -> str:
        """The topic over its lines: "Licence: 89 (9 of 11 answered)"."""
        return _("{topic}: {score} ({answered} answered)").format(
            topic=self.title, score=self.score, answered=self.answered
        )


@dataclass(frozen=True)
class Ask:
    text: str
    why: str
    safety: bool
    when: When


@dataclass(frozen=True)
class ClinicPart:
    rank: str
    name: str
    verdict: str  # the stable key
    verdict_text: str
    verdict_word: str
    reasons_label: str  # the heading over its reasons: "Why not", "Check before booking", ...
    headline: str
    cautions: str  # "With 2 cautions: ..." (those the reasons do not already name), or ""
    score: str
    fit: str  # the fit with its range, in words
    fit_short: str  # the same for a table cell
    completeness: str
    reasons: tuple[str, ...]
    topics: tuple[Topic, ...]
    notes: tuple[Note, ...]  # what this clinic's answers brought up
    to_ask: tuple[Ask, ...]  # empty for a clinic not recommended: its reasons come first, and are enough
    asks_left_out: int  # how many questions to ask were left out (a clinic not recommended)
    # the link opened on "At the visit" for this clinic; "" when nothing is left for the visit, or not recommended
    visit_link: str
    visit_qr: tuple[bytes, ...]  # that link as a QR code, or () with no link

    @property
    def ask_groups(self) -> tuple[tuple[str, int, tuple[Ask, ...]], ...]:
        """The questions to ask by when they can be asked: (heading, number of the first, questions)."""
        groups, first = [], 1
        for when, heading in ASK_HEADINGS.items():
            asks = tuple(a for a in self.to_ask if a.when == when)
            if asks:
                groups.append((heading, first, asks))
                first += len(asks)
        return tuple(groups)

    @property
    def answered_line(self) -> str:
        """The fit with its range, and how many questions are answered: under the verdict."""
        return _("{fit} · Questions answered: {percent}").format(fit=self.fit, percent=self.completeness)

    @property
    def left_out(self) -> str:
        """For a clinic not recommended: how many questions to ask were left out, and why."""
        return ngettext(
            "{n} more question could be asked, but the reasons above are enough not to go ahead there.",
            "{n} more questions could be asked, but the reasons above are enough not to go ahead there.",
            self.asks_left_out,
        ).format(n=self.asks_left_out)


@dataclass(frozen=True)
class SourceRef:
    title: str
    publisher: str
    where: str  # link or citation
    is_link: bool
    checked: str
    caveat: str  # the citation, when there is a link as well: what it says about the source (company-reported ...)

    @property
    def checked_note(self) -> str:
        return _("(checked {date})").format(date=self.checked)


@dataclass(frozen=True)
class Picture:
    """100 people, ``filled`` of them dark, with a caption and what a screen reader says."""

    filled: int
    caption: str
    label: str


@dataclass(frozen=True)
class FigurePart:
    kind: str  # "Main benefit", "Main harm", "Without treatment"
    sentence: str  # the figure in words: the picture's text equivalent
    pictures: tuple[Picture, ...]  # with the option, and with its comparison


@dataclass(frozen=True)
class OptionPart:
    name: str
    what: str
    figures: tuple[FigurePart, ...]
    no_figure: tuple[str, ...]  # kinds no study gives as a number in 100


@dataclass(frozen=True)
class DecisionPart:
    statement: str
    condition: str
    course: str
    course_figure: FigurePart | None
    options: tuple[OptionPart, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # row question -> one cell per option, with how sure


@dataclass(frozen=True)
class Summary:
    title: str
    made: str
    goal: str
    jurisdiction: str
    checklist_version: str
    last_reviewed: str
    next_review: str
    emergency: Note
    decision: DecisionPart | None
    sure: tuple[tuple[str, str], ...]  # SURE question -> "Yes", "No" or "not answered"
    about_you: tuple[tuple[str, str], ...]  # question about the patient -> their answer (those answered)
    about_notes: tuple[Note, ...]  # what those answers bring up
    values: tuple[tuple[str, str], ...]  # what matters about the treatment -> how much (those answered)
    clinics: tuple[ClinicPart, ...]  # in ranking order; none for a "not now" printout
    topic_titles: tuple[str, ...]
    matrix: tuple[tuple[str, tuple[str, ...]], ...]  # clinic name -> topic scores, in topic_titles order
    priorities: tuple[tuple[str, str], ...]
    robustness: str
    comparison: Comparison  # the data behind the robustness sentence: the PDF words it again with the names it can draw
    notes: tuple[Note, ...]  # every note that applies to everyone with this goal and place, most severe first
    sources: tuple[SourceRef, ...]
    disclaimer: str
    conflicts: str
    funding: str
    authors: str
    review_process: str
    update_policy: str
    report_to: str  # "" when the checklist names no address
    link: str
    qr: tuple[bytes, ...]  # the link as a QR code: rows of modules (1 dark, 0 light), quiet zone included
    paper: str  # "Letter" where that is the paper people have (the US), else "A4"

    # The sentences with values in them that both renderings print, each one whole (a translation may reorder it).
    @property
    def made_line(self) -> str:
        """When it was made, for what and where, and the checklist's review (the Print view's caption)."""
        return _(
            "Made {made} · Goal: {goal} · Where: {place} · "
            "Checklist {version}, last reviewed {last_reviewed}, next review due {next_review}"
        ).format(
            made=self.made,
            goal=self.goal,
            place=self.jurisdiction,
            version=self.checklist_version,
            last_reviewed=self.last_reviewed,
            next_review=self.next_review,
        )

    @property
    def facts(self) -> str:
        """Under the title: the made line, and who wrote it."""
        return _("{made_line} · Written by {authors}; {funding}").format(
            made_line=self.made_line, authors=self.authors, funding=self.funding
        )

    @property
    def evidence_heading(self) -> str:
        return _("Safety notes and what the evidence says, for {goal}").format(goal=self.goal.lower())

    @property
    def written_by(self) -> str:
        return _("Written by {authors}.").format(authors=self.authors)

    @property
    def review_dates(self) -> str:
        return _("Checklist {version}, last reviewed {last_reviewed}; next review due {next_review}.").format(
            version=self.checklist_version, last_reviewed=self.last_reviewed, next_review=self.next_review
        )

    @property
    def report_error(self) -> str:
        """Where to report an error; "" when the checklist names no address."""
        return _("To report an error: {address}.").format(address=self.report_to) if self.report_to else ""


PAPER: dict[Jurisdiction, str] = {"us": "Letter"}


def _figure(kind: str, figure: Figure, option: str = "") -> FigurePart:
    pictures = [
        Picture(
            people(figure.n),
            option or _("100 people in the study"),
            _("{n} of 100 people: {what}").format(n=people(figure.n), what=figure.what),
        )
    ]
    if figure.compared_n is not None and figure.compared_with is not None:
        pictures.append(
            Picture(
                people(figure.compared_n),
                figure.compared_with,
                _("{n} of 100 people, {compared_with}").format(
                    n=people(figure.compared_n), compared_with=figure.compared_with
                ),
            )
        )
    return FigurePart(kind, figure_sentence(figure, option), tuple(pictures))


def decision_part(decision: Decision, goal: str, place: Jurisdiction) -> DecisionPart:
    def cell(box: Cell) -> str:
        text = box.for_jurisdiction(place)
        if not box.certainty:
            return text
        return _("{text} (how sure: {certainty})").format(text=text, certainty=CERTAINTY_SHORT[box.certainty])

    options = []
    for option in decision.options:
        kinds = ((_("Main benefit"), option.benefit), (_("Main harm"), option.harm))
        figures = tuple(_figure(kind, f, option.name) for kind, f in kinds if f)
        missing = tuple(kind for kind, f in kinds if f is None)
        options.append(OptionPart(option.name, option.what, figures, missing))
    return DecisionPart(
        statement=_(DECISION).format(goal=goal.lower()),
        condition=decision.condition,
        course=decision.course,
        course_figure=_figure(_("Without treatment"), decision.course_figure) if decision.course_figure else None,
        options=tuple(options),
        rows=tuple((title, tuple(cell(getattr(o, row)) for o in decision.options)) for row, title in GRID_ROWS),
    )


def _note(note: SafetyNote) -> Note:
    return Note(note.title, note.text, note.severity)


def _clinic(rank: str, result: ClinicResult, visit: str) -> ClinicPart:
    """``visit``: the link that opens this clinic on "At the visit". It is printed for a clinic with something
    left to check at the consultation or on the day, and not for a clinic not recommended."""
    stop = result.verdict is Verdict.NOT_RECOMMENDED
    visit = visit if not stop and any(a.when != "booking" for a in result.to_ask) else ""
    return ClinicPart(
        rank=rank,
        name=result.name,
        verdict=result.verdict.value,
        verdict_text=VERDICT_TEXT[result.verdict],
        verdict_word=VERDICT_WORD[result.verdict],
        reasons_label=REASONS_LABEL.get(result.verdict) or "",
        headline=result.headline,
        cautions=caution_words(result),
        score=score_text(result.score),
        fit=fit_words(result),
        fit_short=fit_short(result),
        completeness=f"{result.completeness}%",
        reasons=tuple(str(r) for r in result.reasons),
        topics=tuple(
            Topic(
                c.title,
                score_text(c.score),
                _("{answered} of {counted}").format(answered=c.answered, counted=c.counted),
                tuple(Line(x.question, x.answer, explanation(x)) for x in c.lines),
            )
            for c in result.categories
        ),
        # Only what this clinic's answers set off: the notes for everyone are printed once.
        notes=tuple(_note(n) for n in result.notes if isinstance(n.applies, AnswerApplies)),
        to_ask=() if stop else tuple(Ask(a.ask, WHY_LABELS[a.why], a.safety_critical, a.when) for a in result.to_ask),
        asks_left_out=len(result.to_ask) if stop else 0,
        visit_link=visit,
        visit_qr=qr_matrix(visit, fast=True) if visit else (),
    )


def _topic_cell(result: ClinicResult, category: str) -> str:
    """A topic's score with how many of its answers it counts: "89 (9/11)"; "–" when it counts none."""
    topic = next((c for c in result.categories if c.id == category), None)
    if topic is None or topic.score is None:
        return score_text(None)
    return f"{score_text(topic.score)} ({topic.answered}/{topic.counted})"


@lru_cache(maxsize=64)
def qr_matrix(link: str, fast: bool = False) -> tuple[bytes, ...]:
    """The link as a QR code (error correction M), with its 4-module quiet zone.

    Pure, and slow for long links (segno tries all 8 masks: 10-80 ms), so kept per link: the print
    view makes it once and the downloads of the same answers reuse it. ``fast``: one fixed mask (a
    fifth of the time; every mask is valid and scans), for the per-clinic codes of a printout.
    """
    code = segno.make(link, error="m", mask=FAST_MASK if fast else None)
    side = len(code.matrix) + 2 * QUIET
    blank, edge = bytes(side), bytes(QUIET)  # segno's matrix_iter does the same, module by module (5x slower)
    return (blank,) * QUIET + tuple(edge + bytes(row) + edge for row in code.matrix) + (blank,) * QUIET


FAST_MASK = 0
QUIET = 4  # modules of white around a QR code, as the standard asks


_DARK = re.compile(rb"\x01+")


def dark_runs(rows: tuple[bytes, ...]) -> list[tuple[int, int, int]]:
    """The QR code's dark modules as horizontal runs (x, y, length): what both renderings draw."""
    return [(run.start(), y, run.end() - run.start()) for y, row in enumerate(rows) for run in _DARK.finditer(row)]


def decision_sources(decision: Decision) -> list[str]:
    """Every source an options grid rests on, in the order it first cites them."""
    ids: dict[str, None] = dict.fromkeys(decision.sources)
    for option in decision.options:
        for row, _title in GRID_ROWS:
            ids.update(dict.fromkeys(getattr(option, row).sources))
        for figure in (option.benefit, option.harm):
            ids.update(dict.fromkeys(figure.sources if figure else ()))
    if decision.course_figure is not None:
        ids.update(dict.fromkeys(decision.course_figure.sources))
    return list(ids)


def build_summary(
    checklist: Checklist, state: Session, base_url: str, made: datetime.date | None = None, encoded: str = ""
) -> Summary:
    """The printable summary of a session. ``encoded``: its link, when the caller has made it already."""
    evaluation = evaluate_session(checklist, state)
    results, comparison = evaluation.results, evaluation.comparison
    meta = checklist.metadata
    goal, place = state.goal, state.jurisdiction
    emergency = next(n for n in checklist.safety_notes if n.severity == "emergency")  # also first among the notes
    categories = checklist.categories_for(goal, place)
    link = share_link(base_url, encoded or encode(state, checklist), current())
    number = {c.name: i for i, c in enumerate(state.clinics, 1)}  # names are unique within an answers file
    clinics = tuple(
        _clinic(rank_label(r.rank, r.tied), r.result, visit_link(link, number[r.result.name]))
        for r in comparison.ranking
    )
    matrix = tuple(
        (r.result.name, tuple(_topic_cell(r.result, cat.id) for cat in categories)) for r in comparison.ranking
    )
    shared = applicable_notes(checklist, goal, place, {}, set())  # always, and for this goal and place
    about = patient_notes(checklist, goal, place, state.patient)
    decision = checklist.decision(goal)
    cited: dict[str, None] = {}
    for note in (*shared, *about):
        cited.update(dict.fromkeys(note.sources))
    if decision is not None:
        cited.update(dict.fromkeys(decision_sources(decision)))
    for question in checklist.applicable_questions(goal, place):
        cited.update(dict.fromkeys(question.sources))
    for result in results:
        for note in result.notes:
            cited.update(dict.fromkeys(note.sources))
    sources = tuple(
        SourceRef(
            s.title,
            s.publisher,
            s.url or s.citation or "",
            s.url is not None,
            short_date(s.checked),
            (s.citation or "") if s.url else "",
        )
        for s in checklist.sources_for(cited)
    )
    asked = checklist.patient_questions_for(goal, place)
    answers = {q.id: (q, q.option(state.patient[q.id])) for q in asked if q.id in state.patient}
    return Summary(
        title=_("Injector Check: your decision summary"),
        made=long_date(made or datetime.date.today()),
        goal=GOAL_LABELS[goal],
        jurisdiction=JURISDICTION_LABELS[place],
        checklist_version=meta.version,
        last_reviewed=long_date(meta.last_reviewed),
        next_review=month_year(meta.next_review),
        emergency=_note(emergency),
        decision=decision_part(decision, GOAL_LABELS[goal], place) if decision else None,
        sure=tuple(
            (text, {"yes": _("Yes"), "no": _("No")}.get(state.sure.get(key, ""), _("not answered")))
            for key, text in SURE_QUESTIONS.items()
        ),
        about_you=tuple((q.text, o.label) for q, o in answers.values() if o is not None),
        about_notes=tuple(_note(n) for n in about),
        values=tuple(
            (v.text, VALUE_LABELS[state.values[v.id]]) for v in checklist.values_for(goal) if v.id in state.values
        ),
        clinics=clinics,
        topic_titles=tuple(c.title for c in categories),
        matrix=matrix,
        priorities=tuple((c.title, PRIORITY_LABELS[state.priorities.get(c.id, DEFAULT_PRIORITY)]) for c in categories),
        robustness=comparison.robustness,
        comparison=comparison,
        notes=tuple(_note(n) for n in shared),
        sources=sources,
        disclaimer=meta.disclaimer,
        conflicts=meta.conflicts,
        funding=meta.funding,
        authors=", ".join(meta.authors),
        review_process=meta.review_process,
        update_policy=meta.update_policy,
        report_to=(meta.report_to or "").removeprefix("mailto:"),
        link=link,
        qr=qr_matrix(link),
        paper=PAPER.get(place, "A4"),
    )
