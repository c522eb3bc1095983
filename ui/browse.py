"""The checklist browser: pick a goal and a place, read what to check, by topic.

Renders what ``scoring`` loads; decides nothing about the content. Checklist text is ours
(validated YAML) and goes through Streamlit's escaping markdown, never raw HTML.
"""

from __future__ import annotations

import datetime
import os
import time
from collections.abc import Iterable
from pathlib import Path

import streamlit as st

from scoring import Checklist, InputError, load_checklist
from scoring.checklist import DEFAULT_DIR
from scoring.evaluate import applicable_notes
from scoring.models import (
    GOAL_LABELS,
    GOALS,
    JURISDICTION_LABELS,
    ContextApplies,
    Goal,
    Jurisdiction,
    Question,
    SafetyNote,
)
from scoring.wording import flag_label
from ui import heap

QUESTIONS_ENV = "INJECTOR_CHECK_QUESTIONS"  # lets tests and checklist editors point the app at another folder

SEVERITY_BOX = {"emergency": st.error, "warning": st.warning, "info": st.info}
SEVERITY_ICON = {"emergency": "🚨", "warning": "⚠️", "info": "ℹ️"}


_LOADED: dict[tuple[str, float], Checklist] = {}  # one per folder and version of its files; shared by all sessions


def _cached_checklist(folder: str, stamp: float) -> Checklist:
    """Read once and shared, like ``st.cache_resource``, without hashing arguments on every rerun."""
    key = (folder, stamp)
    if key not in _LOADED:
        checklist = load_checklist([folder], today=datetime.date.today())  # raises InputError: nothing cached if broken
        if _LOADED:
            heap.unsettle()
        _LOADED.clear()  # keep only the current version
        _LOADED[key] = checklist
        heap.settle()
    return _LOADED[key]


_STAMPS: dict[Path, tuple[float, float]] = {}  # folder -> (when looked, newest change seen)
STAMP_EVERY = 2.0  # seconds: how often a rerun looks for edited checklist files


def _folder_stamp(folder: Path) -> float:
    """When the checklist files last changed, looked up at most every few seconds (reruns are hot)."""
    now = time.monotonic()
    looked, stamp = _STAMPS.get(folder, (-STAMP_EVERY, 0.0))
    if now - looked >= STAMP_EVERY:
        try:
            stamp = max((p.stat().st_mtime for p in folder.iterdir()), default=0.0)
        except OSError:
            stamp = 0.0
        _STAMPS[folder] = (now, stamp)
    return stamp


def load_or_explain() -> Checklist:
    """The checklist, or a plain list of what is wrong with its files (and the script stops)."""
    folder = Path(os.environ.get(QUESTIONS_ENV) or DEFAULT_DIR)
    try:
        return _cached_checklist(str(folder), _folder_stamp(folder))
    except InputError as exc:
        st.error(
            "**The checklists could not be loaded, so there is nothing to show yet.** "
            "This is a problem with the app's files, not with anything you did."
        )
        st.markdown("For the people who look after the checklists, each problem with its file and line:")
        st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)
        st.stop()
        raise  # st.stop() ends the run; this line only tells type checkers so


def context_notes(checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction) -> tuple[SafetyNote, ...]:
    """Notes that apply before any answer: the always-shown ones and those for this goal and place."""
    return applicable_notes(checklist, goal, jurisdiction, {}, set())


def show_note(checklist: Checklist, note: SafetyNote) -> None:
    SEVERITY_BOX[note.severity](f"**{note.title}**\n\n{note.text}", icon=SEVERITY_ICON[note.severity])
    st.markdown(cite(checklist, note.sources))


def show_notes(checklist: Checklist, notes: tuple[SafetyNote, ...], goal: Goal) -> None:
    """Emergency signs and what the evidence says for this goal (benefits and harms) in view; the rest one click
    away."""

    def in_view(note: SafetyNote) -> bool:
        a = note.applies
        return note.severity == "emergency" or (
            isinstance(a, ContextApplies) and goal in a.goals and len(a.goals) < len(GOALS)
        )

    for note in notes:
        if in_view(note):
            show_note(checklist, note)
    rest = [n for n in notes if not in_view(n)]
    if rest:
        with st.expander(f"{len(rest)} more safety notes for {GOAL_LABELS[goal].lower()}"):
            for note in rest:
                show_note(checklist, note)


def cite(checklist: Checklist, source_ids: Iterable[str]) -> str:
    """Sources in small type. Not st.caption: captions fade their links to 3:1 contrast, under WCAG AA (axe-core)."""
    # The citation says what a linked source is (a press release, company-reported figures ...): never hidden by the
    # link.
    parts = [
        f"[{s.title}]({s.url})" + (f" ({s.citation.rstrip('.')})" if s.citation else "")
        if s.url
        else (s.citation or s.title)
        for s in checklist.sources_for(source_ids)
    ]
    return ":small[" + ("Source: " if len(parts) == 1 else "Sources: ") + "; ".join(parts) + "]"


def show_question(checklist: Checklist, question: Question, jurisdiction: Jurisdiction) -> None:
    marker = "🛡️ Safety check · " if question.safety_critical else ""
    st.markdown(f"#### {marker}{question.text}", anchors=False)
    lines = []
    for option in question.options:
        flag = flag_label(option.flag)
        lines.append(f"- {option.label}" + (f" — **{flag}**" if flag else ""))
    st.markdown("\n".join(lines))
    if question.condition is not None:
        parent = checklist.question(question.condition.question)
        if parent is not None:
            labels = [o.label for o in parent.options if o.id in question.condition.options]
            st.caption(f"Only asked if you answered “{' / '.join(labels)}” to: {parent.text}")
    with st.expander("Why it matters and how to check"):
        st.markdown(f"**Why it matters.** {question.why}")
        st.markdown(f"**How to check.** {question.how_to_check.for_jurisdiction(jurisdiction)}")
        st.markdown(f"**What to ask.** “{question.ask}”")
        st.markdown(cite(checklist, question.sources))


def show_checklist(checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction) -> None:
    questions = checklist.applicable_questions(goal, jurisdiction)
    categories = checklist.categories_for(goal, jurisdiction)
    st.header("What to check before you book", anchor=False)
    st.markdown(
        f"{len(questions)} questions in {len(categories)} topics for "
        f"**{GOAL_LABELS[goal].lower()}** in **{JURISDICTION_LABELS[jurisdiction]}**. "
        "Every question allows “Not sure”: that is a question to ask at the consultation, not a bad mark."
    )
    for category in categories:
        st.subheader(category.title, divider="gray", anchor=False)
        st.caption(category.description)
        for question in questions:
            if question.category == category.id:
                show_question(checklist, question, jurisdiction)


def show_about(checklist: Checklist) -> None:
    meta = checklist.metadata
    st.header("About this checklist", anchor=False)
    st.markdown(
        f"Version {meta.version}, last reviewed {meta.last_reviewed:%d %B %Y}. "
        f"Written by {', '.join(meta.authors)}.\n\n"
        f"**Funding.** {meta.funding}\n\n**Conflicts of interest.** {meta.conflicts}\n\n"
        f"**How it is kept up to date.** {meta.update_policy}"
    )
    with st.expander(f"All {len(checklist.sources)} sources"):
        for source in checklist.sources:
            where = f"[{source.url}]({source.url}) {source.citation or ''}" if source.url else (source.citation or "")
            st.markdown(f"- **{source.title}**, {source.publisher}. {where} (checked {source.checked:%d %b %Y})")
