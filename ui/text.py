"""Showing what a person typed (clinic names) as text, and nothing else.

Streamlit renders markdown in ``st.markdown``, headings, and widget labels and options, so a
name such as ``**x**``, ``[a](javascript:...)`` or ``<img src=x onerror=...>`` must be escaped
before it goes into any of them. Tables and ``st.text`` show text as it is and need nothing.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")


def plain(text: str) -> str:
    """``text`` made safe to embed in Streamlit markdown: every markdown and HTML character is escaped."""
    return _MARKDOWN.sub(r"\\\1", text)
