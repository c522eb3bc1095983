"""The checklist browser: pick a goal and a place, read what to check, by topic.

Renders what ``scoring`` loads; decides nothing about the content. Checklist text is ours
(validated YAML) and goes through Streamlit's escaping markdown, never raw HTML.
"""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from scoring.models import (
    GOAL_LABELS,
    JURISDICTION_LABELS,
    Goal,
    Jurisdiction,
    Question,
)
from scoring.wording import flag_label
from ui.notes import cite


def show_question(checklist: Checklist, question: Question, jurisdiction: Jurisdiction) -> None:
    marker = "🛡️ Safety check · " if question.safety_critical else ""
    st.markdown(f"#### {marker}{question.text}", anchors=False)
    lines = []
    for option in question.options:
        flag = flag_label(option.flag)
        lines.append(f"- {option.label}" + (f" — **{flag}**" if flag else ""))
    st.markdown("\n".join(lines))
    if question.condition is not None:
        parent = checklist.question(question.condition.question)
        if parent is not None:
            labels = [o.label for o in parent.options if o.id in question.condition.options]
            st.caption(f"Only asked if you answered “{' / '.join(labels)}” to: {parent.text}")
    with st.expander("Why it matters and how to check"):
        st.markdown(f"**Why it matters.** {question.why}")
        st.markdown(f"**How to check.** {question.how_to_check.for_jurisdiction(jurisdiction)}")
        st.markdown(f"**What to ask.** “{question.ask}”")
        st.markdown(cite(checklist, question.sources))


def show_checklist(checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction) -> None:
    questions = checklist.applicable_questions(goal, jurisdiction)
    categories = checklist.categories_for(goal, jurisdiction)
    st.header("What to check before you book", anchor=False)
    st.markdown(
        f"{len(questions)} questions in {len(categories)} topics for "
        f"**{GOAL_LABELS[goal].lower()}** in **{JURISDICTION_LABELS[jurisdiction]}**. "
        "Every question allows “Not sure”: that is a question to ask at the consultation, not a bad mark."
    )
    for category in categories:
        st.subheader(category.title, divider="gray", anchor=False)
        st.caption(category.description)
        for question in questions:
            if question.category == category.id:
                show_question(checklist, question, jurisdiction)


def show_about(checklist: Checklist) -> None:
    meta = checklist.metadata
    st.header("About this checklist", anchor=False)
    st.markdown(
        f"Version {meta.version}, last reviewed {meta.last_reviewed:%d %B %Y}. "
        f"Written by {', '.join(meta.authors)}.\n\n"
        f"**Funding.** {meta.funding}\n\n**Conflicts of interest.** {meta.conflicts}\n\n"
        f"**How it is kept up to date.** {meta.update_policy}"
    )
    with st.expander(f"All {len(checklist.sources)} sources"):
        for source in checklist.sources:
            where = f"[{source.url}]({source.url}) {source.citation or ''}" if source.url else (source.citation or "")
            st.markdown(f"- **{source.title}**, {source.publisher}. {where} (checked {source.checked:%d %b %Y})")
