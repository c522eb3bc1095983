"""Questions: one clinic at a time, one topic at a time; each topic section is a fragment.

Only the active clinic's active topic is built. Answering reruns just that topic's fragment,
which updates the topic's and the clinic's progress and the link in the address bar.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from scoring import Checklist
from scoring.evaluate import counted_questions
from scoring.models import Category, Jurisdiction, Question
from ui.state import AppState, publish
from ui.text import plain

HEADING = "Answer the questions"
ANSWERING_NOW = "answering now: progress below"
FLAG_WORDS = {"critical": " 🛑 (red flag: do not go ahead)", "caution": " ⚠️ (caution)", "none": ""}  # as on the Checklist screen


def show(app: AppState, checklist: Checklist) -> None:
    if not app.clinics:
        st.header(HEADING, anchor=False)
        st.info("Add a clinic first (step “Clinics”), or try the example clinics on the start page.")
        return
    clinic = app.active_clinic()
    if clinic is None:
        return
    st.markdown(f"## {HEADING}\n\n"  # one element with its note: every answer's full rerun builds it
                ":small[A 🛡️ marks a safety check. “Not sure” is always a fine answer: it becomes a question to ask.]", anchors=False)

    def choose_clinic() -> None:
        app.active = st.session_state[app.key("clinic")]

    names = {c.uid: c.name for c in app.clinics}
    tallies = {c.uid: app.progress(checklist, c) for c in app.clinics}
    st.radio("Which clinic are you answering for?", list(names), index=list(names).index(clinic.uid),
             format_func=lambda uid: plain(names[uid]), key=app.key("clinic"), on_change=choose_clinic, horizontal=True,
             captions=[ANSWERING_NOW if uid == clinic.uid else f"{t.answered} of {t.counted} answered" for uid, t in tallies.items()])

    categories = {c.id: c for c in checklist.categories_for(app.goal, app.jurisdiction)}
    topic_key = app.key("topic", clinic.uid)
    topics = list(categories)
    if st.session_state.get(topic_key) not in topics:
        st.session_state[topic_key] = topics[0]

    # No counts out here: answering reruns only the topic section below, which shows the progress.
    st.radio("Topic", topics, format_func=lambda cid: categories[cid].title, key=topic_key, horizontal=True)
    topic_section(app, checklist, clinic.uid, categories[st.session_state[topic_key]])
    index = topics.index(st.session_state[topic_key])
    if index < len(topics) - 1:
        st.button(f"Next topic: {categories[topics[index + 1]].title} →", key="next-topic", on_click=_go,
                  args=(topic_key, topics[index + 1]), type="primary")


def _go(key: str, topic: str) -> None:
    st.session_state[key] = topic


@st.fragment
def topic_section(app: AppState, checklist: Checklist, uid: int, category: Category) -> None:
    clinic = app.clinic(uid)
    if clinic is None:
        return
    done = app.progress(checklist, clinic)
    answered, counted = done.by_category.get(category.id, (0, 0))
    st.markdown(f"### {category.title}\n\n{category.description}", anchors=False)
    shown = [q for q in counted_questions(checklist, app.goal, app.jurisdiction, clinic.answers) if q.category == category.id]
    for question in shown:
        question_widget(app, checklist, uid, question)
    by_topic = " · ".join(f"{c.title} {'/'.join(map(str, done.by_category.get(c.id, (0, 0))))}"
                          for c in checklist.categories_for(app.goal, app.jurisdiction))
    st.caption(f"Progress: this topic {answered} of {counted} answered; this clinic {done.answered} of {done.counted}.  \n"
               f"By topic: {by_topic}")
    if _rerun_alone():  # a full run publishes once, at its end
        publish(app, checklist)


def _rerun_alone() -> bool:
    """True when only this section reruns (an answer), not the whole script."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def question_widget(app: AppState, checklist: Checklist, uid: int, question: Question) -> None:
    clinic = app.clinic(uid)
    if clinic is None:
        return
    options = [o.id for o in question.options]
    labels = {o.id: o.label + FLAG_WORDS[o.flag] for o in question.options}
    current = clinic.answers.get(question.id)
    key = app.key("answer", uid, question.id)

    def changed() -> None:
        app.set_answer(uid, question.id, st.session_state[key])

    mark = "🛡️ " if question.safety_critical else ""
    # The label is plain text: Streamlit passes it to screen readers as written, markdown stars and all.
    st.radio(f"{mark}{question.text}", options, index=options.index(current) if current in options else None,
             format_func=labels.__getitem__, key=key, on_change=changed)
    # Lazy: the explanation is built only while this is open (a click reruns just this topic).
    details = st.expander("Why it matters and how to check", key=app.key("why", uid, question.id), on_change="rerun")
    if details.open:
        details.markdown(_explanation(checklist, question, app.jurisdiction))


def _explanation(checklist: Checklist, question: Question, jurisdiction: Jurisdiction) -> str:
    """Why, how to check, what to ask and the sources, as one element (fewer elements, faster reruns)."""

    def make() -> str:
        sources = "; ".join(f"[{s.title}]({s.url})" if s.url else s.title for s in checklist.sources_for(question.sources))
        return (
            f"**Why it matters.** {question.why}\n\n"
            f"**How to check.** {question.how_to_check.for_jurisdiction(jurisdiction)}\n\n"
            f"**What to ask.** “{question.ask}”\n\n"
            f"Sources: {sources}"
        )

    return checklist.memo(f"explain:{question.id}:{jurisdiction}", make)
