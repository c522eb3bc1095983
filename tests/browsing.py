"""Driving the app in Chromium as a person would: open it, pick steps and options, read verdicts.

Shared by the browser, failover, privacy, hostile-input and accessibility tests. The ``browser``
fixture (tests/conftest.py) launches Debian's Chromium once per test session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Dialog, Page


ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "artefacts"


DIALOGS: dict[int, list[str]] = {}  # each page's alert, confirm and prompt messages (there should be none)


def dialogs_of(page: Page) -> list[str]:
    return DIALOGS.setdefault(id(page), [])


def open_app(browser: Browser, url: str, width: int = 390) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": width, "height": 1800})
    page = context.new_page()
    dialogs = dialogs_of(page)

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url)
    page.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
    return context, page


def open_examples(browser: Browser, url: str, width: int = 390) -> tuple[BrowserContext, Page]:
    """The app with its example clinics loaded (the address holds them once they are)."""
    context, page = open_app(browser, url, width)
    page.get_by_role("button", name="Try it with example clinics").click()
    page.wait_for_function("() => new URLSearchParams(location.search).has('s')")
    settled(page)
    return context, page


def step(page: Page, name: str) -> None:
    """Go to a screen with the step bar at the top (a list of the steps)."""
    from ui.main import label

    box = page.get_by_role("combobox", name="Step")
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option", name=label(name), exact=True).click()
    wait_for_step(page, name)


def wait_for_step(page: Page, name: str) -> None:
    """Until the address bar shows the screen (the app publishes it at the end of the run that drew it)."""
    page.wait_for_function(
        "(name) => (new URLSearchParams(location.search).get('step') || 'Start') === name", arg=name, timeout=15_000
    )
    settled(page)


IDLE = """() => { const app = document.querySelector('[data-testid=stApp]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning' && !document.querySelector('[data-stale=true]'); }"""


def settled(page: Page) -> None:
    """Until the app is idle: Streamlit marks its root with the script's state, and each element still being redrawn
    as stale. Call it after something that shows a run has happened (the address bar changed, a new field)."""
    page.wait_for_function(IDLE, timeout=15_000)


def wait_for_address_change(page: Page, before: str) -> None:
    """Until the app has published what a change did (every answer, clinic and screen is in the address), then idle."""
    page.wait_for_function("(before) => location.href !== before", arg=before, timeout=15_000)
    settled(page)


def add_clinic(page: Page, name: str) -> None:
    from playwright.sync_api import expect

    step(page, "Clinics")
    boxes = page.get_by_role("textbox", name="Clinic name")
    count, before = boxes.count(), page.url
    page.get_by_label("Name of a clinic to add").fill(name)
    page.get_by_role("button", name="Add clinic").click()
    expect(boxes).to_have_count(count + 1, timeout=15_000)
    wait_for_address_change(page, before)


def expect_clinic_names(page: Page, names: list[str]) -> None:
    """On Clinics: the name fields hold these names, in order (waiting out a screen still being drawn)."""
    from playwright.sync_api import expect

    boxes = page.get_by_role("textbox", name="Clinic name")
    expect(boxes).to_have_count(len(names), timeout=15_000)
    for i, name in enumerate(names):
        expect(boxes.nth(i)).to_have_value(name, timeout=15_000)


def choose(page: Page, group: str, option: str) -> None:
    """Click an option of a radio group and wait until the app has taken it."""
    from playwright.sync_api import expect

    radios = page.get_by_role("radiogroup", name=group)
    radio = radios.get_by_role("radio", name=option).first
    was, before = radio.is_checked(), page.url
    radios.get_by_text(option).first.click()
    expect(radio).to_be_checked(timeout=15_000)
    if not was:
        wait_for_address_change(page, before)


def answer(page: Page, question: str, option: str) -> None:
    choose(page, question, option)


def answer_at_visit(page: Page, question: str, option: str) -> None:
    """On "At the visit" an answered question stays where it is, answered: wait until it shows the answer."""
    group = page.get_by_role("radiogroup", name=question)
    group.get_by_text(option).first.click()
    page.wait_for_function(
        """([name, option]) => { const g = [...document.querySelectorAll('[role=radiogroup]')]
                                   .find(g => g.getAttribute('aria-label') === name);
                               const on = g && g.querySelector('input:checked');
                               return !!on && on.closest('label').innerText.includes(option); }""",
        arg=[question, option],
        timeout=15_000,
    )


def verdicts(page: Page) -> str:
    step(page, "Compare")
    row = page.get_by_role("row").filter(has_text="Verdict").first
    row.wait_for()
    return str(row.inner_text())


def screenshot(page: Page, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"))


def two_clinic_flow(page: Page) -> str:
    """Jawline: add "Derm One" and "Spa Two", answer where each injects (a clinic, a home); the Compare verdict row."""
    page.get_by_text("Jawline slimming", exact=True).click()
    add_clinic(page, "Derm One")
    add_clinic(page, "Spa Two")
    step(page, "Questions")
    choose(page, "Which clinic?", "Derm One")
    answer(page, "Where will the injections be given?", "A hospital, or a medical or dental clinic")
    page.get_by_text("Derm One: 1 of").wait_for()  # the clinic's progress updates with the answer
    page.get_by_role("button", name="Next clinic: Spa Two →").click()
    page.get_by_text("Spa Two: 0 of").wait_for()
    answer(page, "Where will the injections be given?", "A home (theirs or mine)")
    page.get_by_text("Spa Two: 1 of").wait_for()
    return verdicts(page)
