"""Options: "Is it right for me now?" Before any clinic: the decision as whether and where, the condition and its
course without treatment, the options side by side with their numbers and pictures, the questions about the
patient (asked once), and what matters to them about the treatment itself.

Renders the checklist's ``decisions``, ``patient_questions`` and ``values``; decides nothing.
"""

from __future__ import annotations

import streamlit as st

from report.pictures import icon_array_svg
from report.summary import decision_sources
from scoring import Checklist
from scoring.evaluate import patient_notes
from scoring.language import _
from scoring.models import GOAL_LABELS, Decision, Figure, OptionColumn
from scoring.wording import CERTAINTY_SHORT, CERTAINTY_WORDS, DECISION, GRID_ROWS, VALUE_LABELS, figure_sentence, people
from ui.notes import cite, show_note
from ui.state import AppState

ROWS = GRID_ROWS


def show(app: AppState, checklist: Checklist) -> None:
    st.header(_("Is it right for me now?"), anchor=False)
    st.markdown(
        _(DECISION).format(goal=GOAL_LABELS[app.goal].lower()) + " " + _("This page shows the options side by side.")
    )
    decision = checklist.decision(app.goal)
    if decision is not None:
        grid(decision, app, checklist)
    about_you(app, checklist)
    values(app, checklist)
    st.caption(_("If you decide not to have it now, or to wait, **Print view** gives you this page to keep."))


def picture(figure: Figure, option: str = "") -> None:
    """The figure as 100 people, and beside it the same in words (with its comparison drawn too)."""
    sentence = figure_sentence(figure, option)
    label = _("{n} of 100 people filled: {what}").format(n=people(figure.n), what=figure.what)
    pictures = [icon_array_svg(people(figure.n), label)]
    if figure.compared_n is not None and figure.compared_with is not None:
        label = _("{n} of 100 people filled, {compared_with}").format(
            n=people(figure.compared_n), compared_with=figure.compared_with
        )
        pictures.append(icon_array_svg(people(figure.compared_n), label))
    captions = [option or _("100 people in the study"), figure.compared_with or ""][: len(pictures)]
    cells = "".join(
        f'<figure style="margin:0 1rem 0 0;display:inline-block;text-align:center">{svg}'
        f'<figcaption style="font-size:.85rem">{caption}</figcaption></figure>'
        for svg, caption in zip(pictures, captions, strict=True)
    )
    # Our own markup (numbers and checklist text, never anything a patient typed); st.html would strip the SVG.
    st.markdown(f"<div>{cells}</div>", unsafe_allow_html=True)
    st.markdown(sentence)


def _cell(option: OptionColumn, row: str, app: AppState) -> str:
    cell = getattr(option, row)
    sure = (
        " " + _("*(how sure: {certainty})*").format(certainty=CERTAINTY_SHORT[cell.certainty]) if cell.certainty else ""
    )
    return f"- **{option.name}:** {cell.for_jurisdiction(app.jurisdiction)}{sure}"


def grid(decision: Decision, app: AppState, checklist: Checklist) -> None:
    st.subheader(_("The condition, and what happens without treatment"), anchor=False)
    st.markdown(f"{decision.condition}\n\n{decision.course}")
    if decision.course_figure is not None:
        picture(decision.course_figure)
    st.subheader(_("The options side by side"), anchor=False)
    st.caption(
        _(
            "Numbers are people in 100, over the time given. “How sure” is how certain the research is: {levels}."
        ).format(levels="; ".join(CERTAINTY_WORDS.values()))
    )
    st.markdown(
        "\n\n".join(f"**{title}**\n\n" + "\n".join(_cell(o, row, app) for o in decision.options) for row, title in ROWS)
    )
    st.markdown(cite(checklist, decision_sources(decision)))
    st.subheader(_("Pictures of 100 people"), anchor=False)
    for option in decision.options:
        if option.benefit is None and option.harm is None:
            continue
        with st.container(border=True):
            st.markdown(f"**{option.name}**: {option.what}")
            for kind, figure in ((_("Main benefit"), option.benefit), (_("Main harm"), option.harm)):
                if figure is not None:
                    st.markdown(f"*{kind}*")
                    picture(figure, option.name)
                else:
                    st.markdown(_("*{kind}:* no study gives this as a number in 100.").format(kind=kind))


def about_you(app: AppState, checklist: Checklist) -> None:
    questions = checklist.patient_questions_for(app.goal, app.jurisdiction)
    if not questions:
        return
    st.subheader(_("About you"), anchor=False)
    st.markdown(
        _(
            "Asked once, for every clinic. The answers go into your link like the rest: nothing is sent to a clinic "
            "or kept on our server, and anyone you give the link to can see them."
        )
    )
    for question in questions:
        key = app.key("patient", question.id)
        options = [o.id for o in question.options]
        current = app.patient.get(question.id)

        def changed(qid: str = question.id, k: str = key) -> None:
            app.patient[qid] = st.session_state[k]

        labels = {o.id: o.label for o in question.options}
        st.radio(
            question.text,
            options,
            index=options.index(current) if current in options else None,
            format_func=labels.__getitem__,
            key=key,
            on_change=changed,
            help=question.why,
        )
    notes = patient_notes(checklist, app.goal, app.jurisdiction, app.patient)
    for note in notes:
        show_note(checklist, note)


def values(app: AppState, checklist: Checklist) -> None:
    wanted = checklist.values_for(app.goal)
    if not wanted:
        return
    st.subheader(_("What matters to you about the treatment?"), anchor=False)
    st.markdown(
        _(
            "These are the same at every clinic, so they weigh the options above, not the clinics. "
            "They are printed with your summary, to talk through with your doctor or someone you trust."
        )
    )
    for value in wanted:
        key = app.key("value", value.id)

        def changed(vid: str = value.id, k: str = key) -> None:
            app.values[vid] = st.session_state[k]

        current = app.values.get(value.id)
        st.radio(
            value.text,
            list(VALUE_LABELS),
            index=current if current is not None else None,
            format_func=VALUE_LABELS.__getitem__,
            key=key,
            on_change=changed,
            horizontal=True,
        )
