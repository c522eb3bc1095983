"""Before you book: for one clinic at a time, every question a patient can answer from home (the clinic's
website, a phone call, a public register), with a clear "Next clinic" after the last one.

The questions of the clinic in view are one fragment: answering reruns just that section, which updates
the clinic's progress and the link in the address bar. The questions for the consultation and the day of
treatment are on "At the visit".
"""

from __future__ import annotations

from functools import lru_cache

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from scoring import Checklist
from scoring.evaluate import counted_questions
from scoring.language import N_, Language, _, current
from scoring.models import Jurisdiction, Question, When
from scoring.wording import flag_after, progress_words
from ui.state import AppState, move, publish
from ui.text import plain

HEADING = N_("Before you book")
ANSWERING_NOW = N_("answering now")
NOTE = N_(
    ":small[What you can find out from home: the clinic's website, a phone call or email, a public register. "
    "A 🛡️ marks a safety check. “Not sure” is always a fine answer: it becomes a question to ask.]"
)


def show(app: AppState, checklist: Checklist) -> None:
    if not app.clinics:
        st.header(_(HEADING), anchor=False)
        st.info(_("Add a clinic first (step “Clinics”), or try the example clinics on the start page."))
        return
    clinic = app.active_clinic()
    if clinic is None:
        return
    st.markdown(f"## {_(HEADING)}\n\n{_(NOTE)}", anchors=False)  # one element with its note: every full rerun builds it
    choose_clinic(app, checklist, "booking")
    booking_section(app, checklist, clinic.uid)
    later = app.clinics[app.clinics.index(clinic) + 1 :]
    if later:
        st.button(
            _("Next clinic: {name} →").format(name=plain(later[0].name)),
            key="next-clinic",
            on_click=move,
            kwargs={"app": app, "uid": later[0].uid},
            type="primary",
        )
    else:
        st.button(
            _("See how your clinics compare →"), key="to-compare", on_click=move, args=(app, "Compare"), type="primary"
        )
        st.caption(
            _("What is left for each clinic is checked at the consultation and on the day: see **At the visit**.")
        )


def choose_clinic(app: AppState, checklist: Checklist, when: When | None) -> None:
    """The clinic in view, with each one's progress (for ``when``) as a caption."""
    clinic = app.active_clinic()
    if clinic is None:
        return
    key = app.key("clinic", when or "all")

    def chosen() -> None:
        app.active = st.session_state[key]

    names = {c.uid: c.name for c in app.clinics}
    captions = [
        _(ANSWERING_NOW) if uid == clinic.uid else progress_words(app.progress(checklist, c), when)
        for uid, c in zip(names, app.clinics, strict=True)
    ]
    st.session_state[key] = clinic.uid  # follows the address bar and the Next buttons
    st.radio(
        _("Which clinic?"),
        list(names),
        format_func=lambda uid: plain(names[uid]),
        key=key,
        on_change=chosen,
        horizontal=True,
        captions=captions,
    )


@st.fragment
def booking_section(app: AppState, checklist: Checklist, uid: int) -> None:
    clinic = app.clinic(uid)
    if clinic is None:
        return
    shown = [q for q in counted_questions(checklist, app.goal, app.jurisdiction, clinic.answers) if q.when == "booking"]
    titles = {c.id: c.title for c in checklist.categories}
    topic = ""
    for question in shown:
        if question.category != topic:
            topic = question.category
            st.markdown(f"#### {titles[topic]}", anchors=False)
        question_widget(app, checklist, uid, question)
    done = app.progress(checklist, clinic)
    sentence = (
        _("{name}: {progress} before booking, {not_sure} not sure in all.")
        if done.not_sure
        else _("{name}: {progress} before booking.")
    )
    st.caption(
        sentence.format(name=plain(clinic.name), progress=progress_words(done, "booking"), not_sure=done.not_sure)
    )
    if rerun_alone():  # a full run publishes once, at its end
        publish(app, checklist)


def rerun_alone() -> bool:
    """True when only this section reruns (an answer), not the whole script."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def question_widget(app: AppState, checklist: Checklist, uid: int, question: Question, words: bool = False) -> None:
    """One question as a radio, its "why it matters" one tap away. ``words``: show what to say, for the visit."""
    clinic = app.clinic(uid)
    if clinic is None:
        return
    options = [o.id for o in question.options]
    labels = {o.id: o.label + flag_after(o.flag) for o in question.options}
    current = clinic.answers.get(question.id)
    key = app.key("answer", uid, question.id)

    def changed() -> None:
        app.set_answer(uid, question.id, st.session_state[key])

    mark = "🛡️ " if question.safety_critical else ""
    # The label is plain text: Streamlit passes it to screen readers as written, markdown stars and all.
    st.radio(
        f"{mark}{question.text}",
        options,
        index=options.index(current) if current in options else None,
        format_func=labels.__getitem__,
        key=key,
        on_change=changed,
    )
    if words:
        st.markdown(_("**Say:** “{ask}”").format(ask=question.ask))
    # Lazy: the explanation is built only while this is open (a click reruns just this section).
    details = st.expander(_("Why it matters and how to check"), key=app.key("why", uid, question.id), on_change="rerun")
    if details.open:
        details.markdown(_explanation(checklist, question, app.jurisdiction))


def _explanation(checklist: Checklist, question: Question, jurisdiction: Jurisdiction) -> str:
    """Why, how to check, what to ask and the sources, as one element (fewer elements, faster reruns)."""
    return _explained(checklist, question, jurisdiction, current())


# The same for every patient: made once per question, place and language (a checklist is hashed by identity; the
# English one is also shown in Spanish while its translation is not ready).
@lru_cache(maxsize=2048)
def _explained(checklist: Checklist, question: Question, jurisdiction: Jurisdiction, language: Language) -> str:
    del language  # in the cache's key: the words around the checklist's text are in the language in use
    sources = "; ".join(f"[{s.title}]({s.url})" if s.url else s.title for s in checklist.sources_for(question.sources))
    return "\n\n".join(
        (
            _("**Why it matters.** {why}").format(why=question.why),
            _("**How to check.** {how}").format(how=question.how_to_check.for_jurisdiction(jurisdiction)),
            _("**What to ask.** “{ask}”").format(ask=question.ask),
            _("Sources: {sources}").format(sources=sources),
        )
    )
