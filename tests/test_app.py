"""The first screen, driven with AppTest: browse the checklist, or read a plain list of problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scoring import load_checklist
from tests import minimal_checklist as base
from ui.browse import QUESTIONS_ENV

APP = "../app.py"  # AppTest resolves this against this file's folder


def _run(monkeypatch: pytest.MonkeyPatch, folder: Path | None = None) -> AppTest:
    if folder is not None:
        monkeypatch.setenv(QUESTIONS_ENV, str(folder))
    else:
        monkeypatch.delenv(QUESTIONS_ENV, raising=False)
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    return app


def _markdown(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def test_browsing_the_shipped_checklist_by_goal_and_place(monkeypatch: pytest.MonkeyPatch) -> None:
    app = _run(monkeypatch)
    assert not app.exception
    checklist = load_checklist()
    for goal in ("migraine", "bruxism", "jawline"):
        for place in ("us", "uk", "other"):
            app.radio(key="goal").set_value(goal)
            app.radio(key="jurisdiction").set_value(place)
            app.run()
            assert not app.exception
            shown = [m.value for m in app.markdown if m.value.startswith("#### ")]
            expected = checklist.applicable_questions(goal, place)
            assert len(shown) == len(expected) >= 25
            assert all(q.text in s for q, s in zip(expected, shown, strict=True))
            # the emergency note is always on screen, above the questions
            assert any("🚨" in (e.icon or "") for e in app.error)


def test_why_and_how_to_check_follow_the_place(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    questions = base.QUESTIONS.replace(
        "how_to_check: {default: Look them up on the register.}",
        "how_to_check: {default: Look them up on the register., uk: Search the GMC register.}",
    )
    app = _run(monkeypatch, base.write(tmp_path, questions_yaml=questions))
    app.radio(key="jurisdiction").set_value("uk").run()
    assert "Search the GMC register." in _markdown(app)
    app.radio(key="jurisdiction").set_value("us").run()
    assert "Search the GMC register." not in _markdown(app) and "Look them up on the register." in _markdown(app)
    assert "Only asked if you answered “A clinic” to: Where will it happen?" in "\n".join(c.value for c in app.caption)


def test_broken_checklists_show_problems_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = base.QUESTIONS.replace("category: licence", "category: licensing").replace("    ask: Is a doctor here?\n", "")
    app = _run(monkeypatch, base.write(tmp_path, questions_yaml=broken))
    assert not app.exception
    assert "could not be loaded" in app.error[0].value
    (listing,) = app.code
    assert "questions.yaml:" in listing.value and "the field 'ask' is missing - add it" in listing.value
    assert not app.radio  # nothing else is drawn on a broken checklist


def test_goal_and_place_come_from_the_link(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(QUESTIONS_ENV, str(base.write(tmp_path)))
    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params["goal"] = "jawline"
    app.query_params["jurisdiction"] = "uk"
    app.run()
    assert app.radio(key="goal").value == "jawline" and app.radio(key="jurisdiction").value == "uk"
    app.query_params["goal"] = "<script>alert(1)</script>"  # nonsense in a link falls back to the default
    app.run()
    assert not app.exception and app.radio(key="goal").value in ("migraine", "jawline")
