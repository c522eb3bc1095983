"""What fpdf2 does slowly, or has no public call for, done here and only here.

The PDF target (a summary in at most 3 of the app's busiest reruns) needs three speed-ups, and tagged
headings need one call fpdf2 2.8 keeps private. They use fpdf2 internals, so they live in this one
module, tied to the pinned version (``FPDF_VERSION``; tests/test_report.py fails when another is
installed, and checks the pages drawn are pixel for pixel the ones fpdf2's own ``add_font`` gives):

- ``FastPdf.add_font_once``: the font's tables read once per process, not once per PDF.
- ``wrap`` and ``text_width``: line breaking from the font's own width table; fpdf2 measures every
  character many times over.
- ``FastPdf.line_at``: one line of text without ``cell()``'s layout (5x slower).
- ``FastPdf.tagged``: a heading as a tagged /H1-/H3 structure element.

The rest of the PDF (report/pdf.py) uses fpdf2's public API.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

FPDF_VERSION = "2.8.9"  # the version these internals were written against (requirements.txt pins it)
FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"


@cache
def _advances(path: Path) -> tuple[dict[str, float], float]:
    """Each drawable character's advance width in em, and a fallback width."""
    font = TTFont(str(path), lazy=True)
    per_em = float(font["head"].unitsPerEm)
    metrics = font["hmtx"].metrics
    widths = {chr(cp): metrics[glyph][0] / per_em for cp, glyph in font.getBestCmap().items()}
    return widths, 0.6


@cache
def drawable() -> frozenset[str]:
    """The characters the bundled font has glyphs for, and the two layout characters ``wrap`` handles."""
    return frozenset(_advances(REGULAR)[0]) | {"\n", "\t"}


@lru_cache(maxsize=4096)
def _word_width(word: str, bold: bool) -> float:
    """A word's width in em (words repeat a lot: clinic names, topic titles, the checklist's own text)."""
    widths, fallback = _advances(BOLD if bold else REGULAR)
    return sum(widths.get(ch, fallback) for ch in word)


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
            w = _word_width(word, bold) * scale
            while w > width:  # a word longer than the line (a link): cut it
                cut, taken = 0, 0.0
                while cut < len(word) and taken + widths.get(word[cut], fallback) * scale <= width - (
                    used + space if line else 0
                ):
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


def warm() -> None:
    """Read the fonts now rather than on the first PDF (the app calls this once, at start)."""
    _font_template(REGULAR, "")
    _font_template(BOLD, "B")
    drawable()


@cache
def _font_template(path: Path, style: str) -> tuple[TTFFont, bytes]:
    """The font as fpdf2 reads it (widths, glyph ids, metrics), once per process; and the file's bytes."""
    reader = FPDF()
    reader.add_font("DejaVu", style, str(path))
    font = reader.fonts[f"dejavu{style}"]
    if not isinstance(font, TTFFont):
        raise TypeError(f"{path.name} did not load as a TrueType font")
    return font, path.read_bytes()


class FastPdf(FPDF):
    def add_font_once(self, style: str, path: Path) -> None:
        """``add_font``, with the font's tables read once per process rather than once per PDF (about 15 ms a font).

        fpdf2's ``TTFFont`` keeps two kinds of state: what it read from the file (shared here, never changed
        after reading) and what this PDF uses (its own here: the glyphs picked, its number, and a fresh
        fontTools object that the output step cuts down to those glyphs).
        """
        template, data = _font_template(path, style)
        font = copy.copy(template)
        font.i = len(self.fonts) + 1
        font.ttfont = TTFont(io.BytesIO(data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
        font.subset = SubsetMap(font)
        font.biggest_size_pt = 0
        font.missing_glyphs = []
        font._hbfont = None
        self.fonts[font.fontkey] = font

    def line_at(self, x: float, text: str, height: float) -> None:
        """One line of text at (x, y), then down a line. ``cell()`` would lay out, measure and break it again."""
        if text:
            self.text(x, self.y + 0.5 * height + 0.3 * self.font_size, text)  # the baseline where cell() puts it
        self.set_xy(x, self.y + height)

    @contextmanager
    def tagged(self, struct_type: str, title: str) -> Iterator[None]:
        """What is drawn inside, as one tagged structure element (fpdf2 2.8 tags images and links, not headings)."""
        mcid = self.struct_builder.next_mcid_for_page(self.page)
        self._add_marked_content(struct_type=struct_type, mcid=mcid, title=title)
        self._out(f"{struct_type} <</MCID {mcid}>> BDC")
        yield
        self._out("EMC")

    def fill_paths(self, operators: str) -> None:
        """Raw PDF path operators, drawn as they are (a picture of 100 people is two paths, not 200 shapes)."""
        self._out(operators)
