"""The summary as a PDF, made in Python with fpdf2 and the bundled DejaVu fonts (no system libraries).

- Document metadata (title, language, author, subject); headings are bookmarks and tagged
  /H1-/H3 structure elements, so readers and screen readers can navigate them.
- Each clinic starts on a new page, laid out to take to that clinic's consultation.
- A name the bundled font cannot draw (Hangul, Chinese, Arabic...) is never drawn as boxes or
  dropped letters: it is replaced by a visible notice pointing to the HTML summary, and only the
  name is: the sentence around it is printed (names are put into sentences here, not before).
"""

from __future__ import annotations

from collections.abc import Sequence

from fpdf.enums import XPos, YPos

from report.fastpdf import BOLD, REGULAR, FastPdf, drawable, wrap
from report.pictures import FILLED, STEP, icons
from report.summary import ClinicPart, DecisionPart, FigurePart, Note, Summary, dark_runs
from scoring.language import N_, _, current
from scoring.wording import MATRIX_NOTE, WEIGHED, robustness_sentence

NOTICE = N_("[a name in letters this PDF cannot show: see the HTML summary]")
RED, GREY, DARK = (176, 0, 32), (235, 235, 235), (30, 30, 30)
QR_MM = 45.0  # printed size of the QR code, quiet zone included
SEVERITY_COLOUR = {"emergency": RED, "warning": (179, 107, 0), "info": (100, 100, 100)}


def printable(text: str) -> str:
    """``text`` if the font can draw all of it, else a visible notice (never boxes, never dropped letters).

    For a whole name or a whole cell; a sentence with names in it is put together from ``printable`` names."""
    return text if drawable().issuperset(text) else _(NOTICE)


class _Pdf(FastPdf):
    running = ""  # the clinic whose section is being drawn: a page it runs on to says so at its top

    def header(self) -> None:
        if self.running:
            self.set_font("DejaVu", "B", 9)
            self.set_text_color(90, 90, 90)
            continued = _("{name} (continued)").format(name=self.running)
            self.line_at(self.l_margin, wrap(continued, self.epw, 9, bold=True)[0], 6)
            self.set_text_color(*DARK)
            self.set_font("DejaVu", size=10)
            self.ln(1)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=8)
        self.set_text_color(90, 90, 90)
        footer = _("Injector Check summary · page {page} of {pages} · not medical advice")
        self.cell(0, 6, footer.format(page=self.page_no(), pages="{nb}"), align="C")  # {nb}: the page count, at the end
        self.set_text_color(*DARK)


def _heading(pdf: FastPdf, text: str, level: int) -> None:
    """A heading: a bookmark, and a tagged /H<level> structure element around its text."""
    sizes = {1: 17, 2: 14, 3: 11.5}
    pdf.set_font("DejaVu", "B", sizes[level])
    if pdf.will_page_break(pdf.font_size * 3 + 14):  # never alone at the foot of a page: a few lines stay with it
        pdf.add_page()
    pdf.ln(2 if level > 1 else 0)
    pdf.start_section(printable(text), level=level - 1, strict=False)
    with pdf.tagged(f"/H{level}", printable(text)):
        for line in wrap(printable(text), pdf.epw, sizes[level], bold=True):
            pdf.line_at(pdf.l_margin, line, pdf.font_size * 1.35)
    pdf.set_font("DejaVu", size=10)
    pdf.ln(1)


def _lines(pdf: FastPdf, lines: Sequence[str], height: float) -> None:
    for line in lines:
        if pdf.will_page_break(height):
            pdf.add_page()
        pdf.line_at(pdf.l_margin, line, height)


def _para(pdf: FastPdf, text: str, size: float = 10, bold: bool = False) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    _lines(pdf, wrap(printable(text), pdf.epw, size, bold), size * 0.5)
    pdf.ln(1.2)


def _box(pdf: FastPdf, note: Note, thick: bool = False) -> None:
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
        pdf.line_at(pdf.l_margin + pad, line, height)
    pdf.set_font("DejaVu", "", size)
    for line in text:
        pdf.line_at(pdf.l_margin + pad, line, height)
    pdf.set_xy(pdf.l_margin, top + box_h)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(2)


def _table(
    pdf: FastPdf, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], size: float = 9
) -> None:
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
                pdf.line_at(x + pad, line, height)
            x += w
        pdf.set_xy(pdf.l_margin, top + row_h)

    draw(header, True)
    for row in rows:
        draw(row, False)
    pdf.set_font("DejaVu", size=size)
    pdf.ln(2)


