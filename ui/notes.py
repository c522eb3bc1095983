"""Safety notes and source citations as the app shows them: one note in a box by its severity, the notes for a
goal and place with the emergency signs in view, and a source named with its caveat (never hidden by a link).
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from scoring import Checklist
from scoring.evaluate import applicable_notes
from scoring.language import ngettext
from scoring.models import (
    GOAL_LABELS,
    GOALS,
    ContextApplies,
    Goal,
    Jurisdiction,
    SafetyNote,
)

SEVERITY_BOX = {"emergency": st.error, "warning": st.warning, "info": st.info}
SEVERITY_ICON = {"emergency": "🚨", "warning": "⚠️", "info": "ℹ️"}


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
        label = ngettext("{n} more safety note for {goal}", "{n} more safety notes for {goal}", len(rest))
        with st.expander(label.format(n=len(rest), goal=GOAL_LABELS[goal].lower())):
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
    return (
        ":small["
        + ngettext("Source: {sources}", "Sources: {sources}", len(parts)).format(sources="; ".join(parts))
        + "]"
    )
