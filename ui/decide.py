"""Decide: the SURE test (four yes-or-no questions from the Ottawa decision guides), kept in the link and printed,
with what to do when the patient is not sure yet. Having the treatment, or not, stays the patient's choice."""

from __future__ import annotations

import streamlit as st

from scoring.language import N_, Words, _
from scoring.wording import SURE_QUESTIONS
from ui.state import AppState

SURE = SURE_QUESTIONS


CHOICE = N_("Whatever you decide, you can choose not to have this treatment, or to wait: both are reasonable choices.")
ANSWERS = Words({"yes": N_("Yes"), "no": N_("No")})


def show(app: AppState) -> None:
    st.header(_("Are you ready to decide?"), anchor=False)
    st.markdown(
        _(
            "Four quick questions (the SURE test, from the Ottawa decision guides). Your answers are kept in your "
            "link and printed with your summary, for you and anyone you share them with."
        )
    )
    for key, text in SURE.items():
        widget = app.key("sure", key)

        def changed(k: str = key, w: str = widget) -> None:
            app.sure[k] = st.session_state[w]

        current = app.sure.get(key)
        st.radio(
            text,
            list(ANSWERS),
            index=list(ANSWERS).index(current) if current is not None and current in ANSWERS else None,
            format_func=ANSWERS.__getitem__,
            key=widget,
            on_change=changed,
            horizontal=True,
        )
    replies = [app.sure.get(k) for k in SURE]
    if None in replies:
        st.info(_(CHOICE))
    elif all(r == "yes" for r in replies):
        st.info(
            _(
                "You answered yes to all four. {choice} If you go ahead, take your list of questions to the "
                "consultation, and trust your judgment there too."
            ).format(choice=_(CHOICE))
        )
    else:
        st.warning(
            _(
                "It is fine not to be sure yet. Before you decide: ask the clinics your open questions, talk it "
                "through with your doctor or someone you trust, and look again at the options and what matters most "
                "to you. {choice}"
            ).format(choice=_(CHOICE))
        )
