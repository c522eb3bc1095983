"""Priorities: how much each topic matters to the patient. They shape fit, never safety."""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from scoring.evaluate import DEFAULT_PRIORITY
from scoring.language import _
from scoring.wording import PRIORITY_LABELS
from ui.state import AppState


def show(app: AppState, checklist: Checklist) -> None:
    st.header(_("What matters most to you?"), anchor=False)
    st.markdown(
        _(
            "Say how much each topic matters to you. This changes each clinic's **fit score** only. "
            "It never changes the safety checks: a red flag is a red flag whatever you choose here."
        )
    )
    for category in checklist.categories_for(app.goal, app.jurisdiction):
        key = app.key("priority", category.id)

        def changed(cid: str = category.id, k: str = key) -> None:
            app.priorities[cid] = st.session_state[k]

        st.radio(
            category.title,
            list(PRIORITY_LABELS),
            index=app.priorities.get(category.id, DEFAULT_PRIORITY),
            format_func=PRIORITY_LABELS.__getitem__,
            key=key,
            on_change=changed,
            horizontal=True,
            help=category.description,
        )
