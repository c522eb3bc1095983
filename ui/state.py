"""The patient's answers while the app runs, and how they travel in the address bar.

The source of truth is one ``AppState`` per browser session, mirrored after every change into
the ``s`` URL parameter through the scoring codec. So a refresh, a restarted server, a reopened
tab or the link on another device restores everything; nothing is stored on the server.

Rules:
- A session's first run reads ``s`` (or the plain ``goal``/``jurisdiction`` of a link with no
  clinics yet). What cannot be restored is listed; what can is kept; the page says what it opened.
- A new screen or clinic is a new entry in the browser's history; a new answer rewrites the
  entry it is on (``ui.browser`` turns Streamlit's push into a replace when only ``s`` changed).
- A link that changes under a running session can only come from Back or Forward (a link typed
  or pasted into the tab loads the page again: a new session, which opens it). So it moves to
  the screen in that entry and never changes an answer: the address gets the answers on screen.
- An answers file replaces the answers only after the patient says so; the page then says what
  it loaded and offers to undo it. A link that does not read cleanly changes nothing: the
  answers on screen stay, and the page says why.
- Replacing the answers (a link, an answers file, the examples) starts a new widget
  generation, so no widget shows a value from before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

import streamlit as st
from pydantic import ValidationError

from scoring import Checklist, InputError
from scoring.answers import MAX_CLINICS, MAX_NAME, AnswersFile, Clinic, answers_yaml, name_key, parse_answers
from scoring.codec import CLINIC_PARAM, LINK_PARAM, STEP_PARAM, decode, encode
from scoring.errors import first_message
from scoring.evaluate import Progress, progress
from scoring.language import _, ngettext
from scoring.language import current as spoken_language
from scoring.models import GOAL_LABELS, GOALS, JURISDICTION_LABELS, JURISDICTIONS, Goal, Jurisdiction
from ui import language

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_KEY = "injector-check"


@dataclass
class ClinicEntry:
    uid: int
    name: str
    answers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Pending:
    """Answers from a file waiting for the patient to say "replace mine"."""

    state: AnswersFile
    lost: tuple[str, ...]
    what: str  # what it holds, in words
    difference: str = ""  # how it differs from the answers on screen, in words


@dataclass
class AppState:
    goal: Goal = "migraine"
    jurisdiction: Jurisdiction = "us"
    priorities: dict[str, int] = field(default_factory=dict)
    patient: dict[str, str] = field(default_factory=dict)  # answers about the patient, asked once
    values: dict[str, int] = field(default_factory=dict)  # what matters about the treatment itself, 0-3
    sure: dict[str, str] = field(default_factory=dict)  # the SURE test: yes / no
    clinics: list[ClinicEntry] = field(default_factory=list)
    active: int | None = None  # uid of the clinic being answered
    removed: list[tuple[int, ClinicEntry]] = field(default_factory=list)  # (position, clinic), for undo
    generation: int = 0  # part of every widget key; bumped when the answers are replaced
    next_uid: int = 1
    link: str = ""  # what the address bar holds now
    published: tuple[object, ...] = ()  # the answers ``link`` was made from
    notices: list[str] = field(default_factory=list)  # what a link or file could not restore
    problem: str = ""  # why the last link or file was refused
    url_step: str = ""  # the screen the address bar shows (what was last published)
    url_clinic: str = ""  # the clinic the address bar shows
    pending: Pending | None = None  # answers that would replace these, waiting for a yes
    undo: AnswersFile | None = None  # the answers before the last replacement
    loaded: str = ""  # what the last replacement loaded, in words
    seen_upload: str = ""  # the last answers file read from the uploader (its hash), so a rerun does not read it again
    broken_link: bool = (
        False  # this session opened on a link it could not read (the tab's earlier answers may be recoverable)
    )
    just_added: bool = False  # the last tap on "Add clinic" added one (a quick second tap is not an empty name)
    scroll: int = 0  # bumped by a Next button: the next screen starts at its top
    visit_pin: tuple[int, tuple[str, ...]] | None = None  # At the visit: (clinic, what was left when it opened)
    scrolled: int = 0
    tallies: dict[int, tuple[object, Progress]] = field(default_factory=dict, repr=False)  # progress per clinic
    # (what it was made from, the print view's Summary)
    printed: tuple[object, Any] | None = field(default=None, repr=False)

    # -- reading ------------------------------------------------------------------------
    def clinic(self, uid: int | None) -> ClinicEntry | None:
        return next((c for c in self.clinics if c.uid == uid), None)

    def active_clinic(self) -> ClinicEntry | None:
        return self.clinic(self.active) or (self.clinics[0] if self.clinics else None)

    def as_answers_file(self) -> AnswersFile:
        return AnswersFile.model_validate(
            {
                "goal": self.goal,
                "jurisdiction": self.jurisdiction,
                "priorities": dict(self.priorities),
                "patient": dict(self.patient),
                "values": dict(self.values),
                "sure": dict(self.sure),
                "clinics": tuple({"name": c.name, "answers": dict(c.answers)} for c in self.clinics),
            }
        )

    def snapshot(self) -> tuple[object, ...]:
        """Everything the link holds, cheap to compare: the link is re-made only when this changes."""
        clinics = tuple((c.name, tuple(c.answers.items())) for c in self.clinics)
        about = (
            tuple(sorted(self.patient.items())),
            tuple(sorted(self.values.items())),
            tuple(sorted(self.sure.items())),
        )
        return (self.goal, self.jurisdiction, tuple(sorted(self.priorities.items())), clinics, about)

    def holds_anything(self) -> bool:
        """Anything a link must carry beyond the goal and the place."""
        return bool(self.clinics or self.patient or self.values or self.sure or self.priorities)

    def progress(self, checklist: Checklist, clinic: ClinicEntry) -> Progress:
        """The clinic's progress, worked out again only when its answers, the goal or the place change."""
        key = (self.goal, self.jurisdiction, tuple(clinic.answers.items()))
        cached = self.tallies.get(clinic.uid)
        if cached is None or cached[0] != key:
            cached = (key, progress(checklist, self.goal, self.jurisdiction, clinic.answers))
            self.tallies[clinic.uid] = cached
        return cached[1]

    def key(self, *parts: object) -> str:
        """A widget's key: new with each generation of answers, and with each language (a widget keeps the words
        it was drawn with, so after a switch each is drawn anew from the answers, which are ids)."""
        spoken = spoken_language()
        return "-".join(str(p) for p in ("w", self.generation, *(() if spoken == "en" else (spoken,)), *parts))

    def clinic_number(self, uid: int | None) -> str:
        """The clinic's place in the list, 1-based, as the address bar shows it ("" for none)."""
        return next((str(i) for i, c in enumerate(self.clinics, 1) if c.uid == uid), "")

    def clinic_at(self, number: str) -> ClinicEntry | None:
        return self.clinics[int(number) - 1] if number.isdigit() and 1 <= int(number) <= len(self.clinics) else None

    # -- changing -----------------------------------------------------------------------
    def replace(self, state: AnswersFile, notices: tuple[str, ...] = ()) -> None:
        self.goal, self.jurisdiction = state.goal, state.jurisdiction
        self.priorities = dict(state.priorities)
        self.patient, self.values, self.sure = dict(state.patient), dict(state.values), dict(state.sure)
        self.clinics = []
        self.removed = []
        for clinic in state.clinics:
            self._add(clinic.name, dict(clinic.answers))
        self.active = self.clinics[0].uid if self.clinics else None
        self.generation += 1
        self.notices = list(notices)
        self.problem = ""

    def replace_asked(self) -> None:
        """The patient said yes: the pending answers replace these, which are kept for undo."""
        if self.pending is None:
            return
        pending, self.undo = self.pending, self.as_answers_file()
        self.pending = None
        self.replace(pending.state, pending.lost)
        self.loaded = pending.what
        self.scroll += 1  # what it loaded is read from the top

    def undo_replace(self) -> None:
        if self.undo is not None:
            before, self.undo = self.undo, None
            self.replace(before)
            self.loaded = ""

    def _add(self, name: str, answers: dict[str, str] | None = None) -> ClinicEntry:
        entry = ClinicEntry(self.next_uid, name, answers or {})
        self.next_uid += 1
        self.clinics.append(entry)
        return entry

    def name_problem(self, name: str, uid: int | None = None) -> str:
        """Why ``name`` cannot be used for a clinic, or ''."""
        try:
            Clinic(name=name)
        except ValidationError as exc:
            return first_message(exc)
        key = name_key(name)
        if any(name_key(c.name) == key for c in self.clinics if c.uid != uid):
            return _("You already have a clinic with this name - give each clinic a different name.")
        return ""

    def add_clinic(self, name: str) -> str:
        if len(self.clinics) >= MAX_CLINICS:
            return _("You can compare up to {most} clinics. Remove one to add another.").format(most=MAX_CLINICS)
        problem = self.name_problem(name)
        if not problem:
            added = self._add(name)
            self.active = self.active if self.clinic(self.active) else added.uid  # Questions opens on the first clinic
        return problem

    def rename_clinic(self, uid: int, name: str) -> str:
        clinic = self.clinic(uid)
        problem = self.name_problem(name, uid)
        if clinic is not None and not problem:
            clinic.name = name
        return problem

    def remove_clinic(self, uid: int) -> None:
        clinic = self.clinic(uid)
        if clinic is None:
            return
        self.removed.append((self.clinics.index(clinic), clinic))
        self.clinics.remove(clinic)
        if self.active == uid:
            self.active = self.clinics[0].uid if self.clinics else None

    def undo_remove(self) -> None:
        if not self.removed or len(self.clinics) >= MAX_CLINICS:
            return
        position, clinic = self.removed.pop()
        if self.name_problem(clinic.name, clinic.uid):  # a clinic of that name was added since
            clinic.name = next(n for n in _restored_names(clinic.name) if not self.name_problem(n, clinic.uid))
        self.clinics.insert(min(position, len(self.clinics)), clinic)

    def set_answer(self, uid: int, question_id: str, option_id: str | None) -> None:
        clinic = self.clinic(uid)
        if clinic is None:
            return
        if option_id is None:
            clinic.answers.pop(question_id, None)
        else:
            clinic.answers[question_id] = option_id


