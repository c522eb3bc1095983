"""Nothing about a patient stays on the server: a full session in Chromium with a distinctive clinic
name, then every file the server could have written is searched for that name and for the link
(which holds the answers). Only the files the patient chose to download may hold them.

Searched: the server's own output (its log), its home folder (a fresh one for this test), the
project folder, and every file under /tmp and /var/tmp changed during the session, except the
browser's own profile (that is the patient's machine, not the server) and the download folder.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from harness.serving import serve
from tests.browsing import ROOT, add_clinic, answer, open_app, step

if TYPE_CHECKING:
    from playwright.sync_api import Browser


pytestmark = pytest.mark.browser

NAME = "Quokkaville Zyxwv Clinic 7741"
LIMIT = 64 * 1024 * 1024  # bytes read per file


def changed_files(folders: list[Path], since: float, skip: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            here = Path(dirpath)
            dirnames[:] = [
                d
                for d in dirnames
                if not any((here / d).resolve().is_relative_to(s) for s in skip)
                and d not in {".git", ".venv"}
                and not d.startswith("playwright")
            ]
            for name in filenames:
                path = here / name
                try:
                    if path.is_file() and not path.is_symlink() and path.stat().st_mtime >= since:
                        found.append(path)
                except OSError:
                    continue
    return found


def holding(paths: list[Path], secrets: list[bytes]) -> list[str]:
    hits = []
    for path in paths:
        try:
            with path.open("rb") as handle:
                data = handle.read(LIMIT)
        except OSError:
            continue
        hits += [f"{path}: {secret[:30]!r}" for secret in secrets if secret in data]
    return hits


def test_a_session_leaves_nothing_about_the_patient_on_the_server(browser: Browser, tmp_path: Path) -> None:
    home, downloads, log = tmp_path / "home", tmp_path / "downloads", tmp_path / "server.log"
    home.mkdir()
    downloads.mkdir()
    started = time.time() - 1
    with serve(log=log, env={"HOME": str(home)}) as server:
        context, page = open_app(browser, server.url)
        page.get_by_text("Jawline slimming", exact=True).click()
        add_clinic(page, NAME)
        step(page, "Questions")
        answer(page, "Where will the injections be given?", "A hospital, or a medical or dental clinic")
        for name in ("Compare", "Details", "Decide"):
            step(page, name)
        step(page, "Print view")
        for button in ("Download PDF", "Download HTML", "Download answers"):
            with page.expect_download() as caught:
                page.get_by_role("button", name=button).click()
            caught.value.save_as(downloads / caught.value.suggested_filename)
        link = page.url.split("?s=", 1)[1]
        context.close()
    secrets = [NAME.encode(), link.encode()]
    saved = {p.name: p.read_bytes() for p in downloads.iterdir()}
    assert (
        NAME.encode() in saved["injector-check-answers.yaml"] and NAME.encode() in saved["injector-check-summary.html"]
    )

    assert holding([log], secrets) == [], "the server's log holds the patient's data"
    output = log.read_text(errors="replace")
    assert "You can now view your Streamlit app" in output, "the log was captured"
    assert "Traceback" not in output and "missing ScriptRunContext" not in output, output[-2000:]
    folders = [home, ROOT, Path(tempfile.gettempdir()), Path("/var/tmp")]  # noqa: S108 - searched, not written
    files = changed_files([f for f in folders if f.exists()], started, skip=[downloads.resolve(), log.resolve()])
    assert holding(files, secrets) == [], "a file written during the session holds the patient's data"
