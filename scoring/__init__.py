"""Injector Check's pure core: checklists, scoring and the share-link codec.

Nothing in this package imports Streamlit, writes files or prints, except the command
line in ``__main__``. The app and the printable report only render what it returns.
"""

from scoring.checklist import Checklist, load_checklist
from scoring.errors import InputError, Problem

__all__ = ["Checklist", "InputError", "Problem", "load_checklist"]