def _restored_names(name: str) -> Iterator[str]:
    """ "Name (restored)", "Name (restored 2)", ...: each within the name limit (the name is cut, not the mark)."""
    for n in count(1):
        restored = _("{name} (restored)") if n == 1 else _("{name} (restored {n})")
        room = MAX_NAME - len(restored.format(name="", n=n))  # what the mark leaves for the name
        yield restored.format(name=name[:room].rstrip(), n=n)


# -- the session and the address bar -------------------------------------------------------


def first_run() -> bool:
    """True until this browser session has its state (its first run, or one stopped before that)."""
    return _KEY not in st.session_state


RECOVERED_PARAM = (
    "recovered"  # added by the tab's memory when it brought back the answers a broken link would have lost
)


def describe(state: AnswersFile) -> str:
    """What a link or a file holds, in words, for the patient to recognise it."""
    names = ", ".join(f"“{c.name}”" for c in state.clinics[:4]) + (" ..." if len(state.clinics) > 4 else "")
    n = len(state.clinics)
    clinics = (
        ngettext("{n} clinic ({names})", "{n} clinics ({names})", n)
        if names
        else ngettext("{n} clinic", "{n} clinics", n)
    ).format(n=n, names=names)
    return f"{GOAL_LABELS[state.goal].lower()}, {JURISDICTION_LABELS[state.jurisdiction]}, {clinics}"


