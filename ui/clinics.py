"""Clinics: add, rename and remove (with undo), up to eight."""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from scoring.answers import MAX_CLINICS, MAX_NAME
from scoring.evaluate import ClinicResult
from scoring.language import _
from scoring.wording import progress_words
from ui.state import AppState
from ui.text import plain


def show(app: AppState, results: dict[int, ClinicResult], checklist: Checklist) -> None:
    st.header(_("Your clinics"), anchor=False)
    st.caption(
        _("Add the clinics you are comparing (up to {most}). You can rename or remove them at any time.").format(
            most=MAX_CLINICS
        )
    )
    add_form(app)  # first: the name field stays where it is however many clinics are listed below it
    for clinic in list(app.clinics):
        done = app.progress(checklist, clinic)
        progress = _("{booking} before booking; {all} in all").format(
            booking=progress_words(done, "booking"), all=progress_words(done)
        )
        name_key = app.key("name", clinic.uid)

        def rename(uid: int = clinic.uid, key: str = name_key) -> None:
            st.session_state[f"{key}-problem"] = app.rename_clinic(uid, st.session_state[key])

        cols = st.columns([4, 1], vertical_alignment="bottom")
        cols[0].text_input(_("Clinic name"), value=clinic.name, key=name_key, on_change=rename, max_chars=MAX_NAME)
        cols[1].button(
            _("Remove"),
            key=app.key("remove", clinic.uid),
            on_click=app.remove_clinic,
            args=(clinic.uid,),
            help=_("Remove {name} (you can undo this)").format(name=plain(clinic.name)),
        )
        if st.session_state.get(f"{name_key}-problem"):
            st.error(plain(st.session_state[f"{name_key}-problem"]))
        st.caption(progress)
    if app.removed:
        last = app.removed[-1][1]
        st.info(_("Removed {name}.").format(name=plain(last.name)))
        st.button(_("Undo remove"), key="undo", on_click=app.undo_remove, disabled=len(app.clinics) >= MAX_CLINICS)


def add_form(app: AppState) -> None:
    if len(app.clinics) >= MAX_CLINICS:
        st.caption(_("You have {most} clinics, the most this tool compares.").format(most=MAX_CLINICS))
        return
    with st.form("add-clinic", clear_on_submit=True, border=False):
        name = st.text_input(
            _("Name of a clinic to add"), max_chars=MAX_NAME, placeholder=_("For example: City Skin Clinic")
        )
        if st.form_submit_button(_("Add clinic")):
            if not name.strip() and app.just_added:  # a second tap on a button that just added a clinic
                app.just_added = False
            else:
                problem = (
                    app.add_clinic(name) if name.strip() else _("Type the clinic's name first, then press Add clinic.")
                )
                app.just_added = not problem
                if problem:
                    st.error(plain(problem))
                else:
                    st.rerun()
