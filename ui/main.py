"""The whole screen, top to bottom. What it shows comes from ``scoring`` (the pure core) through
the small rendering modules beside this one.

``app.py`` only calls ``main()``: Streamlit compiles the entry script again on every run when it
has no script cache (as under AppTest), while this module is imported once per process.

Every screen has one way forward: the step bar at the top (a compact list that fits a phone, with the
next step beside it) and, on screens a patient reads to the end, the same button at the bottom.
"""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from scoring.codec import STEP_PARAM
from scoring.compare import Comparison, evaluate_session
from scoring.evaluate import ClinicResult
from scoring.language import N_, Words, _
from ui import (
    browse,
    browser,
    clinics,
    compare,
    decide,
    language,
    loader,
    notes,
    options,
    printview,
    priorities,
    questions,
    share,
    start,
    state,
    visit,
)
from ui.state import AppState
from ui.text import plain

# Ours, fixed text (nothing a patient typed). Keyboard users need to see which radio has focus: Streamlit's own
# mark is a faint tint (about 1.2:1).
FOCUS_STYLE = (
    "<style>label:has(input:focus-visible) { outline: 2px solid #15161b; outline-offset: 2px; "
    "border-radius: 4px; } [data-testid='stRadio'] [role='radiogroup'] label { min-height: 1.75rem; "
    "align-items: center; }</style>"
)  # and every answer at least 28 px tall, to tap on a phone
STEPS = [
    "Start",
    "Options",
    "Clinics",
    "Questions",
    "Priorities",
    "Compare",
    "Details",
    "At the visit",
    "Decide",
    "Print view",
    "Checklist",
]
LABELS = Words(  # what each step is called on screen (the ids above stay in the address bar)
    {
        "Start": N_("Start"),
        "Options": N_("Is it right for me now?"),
        "Clinics": N_("Clinics"),
        "Questions": N_("Before you book"),
        "Priorities": N_("What matters most"),
        "Compare": N_("Compare"),
        "Details": N_("Each clinic in detail"),
        "At the visit": N_("At the visit"),
        "Decide": N_("Decide and share"),
        "Print view": N_("Print view"),
        "Checklist": N_("Checklist"),
    }
)
NEXT = {  # the one way forward from each screen; Questions has its own (next clinic, then Compare)
    "Start": "Options",
    "Options": "Clinics",
    "Clinics": "Questions",
    "Priorities": "Compare",
    "Compare": "At the visit",
    "Details": "At the visit",
    "At the visit": "Decide",
    "Decide": "Print view",
}
# READ_TO_THE_END: long screens, with the way forward again at the bottom
READ_TO_THE_END = {"Options", "Clinics", "Compare", "Details", "At the visit", "Decide"}


def label(step: str) -> str:
    return _("{number} of {total}: {step}").format(
        number=STEPS.index(step) + 1, total=len(STEPS), step=LABELS.get(step, step)
    )


def next_button(app: AppState, step: str, where: str) -> None:
    after = NEXT.get(step)
    if after is not None:
        st.button(
            _("Next: {step} →").format(step=(LABELS.get(after) or after).lower()),
            key=f"next-{where}",
            on_click=state.move,
            args=(app, after),
            type="primary",
        )


def main() -> None:
    first = state.first_run()
    if first:  # the browser keeps the title and icon through reruns; a new session sets them again
        st.set_page_config(page_title="Injector Check", page_icon="🩺", layout="centered")
    # One element (every rerun builds it); no "link to heading" anchor, a Tab stop named the same under every heading.
    st.markdown(f"{FOCUS_STYLE}\n\n# Injector Check", unsafe_allow_html=True, anchors=False)

    checklist = loader.load_or_explain(language.choose())
    language.switcher()
    app = state.current(checklist)
    messages(app, checklist)

    state.follow_address(app, STEPS)
    step = st.selectbox(_("Step"), STEPS, key=STEP_PARAM, format_func=label, label_visibility="collapsed")
    next_button(app, step, "top")
    if step != "At the visit":
        app.visit_pin = None  # the visit list is drawn fresh the next time it opens
    show_step(step, app, checklist)
    if step in READ_TO_THE_END:
        next_button(app, step, "bottom")
    state.publish(app, checklist)
    language.page_language(share.MAX_UPLOAD_MB)

    if first:
        if app.broken_link:
            browser.recover_tab()  # a broken link pasted into this tab: bring back the answers it had
        else:
            browser.remember_tab()
    if app.scroll != app.scrolled:
        app.scrolled = app.scroll
        browser.scroll_to_top(app.scroll)


def messages(app: AppState, checklist: Checklist) -> None:
    """What the last link or file did, and what waits for the patient's say-so."""
    if app.problem:
        st.error(plain(app.problem), icon="⚠️")  # messages quote what the link or file held
        app.problem = ""
    if app.notices:
        with st.container(border=True):
            st.warning(_("Some answers in this link could not be restored:"), icon="ℹ️")
            st.markdown("\n".join(f"- {plain(n)}" for n in app.notices))
            st.button(_("OK, hide this"), key="hide-notices", on_click=app.notices.clear)
    if app.loaded:
        share.loaded_note(app)


def show_step(step: str, app: AppState, checklist: Checklist) -> None:
    if step == "Start":
        start.show(app, checklist, lambda: next_button(app, step, "after-questions"))
        notes.show_notes(checklist, notes.context_notes(checklist, app.goal, app.jurisdiction), app.goal)
    elif step == "Options":
        options.show(app, checklist)
    elif step == "Clinics":
        clinics.show(app, compared(app, checklist)[0], checklist)
    elif step == "Questions":
        questions.show(app, checklist)
    elif step == "Priorities":
        priorities.show(app, checklist)
    elif step == "Compare":
        results, comparison = compared(app, checklist)
        compare.show(app, checklist, list(results.values()), comparison)
    elif step == "Details":
        compare.detail(app, checklist, compared(app, checklist)[0])
    elif step == "At the visit":
        visit.show(app, checklist)
    elif step == "Decide":
        decide.show(app)
        share.share(app, checklist)
    elif step == "Print view":
        printview.show(app, checklist)
    else:
        browse.show_checklist(checklist, app.goal, app.jurisdiction)
        browse.show_about(checklist)


def compared(app: AppState, checklist: Checklist) -> tuple[dict[int, ClinicResult], Comparison]:
    """Every clinic evaluated and compared: only for the screens that show all of them."""
    evaluation = evaluate_session(checklist, app)  # the app's state is a session as it is
    return {c.uid: r for c, r in zip(app.clinics, evaluation.results, strict=True)}, evaluation.comparison
