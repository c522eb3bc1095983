"""Small noun fixtures shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scoring import Checklist, load_checklist
from tests import minimal_checklist as base


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
    from tests.serving import CHROMIUM_ARGS, require_chromium

    path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
