"""Small noun fixtures shared by the tests."""

from __future__ import annotations

from pathlib import Path

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
