"""Print view: the summary in one column with nothing to click but the downloads (PDF, HTML, answers file).

It renders the same ``report.Summary`` the PDF and HTML are made from; files are built only when clicked.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from scoring import Checklist
from ui.share import answers_download
from ui.state import AppState, current_link
from ui.text import plain

if TYPE_CHECKING:
    from report import Summary
    from report.summary import FigurePart


# The report package is imported here, not at the top: ui.heap imports it once the checklist is loaded (and freezes
# it with the rest of the long-lived heap), so a module-level import would only slow the app's first start.
def _summary(app: AppState, checklist: Checklist, url: str) -> Summary:
    """The summary of the answers on screen, made once per change: the downloads reuse the one the print view shows.

    ``url`` is read during the script run: the download buttons call this later, outside it, where
    ``st.context`` is not available."""
    from report import build_summary

    made_from = (app.snapshot(), url, datetime.date.today(), id(checklist))
    if app.printed is None or app.printed[0] != made_from:
        app.printed = (made_from, build_summary(checklist, app, url, encoded=current_link(app, checklist)))
    summary: Summary = app.printed[1]
    return summary


def _pdf(app: AppState, checklist: Checklist, url: str) -> bytes:
    from report import render_pdf

    return render_pdf(_summary(app, checklist, url))


def _html(app: AppState, checklist: Checklist, url: str) -> str:
    from report import render_html

    return render_html(_summary(app, checklist, url))


def _figure(figure: FigurePart) -> None:
    from report.pictures import icon_array_svg

    cells = "".join(
        f'<figure style="margin:0 1rem 0 0;display:inline-block;text-align:center">{icon_array_svg(p.filled, p.label)}'
        f'<figcaption style="font-size:.85rem">{p.caption}</figcaption></figure>'
        for p in figure.pictures
    )
    st.markdown(f"<div>{cells}</div>", unsafe_allow_html=True)  # our markup, checklist text and numbers only
    st.markdown(figure.sentence)


def _decision(summary: Summary) -> None:
    st.subheader("Your decision: whether, and where", anchor=False)
    if summary.decision is not None:
        st.markdown(summary.decision.statement)
    st.markdown("**Are you ready to decide? (the SURE test)**\n" + "\n".join(f"- {q} **{a}**" for q, a in summary.sure))
    if summary.about_you:
        st.markdown("**About you**\n" + "\n".join(f"- {q} **{a}**" for q, a in summary.about_you))
    for note in summary.about_notes:
        st.warning(f"**{note.title}.** {note.text}")
    if summary.values:
        st.markdown(
            "**What matters to you about the treatment**\n"
            + "\n".join(f"- {v}: **{how}**" for v, how in summary.values)
        )
    d = summary.decision
    if d is None:
        return
    st.subheader("Is it right for you now? The options side by side", anchor=False)
    st.markdown(f"{d.condition}\n\n{d.course}")
    if d.course_figure is not None:
        _figure(d.course_figure)
    st.markdown(
        "\n\n".join(
            f"**{title}**\n\n" + "\n".join(f"- **{o.name}:** {cell}" for o, cell in zip(d.options, cells, strict=True))
            for title, cells in d.rows
        )
    )
    for option in d.options:
        st.markdown(f"**{option.name}**: {option.what}")
        for figure in option.figures:
            st.markdown(f"*{figure.kind}*")
            _figure(figure)


def show(app: AppState, checklist: Checklist) -> None:
    url = st.context.url or "http://localhost:8501/"
    summary = _summary(app, checklist, url)
    cols = st.columns(3)
    cols[0].download_button(
        "Download PDF",
        data=lambda: _pdf(app, checklist, url),
        file_name="injector-check-summary.pdf",
        mime="application/pdf",
        on_click="ignore",
        key="pdf",
    )
    cols[1].download_button(
        "Download HTML",
        data=lambda: _html(app, checklist, url),
        file_name="injector-check-summary.html",
        mime="text/html",
        on_click="ignore",
        key="html",
    )
    answers_download(app, "Download answers", "answers-file", cols[2])
    st.header(summary.title, anchor=False)
    st.caption(
        f"Made {summary.made} · Goal: {summary.goal} · Where: {summary.jurisdiction} · "
        f"Checklist {summary.checklist_version}, last reviewed {summary.last_reviewed}, next review due "
        f"{summary.next_review}"
    )
    st.error(f"**{summary.emergency.title}**\n\n{summary.emergency.text}", icon="🚨")
    _decision(summary)
    if summary.clinics:
        _clinics(summary)
    else:
        st.subheader("Clinics", anchor=False)
        st.markdown(
            "No clinics are in this summary. If you decide to go ahead later, add the clinics you are considering."
        )
    _closing(summary)


def _clinics(summary: Summary) -> None:
    st.subheader("Your clinics compared", anchor=False)
    st.markdown(plain(summary.robustness))
    # A list, not a table: the verdict with its reasons and cautions is long, and a phone would scroll a table sideways.
    st.markdown(
        "\n".join(
            f"- **{c.rank}. {plain(c.name)}**: {c.verdict_word}: {c.headline}."
            + (f" {c.cautions}." if c.cautions else "")
            + f" Fit: {c.fit_short}; answered {c.completeness}."
            for c in summary.clinics
        )
    )
    st.table(
        pd.DataFrame(
            {plain(name): scores for name, scores in summary.matrix},
            index=pd.Index(list(summary.topic_titles), name="Topic"),
        )
    )
    for clinic in summary.clinics:
        st.subheader(plain(clinic.name), anchor=False)
        st.markdown(f"**{clinic.verdict_word}: {clinic.verdict_text}**")
        if clinic.reasons:
            st.markdown("\n".join(f"- {reason}" for reason in clinic.reasons))
        if clinic.cautions:
            st.markdown(f"**{clinic.cautions}**")
        st.markdown(f"{clinic.fit} · answered {clinic.completeness}")
        if clinic.to_ask:
            st.markdown(
                "Questions to ask:\n"
                + "\n".join(f"{i}. {a.text} ({a.when}; {a.why})" for i, a in enumerate(clinic.to_ask, 1))
            )
        elif clinic.asks_left_out:
            st.markdown(
                f"{clinic.asks_left_out} more questions could be asked, but the reasons above are enough not to go "
                "ahead there."
            )
        for note in clinic.notes:
            st.warning(f"**{note.title}.** {note.text}")
    st.subheader("Your priorities", anchor=False)
    st.caption("These shape each clinic's fit score. They never change the safety checks.")
    st.table(pd.DataFrame(list(summary.priorities), columns=["Topic", "How much it matters to you"]).set_index("Topic"))


def _closing(summary: Summary) -> None:
    st.subheader(f"Safety notes and what the evidence says, for {summary.goal.lower()}", anchor=False)
    for note in summary.notes:
        if note.severity != "emergency":  # shown first, at the top
            st.info(f"**{note.title}.** {note.text}")
    st.markdown(
        "**Sources**\n\n"
        + "\n".join(
            f"{i}. {s.title}. {s.publisher}. {s.where} (checked {s.checked}){' ' + s.caveat if s.caveat else ''}"
            for i, s in enumerate(summary.sources, 1)
        )
    )
    st.subheader("What this is", anchor=False)
    report = f" To report an error: {summary.report_to}." if summary.report_to else ""
    st.markdown(
        f"{summary.disclaimer} {summary.conflicts}\n\n**Who made it, and how.** Written by {summary.authors}. "
        f"{summary.review_process} {summary.funding}\n\n**How it is kept up to date.** {summary.update_policy}{report}"
    )
    st.code(summary.link, language=None, wrap_lines=True)
