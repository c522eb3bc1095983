"""Start: what this is and is not, the goal and place, and the example clinics."""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from scoring.models import GOAL_LABELS, GOALS, JURISDICTION_LABELS, JURISDICTIONS
from ui.state import AppState, load_example
from ui.text import plain


def show(app: AppState, checklist: Checklist) -> None:
    st.markdown(
        "Choosing a clinic for botulinum toxin (Botox) injections? Answer a checklist of about 40 questions for each clinic you are "
        "considering. You will see which ones pass the safety checks, how each fits what matters to you, and what to "
        "ask at the consultation."
    )
    st.info(
        f"**Please note.** {checklist.metadata.disclaimer} No clinic pays to be listed or ranked. "
        "Nothing you enter is stored on our server: your answers live only in this page's link, so anyone you "
        "send the link to can see them."
    )

    def set_goal() -> None:
        app.goal = st.session_state[app.key("goal")]

    def set_place() -> None:
        app.jurisdiction = st.session_state[app.key("place")]

    st.radio("What do you want the injections for?", GOALS, index=GOALS.index(app.goal), format_func=GOAL_LABELS.__getitem__,
             key=app.key("goal"), on_change=set_goal)
    st.radio("Where will you have them?", JURISDICTIONS, index=JURISDICTIONS.index(app.jurisdiction),
             format_func=JURISDICTION_LABELS.__getitem__, key=app.key("place"), on_change=set_place, horizontal=True,
             help="Who may inject, and how to check them, differs from country to country.")
    if app.clinics:
        names = ", ".join(f"“{plain(c.name)}”" for c in app.clinics)
        st.success(f"**You are comparing {len(app.clinics)} clinic{'s' if len(app.clinics) > 1 else ''}:** {names}. "
                   "Go to **Questions** to answer for each, or **Compare** to see them side by side.", icon="✅")
    else:
        st.markdown("**Next:** add the clinics you are comparing, then answer the questions for each.")
        st.button("Try it with example clinics", key="examples", on_click=load_example, args=(app, checklist),
                  help="Fills in three made-up clinics so you can see a finished comparison. You can change or remove them.")
