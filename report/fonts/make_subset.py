"""Make the bundled fonts: DejaVu Sans (regular and bold) cut down to the scripts the PDF draws.

    .venv/bin/python report/fonts/make_subset.py [FOLDER_WITH_FULL_DEJAVU]

FOLDER defaults to Debian's fonts-dejavu-core (/usr/share/fonts/truetype/dejavu). The PDF draws
only scripts that need no shaping and run left to right: Latin (with Vietnamese and the modifier
letters used in names), Greek, Cyrillic, Armenian and Georgian, plus punctuation, currency, arrows
and simple shapes. Everything else (Hebrew, Arabic, Hangul, Chinese ...) is left out on purpose:
the PDF shows a notice for such a name instead of drawing it wrongly (see report/pdf.py).

fpdf2 reads each font for every PDF and cuts it down to the glyphs used: a font of about 2,400
glyphs, with no hinting and no layout tables (fpdf2 does not shape text), is read and cut in about
a third of the time of the full DejaVu Sans. The licence (LICENSE-DejaVu.txt) allows modified copies; these keep the
DejaVu names, which the licence permits (it reserves only "Bitstream" and "Vera").
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]

HERE = Path(__file__).resolve().parent
RANGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x024F),  # Latin, Latin-1, Latin Extended-A and -B
    (0x0250, 0x02FF),
    (0x0300, 0x036F),  # IPA and modifier letters (ʻ ʼ in names), combining marks
    (0x0370, 0x03FF),
    (0x1F00, 0x1FFF),  # Greek, with polytonic
    (0x0400, 0x052F),  # Cyrillic and its supplement
    (0x0530, 0x058F),
    (0x10A0, 0x10FF),  # Armenian, Georgian
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese, Welsh ...)
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),  # punctuation, currency, letter-like symbols
    (0x2190, 0x21FF),
    (0x25A0, 0x25FF),
    (0x2713, 0x2718),  # arrows, shapes, check marks
)


def unicodes() -> list[int]:
    return [cp for low, high in RANGES for cp in range(low, high + 1)]


def main(source: Path) -> None:
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        options = subset.Options()
        options.layout_features = []  # fpdf2 draws without shaping: no kerning, ligatures or mark positioning
        options.hinting = False  # PDF viewers scale outlines; the hints only slow reading the font
        options.name_IDs = ["*"]  # keeps the copyright and licence notices
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.glyph_names = True
        options.drop_tables += ["FFTM", "GDEF", "GPOS", "GSUB", "MATH", "kern"]
        font = subset.load_font(str(source / name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes())
        subsetter.subset(font)
        subset.save_font(font, str(HERE / name), options)
        print(f"{name}: {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/fonts/truetype/dejavu"))
