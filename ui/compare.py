"""Compare: the matrix (clinics as columns), the chart with its table, the robustness sentence; and each clinic in
detail."""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd
import streamlit as st

from scoring import Checklist
from scoring.compare import Comparison
from scoring.evaluate import DEFAULT_PRIORITY, ClinicResult, Verdict
from scoring.language import _, ngettext
from scoring.models import AnswerApplies
from scoring.results import caution_lead, explanation, fit_short, fit_words
from scoring.wording import (
    REASONS_LABEL,
    VERDICT_ICON,
    VERDICT_TEXT,
    WEIGHED,
    WHEN_LABELS,
    WHY_LABELS,
    rank_label,
    score_text,
)
from ui.notes import show_note
from ui.state import AppState, move
from ui.text import plain


def matrix(app: AppState, checklist: Checklist, results: list[ClinicResult], comparison: Comparison) -> pd.DataFrame:
    ranks = {r.result.name: rank_label(r.rank, r.tied) for r in comparison.ranking}
    rows: dict[str, list[str]] = {
        _("Verdict"): [f"{VERDICT_ICON[r.verdict]} {VERDICT_TEXT[r.verdict]}" + _held(r) for r in results],
        _("Fit score (0-100)"): [fit_short(r) for r in results],
        _("Answers the fit counts"): [
            _("{answered} of {counted}").format(answered=r.answered, counted=r.counted) for r in results
        ],
        _("Order"): [ranks[r.name] for r in results],
    }
    for category in checklist.categories_for(app.goal, app.jurisdiction):
        cells = []
        for r in results:
            c = next((x for x in r.categories if x.id == category.id), None)
            cells.append(
                score_text(None)
                if c is None
                else _("{score} ({answered} of {counted})").format(
                    score=score_text(c.score), answered=c.answered, counted=c.counted
                )
            )
        rows[category.title] = cells
    for question in checklist.applicable_questions(app.goal, app.jurisdiction):
        if question.safety_critical:
            cells = []
            for r in results:
                line = next((x for c in r.categories for x in c.lines if x.question_id == question.id), None)
                cells.append(_("not asked here") if line is None else line.answer)
            rows[f"🛡️ {question.text}"] = cells
    # st.table renders markdown, headers too; the corner header is named so no header cell is empty (axe-core)
    return pd.DataFrame(rows, index=[plain(r.name) for r in results]).T.rename_axis(_("Compared on"))


def _held(r: ClinicResult) -> str:
    """What the cards above the table spell out, counted: checks still open, and cautions."""
    checks = len(r.reasons) if r.verdict is not Verdict.NOT_RECOMMENDED else 0
    to_check = ngettext("{n} to check", "{n} to check", checks).format(n=checks)
    cautions = ngettext("{n} caution", "{n} cautions", len(r.cautions)).format(n=len(r.cautions))
    if checks and r.cautions:
        return f" ({to_check}, {cautions})"
    if checks:
        return f" ({to_check})"
    return f" ({cautions})" if r.cautions else ""


def verdict_card(rank: str, r: ClinicResult, app: AppState, uid: int) -> None:
    """One clinic's verdict as a patient reads it: what holds it back, what to know, the fit with its range, and a
    button to its details."""
    with st.container(border=True):
        st.markdown(
            f"**{rank}. {plain(r.name)}**: {VERDICT_ICON[r.verdict]} {VERDICT_TEXT[r.verdict]}  \n{fit_words(r)}"
        )
        if r.reasons:
            st.markdown(
                f"{REASONS_LABEL[r.verdict]}:\n" + "\n".join(f"- {x.question} *({x.answer})*" for x in r.reasons)
            )
        if r.other_cautions:
            st.markdown(f"{caution_lead(r)}:\n" + "\n".join(f"- {x.question} *({x.answer})*" for x in r.other_cautions))
        brought_up = [n.title for n in r.notes if isinstance(n.applies, AnswerApplies)]
        if brought_up:
            st.markdown(
                _("Safety notes its answers bring up (in full on **Details**): {notes}.").format(
                    notes="; ".join(brought_up)
                )
            )
        st.button(
            _("Details: {name}").format(name=plain(r.name)),
            key=f"details-{uid}",
            on_click=move,
            args=(app, "Details", uid),
        )