def difference(app: AppState, state: AnswersFile) -> str:
    """How answers from a file differ from those on screen: clinics only in one of them, and answers that differ
    for the clinics both have (matched by name)."""
    mine = {name_key(c.name): c.answers for c in app.clinics}
    theirs = {name_key(c.name): dict(c.answers) for c in state.clinics}
    both = mine.keys() & theirs.keys()
    changed = sum(mine[k].get(q) != theirs[k].get(q) for k in both for q in mine[k].keys() | theirs[k].keys())
    parts = []  # each one whole; a list of them follows "Compared with yours:"
    if new := len(theirs.keys() - mine.keys()):
        parts.append(ngettext("{n} clinic you do not have", "{n} clinics you do not have", new).format(n=new))
    if gone := len(mine.keys() - theirs.keys()):
        parts.append(
            ngettext("{n} of your clinics is not in it", "{n} of your clinics are not in it", gone).format(n=gone)
        )
    if changed:
        parts.append(
            ngettext(
                "{n} answer differs for the clinics you both have",
                "{n} answers differ for the clinics you both have",
                changed,
            ).format(n=changed)
        )
    if (state.goal, state.jurisdiction) != (app.goal, app.jurisdiction):
        parts.append(_("its goal or place is not the one you chose"))
    if not parts:
        return _("It holds the same clinics and answers as yours")
    return _("Compared with yours: {differences}").format(differences="; ".join(parts))


