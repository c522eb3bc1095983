"""Print view: the summary in one column with nothing to click but the downloads (PDF, HTML, answers file).

It renders the same ``report.Summary`` the PDF and HTML are made from; files are built only when clicked.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from scoring import Checklist
from scoring.language import Language, _, current, ngettext, use
from scoring.wording import WHEN_LABELS
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


def _pdf(app: AppState, checklist: Checklist, url: str, language: Language) -> bytes:
    """Built when the button is clicked, outside the run: in the language the screen showed."""
    from report import render_pdf

    with use(language):
        return render_pdf(_summary(app, checklist, url))


def _html(app: AppState, checklist: Checklist, url: str, language: Language) -> str:
    from report import render_html

    with use(language):
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
    st.subheader(_("Your decision: whether, and where"), anchor=False)
    if summary.decision is not None:
        st.markdown(summary.decision.statement)
    st.markdown(
        _("**Are you ready to decide? (the SURE test)**") + "\n" + "\n".join(f"- {q} **{a}**" for q, a in summary.sure)
    )
    if summary.about_you:
        st.markdown("**" + _("About you") + "**\n" + "\n".join(f"- {q} **{a}**" for q, a in summary.about_you))
    for note in summary.about_notes:
        st.warning(f"**{note.title}.** {note.text}")
    if summary.values:
        st.markdown(
            _("**What matters to you about the treatment**")
            + "\n"
            + "\n".join(f"- {v}: **{how}**" for v, how in summary.values)
        )
    d = summary.decision
    if d is None:
        return
    st.subheader(_("Is it right for you now? The options side by side"), anchor=False)
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
    language = current()
    cols = st.columns(3)
    cols[0].download_button(
        _("Download PDF"),
        data=lambda: _pdf(app, checklist, url, language),
        file_name=_("injector-check-summary.pdf"),
        mime="application/pdf",
        on_click="ignore",
        key="pdf",
    )
    cols[1].download_button(
        _("Download HTML"),
        data=lambda: _html(app, checklist, url, language),
        file_name=_("injector-check-summary.html"),
        mime="text/html",
        on_click="ignore",
        key="html",
    )
    answers_download(app, _("Download answers"), "answers-file", cols[2])
    st.header(summary.title, anchor=False)
    st.caption(summary.made_line)
    st.error(f"**{summary.emergency.title}**\n\n{summary.emergency.text}", icon="🚨")
    _decision(summary)
    if summary.clinics:
        _clinics(summary)
    else:
        st.subheader(_("Clinics"), anchor=False)
        st.markdown(
            _("No clinics are in this summary. If you decide to go ahead later, add the clinics you are considering.")
        )
    _closing(summary)


def _clinics(summary: Summary) -> None:
    st.subheader(_("Your clinics compared"), anchor=False)
    st.markdown(plain(summary.robustness))
    # A list, not a table: the verdict with its reasons and cautions is long, and a phone would scroll a table sideways.
    st.markdown(
        "\n".join(
            "- "
            + (
                _("**{rank}. {name}**: {verdict}: {headline}. {cautions}. Fit: {fit}; answered {completeness}.")
                if c.cautions
                else _("**{rank}. {name}**: {verdict}: {headline}. Fit: {fit}; answered {completeness}.")
            ).format(
                rank=c.rank,
                name=plain(c.name),
                verdict=c.verdict_word,
                headline=c.headline,
                cautions=c.cautions,
                fit=c.fit_short,
                completeness=c.completeness,
            )
            for c in summary.clinics
        )
    )
    st.table(
        pd.DataFrame(
            {plain(name): scores for name, scores in summary.matrix},
            index=pd.Index(list(summary.topic_titles), name=_("Topic")),
        )
    )
    for clinic in summary.clinics:
        st.subheader(plain(clinic.name), anchor=False)
        st.markdown(f"**{clinic.verdict_word}: {clinic.verdict_text}**")
        if clinic.reasons:
            st.markdown("\n".join(f"- {reason}" for reason in clinic.reasons))
        if clinic.cautions:
            st.markdown(f"**{clinic.cautions}**")
        st.markdown(_("{fit} · answered {completeness}").format(fit=clinic.fit, completeness=clinic.completeness))
        if clinic.to_ask:
            st.markdown(
                _("Questions to ask:")
                + "\n"
                + "\n".join(f"{i}. {a.text} ({WHEN_LABELS[a.when]}; {a.why})" for i, a in enumerate(clinic.to_ask, 1))
            )
        elif clinic.asks_left_out:
            st.markdown(
                ngettext(
                    "{n} more question could be asked, but the reasons above are enough not to go ahead there.",
                    "{n} more questions could be asked, but the reasons above are enough not to go ahead there.",
                    clinic.asks_left_out,
                ).format(n=clinic.asks_left_out)
            )
        for note in clinic.notes:
            st.warning(f"**{note.title}.** {note.text}")
    st.subheader(_("Your priorities"), anchor=False)
    st.caption(_("These shape each clinic's fit score. They never change the safety checks."))
    topic = _("Topic")
    st.table(pd.DataFrame(list(summary.priorities), columns=[topic, _("How much it matters to you")]).set_index(topic))


def _closing(summary: Summary) -> None:
    st.subheader(
        _("Safety notes and what the evidence says, for {goal}").format(goal=summary.goal.lower()), anchor=False
    )
    for note in summary.notes:
        if note.severity != "emergency":  # shown first, at the top
            st.info(f"**{note.title}.** {note.text}")
    st.markdown(
        "**"
        + _("Sources")
        + "**\n\n"
        + "\n".join(
            f"{i}. {s.title}. {s.publisher}. {s.where} "
            + _("(checked {date})").format(date=s.checked)
            + (f" {s.caveat}" if s.caveat else "")
            for i, s in enumerate(summary.sources, 1)
        )
    )
    st.subheader(_("What this is"), anchor=False)
    report = " " + _("To report an error: {address}.").format(address=summary.report_to) if summary.report_to else ""
    who = _("**Who made it, and how.** Written by {authors}. {review_process} {funding}").format(
        authors=summary.authors, review_process=summary.review_process, funding=summary.funding
    )
    kept = _("**How it is kept up to date.** {policy}").format(policy=summary.update_policy)
    st.markdown(f"{summary.disclaimer} {summary.conflicts}\n\n{who}\n\n{kept}{report}")
    st.code(summary.link, language=None, wrap_lines=True)