# Clinic colours that carry no verdict (no red or green, which mean stop and go here) and stay apart for colour-blind
# eyes.
PALETTE = ["#0072b2", "#e69f00", "#56b4e9", "#cc79a7", "#555555", "#8c6bb1", "#a6761d", "#1b2a49"]
BAR, LINE, GAP = (
    16,
    15,
    14,
)  # pixels per bar (its 11 px score fits beside the next), per line of a topic's name, between topics


def topic_chart(results: list[ClinicResult]) -> dict[str, Any]:
    """A Vega-Lite spec: one group of bars per topic, in checklist order, topic names wrapped above nothing
    (so a phone shows them whole), the score written at each bar's end, and a legend with one clinic a line."""
    names = [r.name for r in results]
    topics: list[str] = []
    values = []
    for r in results:
        for c in r.categories:
            if c.score is None:
                continue
            label = "|".join(textwrap.wrap(c.title, 20))
            if label not in topics:
                topics.append(label)
            values.append({"topic": label, "clinic": r.name, "score": c.score})
    encoding = {
        "y": {
            "field": "topic",
            "type": "nominal",
            "sort": topics,
            "title": None,
            "axis": {
                "labelExpr": "split(datum.label, '|')",
                "labelLimit": 0,
                "labelFontSize": 12,
                "labelOverlap": False,
            },
        },
        "yOffset": {"field": "clinic", "type": "nominal", "scale": {"domain": names}},  # a clinic keeps its place
        # Room after 100 for the score written at a bar's end; the axis itself stops at 100.
        "x": {
            "field": "score",
            "type": "quantitative",
            "scale": {"domain": [0, 112]},
            "title": _("Score (0-100)"),
            "axis": {"values": [0, 20, 40, 60, 80, 100]},
        },
    }
    return {
        "autosize": {"type": "fit-x", "contains": "padding"},  # as wide as the page; as tall as its bars need
        "data": {"values": values},
        "height": len(topics) * (max(len(names) * BAR, LINE * max(t.count("|") + 1 for t in topics)) + GAP),
        "encoding": encoding,
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "color": {
                        "field": "clinic",
                        "type": "nominal",
                        "scale": {"domain": names, "range": PALETTE},
                        "title": None,
                        "legend": {"orient": "bottom", "columns": 1, "labelLimit": 0, "symbolType": "square"},
                    }
                },
            },
            # A text mark sits at the top of its bar's band, beside the bar.
            {
                "mark": {"type": "text", "align": "left", "baseline": "top", "dx": 3, "fontSize": 11},
                "encoding": {"text": {"field": "score", "type": "quantitative"}},
            },
        ],
    }


def show(app: AppState, checklist: Checklist, results: list[ClinicResult], comparison: Comparison) -> None:
    st.header(_("Compare your clinics"), anchor=False)
    if not results:
        st.info(_("Add clinics and answer some questions to see them side by side."))
        return
    st.markdown(f"**{plain(comparison.robustness)}**")  # it quotes clinic names
    st.caption(
        _(
            "These verdicts are about the clinics, not about whether to have the treatment "
            "(that is the step **Is it right for me now?**). Safety first: a clinic with a red flag or a safety check "
            "still to make before booking comes after the others, whatever its fit score. "
            "The fit score shows how each clinic fits the priorities you set, from the questions "
            "you answered; the range is what it could be once the open answers are known. A 🛡️ marks a safety check."
        )
    )
    if all(app.priorities.get(c.id, DEFAULT_PRIORITY) == DEFAULT_PRIORITY for c in checklist.categories):
        st.info(
            _(
                "You have not said what matters most to you yet, so every topic counts the same in the fit score. "
                "The safety checks are the same either way."
            ),
            icon="ℹ️",
        )
        st.button(_("Set what matters most →"), key="to-priorities", on_click=move, args=(app, "Priorities"))
    uids = {id(r): c.uid for c, r in zip(app.clinics, results, strict=True)}
    for ranked in comparison.ranking:
        verdict_card(rank_label(ranked.rank, ranked.tied), ranked.result, app, uids[id(ranked.result)])
    shared = [n for n in results[0].notes if not isinstance(n.applies, AnswerApplies)]
    with st.expander(_("Safety notes for everyone considering this treatment ({n})").format(n=len(shared))):
        for note in shared:
            show_note(checklist, note)
    st.subheader(_("Side by side"), anchor=False)
    st.caption(
        _("Each topic's score is out of 100, with how many of its answers it counts.")
        + " "
        + (_("The table scrolls sideways: swipe it to see every clinic.") if len(results) > 2 else "")
    )
    st.table(matrix(app, checklist, results, comparison))
    chart = pd.DataFrame({r.name: {c.title: c.score for c in r.categories if c.score is not None} for r in results})
    if not chart.empty:
        st.subheader(_("Topic scores"), anchor=False)
        spec = topic_chart(results)
        st.vega_lite_chart(
            spec=spec,
            width="stretch",  # as tall as its content: the bars, the axis and the legend
            alt=_("Bar chart of each clinic's score in each topic; the same numbers are in the table below it."),
        )
        with st.expander(_("The chart as a table (for screen readers)")):
            # All text: a column mixing numbers and "–" makes Arrow log a conversion traceback on the server.
            cells = chart.T.map(lambda v: score_text(None if pd.isna(v) else int(v)))
            st.table(cells.rename(index=plain).rename_axis(_("Clinic")))