def _topic_matrix(pdf: FastPdf, summary: Summary) -> None:
    """Topics down the side, clinics across, so topic names stay whole. Narrow columns get a letter and a key."""
    count = max(len(summary.clinics), 1)
    width = (182 - 62) / count
    named = width >= 28
    letters = [chr(ord("A") + i) for i in range(len(summary.clinics))]  # the ranking's order; ranks can tie
    header = [c.name if named else letter for c, letter in zip(summary.clinics, letters, strict=True)]
    if not named:
        key = "; ".join(f"{letter} = {printable(c.name)}" for c, letter in zip(summary.clinics, letters, strict=True))
        _para(pdf, _("Clinics: {key}").format(key=key), 8.5)
    columns = [scores for _, scores in summary.matrix]
    rows = [[title, *(column[i] for column in columns)] for i, title in enumerate(summary.topic_titles)]
    _table(pdf, [_("Topic"), *header], rows, (62, *([width] * count)), size=8.5)


def _clinic(pdf: _Pdf, clinic: ClinicPart) -> None:
    pdf.running = ""
    pdf.add_page()
    _heading(pdf, clinic.name, 2)
    pdf.running = printable(clinic.name)
    _para(pdf, f"{clinic.verdict_word}: {clinic.verdict_text}", 11, bold=True)
    if clinic.reasons:
        _heading(pdf, clinic.reasons_label, 3)
        _para(pdf, "\n".join(f"• {reason}" for reason in clinic.reasons))
    if clinic.cautions:
        _para(pdf, clinic.cautions, bold=True)
    _para(pdf, clinic.answered_line)
    if clinic.visit_link:
        _visit(pdf, clinic)
    _heading(pdf, _("Questions to ask"), 3)
    safety = " " + _("(safety)")
    for heading, first, asks in clinic.ask_groups:  # a block each: fpdf2 lays out text slowly, call by call
        _para(pdf, heading, 9.5, bold=True)
        _para(
            pdf,
            "\n".join(f"{i}. {a.text}{safety if a.safety else ''} ({a.why})" for i, a in enumerate(asks, first)),
            9.5,
        )
    if clinic.asks_left_out:
        _para(pdf, clinic.left_out)
    elif not clinic.to_ask:
        _para(pdf, _(WEIGHED))
    _heading(pdf, _("Score by topic"), 3)
    _table(
        pdf,
        [_("Topic"), _("Score (0-100)"), _("Answered")],
        [[t.title, t.score, t.answered] for t in clinic.topics],
        (110, 36, 36),
    )
    if clinic.notes:
        _heading(pdf, _("Safety notes for this clinic"), 3)
        for note in clinic.notes:
            _box(pdf, note)
    pdf.running = ""


PICTURE_MM = 30.0  # printed width of a picture of 100 people
K = 0.5523  # a quarter circle as one Bezier curve: control points at this fraction of the radius


