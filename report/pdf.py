"""The summary as a PDF, made in Python with fpdf2 and the bundled DejaVu fonts (no system libraries).

- Document metadata (title, language, author, subject); headings are bookmarks and tagged
  /H1-/H3 structure elements, so readers and screen readers can navigate them.
- Each clinic starts on a new page, laid out to take to that clinic's consultation.
- Text the bundled font cannot draw (Hangul, Chinese, Arabic...) is never drawn as boxes or
  dropped letters: it is replaced by a visible notice pointing to the HTML summary.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from report.summary import ClinicPart, Note, Summary

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
NOTICE = "[a name in letters this PDF cannot show: see the HTML summary]"
RED, GREY, DARK = (176, 0, 32), (235, 235, 235), (30, 30, 30)
SEVERITY_COLOUR = {"emergency": RED, "warning": (179, 107, 0), "info": (100, 100, 100)}


@cache
def _drawable() -> frozenset[int]:
    """The code points the bundled font has glyphs for."""
    font = TTFont(str(REGULAR), lazy=True)
    return frozenset(font.getBestCmap())


def printable(text: str) -> str:
    """``text`` if the font can draw all of it, else a visible notice (never boxes, never dropped letters)."""
    drawable = _drawable()
    return text if all(ord(ch) in drawable or ch in "\n\t" for ch in text) else NOTICE


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"Injector Check summary · page {self.page_no()} of {{nb}} · not medical advice", align="C")
        self.set_text_color(*DARK)


def _heading(pdf: FPDF, text: str, level: int) -> None:
    """A heading: a bookmark, and a tagged /H<level> structure element around its text."""
    sizes = {1: 17, 2: 14, 3: 11.5}
    pdf.set_font("DejaVu", "B", sizes[level])
    if pdf.will_page_break(pdf.font_size * 3):
        pdf.add_page()
    pdf.ln(2 if level > 1 else 0)
    pdf.start_section(printable(text), level=level - 1, strict=False)
    # fpdf2 2.8 tags images and links but has no public call for headings: use its structure builder directly.
    mcid = pdf.struct_builder.next_mcid_for_page(pdf.page)
    pdf._add_marked_content(struct_type=f"/H{level}", mcid=mcid, title=printable(text))
    pdf._out(f"/H{level} <</MCID {mcid}>> BDC")
    pdf.multi_cell(0, pdf.font_size * 1.35, printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf._out("EMC")
    pdf.set_font("DejaVu", size=10)
    pdf.ln(1)


def _para(pdf: FPDF, text: str, size: float = 10, bold: bool = False) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.5, printable(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.2)


def _box(pdf: FPDF, note: Note, thick: bool = False) -> None:
    colour = SEVERITY_COLOUR.get(note.severity, GREY)
    pdf.set_draw_color(*colour)
    pdf.set_line_width(0.8 if thick else 0.3)
    pdf.set_font("DejaVu", "B", 10.5 if thick else 9.5)
    text = f"**{note.title}**\n{note.text}"
    height = (10.5 if thick else 9.5) * 0.5
    if pdf.will_page_break(height * 4):
        pdf.add_page()
    pdf.set_font("DejaVu", "", 10.5 if thick else 9.5)
    pdf.multi_cell(0, height, printable(text), border=1, padding=3, markdown=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(2)


def _table(pdf: FPDF, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], size: float = 9) -> None:
    pdf.set_font("DejaVu", size=size)
    heading = FontFace(emphasis="BOLD", fill_color=GREY)
    with pdf.table(col_widths=widths, headings_style=heading, line_height=size * 0.52, padding=1.2, text_align="LEFT",
                   repeat_headings=1) as table:
        table.row([printable(h) for h in header])
        for row in rows:
            table.row([printable(cell) for cell in row])
    pdf.ln(2)


def _clinic(pdf: FPDF, clinic: ClinicPart) -> None:
    pdf.add_page()
    _heading(pdf, clinic.name, 2)
    _para(pdf, f"{clinic.verdict_word}: {clinic.headline}", 11, bold=True)
    _para(pdf, f"Fit score: {clinic.score} · Questions answered: {clinic.completeness}")
    if clinic.reasons:
        _heading(pdf, "Why", 3)
        for reason in clinic.reasons:
            _para(pdf, f"• {reason}")
    _heading(pdf, "Questions to ask at the consultation", 3)
    if clinic.to_ask:  # one block: fpdf2 lays out text slowly, call by call
        _para(pdf, "\n".join(f"{i}. {a.text}{' (safety)' if a.safety else ''} ({a.why})" for i, a in enumerate(clinic.to_ask, 1)), 9.5)
    else:
        _para(pdf, "Nothing left to ask.")
    _heading(pdf, "Score by topic", 3)
    _table(pdf, ["Topic", "Score (0-100)", "Answered"], [[t.title, t.score, t.answered] for t in clinic.topics], (110, 36, 36))
    caution = [(line, topic.title) for topic in clinic.topics for line in topic.lines if "(caution)" in line.points]
    if caution:
        _para(pdf, "Answers that need a closer look: " + "; ".join(f"{line.question} ({line.answer})" for line, _ in caution), 9)
    if clinic.notes:
        _heading(pdf, "Safety notes for this clinic", 3)
        for note in clinic.notes:
            _box(pdf, note)


def render_pdf(summary: Summary) -> bytes:
    pdf = _Pdf(format="A4")
    pdf.set_margins(14, 14, 14)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font("DejaVu", "", str(REGULAR))
    pdf.add_font("DejaVu", "B", str(BOLD))
    pdf.set_title(summary.title)
    pdf.set_lang("en")
    pdf.set_author("Injector Check")
    pdf.set_subject(f"Clinic comparison for {summary.goal.lower()} ({summary.jurisdiction})")
    pdf.set_creator("Injector Check (python -m report)")
    pdf.alias_nb_pages()
    pdf.add_page()

    _heading(pdf, summary.title, 1)
    _para(pdf, f"Made {summary.made} · Goal: {summary.goal} · Where: {summary.jurisdiction} · "
               f"Checklist {summary.checklist_version}, last reviewed {summary.last_reviewed}", 9)
    _box(pdf, summary.emergency, thick=True)

    _heading(pdf, "Your clinics compared", 2)
    _para(pdf, summary.robustness)
    _table(pdf, ["Order", "Clinic", "Verdict", "Fit (0-100)", "Answered"],
           [[c.rank, c.name, f"{c.verdict_word}: {c.verdict_text}", c.score, c.completeness] for c in summary.clinics],
           (12, 50, 62, 20, 20))
    _heading(pdf, "Scores by topic", 3)
    _table(pdf, ["Clinic", *summary.topic_titles], [[name, *scores] for name, scores in summary.matrix],
           (34, *([(182 - 34) / max(len(summary.topic_titles), 1)] * len(summary.topic_titles))), size=7)

    for clinic in summary.clinics:
        _clinic(pdf, clinic)

    pdf.add_page()
    _heading(pdf, "Your priorities", 2)
    _para(pdf, "These shape each clinic's fit score. They never change the safety checks.")
    _table(pdf, ["Topic", "How much it matters to you"], list(summary.priorities), (110, 72))
    _para(pdf, summary.robustness)
    _heading(pdf, f"What the evidence says for {summary.goal.lower()}", 2)
    for note in summary.evidence:
        _box(pdf, note)
    _heading(pdf, "Sources", 3)
    _para(pdf, "\n".join(f"{i}. {s.title}. {s.publisher}. {s.where} (checked {s.checked})" for i, s in enumerate(summary.sources, 1)), 8.5)
    _heading(pdf, "What this is", 2)
    _para(pdf, f"{summary.disclaimer} {summary.conflicts} Nothing you entered is stored on a server: it is all in the link below.")
    _para(pdf, "To open your comparison again, use this link or scan the code (anyone with it can see your answers):")
    pdf.set_font("DejaVu", size=7)
    pdf.multi_cell(0, 3.4, summary.link, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if pdf.will_page_break(50):
        pdf.add_page()
    pdf.image(io.BytesIO(summary.qr_svg.encode()), w=40, h=40, alt_text="QR code of the link to reopen this comparison")
    return bytes(pdf.output())
