"""The patient's answers while the app runs, and how they travel in the address bar.

The source of truth is one ``AppState`` per browser session, mirrored after every change into
the ``s`` URL parameter through the scoring codec. So a refresh, a restarted server, a reopened
tab or the link on another device restores everything; nothing is stored on the server.

Rules:
- A session's first run reads ``s`` (or the plain ``goal``/``jurisdiction`` of a link with no
  clinics yet). What cannot be restored is listed; what can is kept.
- A link that changes mid-session replaces the answers only if it reads cleanly; otherwise the
  answers on screen stay, the link is put back, and the page says why.
- Replacing the answers (a link, an answers file, the examples) starts a new widget
  generation, so no widget shows a value from before.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st
from pydantic import ValidationError

from scoring import Checklist, InputError
from scoring.answers import MAX_CLINICS, AnswersFile, Clinic, answers_as_data, parse_answers
from scoring.codec import LINK_PARAM, decode, encode
from scoring.evaluate import Progress, progress
from scoring.models import GOALS, JURISDICTIONS, Goal, Jurisdiction

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_KEY = "injector-check"


@dataclass
class ClinicEntry:
    uid: int
    name: str
    answers: dict[str, str] = field(default_factory=dict)


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
    tallies: dict[int, tuple[object, Progress]] = field(default_factory=dict, repr=False)  # progress per clinic, by answers
    printed: tuple[object, Any] | None = field(default=None, repr=False)  # (what it was made from, the print view's Summary)

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
        about = (tuple(sorted(self.patient.items())), tuple(sorted(self.values.items())), tuple(sorted(self.sure.items())))
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
        return "-".join(str(p) for p in ("w", self.generation, *parts))

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
            return str(exc.errors(include_url=False)[0].get("ctx", {}).get("error", "That name cannot be used."))
        key = _name_key(name)
        if any(_name_key(c.name) == key for c in self.clinics if c.uid != uid):
            return "You already have a clinic with this name - give each clinic a different name."
        return ""

    def add_clinic(self, name: str) -> str:
        if len(self.clinics) >= MAX_CLINICS:
            return f"You can compare up to {MAX_CLINICS} clinics. Remove one to add another."
        problem = self.name_problem(name)
        if not problem:
            self.active = self._add(name).uid
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
            clinic.name = f"{clinic.name} (restored)"[:80]
        self.clinics.insert(min(position, len(self.clinics)), clinic)

    def set_answer(self, uid: int, question_id: str, option_id: str | None) -> None:
        clinic = self.clinic(uid)
        if clinic is None:
            return
        if option_id is None:
            clinic.answers.pop(question_id, None)
        else:
            clinic.answers[question_id] = option_id


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


# -- the session and the address bar -------------------------------------------------------


def first_run() -> bool:
    """True until this browser session has its state (its first run, or one stopped before that)."""
    return _KEY not in st.session_state


def current(checklist: Checklist) -> AppState:
    """This session's state, restored from the link on its first run or when the link changes."""
    app: AppState | None = st.session_state.get(_KEY)
    link = st.query_params.get(LINK_PARAM, "")
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
            app.problem = (
                f"{exc.problems[0].message[0].upper()}{exc.problems[0].message[1:]}"
                + (" Your answers on screen are kept." if app.holds_anything() else "")
            )
            app.link = ""  # the address bar gets the answers on screen back
        else:
            app.replace(restored.state, restored.lost)
            app.link, app.published = link, app.snapshot()
    return app


STEP_PARAM = "step"  # the screen the patient is on, so a reload comes back to it


def publish(app: AppState, checklist: Checklist) -> None:
    """Put the answers (and the screen the patient is on) into the address bar, if they changed."""
    if app.holds_anything():
        snapshot = app.snapshot()
        if snapshot != app.published or not app.link:
            app.link, app.published = encode(app, checklist), snapshot  # no re-validation on every answer
        wanted = {LINK_PARAM: app.link}
    else:
        wanted = {"goal": app.goal, "jurisdiction": app.jurisdiction}
        app.link = ""
    step = st.session_state.get(STEP_PARAM)
    if step and step != "Start":
        wanted[STEP_PARAM] = step
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def load_file(app: AppState, checklist: Checklist, raw: bytes, name: str) -> str:
    """Replace the answers with an answers file; or keep them and return why the file was refused."""
    try:
        state = parse_answers(raw, name, checklist)
    except InputError as exc:
        shown = "; ".join(f"line {p.line}: {p.message}" for p in exc.problems[:5])
        more = f" (and {len(exc.problems) - 5} more)" if len(exc.problems) > 5 else ""
        return f"This file was not loaded, and your answers are unchanged. {shown}{more}"
    app.replace(state)
    return ""


def load_example(app: AppState, checklist: Checklist) -> None:
    path = EXAMPLES / f"{app.goal}.yaml"
    state = parse_answers(path.read_bytes(), path.name, checklist)
    place = app.jurisdiction
    app.replace(state.model_copy(update={"jurisdiction": place}))


def answers_file_text(app: AppState) -> str:
    import yaml

    data: dict[str, Any] = answers_as_data(app.as_answers_file())
    header = "# Injector Check answers file. Load it again in the app, or run: python -m scoring evaluate FILE\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