def _colour(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return f"{r:.3f} {g:.3f} {b:.3f} rg"


def _people(pdf: FastPdf, left: float, top: float, filled: int) -> None:
    """100 people as heads and shoulders, ``filled`` of them dark: two filled paths, in PDF units (origin bottom
    left)."""
    scale, k = PICTURE_MM / (STEP * 10) * pdf.k, pdf.k
    paths: dict[bool, list[str]] = {True: [], False: []}
    for x, y, on in icons(filled):
        cx, cy = left * k + x * scale, (pdf.h - top) * k - y * scale
        hy, hr = cy + 2.6 * scale, 2.1 * scale  # the head, above the centre
        c = K * hr
        paths[on].append(
            f"{cx + hr:.2f} {hy:.2f} m {cx + hr:.2f} {hy + c:.2f} {cx + c:.2f} {hy + hr:.2f} {cx:.2f} {hy + hr:.2f} c "
            f"{cx - c:.2f} {hy + hr:.2f} {cx - hr:.2f} {hy + c:.2f} {cx - hr:.2f} {hy:.2f} c "
            f"{cx - hr:.2f} {hy - c:.2f} {cx - c:.2f} {hy - hr:.2f} {cx:.2f} {hy - hr:.2f} c "
            f"{cx + c:.2f} {hy - hr:.2f} {cx + hr:.2f} {hy - c:.2f} {cx + hr:.2f} {hy:.2f} c h"
        )
        sy, sr = cy - 4.6 * scale, 3.6 * scale  # the shoulders: half a circle, flat side down
        c = K * sr
        paths[on].append(
            f"{cx - sr:.2f} {sy:.2f} m {cx - sr:.2f} {sy + c:.2f} {cx - c:.2f} {sy + sr:.2f} {cx:.2f} {sy + sr:.2f} c "
            f"{cx + c:.2f} {sy + sr:.2f} {cx + sr:.2f} {sy + c:.2f} {cx + sr:.2f} {sy:.2f} c h"
        )
    pdf.fill_paths(f"q {_colour(FILLED)} {' '.join(paths[True])} f 0.831 0.847 0.871 rg {' '.join(paths[False])} f Q")


def _figure(pdf: FastPdf, figure: FigurePart, label: str = "") -> None:
    """A label, the pictures side by side with their captions, then the same in words: kept on one page."""
    size = 8.5
    captions = [wrap(printable(p.caption), PICTURE_MM + 10, size) for p in figure.pictures]
    caption_h = max(len(c) for c in captions) * size * 0.45 + 2
    sentence = wrap(printable(figure.sentence), pdf.epw, 9.5)
    needed = (5 if label else 0) + PICTURE_MM + caption_h + len(sentence) * 9.5 * 0.5 + 4
    if pdf.will_page_break(needed):
        pdf.add_page()
    if label:
        _para(pdf, label, 9.5)
    top = pdf.y + 1
    pdf.set_font("DejaVu", "", size)
    for i, (picture, lines) in enumerate(zip(figure.pictures, captions, strict=True)):
        left = pdf.l_margin + i * (PICTURE_MM + 12)
        _people(pdf, left, top, picture.filled)
        pdf.set_xy(left, top + PICTURE_MM + 1)
        for line in lines:
            pdf.line_at(left, line, size * 0.45)
    pdf.set_xy(pdf.l_margin, top + PICTURE_MM + caption_h)
    _para(pdf, figure.sentence, 9.5)


def _decision(pdf: FastPdf, summary: Summary) -> None:
    _heading(pdf, _("Your decision: whether, and where"), 2)
    if summary.decision is not None:
        _para(pdf, summary.decision.statement)
    _heading(pdf, _("Are you ready to decide? (the SURE test)"), 3)
    _table(pdf, [_("Question"), _("Your answer")], [list(row) for row in summary.sure], (140, 42))
    if summary.about_you:
        _heading(pdf, _("About you"), 3)
        _para(pdf, "\n".join(f"• {q} {a}" for q, a in summary.about_you), 9.5)
    for note in summary.about_notes:
        _box(pdf, note)
    if summary.values:
        _heading(pdf, _("What matters to you about the treatment"), 3)
        _para(pdf, "\n".join(f"• {v}: {how}" for v, how in summary.values), 9.5)


def _options(pdf: FastPdf, d: DecisionPart) -> None:
    pdf.add_page()
    _heading(pdf, _("Is it right for you now? The options side by side"), 2)
    _para(pdf, d.condition)
    _para(pdf, d.course)
    if d.course_figure is not None:
        _figure(pdf, d.course_figure)
    _para(
        pdf,
        _(
            'Numbers are people in 100, over the time given. "How sure" is how certain the research is: '
            "high, moderate, low or very low."
        ),
        8.5,
    )
    count = len(d.options)
    _table(
        pdf,
        ["", *(o.name for o in d.options)],
        [[title, *cells] for title, cells in d.rows],
        (26, *([(182 - 26) / count] * count)),
        size=7.5,
    )
    _heading(pdf, _("Pictures of 100 people"), 3)
    for option in d.options:
        _para(pdf, f"{option.name}: {option.what}", 10, bold=True)
        for figure in option.figures:
            _figure(pdf, figure, figure.kind)
        for kind in option.no_figure:
            _para(pdf, _("{kind}: no study gives this as a number in 100.").format(kind=kind), 9.5)


def render_pdf(summary: Summary) -> bytes:
    pdf = _Pdf(format=summary.paper)
    pdf.set_margins(14, 14, 14)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font_once("", REGULAR)
    pdf.add_font_once("B", BOLD)
    pdf.set_title(summary.title)
    pdf.set_lang(current())
    pdf.set_author("Injector Check")
    pdf.set_subject(
        _("Whether, and where: {goal} ({place})").format(goal=summary.goal.lower(), place=summary.jurisdiction)
    )
    pdf.set_creator("Injector Check (python -m report)")
    pdf.alias_nb_pages()
    pdf.add_page()

    _heading(pdf, summary.title, 1)
    _para(pdf, summary.facts, 9)
    _box(pdf, summary.emergency, thick=True)
    _decision(pdf, summary)
    if summary.decision is not None:
        _options(pdf, summary.decision)

    robustness = robustness_sentence(summary.comparison, printable)
    pdf.add_page()
    if summary.clinics:
        _heading(pdf, _("Your clinics compared"), 2)
        _para(pdf, robustness)
        _table(
            pdf,
            [_("No."), _("Clinic"), _("Verdict"), _("Fit (0-100)"), _("Answered")],
            [
                [
                    c.rank,
                    c.name,
                    f"{c.verdict_word}: {c.headline}" + (f". {c.cautions}" if c.cautions else ""),
                    c.fit_short,
                    c.completeness,
                ]
                for c in summary.clinics
            ],
            (11, 38, 89, 24, 20),
        )
        _heading(pdf, _("Scores by topic"), 3)
        _para(pdf, _(MATRIX_NOTE), 9)
        _topic_matrix(pdf, summary)
    else:
        _heading(pdf, _("Clinics"), 2)
        _para(
            pdf,
            _(
                "No clinics are in this summary. If you decide to go ahead later, open the link at the end to add the "
                "clinics you are considering."
            ),
        )

    for clinic in summary.clinics:
        _clinic(pdf, clinic)

    if summary.clinics:
        pdf.add_page()
        _heading(pdf, _("Your priorities"), 2)
        _para(pdf, _("These shape each clinic's fit score. They never change the safety checks."))
        _table(pdf, [_("Topic"), _("How much it matters to you")], list(summary.priorities), (110, 72))
        _para(pdf, robustness)
    _heading(pdf, summary.evidence_heading, 2)
    _para(pdf, _("The emergency signs are on page 1."))
    for note in summary.notes:
        if note.severity != "emergency":
            _box(pdf, note)
    _heading(pdf, _("Sources"), 3)
    _para(
        pdf,
        "\n".join(
            f"{i}. {s.title}. {s.publisher}. {s.where} {s.checked_note}{' ' + s.caveat if s.caveat else ''}"
            for i, s in enumerate(summary.sources, 1)
        ),
        8.5,
    )
    _heading(pdf, _("What this is"), 2)
    stored = _("Nothing you entered is stored on a server: it is all in the link below.")
    _para(pdf, f"{summary.disclaimer} {summary.conflicts} {stored}")
    who = _("Who made it, and how.")
    _para(pdf, f"{who} {summary.written_by} {summary.review_process} {summary.funding}")
    report = f" {summary.report_error}" if summary.report_to else ""
    kept = _("How it is kept up to date.")
    _para(pdf, f"{kept} {summary.review_dates} {summary.update_policy}{report}")
    _para(pdf, _("To open your summary again, use this link or scan the code (anyone with it can see your answers):"))
    pdf.set_font("DejaVu", size=7)
    pdf.multi_cell(0, 3.4, summary.link, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if pdf.will_page_break(QR_MM + 2):
        pdf.add_page()
    _qr(pdf, summary.qr)
    return bytes(pdf.output())


def _visit(pdf: FastPdf, clinic: ClinicPart) -> None:
    """The clinic's "At the visit" code in a box, what it opens beside it."""
    pad, size = 3.0, 9.5
    text = wrap(
        printable(
            _(
                "At the visit: scan this with your phone's camera to open {name} on “At the visit”: what is "
                "still to check there, with the words to say."
            ).format(name=clinic.name)
        ),
        pdf.epw - VISIT_QR_MM - 3 * pad,
        size,
    )
    box_h = max(VISIT_QR_MM, len(text) * size * 0.5) + 2 * pad
    if pdf.will_page_break(box_h):
        pdf.add_page()
    top = pdf.y
    pdf.set_draw_color(*SEVERITY_COLOUR["info"])
    pdf.rect(pdf.l_margin, top, pdf.epw, box_h)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_xy(pdf.l_margin + pad, top + pad - 1)
    _qr(pdf, clinic.visit_qr, VISIT_QR_MM, pdf.l_margin + pad)
    pdf.set_font("DejaVu", "", size)
    pdf.set_y(top + pad)
    for line in text:
        pdf.line_at(pdf.l_margin + VISIT_QR_MM + 2 * pad, line, size * 0.5)
    pdf.set_xy(pdf.l_margin, top + box_h)
    pdf.ln(2)


VISIT_QR_MM = 32.0  # a clinic's "At the visit" code: scanned from a page held in the hand


def _qr(pdf: FastPdf, rows: tuple[bytes, ...], size: float = QR_MM, left: float | None = None) -> None:
    """The QR code drawn as filled rectangles, one per run of dark modules (no image to decode)."""
    left = pdf.l_margin if left is None else left
    unit, top, k = size / len(rows), pdf.y + 1, pdf.k
    # One filled path of rectangles, in PDF units (origin bottom left), as fpdf2's rect() writes each one.
    path = " ".join(
        f"{(left + x * unit) * k:.2f} {(pdf.h - top - y * unit) * k:.2f} {w * unit * k:.2f} {-unit * k:.2f} re"
        for x, y, w in dark_runs(rows)
    )
    pdf.fill_paths(f"q 0 g {path} f Q")
    pdf.set_xy(pdf.l_margin, top + size)
