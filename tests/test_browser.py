"""What a person sees, in a real Chromium: a full flow, reload, the link elsewhere, a hostile name, screenshots.

The test starts the app on a free local port in its own process group and stops it by its pid.
Skipped only where no Chromium can be found, saying so; under CI (CI=true) a missing browser fails.
Screenshots go to artefacts/ (phone and desktop width).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serving import CHROMIUM_ARGS, require_chromium, serve

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "artefacts"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as running:
        yield running.url


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_app(browser, url: str, width: int = 390):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 1800})
    page = context.new_page()
    dialogs: list[str] = []
    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.dialogs = dialogs
    page.goto(url)
    page.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
    return context, page


def step(page, name: str) -> None:  # type: ignore[no-untyped-def]
    choose(page, "Go to", name)


def add_clinic(page, name: str) -> None:  # type: ignore[no-untyped-def]
    step(page, "Clinics")
    page.get_by_label("Name of a clinic to add").fill(name)
    page.get_by_role("button", name="Add clinic").click()
    page.get_by_role("textbox", name="Clinic name").last.wait_for()
    page.wait_for_timeout(400)


def choose(page, group: str, option: str) -> None:  # type: ignore[no-untyped-def]
    """Click an option of a radio group and wait until the app has taken it."""
    from playwright.sync_api import expect

    radios = page.get_by_role("radiogroup", name=group)
    radios.get_by_text(option).first.click()
    expect(radios.get_by_role("radio", name=option).first).to_be_checked(timeout=15_000)
    page.wait_for_timeout(300)


def answer(page, question: str, option: str) -> None:  # type: ignore[no-untyped-def]
    choose(page, question, option)


def verdicts(page) -> str:  # type: ignore[no-untyped-def]
    step(page, "Compare")
    row = page.get_by_role("row").filter(has_text="Verdict").first
    row.wait_for()
    return str(row.inner_text())


def screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"))


def test_full_flow_survives_a_reload_and_opens_elsewhere(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context, page = open_app(browser, server)
    page.get_by_text("Jawline slimming", exact=True).click()
    add_clinic(page, "Derm One")
    add_clinic(page, "Spa Two")
    step(page, "Questions")
    choose(page, "Which clinic are you answering for?", "Derm One")
    choose(page, "Topic", "Sterile, licensed setting")
    answer(page, "Where will the injections be given?", "A hospital, or a medical or dental clinic")
    page.get_by_text("this topic 1 of 4 answered").wait_for()
    choose(page, "Which clinic are you answering for?", "Spa Two")
    choose(page, "Topic", "Sterile, licensed setting")
    answer(page, "Where will the injections be given?", "A home (theirs or mine)")
    before = verdicts(page)
    assert "Check before booking" in before and "Not recommended" in before
    screenshot(page, "compare-phone")
    link = page.url
    assert "?s=" in link

    page.reload()
    page.get_by_role("heading", name="Injector Check").wait_for()
    assert verdicts(page) == before
    step(page, "Clinics")
    names = [page.get_by_role("textbox", name="Clinic name").nth(i).input_value() for i in range(2)]
    assert names == ["Derm One", "Spa Two"]

    other, fresh = open_app(browser, link, width=1280)
    assert verdicts(fresh) == before
    screenshot(fresh, "compare-desktop")
    step(fresh, "Questions")
    screenshot(fresh, "questions-desktop")
    other.close()
    context.close()


def test_a_hostile_clinic_name_is_shown_as_text_and_runs_nothing(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context, page = open_app(browser, server)
    hostile = "<img src=x onerror=alert(1)>"
    add_clinic(page, hostile)
    for name in ("Questions", "Compare", "Details", "Decide"):
        step(page, name)
    step(page, "Compare")
    page.get_by_text(hostile).first.wait_for()
    assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == []
    screenshot(page, "hostile-name-phone")
    context.close()


def test_examples_at_phone_width(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context, page = open_app(browser, server)
    page.get_by_role("button", name="Try it with example clinics").click()
    page.wait_for_timeout(800)
    step(page, "Questions")
    screenshot(page, "questions-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at phone width ({width}px)"
    context.close()


def test_html_summary_reads_at_phone_width(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from report import build_summary, render_html
    from scoring import load_checklist
    from scoring.answers import parse_answers

    checklist = load_checklist()
    state = parse_answers((ROOT / "examples" / "jawline.yaml").read_bytes(), "jawline.yaml", checklist)
    page_file = tmp_path / "summary.html"
    page_file.write_text(render_html(build_summary(checklist, state, "http://localhost:8501/")), encoding="utf-8")
    context = browser.new_context(viewport={"width": 390, "height": 1400})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert requests == [page_file.as_uri()]  # self-contained: nothing else is fetched
    screenshot(page, "summary-html-phone")
    context.close()
