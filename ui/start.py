"""Start: the decision (whether, and where), what this is and is not, who made it, the goal and place, the examples."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from scoring import Checklist
from scoring.language import _, long_date, month_year, ngettext
from scoring.models import GOAL_LABELS, GOALS, JURISDICTION_LABELS, JURISDICTIONS
from ui.state import AppState, load_example
from ui.text import plain


def show(app: AppState, checklist: Checklist, forward: Callable[[], None]) -> None:
    """``forward`` draws the way on (the Next button), placed right after the goal and the place."""
    st.markdown(
        _(
            "Thinking about botulinum toxin (Botox) injections? This aid helps you decide **whether** to have them "
            "now, and if you do, **where**. First it shows the options side by side, including having no treatment "
            "or waiting, with their benefits and harms. Then, for each clinic you are considering, a checklist shows "
            "which pass the safety checks, how each fits what matters to you, and what to ask at the consultation."
        )
    )

    def set_goal() -> None:
        app.goal = st.session_state[app.key("goal")]

    def set_place() -> None:
        app.jurisdiction = st.session_state[app.key("place")]

    st.radio(
        _("What do you want the injections for?"),
        GOALS,
        index=GOALS.index(app.goal),
        format_func=GOAL_LABELS.__getitem__,
        key=app.key("goal"),
        on_change=set_goal,
    )
    st.radio(
        _("Where will you have them?"),
        JURISDICTIONS,
        index=JURISDICTIONS.index(app.jurisdiction),
        format_func=JURISDICTION_LABELS.__getitem__,
        key=app.key("place"),
        on_change=set_place,
        horizontal=True,
        help=_("Who may inject, and how to check them, differs from country to country."),
    )
    forward()  # the next step, where the patient's eyes are after the two questions
    if app.clinics:
        names = ", ".join(f"“{plain(c.name)}”" for c in app.clinics)
        st.success(
            ngettext(
                "**You are comparing {n} clinic:** {names}. "
                "Go to **Before you book** to answer for each, or **Compare** to see them side by side.",
                "**You are comparing {n} clinics:** {names}. "
                "Go to **Before you book** to answer for each, or **Compare** to see them side by side.",
                len(app.clinics),
            ).format(n=len(app.clinics), names=names),
            icon="✅",
        )
    else:
        st.button(
            _("Try it with example clinics"),
            key="examples",
            on_click=load_example,
            args=(app, checklist),
            help=_(
                "Fills in three made-up clinics so you can see a finished comparison. You can change or remove them."
            ),
        )
    st.info(
        _(
            "**Please note.** {disclaimer} No clinic pays to be listed or ranked. "
            "Nothing you enter is stored on our server: your answers live only in this page's link, so anyone you "
            "send the link to can see them."
        ).format(disclaimer=checklist.metadata.disclaimer)
    )
    disclosure(checklist)


def disclosure(checklist: Checklist) -> None:
    """Who made this, with what money, how current it is, and how to report an error: where the patient looks."""
    meta = checklist.metadata
    address = meta.report_to.removeprefix("mailto:") if meta.report_to else ""
    report = " " + _("To report an error: {address}.").format(address=address) if meta.report_to else ""
    dates = _("Checklist {version}, last reviewed {last_reviewed}; next review due {next_review}.").format(
        version=meta.version, last_reviewed=long_date(meta.last_reviewed), next_review=month_year(meta.next_review)
    )
    written = _("Written by {authors}.").format(authors=", ".join(meta.authors))
    st.caption(f"{dates} {written} {meta.funding} {meta.conflicts}{report}")
    with st.expander(_("How it was written and checked, and how it is kept up to date")):
        st.markdown(f"{meta.review_process}\n\n{meta.update_policy}")
