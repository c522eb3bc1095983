"""Showing what a person typed (clinic names) as text.

Streamlit renders markdown in ``st.markdown``, headings, widget labels and options, and in
``st.table`` cells and headers, so a name such as ``**x**``, ``[a](javascript:...)`` or
``<img src=x onerror=...>`` must be escaped before it goes into any of them. ``st.text`` and
``st.code`` show text as it is.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")


def plain(text: str) -> str:
    """``text`` made safe to embed in Streamlit markdown: every markdown and HTML character is escaped."""
    return _MARKDOWN.sub(r"\\\1", text)
