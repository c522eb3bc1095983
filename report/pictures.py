"""A picture of 100 people (an icon array): how many of them a figure is about, drawn the same way everywhere.

``icons()`` gives the geometry (10 rows of 10, filled row by row from the top left); the app and the
HTML summary draw it as SVG (``icon_array_svg``), the PDF with its own shapes. Every picture has its
text equivalent beside it (``scoring.wording.figure_sentence``): the SVG is marked as an image with a
label, and says nothing the text does not.
"""

from __future__ import annotations

from html import escape

SIZE = 10  # icons per row and per column
STEP = 12  # units between icon centres
FILLED, EMPTY = "#1d4e89", "#d4d8de"  # 7.9:1 and a light grey that still shows on paper


def icons(filled: int) -> list[tuple[float, float, bool]]:
    """(x, y, filled) of the centre of each of 100 people, in units of ``STEP``, the first ``filled`` of them filled."""
    return [(STEP * (i % SIZE) + STEP / 2, STEP * (i // SIZE) + STEP / 2, i < filled) for i in range(SIZE * SIZE)]


def _person(x: float, y: float, colour: str) -> str:
    """A head and shoulders, centred on (x, y)."""
    return (
        f'<circle cx="{x:.1f}" cy="{y - 2.6:.1f}" r="2.1" fill="{colour}"/>'
        f'<path d="M{x - 3.6:.1f} {y + 4.6:.1f}a3.6 3.6 0 0 1 7.2 0z" fill="{colour}"/>'
    )


def icon_array_svg(filled: int, label: str, width: str = "9rem") -> str:
    """100 people, ``filled`` of them dark; ``label`` is what a screen reader says (the same as the text beside it)."""
    side = STEP * SIZE
    shapes = "".join(_person(x, y, FILLED if on else EMPTY) for x, y, on in icons(filled))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" role="img" aria-label="{escape(label)}" '
        f'style="width:{width};height:auto">{shapes}</svg>'
    )
