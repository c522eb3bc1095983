"""Small noun fixtures shared by the tests, and the one rule for a tool a test needs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from scoring import Checklist, load_checklist
from tests import minimal_checklist as base
from ui.loader import QUESTIONS_ENV

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def require_tool(found: str | None, what: str, install: str) -> str:
    """The tool a test needs: where there is none, the test is skipped saying so, and under CI (CI=true) it fails,
    since .ci/run installs it (``install`` says how)."""
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI=true but {what} was not found: .ci/run installs it ({install})")
        pytest.skip(f"no {what} found ({install})")
    return found


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app in AppTest, on the shipped checklist, after its first run (which showed no exception)."""
    monkeypatch.delenv(QUESTIONS_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


@pytest.fixture(scope="session")
def checklist() -> Checklist:
    """The shipped checklist."""
    return load_checklist()


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Checklist:
    """The three-question checklist of ``minimal_checklist``."""
    folder: Path = tmp_path_factory.mktemp("tiny")
    return load_checklist([base.write(folder)])


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright, once per test session (skipped, or failed under CI, where none exists)."""
    from playwright.sync_api import sync_playwright

    from harness.serving import CHROMIUM_ARGS, find_chromium

    path = require_tool(
        find_chromium(), "Chromium", "Debian: apt-get install chromium, or set CHROMIUM=/path/to/chromium"
    )

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
