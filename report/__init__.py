"""The printable summary: one model from ``scoring``'s results, rendered as HTML and as PDF.

Used by the app (print view and downloads) and by ``python -m report``. Imports no Streamlit.
"""

from report.html import render_html
from report.pdf import render_pdf
from report.summary import Summary, build_summary

__all__ = ["Summary", "build_summary", "render_html", "render_pdf"]
