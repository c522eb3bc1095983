"""Injector Check: a decision aid for choosing a clinic for botulinum toxin ("Botox") injections.

The Streamlit shell. It reads like the screen, top to bottom; what it shows comes from
``scoring`` (the pure core) through the small rendering modules in ``ui``.
"""

from __future__ import annotations

import streamlit as st

from ui import browse

st.set_page_config(page_title="Injector Check", page_icon="🩺", layout="centered")

st.title("Injector Check")
st.markdown(
    "Choosing a clinic for botulinum toxin (Botox) injections? This checklist shows what to ask and "
    "how to check the answers, so you can spot safe, well-run clinics and avoid risky ones."
)

checklist = browse.load_or_explain()
st.info(f"**Please note.** {checklist.metadata.disclaimer} No clinic pays to be listed or ranked, and nothing you do here is stored.")

goal, jurisdiction = browse.choose_context()
browse.show_notes(checklist, browse.context_notes(checklist, goal, jurisdiction), goal)
browse.show_checklist(checklist, goal, jurisdiction)
browse.show_about(checklist)
