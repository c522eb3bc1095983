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
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from report.summary import ClinicPart, Note, Summary

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
NOTICE = "[a name in letters this PDF cannot show: see the HTML summary]"
RED, GREY, DARK = (176, 0, 32), (235, 235, 235), (30, 30, 30)
SEVERITY_COLOUR = {"emergency": RED, "warning": (179, 107, 0), "info": (100, 100, 100)}


@cache
def _advances(path: Path) -> tuple[dict[str, float], float]:
    """Each drawable character's advance width in em, and a fallback width."""
    font = TTFont(str(path), lazy=True)
    per_em = float(font["head"].unitsPerEm)
    metrics = font["hmtx"].metrics
    widths = {chr(cp): metrics[glyph][0] / per_em for cp, glyph in font.getBestCmap().items()}
    return widths, 0.6


@cache
def _drawable() -> frozenset[int]:
    """The code points the bundled font has glyphs for."""
    return frozenset(ord(ch) for ch in _advances(REGULAR)[0])


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in mm of ``text`` at ``size`` points, from the font's own width table."""
    widths, fallback = _advances(BOLD if bold else REGULAR)
    return sum(widths.get(ch, fallback) for ch in text) * size * 25.4 / 72


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width`` mm. fpdf2's own line breaking measures every character, many times over."""
    widths, fallback = _advances(BOLD if bold else REGULAR)
    scale = size * 25.4 / 72
    space = widths.get(" ", fallback) * scale
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for word in paragraph.split(" "):
            w = sum(widths.get(ch, fallback) for ch in word) * scale
            while w > width:  # a word longer than the line (a link): cut it
                cut, taken = 0, 0.0
                while cut < len(word) and taken + widths.get(word[cut], fallback) * scale <= width - (used + space if line else 0):
                    taken += widths.get(word[cut], fallback) * scale
                    cut += 1
                if cut == 0:
                    lines.append(line)
                    line, used = "", 0.0
                    continue
                lines.append(f"{line} {word[:cut]}" if line else word[:cut])
                line, used, word = "", 0.0, word[cut:]
                w = sum(widths.get(ch, fallback) for ch in word) * scale
            if line and used + space + w > width:
                lines.append(line)
                line, used = word, w
            else:
                line, used = (f"{line} {word}", used + space + w) if line else (word, w)
        lines.append(line)
    return lines


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


def _lines(pdf: FPDF, lines: Sequence[str], height: float) -> None:
    for line in lines:
        pdf.cell(0, height, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _para(pdf: FPDF, text: str, size: float = 10, bold: bool = False) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    _lines(pdf, wrap(printable(text), pdf.epw, size, bold), size * 0.5)
    pdf.ln(1.2)


def _box(pdf: FPDF, note: Note, thick: bool = False) -> None:
    """A note in a bordered box, kept on one page."""
    size, pad = (10.5 if thick else 9.5), 3.0
    height = size * 0.5
    inner = pdf.epw - 2 * pad
    title, text = wrap(printable(note.title), inner, size, bold=True), wrap(printable(note.text), inner, size)
    box_h = (len(title) + len(text)) * height + 2 * pad
    if pdf.will_page_break(box_h):
        pdf.add_page()
    top = pdf.y
    pdf.set_draw_color(*SEVERITY_COLOUR.get(note.severity, GREY))
    pdf.set_line_width(0.8 if thick else 0.3)
    pdf.rect(pdf.l_margin, top, pdf.epw, box_h)
    pdf.set_xy(pdf.l_margin + pad, top + pad)
    pdf.set_font("DejaVu", "B", size)
    for line in title:
        pdf.cell(inner, height, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font("DejaVu", "", size)
    for line in text:
        pdf.cell(inner, height, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_xy(pdf.l_margin, top + box_h)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(2)


def _table(pdf: FPDF, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], size: float = 9) -> None:
    """A bordered table whose rows never split across pages; the heading row repeats on each new page."""
    scale = pdf.epw / sum(widths)
    cols = [w * scale for w in widths]
    pad, height = 1.2, size * 0.52

    def draw(cells: Sequence[str], bold: bool) -> None:
        wrapped = [wrap(printable(c), w - 2 * pad, size, bold) for c, w in zip(cells, cols, strict=True)]
        row_h = max(len(lines) for lines in wrapped) * height + 2 * pad
        if pdf.will_page_break(row_h):
            pdf.add_page()
            if not bold:
                draw(header, True)
        top, x = pdf.y, pdf.l_margin
        pdf.set_font("DejaVu", "B" if bold else "", size)
        for lines, w in zip(wrapped, cols, strict=True):
            pdf.set_fill_color(*GREY)
            pdf.rect(x, top, w, row_h, style="DF" if bold else "D")
            pdf.set_xy(x + pad, top + pad)
            for line in lines:
                pdf.cell(w - 2 * pad, height, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
            x += w
        pdf.set_xy(pdf.l_margin, top + row_h)

    draw(header, True)
    for row in rows:
        draw(row, False)
    pdf.set_font("DejaVu", size=size)
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
