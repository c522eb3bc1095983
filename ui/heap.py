"""Keep the collection Streamlit runs after every script run cheap.

Streamlit calls ``gc.collect(2)`` at the end of each run (``runner.postScriptGC``), and a full
collection walks every tracked object in the process. Most of ours live as long as the process:
the modules (pandas, pydantic, Altair, fpdf2 ...) and the loaded checklist. Walking them cost about
35 ms per run, on every answer, five times what the run itself costs (py-spy on a real server,
``bench/load.py``); a minimal app with a small heap pays almost nothing.

``settle()`` runs once per loaded checklist: it imports what later screens would import on first
use (so those modules are not new garbage-collector work afterwards), reads the PDF fonts, and
moves every object alive at that point into the permanent generation with ``gc.freeze()``, which
collections skip. What sessions create later (their answers, summaries) is collected as before.
"""

from __future__ import annotations

import contextlib
import gc
import importlib


def settle() -> None:
    """Import the lazily used libraries and freeze what is alive now (the long-lived part of the heap)."""
    for name in ("altair", "pyarrow"):  # Streamlit imports them on the first chart (the Compare screen)
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    from report import fastpdf, html, pdf  # the Print view's renderers, and the fonts the PDF reads once per process

    del html, pdf
    fastpdf.warm()
    gc.collect()
    gc.freeze()


def unsettle() -> None:
    """Before a new checklist replaces the old one: let the old one be collected."""
    gc.unfreeze()
