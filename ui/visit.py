"""At the visit: one clinic, on a phone held in the consultation room. Only what is still to check there, each
with the words to say, big enough to tap, under a status that changes as the answers come in:
"Still to check: 3", "OK to go ahead, if you choose to", or "Stop: do not have the injection here" with why.

The status and the questions are one fragment: an answer reruns only this section. The status is the
clinic's verdict from ``scoring``; this screen decides nothing.
"""

from __future__ import annotations

import streamlit as st

from scoring import Checklist
from scoring.evaluate import ClinicResult, Verdict, counted_questions, evaluate_clinic
from scoring.language import _, ngettext
from scoring.models import Question
from ui.questions import choose_clinic, question_widget, rerun_alone
from ui.state import AppState, ClinicEntry, move, publish
from ui.text import plain

BIG = (
    "<style>[data-testid='stRadio'] label p { font-size: 1.1rem; } "
    "[data-testid='stRadio'] [role='radiogroup'] label { min-height: 2.75rem; align-items: center; }</style>"
)


def show(app: AppState, checklist: Checklist) -> None:
    # Our own style: bigger tap targets.
    st.markdown(f"{BIG}\n\n## " + _("At the visit"), unsafe_allow_html=True, anchors=False)
    if not app.clinics:
        st.info(_("Add a clinic first (step “Clinics”)."))
        return
    clinic = app.active_clinic()
    if clinic is None:
        return
    st.caption(_("Open this on your phone at the consultation. Ask each question, and tap the answer you get."))
    choose_clinic(app, checklist, None)
    visit_section(app, checklist, clinic.uid)
    after = _next_to_visit(
        app, checklist, clinic
    )  # where the eyes are after the last answer (the picker is at the top)
    if after is not None:
        st.button(
            _("Next clinic: {name} →").format(name=plain(after.name)),
            key="visit-next-clinic",
            on_click=move,
            kwargs={"app": app, "uid": after.uid},
        )


def _next_to_visit(app: AppState, checklist: Checklist, clinic: ClinicEntry) -> ClinicEntry | None:
    """The next clinic worth a visit, round to the first after the last: one not recommended is skipped (there is
    nothing to check there but the reason not to go)."""
    at = app.clinics.index(clinic)
    for step in range(1, len(app.clinics)):
        other = app.clinics[(at + step) % len(app.clinics)]
        result = evaluate_clinic(checklist, app.goal, app.jurisdiction, app.priorities, other.answers, other.name)
        if result.verdict is not Verdict.NOT_RECOMMENDED:
            return other
    return None


def status(result: ClinicResult) -> None:
    """The verdict at a glance: stop, still to check, or nothing on this checklist holds you back."""
    if result.verdict is Verdict.NOT_RECOMMENDED:
        st.error(
            _("**Stop: do not have the injection here.**") + "\n\n" + "\n".join(f"- {r}" for r in result.reasons),
            icon="🛑",
        )
    elif result.verdict.gate:
        n = len(result.reasons)
        if result.verdict is Verdict.VERIFY_FIRST:
            still = ngettext(
                "**Still to check: {n} safety check** (before booking)",
                "**Still to check: {n} safety checks** (before booking)",
                n,
            )
        else:
            still = ngettext(
                "**Still to check: {n} safety check** (before any injection)",
                "**Still to check: {n} safety checks** (before any injection)",
                n,
            )
        st.warning(still.format(n=n) + "\n\n" + "\n".join(f"- {r}" for r in result.reasons), icon="📋")
    else:
        st.success(
            _(
                "**OK to go ahead, if you choose to.** No safety check on this list holds you back. Having it, or "
                "not, is still your decision."
            ),
            icon="✅",
        )


@st.fragment
def visit_section(app: AppState, checklist: Checklist, uid: int) -> None:
    clinic = app.clinic(uid)
    if clinic is None:
        return
    result = evaluate_clinic(checklist, app.goal, app.jurisdiction, app.priorities, clinic.answers, clinic.name)
    status(result)
    held = {r.question_id for r in result.reasons}
    questions = [
        q
        for q in counted_questions(checklist, app.goal, app.jurisdiction, clinic.answers)
        if q.when != "booking" or q.id in held
    ]
    lines = {x.question_id: x for c in result.categories for x in c.lines}
    left = [q for q in questions if _still_to_check(q, lines[q.id].open, lines[q.id].flag, held)]
    left.sort(key=lambda q: q.id not in held)  # what holds the verdict first
    pinned = app.visit_pin[1] if app.visit_pin is not None and app.visit_pin[0] == uid else None
    if pinned is None:  # the list as it was when this clinic opened here
        pinned = tuple(q.id for q in left)
        app.visit_pin = (uid, pinned)
    # A question answered here stays where it is, answered, so the next tap never lands on the question that slid
    # into its place; one that comes up only now (a follow-up) joins at the end.
    by_id = {q.id: q for q in questions}
    still = [by_id[i] for i in pinned if i in by_id] + [q for q in left if q.id not in pinned]
    answered = [q for q in questions if q not in still]
    if still and result.verdict is Verdict.NOT_RECOMMENDED:  # the reason to stop is enough: the rest waits, folded
        more = st.expander(
            ngettext(
                "{n} more question, only if you still want to ask here, or to change an answer",
                "{n} more questions, only if you still want to ask here, or to change an answer",
                len(left),
            ).format(n=len(left)),
            key=app.key("visit-more", uid),
            on_change="rerun",
        )
        if more.open:
            with more:
                for question in still:
                    question_widget(app, checklist, uid, question, words=True)
    elif still:
        done_here = len(still) - len(left)
        heading = (
            _("Still to ask at {name}: {n} ({done} answered here)") if done_here else _("Still to ask at {name}: {n}")
        )
        st.markdown("#### " + heading.format(name=plain(clinic.name), n=len(left), done=done_here), anchors=False)
        for question in still:
            question_widget(app, checklist, uid, question, words=True)
    else:
        st.markdown(_("Nothing left to ask here."))
    if answered:
        done = st.expander(
            _("Answered already ({n}): change an answer").format(n=len(answered)),
            key=app.key("visit-done", uid),
            on_change="rerun",
        )
        if done.open:
            with done:
                for question in answered:
                    question_widget(app, checklist, uid, question, words=True)
    if rerun_alone():
        publish(app, checklist)


def _still_to_check(question: Question, open_: bool, flag: str, held: set[str]) -> bool:
    return open_ or question.id in held or flag == "caution"
