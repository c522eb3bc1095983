"""The checklist browser: pick a goal and a place, read what to check, by topic.

Renders what ``scoring`` loads; decides nothing about the content. Checklist text is ours
(validated YAML) and goes through Streamlit's escaping markdown, never raw HTML.
"""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from scoring.language import _, long_date, ngettext, short_date
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
    heading = (
        _("🛡️ Safety check · {question}").format(question=question.text) if question.safety_critical else question.text
    )
    st.markdown(f"#### {heading}", anchors=False)
    lines = []
    for option in question.options:
        flag = flag_label(option.flag)
        lines.append(f"- {option.label}" + (f" — **{flag}**" if flag else ""))
    st.markdown("\n".join(lines))
    if question.condition is not None:
        parent = checklist.question(question.condition.question)
        if parent is not None:
            labels = [o.label for o in parent.options if o.id in question.condition.options]
            st.caption(
                _("Only asked if you answered “{answers}” to: {question}").format(
                    answers=" / ".join(labels), question=parent.text
                )
            )
    with st.expander(_("Why it matters and how to check")):
        st.markdown(_("**Why it matters.** {why}").format(why=question.why))
        st.markdown(_("**How to check.** {how}").format(how=question.how_to_check.for_jurisdiction(jurisdiction)))
        st.markdown(_("**What to ask.** “{ask}”").format(ask=question.ask))
        st.markdown(cite(checklist, question.sources))


def show_checklist(checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction) -> None:
    questions = checklist.applicable_questions(goal, jurisdiction)
    categories = checklist.categories_for(goal, jurisdiction)
    st.header(_("What to check before you book"), anchor=False)
    topics = ngettext("{n} topic", "{n} topics", len(categories)).format(n=len(categories))
    counted = ngettext(
        "{n} question in {topics} for **{goal}** in **{place}**.",
        "{n} questions in {topics} for **{goal}** in **{place}**.",
        len(questions),
    ).format(n=len(questions), topics=topics, goal=GOAL_LABELS[goal].lower(), place=JURISDICTION_LABELS[jurisdiction])
    st.markdown(
        counted
        + " "
        + _("Every question allows “Not sure”: that is a question to ask at the consultation, not a bad mark.")
    )
    for category in categories:
        st.subheader(category.title, divider="gray", anchor=False)
        st.caption(category.description)
        for question in questions:
            if question.category == category.id:
                show_question(checklist, question, jurisdiction)


def show_about(checklist: Checklist) -> None:
    meta = checklist.metadata
    st.header(_("About this checklist"), anchor=False)
    st.markdown(
        "\n\n".join(
            (
                _("Version {version}, last reviewed {date}. Written by {authors}.").format(
                    version=meta.version, date=long_date(meta.last_reviewed), authors=", ".join(meta.authors)
                ),
                _("**Funding.** {funding}").format(funding=meta.funding),
                _("**Conflicts of interest.** {conflicts}").format(conflicts=meta.conflicts),
                _("**How it is kept up to date.** {policy}").format(policy=meta.update_policy),
            )
        )
    )
    count = len(checklist.sources)
    with st.expander(ngettext("{n} source", "All {n} sources", count).format(n=count)):
        for source in checklist.sources:
            where = f"[{source.url}]({source.url}) {source.citation or ''}" if source.url else (source.citation or "")
            checked = _("(checked {date})").format(date=short_date(source.checked))
            st.markdown(f"- **{source.title}**, {source.publisher}. {where} {checked}")
