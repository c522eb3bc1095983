"""The whole screen, top to bottom. What it shows comes from ``scoring`` (the pure core) through
the small rendering modules beside this one.

``app.py`` only calls ``main()``: Streamlit compiles the entry script again on every run when it
has no script cache (as under AppTest), while this module is imported once per process.
"""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from scoring.compare import Comparison, compare_clinics
from scoring.evaluate import ClinicResult
from ui import browse, clinics, compare, options, printview, priorities, questions, share, start, state
from ui.state import AppState
from ui.text import plain

# Ours, fixed text (nothing a patient typed). Keyboard users need to see which radio has focus: Streamlit's own
# mark is a faint tint (about 1.2:1).
FOCUS_STYLE = ("<style>label:has(input:focus-visible) { outline: 2px solid #15161b; outline-offset: 2px; "
               "border-radius: 4px; }</style>")
STEPS = ["Start", "Options", "Clinics", "Questions", "Priorities", "Compare", "Details", "Decide", "Print view", "Checklist"]


def main() -> None:
    if state.first_run():  # the browser keeps the title and icon through reruns; a new session sets them again
        st.set_page_config(page_title="Injector Check", page_icon="🩺", layout="centered")
    # One element (every rerun builds it); no "link to heading" anchor, a Tab stop named the same under every heading.
    st.markdown(f"{FOCUS_STYLE}\n\n# Injector Check", unsafe_allow_html=True, anchors=False)

    checklist = browse.load_or_explain()
    app = state.current(checklist)

    if app.problem:
        st.error(plain(app.problem), icon="⚠️")  # messages quote what the link or file held
        app.problem = ""
    if app.notices:
        with st.container(border=True):
            st.warning("Some answers in this link could not be restored:", icon="ℹ️")
            st.markdown("\n".join(f"- {plain(n)}" for n in app.notices))
            st.button("OK, hide this", key="hide-notices", on_click=app.notices.clear)

    if state.STEP_PARAM not in st.session_state:  # a new session (a reload, a link): back to the screen in the address
        wanted = st.query_params.get(state.STEP_PARAM)
        st.session_state[state.STEP_PARAM] = wanted if wanted in STEPS else STEPS[0]
    step = st.radio("Go to", STEPS, horizontal=True, key=state.STEP_PARAM, label_visibility="collapsed")
    show_step(step, app, checklist)
    state.publish(app, checklist)


def show_step(step: str, app: AppState, checklist: Checklist) -> None:
    if step == "Start":
        start.show(app, checklist)
        browse.show_notes(checklist, browse.context_notes(checklist, app.goal, app.jurisdiction), app.goal)
    elif step == "Options":
        options.show(app, checklist)
    elif step == "Clinics":
        clinics.show(app, compared(app, checklist)[0])
    elif step == "Questions":
        questions.show(app, checklist)
    elif step == "Priorities":
        priorities.show(app, checklist)
    elif step == "Compare":
        results, comparison = compared(app, checklist)
        compare.show(app, checklist, list(results.values()), comparison)
    elif step == "Details":
        compare.detail(app, checklist, compared(app, checklist)[0])
    elif step == "Decide":
        share.decide(app)
        share.share(app, checklist)
    elif step == "Print view":
        printview.show(app, checklist)
    else:
        browse.show_checklist(checklist, app.goal, app.jurisdiction)
        browse.show_about(checklist)


def compared(app: AppState, checklist: Checklist) -> tuple[dict[int, ClinicResult], Comparison]:
    """Every clinic evaluated and compared: only for the screens that show all of them."""
    results, comparison = compare_clinics(
        checklist, app.goal, app.jurisdiction, app.priorities, [(c.name, c.answers) for c in app.clinics]
    )
    return {c.uid: r for c, r in zip(app.clinics, results, strict=True)}, comparison
