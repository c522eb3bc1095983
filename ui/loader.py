"""The checklist the app runs on: read once and shared by every session, read again when a file changes
(checklist editors see their edits on the next rerun), and a page that says what is wrong when it cannot
be read: file, line and fix, never a traceback.
"""

from __future__ import annotations

import datetime
import os
import time
from pathlib import Path

import streamlit as st

from scoring import Checklist, InputError, load_checklist
from scoring.checklist import DEFAULT_DIR
from scoring.language import _
from scoring.translations import TRANSLATED
from ui import heap

QUESTIONS_ENV = "INJECTOR_CHECK_QUESTIONS"  # lets tests and checklist editors point the app at another folder

_LOADED: dict[tuple[str, float, str], Checklist] = {}  # per folder, version of its files and language; shared


def _cached_checklist(folder: str, stamp: float, language: str = "en") -> Checklist:
    """Read once and shared, like ``st.cache_resource``, without hashing arguments on every rerun."""
    key = (folder, stamp, language)
    if key not in _LOADED:
        checklist = load_checklist([folder], today=datetime.date.today(), language=language)  # raises InputError
        stale = [k for k in _LOADED if k[:2] != key[:2]]
        if stale:
            heap.unsettle()
        for old in stale:  # keep only the current version of the files, in each language
            del _LOADED[old]
        _LOADED[key] = checklist
        heap.settle()
    return _LOADED[key]


_STAMPS: dict[Path, tuple[float, float]] = {}  # folder -> (when looked, newest change seen)
STAMP_EVERY = 2.0  # seconds: how often a rerun looks for edited checklist files


def _folder_stamp(folder: Path) -> float:
    """When the checklist files last changed, looked up at most every few seconds (reruns are hot)."""
    now = time.monotonic()
    looked, stamp = _STAMPS.get(folder, (-STAMP_EVERY, 0.0))
    if now - looked >= STAMP_EVERY:
        try:
            files = [
                *folder.iterdir(),
                *(p for lang in TRANSLATED if (folder / lang).is_dir() for p in (folder / lang).iterdir()),
            ]
            stamp = max((p.stat().st_mtime for p in files), default=0.0)
        except OSError:
            stamp = 0.0
        _STAMPS[folder] = (now, stamp)
    return stamp


def load_or_explain(language: str = "en") -> Checklist:
    """The checklist in ``language``, or a plain list of what is wrong with its files (and the script stops). A
    translation that fails its checks (stale after an English edit) gives the English, saying so: the patient
    still gets a checklist that is right."""
    folder = Path(os.environ.get(QUESTIONS_ENV) or DEFAULT_DIR)
    stamp = _folder_stamp(folder)
    try:
        english = _cached_checklist(str(folder), stamp)
    except InputError as exc:
        st.error(
            _(
                "**The checklists could not be loaded, so there is nothing to show yet.** "
                "This is a problem with the app's files, not with anything you did."
            )
        )
        st.markdown(_("For the people who look after the checklists, each problem with its file and line:"))
        st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)
        st.stop()
        raise  # st.stop() ends the run; this line only tells type checkers so
    if language == "en":
        return english
    try:
        return _cached_checklist(str(folder), stamp, language)
    except InputError:
        st.warning(
            _(
                "Part of the checklist has changed and its translation is not ready yet, so the checklist's "
                "questions and notes are shown in English."
            ),
            icon="ℹ️",
        )
        return english