def current(checklist: Checklist) -> AppState:
    """This session's state, restored from the link on its first run, and kept when the link changes under it."""
    app: AppState | None = st.session_state.get(_KEY)
    link = st.query_params.get(LINK_PARAM, "")
    new = app is None
    if app is None:
        app = AppState()
        st.session_state[_KEY] = app
        if not link:
            goal, place = st.query_params.get("goal"), st.query_params.get("jurisdiction")
            app.goal = goal if goal in GOALS else app.goal
            app.jurisdiction = place if place in JURISDICTIONS else app.jurisdiction
    if link and link != app.link:
        try:
            restored = decode(link, checklist)
        except InputError as exc:
            message = exc.problems[0].message
            message = f"{message[0].upper()}{message[1:]}"
            app.problem = (
                _("{problem} Your answers on screen are kept.").format(problem=message)
                if app.holds_anything()
                else message
            )
            app.broken_link = new
            app.link = ""  # the address bar gets the answers on screen back
        else:
            if new:
                app.replace(restored.state, restored.lost)
                app.link, app.published = link, app.snapshot()
                if st.query_params.get(RECOVERED_PARAM):
                    app.problem = _(
                        "The link you opened could not be read, so this tab brought back the answers you had "
                        "before it. Nothing was changed."
                    )
            else:  # Back or Forward: a step between screens, never a change of answers
                app.link = ""
    return app


CLINIC_STEPS = ("Questions", "Details", "At the visit")


def current_link(app: AppState, checklist: Checklist) -> str:
    """The link of the answers on screen, made again only when they changed (what the address bar will show)."""
    if not app.holds_anything():
        app.link = ""
        return ""
    snapshot = app.snapshot()
    if snapshot != app.published or not app.link:
        app.link, app.published = encode(app, checklist), snapshot  # no re-validation on every answer
    return app.link


def publish(app: AppState, checklist: Checklist) -> None:
    """Put the answers (and the screen and clinic the patient is on) into the address bar, if they changed."""
    link = current_link(app, checklist)
    wanted: dict[str, str] = {LINK_PARAM: link} if link else {"goal": app.goal, "jurisdiction": app.jurisdiction}
    step = st.session_state.get(STEP_PARAM) or "Start"
    if step != "Start":
        wanted[STEP_PARAM] = step
    number = app.clinic_number(app.active) if step in CLINIC_STEPS else ""
    if number:
        wanted[CLINIC_PARAM] = number
    app.url_step, app.url_clinic = step, number
    wanted.update(language.in_address())
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def follow_address(app: AppState, steps: Sequence[str]) -> None:
    """Move to the screen and clinic the address bar shows when it changed under the app (a reload, a link,
    Back or Forward), before the step selector is drawn; a change made on screen wins over the old address."""
    wanted = st.query_params.get(STEP_PARAM, "Start")
    wanted = wanted if wanted in steps else "Start"
    if STEP_PARAM not in st.session_state or wanted != app.url_step:
        st.session_state[STEP_PARAM] = wanted
        app.url_step = wanted
        number = st.query_params.get(CLINIC_PARAM, "")
        clinic = app.clinic_at(number)
        if clinic is not None:
            app.active, app.url_clinic = clinic.uid, number


def move(app: AppState, step: str | None = None, uid: int | None = None) -> None:
    """What a Next or Details button does: to another screen, another clinic, or both; the new content starts at its
    top. A clinic screen opened with no clinic in view opens on the first."""
    if step is not None:
        st.session_state[STEP_PARAM] = step
    if uid is not None:
        app.active = uid
    elif step in CLINIC_STEPS and app.clinics and app.clinic(app.active) is None:
        app.active = app.clinics[0].uid
    app.scroll += 1


def load_file(app: AppState, checklist: Checklist, raw: bytes, name: str) -> str:
    """Read an answers file: it waits for the patient's yes before it replaces anything (at once when there is
    nothing to replace); or the answers stay and the reason the file was refused comes back."""
    try:
        state = parse_answers(raw, name, checklist)
    except InputError as exc:
        shown = "; ".join(_("line {line}: {problem}").format(line=p.line, problem=p.message) for p in exc.problems[:5])
        more = " " + _("(and {n} more)").format(n=len(exc.problems) - 5) if len(exc.problems) > 5 else ""
        return _("This file was not loaded, and your answers are unchanged. {problems}").format(problems=shown + more)
    app.pending = Pending(state, (), describe(state), difference(app, state))
    if not app.holds_anything():
        app.replace_asked()
    return ""


def load_example(app: AppState, checklist: Checklist) -> None:
    path = EXAMPLES / f"{app.goal}.yaml"
    state = parse_answers(path.read_bytes(), path.name, checklist)
    place = app.jurisdiction
    app.replace(state.model_copy(update={"jurisdiction": place}))


def answers_file_text(app: AppState) -> str:
    return answers_yaml(app.as_answers_file(), header=True)
