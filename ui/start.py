"""Start: the decision (whether, and where), what this is and is not, who made it, the goal and place, the examples."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from scoring import Checklist
from scoring.models import GOAL_LABELS, GOALS, JURISDICTION_LABELS, JURISDICTIONS
from ui.state import AppState, load_example
from ui.text import plain


def show(app: AppState, checklist: Checklist, forward: Callable[[], None]) -> None:
    """``forward`` draws the way on (the Next button), placed right after the goal and the place."""
    st.markdown(
        "Thinking about botulinum toxin (Botox) injections? This aid helps you decide **whether** to have them now, "
        "and "
        "if you do, **where**. First it shows the options side by side, including having no treatment or waiting, with "
        "their benefits and harms. Then, for each clinic you are considering, a checklist shows which pass the safety "
        "checks, how each fits what matters to you, and what to ask at the consultation."
    )

    def set_goal() -> None:
        app.goal = st.session_state[app.key("goal")]

    def set_place() -> None:
        app.jurisdiction = st.session_state[app.key("place")]

    st.radio(
        "What do you want the injections for?",
        GOALS,
        index=GOALS.index(app.goal),
        format_func=GOAL_LABELS.__getitem__,
        key=app.key("goal"),
        on_change=set_goal,
    )
    st.radio(
        "Where will you have them?",
        JURISDICTIONS,
        index=JURISDICTIONS.index(app.jurisdiction),
        format_func=JURISDICTION_LABELS.__getitem__,
        key=app.key("place"),
        on_change=set_place,
        horizontal=True,
        help="Who may inject, and how to check them, differs from country to country.",
    )
    forward()  # the next step, where the patient's eyes are after the two questions
    if app.clinics:
        names = ", ".join(f"“{plain(c.name)}”" for c in app.clinics)
        st.success(
            f"**You are comparing {len(app.clinics)} clinic{'s' if len(app.clinics) > 1 else ''}:** {names}. "
            "Go to **Before you book** to answer for each, or **Compare** to see them side by side.",
            icon="✅",
        )
    else:
        st.button(
            "Try it with example clinics",
            key="examples",
            on_click=load_example,
            args=(app, checklist),
            help="Fills in three made-up clinics so you can see a finished comparison. You can change or remove them.",
        )
    st.info(
        f"**Please note.** {checklist.metadata.disclaimer} No clinic pays to be listed or ranked. "
        "Nothing you enter is stored on our server: your answers live only in this page's link, so anyone you "
        "send the link to can see them."
    )
    disclosure(checklist)


def disclosure(checklist: Checklist) -> None:
    """Who made this, with what money, how current it is, and how to report an error: where the patient looks."""
    meta = checklist.metadata
    report = f" To report an error: {meta.report_to.removeprefix('mailto:')}." if meta.report_to else ""
    st.caption(
        f"Checklist {meta.version}, last reviewed {meta.last_reviewed:%d %B %Y}; next review due "
        f"{meta.next_review:%B %Y}. Written by {', '.join(meta.authors)}. {meta.funding} {meta.conflicts}{report}"
    )
    with st.expander("How it was written and checked, and how it is kept up to date"):
        st.markdown(f"{meta.review_process}\n\n{meta.update_policy}")
