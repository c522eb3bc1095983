"""Share: the link, and the answers file out and in (asked before it replaces anything, and undone on request)."""

from __future__ import annotations

import hashlib

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from scoring import Checklist
from scoring.codec import share_link
from scoring.language import _, current, use
from ui.state import AppState, answers_file_text, current_link, load_file
from ui.text import plain

MAX_UPLOAD_MB = 1


def answers_download(app: AppState, label: str, key: str, where: DeltaGenerator | None = None) -> None:
    """The answers file, made only when the button is pressed (a rerun does not build it)."""
    spoken = current()

    def made() -> str:  # when the button is pressed, outside the run: its header in the language on screen
        with use(spoken):
            return answers_file_text(app)

    (where or st).download_button(
        label,
        data=made,
        file_name=_("injector-check-answers.yaml"),
        mime="text/yaml",
        on_click="ignore",
        key=key,
        help=_("A small text file you can load here again later."),
    )


def confirm_replace(app: AppState) -> None:
    """Answers from a file wait here: they replace the ones on screen only after a yes."""
    pending = app.pending
    if pending is None:
        return
    with st.container(border=True):
        st.warning(
            _(
                "**This answers file holds other answers:** {what}. {difference}. "
                "Replace the answers on screen with them? You can undo this."
            ).format(what=plain(pending.what), difference=plain(pending.difference)),
            icon="❓",
        )
        cols = st.columns(2)
        cols[0].button(_("Yes, replace my answers"), key="replace-yes", on_click=app.replace_asked, type="primary")
        cols[1].button(_("No, keep my answers"), key="replace-no", on_click=_keep, args=(app,))


def _keep(app: AppState) -> None:
    app.pending = None


def loaded_note(app: AppState) -> None:
    with st.container(border=True):
        st.success(_("**Loaded:** {what}.").format(what=plain(app.loaded)), icon="✅")
        cols = st.columns(2)
        if app.undo is not None:
            cols[0].button(_("Undo: bring back my answers"), key="undo-replace", on_click=app.undo_replace)
        cols[1].button(_("OK"), key="loaded-ok", on_click=_seen, args=(app,))


def _seen(app: AppState) -> None:
    app.loaded = ""


def share(app: AppState, checklist: Checklist) -> None:
    st.header(_("Save or share"), anchor=False)
    st.markdown(
        _(
            "**The link holds all your answers.** Bookmark it to come back, or send it to someone you trust. "
            "Anyone with the link can see the clinic names and your answers; nothing is kept on our server."
        )
    )
    url = st.context.url or ""
    link = current_link(app, checklist)  # what the address bar holds once this run ends
    if link:
        st.code(share_link(url, link, current()), language=None, wrap_lines=True)
        st.caption(
            _(
                "This is the same as the address in your browser's address bar: copy either. On a phone, press and "
                "hold the address bar, or the link above, to copy it."
            )
        )
    else:
        st.caption(_("Answer a question or add a clinic to get a link with your answers."))
    if app.holds_anything():
        answers_download(app, _("Download your answers file"), "answers-file-share")
    # Any type: a wrong file gets the parser's plain reason rather than Streamlit's extension error.
    uploaded = st.file_uploader(
        _("Load an answers file"),
        type=None,
        key=app.key("upload"),
        max_upload_size=MAX_UPLOAD_MB,
        help=_("A file saved from this app (.yaml). It asks before it replaces the answers on screen."),
    )
    if uploaded is not None:
        raw = uploaded.getvalue()
        seen = (
            f"{app.generation}:{hashlib.sha256(raw).hexdigest()}"  # a new uploader (after a replacement) reads it again
        )
        if seen != app.seen_upload:  # the uploader keeps its file through reruns: read each file once
            app.seen_upload = seen
            problem = load_file(app, checklist, raw, uploaded.name)
            if problem:
                st.error(plain(problem), icon="⚠️")  # it quotes the file's content
            elif app.pending is None:
                st.rerun()  # loaded at once (nothing was on screen to replace): show it
    if app.pending is not None:
        confirm_replace(app)