def detail(app: AppState, checklist: Checklist, results: dict[int, ClinicResult]) -> None:
    st.header(_("Each clinic in detail"), anchor=False)
    if not results:
        st.info(_("Add a clinic first."))
        return
    names = {c.uid: c.name for c in app.clinics}
    key = app.key("detail")
    shown = app.active_clinic()
    # the clinic in view, as in the address
    st.session_state[key] = shown.uid if shown is not None else next(iter(names))

    def chosen() -> None:
        app.active = st.session_state[key]

    uid = st.selectbox(_("Clinic"), list(names), format_func=lambda u: names[u], key=key, on_change=chosen)
    result = results[uid]
    st.markdown(
        _("**Verdict for this clinic:** {icon} {verdict}").format(
            icon=VERDICT_ICON[result.verdict], verdict=VERDICT_TEXT[result.verdict]
        )
    )
    if result.reasons:  # a clinic held back leads with why
        st.markdown(
            f"**{REASONS_LABEL[result.verdict]}:**\n"
            + "\n".join(f"- {r.question} — *{plain(r.answer)}*" for r in result.reasons)
        )
    if result.other_cautions:
        st.markdown(
            f"**{caution_lead(result)}:**\n"
            + "\n".join(f"- {c.question} — *{plain(c.answer)}*" for c in result.other_cautions)
        )
    st.markdown(
        ngettext(
            "{fit}. The fit counts {answered} of {n} answer: “Not sure” and "
            "unanswered questions are left out of it, and become questions to ask.",
            "{fit}. The fit counts {answered} of {n} answers: “Not sure” and "
            "unanswered questions are left out of it, and become questions to ask.",
            result.counted,
        ).format(fit=fit_words(result), answered=result.answered, n=result.counted)
    )
    st.markdown("#### " + _("Questions to ask"), anchors=False)
    asks = "\n".join(
        f"{i}. {a.ask}{' 🛡️' if a.safety_critical else ''} — *{WHEN_LABELS[a.when]}; {WHY_LABELS[a.why]}*"
        for i, a in enumerate(result.to_ask, 1)
    )
    if result.verdict is Verdict.NOT_RECOMMENDED and result.to_ask:
        st.markdown(_("The reasons above are enough not to go ahead there."))
        more = len(result.to_ask)
        with st.expander(
            ngettext(
                "{n} more question, if you still want to ask this clinic",
                "{n} more questions, if you still want to ask this clinic",
                more,
            ).format(n=more)
        ):
            st.markdown(asks)
    elif result.to_ask:
        st.markdown(asks)
    else:
        st.markdown(_(WEIGHED))
    st.markdown("#### " + _("Score by topic"), anchors=False)
    for c in result.categories:
        with st.expander(
            _("{topic}: {score} ({answered} of {counted} answered)").format(
                topic=c.title, score=score_text(c.score), answered=c.answered, counted=c.counted
            )
        ):
            st.table(
                pd.DataFrame(
                    {
                        _("Question"): [x.question for x in c.lines],
                        _("Answer"): [x.answer for x in c.lines],
                        _("Points"): [explanation(x) for x in c.lines],
                    }
                ),
                hide_index=True,
            )
    st.markdown("#### " + _("Safety notes for this clinic"), anchors=False)
    for note in result.notes:
        show_note(checklist, note)
