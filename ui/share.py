"""Decide and share: the SURE check, the link, and the answers file out and in."""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from ui.state import AppState, answers_file_text, load_file
from ui.text import plain

SURE = {
    "sure": "Do you feel sure about the best choice for you?",
    "understand": "Do you know the benefits and risks of each option?",
    "risks": "Are you clear about which benefits and risks matter most to you?",
    "support": "Do you have enough support and advice to make a choice?",
}
MAX_UPLOAD_MB = 1


def decide(app: AppState) -> None:
    st.header("Are you ready to decide?", anchor=False)
    st.markdown("Four quick questions (the SURE test, from the Ottawa decision guides). Only you see the answers.")
    replies = [st.radio(text, ["Yes", "No"], index=None, key=f"sure-{key}", horizontal=True) for key, text in SURE.items()]
    if None in replies:
        return
    if all(r == "Yes" for r in replies):
        st.success("You seem ready. Take your list of questions to the consultation, and trust your judgment there too.")
    else:
        st.warning(
            "It is fine not to be sure yet. Before you book: ask the clinics your open questions, talk it through with "
            "your doctor or someone you trust, and look again at what matters most to you. You can also choose not to "
            "have the treatment."
        )


def share(app: AppState, checklist: Checklist) -> None:
    st.header("Save or share", anchor=False)
    st.markdown(
        "**The link holds all your answers.** Bookmark it to come back, or send it to someone you trust. "
        "Anyone with the link can see the clinic names and your answers; nothing is kept on our server."
    )
    url = st.context.url or ""
    if app.link:
        st.code(f"{url.split('?')[0]}?s={app.link}", language=None, wrap_lines=True)
        st.caption("Use the copy button on the box above, or copy the address from your browser's address bar.")
    else:
        st.caption("Add a clinic to get a link with your answers.")
    if app.clinics:
        st.download_button("Download your answers file", data=lambda: answers_file_text(app), file_name="injector-check-answers.yaml",
                           mime="text/yaml", on_click="ignore", help="A small text file you can load here again later.")
    # Any type: a wrong file gets the parser's plain reason rather than Streamlit's extension error.
    uploaded = st.file_uploader("Load an answers file", type=None, key=app.key("upload"), max_upload_size=MAX_UPLOAD_MB,
                                help="A file saved from this app (.yaml). It replaces the answers on screen.")
    if uploaded is not None:
        problem = load_file(app, checklist, uploaded.getvalue(), uploaded.name)
        if problem:
            st.error(plain(problem), icon="⚠️")  # it quotes the file's content
        else:
            st.rerun()
