"""The language the patient reads: chosen at the top of the first screen and switchable on every screen, kept in
the address (``lang=es``) so a shared link opens in the language it was made in. A first visit (no answers in the
address) opens in the browser's language when the aid speaks it.

Switching changes words only: the answers are ids, kept in the session as they are, so nothing is lost. The page
says which language it is in (``<html lang>``), for screen readers and for the browser's own translate offer.
Streamlit's own widget texts (the file drop zone) are given in the same language by a style sheet.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from scoring.codec import LANG_PARAM, LINK_PARAM, STEP_PARAM
from scoring.language import LANGUAGE_NAMES, SOURCE, Language, as_language, current, follow

_KEY = "language"
_PAGE_SCRIPT = "<script>document.documentElement.lang = %r;</script>"

# Streamlit draws some words of its own in English whatever the page says: the file drop zone ("Upload", "1MB per
# file") and a text field's hint ("Press Enter to apply" / "... to submit form"); in Spanish, the same in Spanish.
_UPLOADER_ES = """<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: "Subir archivo"; font-size: 14px; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after { content: "%s MB por archivo"; font-size: 14px; }
[data-testid="InputInstructions"] > span:first-child { font-size: 0; }
[data-testid="InputInstructions"] > span:first-child::after { content: "Pulse Enter para confirmar"; font-size: 12px; }
</style>"""


_RUN_NOTE = "_injector_check_language"  # kept on the run's context: read once per run, not per text


def _session_language() -> Language | None:
    """The language of the session whose code is running (its script, a fragment, a callback), if any. Each text
    shown asks, so it is looked up in the session's state once per run and kept on the run's context."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return None
    language: Language | None = getattr(ctx, _RUN_NOTE, None)
    if language is None:
        language = as_language(st.session_state.get(_KEY))
        setattr(ctx, _RUN_NOTE, language)
    return language


def _choose(language: Language) -> None:
    st.session_state[_KEY] = language
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None:
        setattr(ctx, _RUN_NOTE, language)


follow(_session_language)


def choose() -> Language:
    """At the top of every run: the language this session reads in. On its first run: the link's (a link made in
    English has no ``lang``, and opens in English); with no answers in the link, the browser's own language."""
    language = as_language(st.query_params.get(LANG_PARAM)) if _KEY not in st.session_state else _session_language()
    if _KEY not in st.session_state:
        if language is None and LINK_PARAM not in st.query_params:
            language = _browser_language()
        _choose(language or SOURCE)
    return language or SOURCE


def _browser_language() -> Language | None:
    """The language the browser asks for ("es-US", "es-419" ...), if the aid speaks it."""
    asked = st.context.locale or ""
    return as_language(asked.split("-")[0].lower())


def in_address() -> dict[str, str]:
    """What the address bar holds for the language: nothing for English (every older link stays as it was)."""
    language = current()
    return {} if language == SOURCE else {LANG_PARAM: language}


def switcher() -> None:
    """The other language, named in its own words, one tap away at the top of every screen ("Español" on an
    English screen, "English" on a Spanish one): the way bilingual sites offer it."""
    other: Language = "es" if current() == "en" else "en"

    def switched() -> None:
        _choose(other)
        if STEP_PARAM in st.session_state:  # the step bar is drawn anew on the same screen, by its id
            st.session_state[STEP_PARAM] = st.session_state[STEP_PARAM]

    st.button(f"🌐 {LANGUAGE_NAMES[other]}", key="language-switch", on_click=switched)


def page_language(upload_mb: int) -> None:
    """``<html lang>`` and Streamlit's own texts, in the language of this run (drawn again only when it changes)."""
    language = current()
    st.html(_PAGE_SCRIPT % language, unsafe_allow_javascript=True)
    if language == "es":
        st.html(_UPLOADER_ES % upload_mb)
