"""Finding English on a Spanish screen: words that are common in English and are not Spanish words.

A screen in Spanish may still show names: the clinics the patient typed (the examples' names are English), the
registers and organisations (Nursys, NHS), the products, the titles of the sources (publications keep their
titles) and web addresses. Those are taken out first, given as ``names``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scoring import Checklist

_WORDS = (  # common English words that are not Spanish words
    "the and your you with this that what which when where will would have has for are is be of to it or "
    "an at on in from before after clinic clinics answer answers check next back yes not how why who can "
    "may should about there their they them these those been was were our out more most less than then "
    "also only each every booking consultation treatment answered safety visit score fit ask asked "
    "still left day print share"
)
ENGLISH = frozenset(_WORDS.split())
_ADDRESS = re.compile(r"(https?://|www\.)\S+|\S+@\S+|\S+\.(org|gov|com|uk|nhs)\S*")


def names_in(checklist: Checklist, clinics: Iterable[str] = ()) -> list[str]:
    """What a Spanish screen may show as it is: the aid's name, clinic names, and each source as it was published (its title,
    publisher and citation)."""
    published = [text for s in checklist.sources for text in (s.title, s.publisher, s.citation) if text]
    names = ["Injector Check", *clinics, *published, *(text.rstrip(".") for text in published)]
    return sorted(set(names), key=len, reverse=True)  # the longest first, so a title is taken out whole


def english_words(text: str, names: Iterable[str] = ()) -> list[str]:
    """The English words left in ``text`` once the names and addresses are taken out (and any HTML: a style sheet
    is not read, and the pictures' labels are checked as their own texts)."""
    text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", text, flags=re.S)
    text = re.sub(r"\\(.)", r"\1", text)  # markdown's escapes, as a reader never sees them
    for name in names:
        text = text.replace(name, " ")
    text = _ADDRESS.sub(" ", text)
    return sorted({w for w in re.findall(r"[^\W\d_]+", text) if w.lower() in ENGLISH})
