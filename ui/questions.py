"""Questions: one clinic at a time, one topic at a time; each topic section is a fragment.

Only the active clinic's active topic is built. Answering reruns just that topic's fragment,
which updates the topic's and the clinic's progress and the link in the address bar.
"""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from scoring.evaluate import ClinicResult, counted_questions, evaluate_clinic
from scoring.models import Category, Question
from ui.state import AppState, publish
from ui.text import plain

FLAG_WORDS = {"critical": " 🛑 (red flag)", "caution": " ⚠️ (caution)", "none": ""}


def show(app: AppState, checklist: Checklist, results: dict[int, ClinicResult]) -> None:
    st.header("Answer the questions")
    if not app.clinics:
        st.info("Add a clinic first (step “Clinics”), or try the example clinics on the start page.")
        return
    clinic = app.active_clinic()
    if clinic is None:
        return

    def choose_clinic() -> None:
        app.active = st.session_state[app.key("clinic")]

    names = {c.uid: c.name for c in app.clinics}
    st.radio("Which clinic are you answering for?", list(names), index=list(names).index(clinic.uid),
             format_func=lambda uid: plain(names[uid]), key=app.key("clinic"), on_change=choose_clinic, horizontal=True)
    result = results[clinic.uid]
    st.progress(result.answered / max(result.counted, 1), text=f"{result.answered} of {result.counted} questions answered for this clinic")

    categories = {c.id: c for c in checklist.categories_for(app.goal, app.jurisdiction)}
    by_category = {c.id: c for c in result.categories}
    topic_key = app.key("topic", clinic.uid)
    topics = list(categories)
    if st.session_state.get(topic_key) not in topics:
        st.session_state[topic_key] = topics[0]

    def topic_label(cid: str) -> str:
        done = by_category.get(cid)
        count = f" ({done.answered}/{done.counted})" if done else ""
        return f"{categories[cid].title}{count}"

    st.radio("Topic", topics, format_func=topic_label, key=topic_key, horizontal=True,
             help="The numbers show how many questions you have answered in each topic.")
    topic_section(app, checklist, clinic.uid, categories[st.session_state[topic_key]])
    index = topics.index(st.session_state[topic_key])
    cols = st.columns(2)
    if index > 0:
        cols[0].button("← Previous topic", key="prev-topic", on_click=_go, args=(topic_key, topics[index - 1]))
    if index < len(topics) - 1:
        cols[1].button("Next topic →", key="next-topic", on_click=_go, args=(topic_key, topics[index + 1]), type="primary")


def _go(key: str, topic: str) -> None:
    st.session_state[key] = topic


@st.fragment
def topic_section(app: AppState, checklist: Checklist, uid: int, category: Category) -> None:
    clinic = app.clinic(uid)
    if clinic is None:
        return
    st.subheader(category.title)
    st.caption(category.description)
    shown = [q for q in counted_questions(checklist, app.goal, app.jurisdiction, clinic.answers) if q.category == category.id]
    for question in shown:
        question_widget(app, checklist, uid, question)
    answered = sum(1 for q in shown if q.id in clinic.answers and clinic.answers[q.id] != q.unsure)
    overall = evaluate_clinic(checklist, app.goal, app.jurisdiction, app.priorities, clinic.answers)
    st.caption(f"This topic: {answered} of {len(shown)} answered. This clinic: {overall.answered} of {overall.counted}.")
    publish(app, checklist)


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
    st.radio(f"{mark}**{question.text}**", options, index=options.index(current) if current in options else None,
             format_func=labels.__getitem__, key=key, on_change=changed)
    with st.expander("Why it matters and how to check"):
        st.markdown(f"**Why it matters.** {question.why}")
        st.markdown(f"**How to check.** {question.how_to_check.for_jurisdiction(app.jurisdiction)}")
        st.markdown(f"**What to ask.** “{question.ask}”")
        sources = "; ".join(f"[{s.title}]({s.url})" if s.url else s.title for s in checklist.sources_for(question.sources))
        st.caption(f"Sources: {sources}")
