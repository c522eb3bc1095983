"""The whole app in Spanish, driven with AppTest: every screen with the example clinics, no text missing from the
catalogue, no English word, and the language switched at any time without losing an answer."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from scoring import language, load_checklist
from scoring.language import use
from tests.conftest import APP
from tests.english import english_words, names_in
from tests.test_app import key
from ui.loader import QUESTIONS_ENV
from ui.main import STEPS

EXAMPLE_CLINICS = ("Riverside Dermatology", "Glow Aesthetics Spa", "Beauty Bar Party Night")


def everything_shown(at: AppTest) -> str:
    """Every text on the screen: markdown, alerts, captions, and each widget's label, options and help."""
    parts = [
        e.value for kind in ("markdown", "caption", "error", "warning", "info", "success") for e in getattr(at, kind)
    ]
    parts += [str(getattr(h, "value", "")) for kind in ("heading", "subheader") for h in at.get(kind)]
    for kind in ("radio", "selectbox", "checkbox", "button", "text_input", "select_slider", "toggle"):
        for widget in getattr(at, kind):
            parts += [str(widget.label), str(getattr(widget, "help", "") or "")]
            parts += [str(o) for o in getattr(widget, "options", ())]
    parts += [str(e.label) for e in at.expander]
    return "\n".join(parts)


@pytest.fixture
def spanish_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    """The app opened on a Spanish link. AppTest formats the widgets' values in the test's own thread, so the test
    runs in Spanish too."""
    monkeypatch.delenv(QUESTIONS_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "es"
    with use("es"):
        at.run()
        assert not at.exception
        yield at


def go(at: AppTest, step: str) -> None:
    at.selectbox(key="step").set_value(step).run()
    assert not at.exception, [e.value for e in at.exception]


def test_every_screen_in_spanish_has_every_text_and_no_english(spanish_app: AppTest) -> None:
    at = spanish_app
    names = names_in(load_checklist(today=datetime.date.today(), language="es"), EXAMPLE_CLINICS)
    language.missing.clear()
    found: dict[str, list[str]] = {}
    for step in STEPS:  # with no clinics yet
        go(at, step)
        found[f"{step} (empty)"] = english_words(everything_shown(at), names)
    go(at, "Start")
    at.radio(key=key(at, "goal")).set_value("jawline").run()
    at.button(key="examples").click().run()
    for step in STEPS:
        go(at, step)
        for expander in at.expander:  # what a tap opens: why it matters, how to check, sources
            expander.open = True  # type: ignore[attr-defined]
        found[step] = english_words(everything_shown(at), names)
    assert not language.missing, f"shown but not in the Spanish catalogue: {sorted(language.missing)[:10]}"
    assert not {s: w for s, w in found.items() if w}, found
    assert at.query_params["lang"] == ["es"] or at.query_params["lang"] == "es"


def test_switching_language_keeps_every_answer_and_the_link(app: AppTest) -> None:
    at = app
    at.radio(key=key(at, "goal")).set_value("jawline").run()
    at.button(key="examples").click().run()
    link = at.query_params["s"]
    before = [dict(c.answers) for c in at.session_state["injector-check"].clinics]
    assert at.button(key="language-switch").label == "🌐 Español"
    at.button(key="language-switch").click().run()
    assert not at.exception
    with use("es"):
        assert (
            at.button(key="language-switch").label == "🌐 English"
        )  # AppTest formats the widgets in the test's thread: in the language the app now speaks
        assert "4 de 11: Antes de pedir cita" in at.selectbox(key="step").options
        assert "Estados Unidos" in at.radio(key=key(at, "place")).options
        assert [dict(c.answers) for c in at.session_state["injector-check"].clinics] == before
        assert at.query_params["s"] == link and at.query_params["lang"] == "es"
        at.button(key="language-switch").click().run()
    assert "lang" not in at.query_params and at.query_params["s"] == link
    assert "4 of 11: Before you book" in at.selectbox(key="step").options
    assert [dict(c.answers) for c in at.session_state["injector-check"].clinics] == before


def test_after_a_switch_every_widget_shows_its_answer_and_a_new_answer_is_an_id(app: AppTest) -> None:
    """A widget keeps the words it was drawn with: after a switch, each is drawn anew from the answers."""
    at = app
    at.radio(key=key(at, "goal")).set_value("jawline").run()
    at.button(key="examples").click().run()
    at.selectbox(key="step").set_value("Questions").run()
    shown = {r.key: r.value for r in at.radio if r.key and "-answer-" in r.key}
    assert shown and any(v is not None for v in shown.values())
    at.button(key="language-switch").click().run()
    assert not at.exception
    with use("es"):
        again = {r.key.replace("-es-", "-", 1): r.value for r in at.radio if r.key and "-answer-" in r.key}
        assert again == shown  # the same options chosen, under Spanish labels
        assert at.selectbox(key="step").value == "Questions"
        at.selectbox(key="step").set_value("Start").run()
        at.radio(key=key(at, "place")).set_value("uk").run()  # a new answer after the switch is an id
        assert not at.exception
        assert at.session_state["injector-check"].jurisdiction == "uk"
        at.radio(key=key(at, "goal")).set_value("bruxism").run()
        assert not at.exception and at.session_state["injector-check"].goal == "bruxism"
