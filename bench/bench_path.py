"""The patient's path, walked by a script in Chromium on a 390 x 844 phone screen, in one run.

    .venv/bin/python bench/bench_path.py      (also part of: python3 dev.py bench)

A patient choosing a clinic for jawline slimming in the US: Start (goal and place), the options step
with its questions about the patient and what matters to them, three clinics typed in, every question
"Before you book" for each clinic, and Compare. Then the same patient again on the whole
questionnaire: the same path, on from Compare to "At the visit", every question left there for each
clinic, and back to Compare.

It counts what a person would do, not what the script does to read the screen:
- answers: taps on an answer (a radio option) and names typed;
- other taps: every other tap (Next, Add clinic, Next clinic, the step bar);
- scrolls to find the next action: times the button to tap next was above the screen, or more than a
  screen below it, when it was needed: the patient has to go back up, or hunt for it. Target: none;
- scrolls to read on: times the next question, or the next button, was just below the screen (reading on,
  as on any long page: a swipe that brings it to the middle of the screen).

Target, on the booking path for three clinics: at most 12 other taps, and no scroll to the next action.
Wall time is the script's own, from the first tap to Compare on screen (a machine's time, not a reader's).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.serving import CHROMIUM_ARGS, find_chromium, serve
from ui.main import label as step_label

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page


WIDTH, HEIGHT = 390, 844
CLINICS = ("Riverside Dermatology", "Glow Aesthetics Spa", "City Face Clinic")
OTHER_TAPS_TARGET = 12
SHOTS = os.environ.get("PATH_SHOTS", "")  # a folder: a screenshot wherever the next action was off the screen
PICK = (0, 1, -1)  # the option each clinic's answers take: the first, the second, the last ("Not sure")


@dataclass
class Walk:
    """What one walk took."""

    answers: int = 0
    typed: int = 0
    taps: int = 0
    scrolls_to_act: int = 0
    scrolls_to_read: int = 0
    missed: list[str] = field(default_factory=list)  # the actions that were not on screen
    seconds: float = 0.0


class Patient:
    def __init__(self, page: Page, walk: Walk) -> None:
        self.page, self.walk = page, walk

    def _reach(self, target: Locator, action: bool, what: str) -> None:
        target.wait_for(timeout=20_000)
        box = target.bounding_box()
        if box is None or box["y"] < 0 or box["y"] + box["height"] > HEIGHT:
            # An action just below the screen is found by reading on; one above it, or more than a screen
            # below, has to be looked for.
            if action and (box is None or box["y"] < 0 or box["y"] > 2 * HEIGHT):
                self.walk.scrolls_to_act += 1
                self.walk.missed.append(what)
                if SHOTS:
                    self.page.screenshot(path=f"{SHOTS}/missed-{len(self.walk.missed)}.png")
            else:
                self.walk.scrolls_to_read += 1
            # As a person reads on: a swipe that brings what they look for to the middle of the screen.
            target.evaluate("element => element.scrollIntoView({block: 'center'})")
            self.page.wait_for_timeout(100)

    def tap(self, target: Locator, what: str) -> None:
        """A tap that is not an answer: the patient looks for it on the screen they have."""
        self._reach(target, True, what)
        target.click()
        self.walk.taps += 1

    def button(self, name: str) -> None:
        """A button by its name; where a screen has it twice (top and bottom), the one nearest the patient's eyes."""
        found = self.page.get_by_role("button", name=name)
        found.first.wait_for(timeout=20_000)
        boxes = [(i, found.nth(i).bounding_box()) for i in range(found.count())]
        below = [(box["y"], i) for i, box in boxes if box is not None and box["y"] >= 0]
        self.tap(found.nth(min(below)[1] if below else 0), name)

    def step(self, name: str) -> None:
        box = self.page.get_by_role("combobox", name="Step")
        self.tap(box, "the step bar")
        self.tap(self.page.get_by_role("option", name=step_label(name), exact=True), name)
        self.until_step(name)

    def until_step(self, name: str) -> None:
        self.page.wait_for_function(
            "(name) => (new URLSearchParams(location.search).get('step') || 'Start') === name", arg=name, timeout=20_000
        )
        self.page.wait_for_timeout(300)

    def answer(self, group: Locator, option: int) -> None:
        name = group.get_attribute("aria-label")
        labels = group.locator("label")
        choice = labels.nth(option if option >= 0 else labels.count() + option)
        self._reach(choice, False, "")
        choice.click()
        self.walk.answers += 1
        # taken: checked, or gone from the list
        self.page.wait_for_function(
            """(name) => { const g = [...document.querySelectorAll('[role=radiogroup]')]
                               .find(g => g.getAttribute('aria-label') === name);
                           return !g || g.querySelector('input:checked'); }""",
            arg=name,
            timeout=20_000,
        )
        self.page.wait_for_timeout(400)  # the section reruns with the answer

    def type_clinic(self, name: str) -> None:
        field_ = self.page.get_by_label("Name of a clinic to add")
        self._reach(field_, True, "the name field")
        field_.fill(name)
        self.walk.typed += 1
        self.button("Add clinic")
        self.page.get_by_role("textbox", name="Clinic name").filter(has=self.page.locator(f"[value='{name}']")).or_(
            self.page.locator(f"input[value='{name}']")
        ).first.wait_for(timeout=20_000)
        self.page.wait_for_timeout(300)

    def first_open(self, skip: tuple[str, ...]) -> Locator | None:
        """The first radio group on screen with nothing chosen yet (the clinic picker aside), or None."""
        index = self.page.evaluate(
            """(skip) => [...document.querySelectorAll('[role=radiogroup]')].findIndex(g =>
                   !skip.includes(g.getAttribute('aria-label') || '') && !g.querySelector('input:checked'))""",
            list(skip),
        )
        return None if index < 0 else self.page.locator("[role=radiogroup]").nth(index)

    def answer_all(self, option: int, skip: tuple[str, ...] = ("Which clinic?",)) -> None:
        """Every question on screen, first to last; an answer can bring a follow-up question, so look again."""
        while (group := self.first_open(skip)) is not None:
            self.answer(group, option)


def walk(url: str, browser: Browser, whole: bool) -> Walk:
    result = Walk()
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url)
    page.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
    patient = Patient(page, result)
    started = time.perf_counter()

    start = page.get_by_role("radiogroup", name="What do you want the injections for?")
    patient.answer(start, 2)  # jawline slimming; the place is the United States already
    patient.button("Next: is it right for me now?")
    patient.until_step("Options")
    patient.answer_all(0)  # about you, and what matters about the treatment
    patient.button("Next: clinics")
    patient.until_step("Clinics")
    for name in CLINICS:
        patient.type_clinic(name)
    patient.button("Next: before you book")
    patient.until_step("Questions")
    for i, name in enumerate(CLINICS):
        page.get_by_text(f"{name}: ").first.wait_for(timeout=20_000)
        patient.answer_all(PICK[i])
        if i + 1 < len(CLINICS):
            patient.button(f"Next clinic: {CLINICS[i + 1]}")
        else:
            patient.button("See how your clinics compare")
    patient.until_step("Compare")
    if whole:
        patient.button("Next: at the visit")
        patient.until_step("At the visit")
        for i in range(len(CLINICS)):  # from the clinic in view, round through the others (one to stop at is skipped)
            if i:
                patient.button("Next clinic:")
                page.wait_for_timeout(600)
            patient.answer_all(0)  # at the visit, each answer as the clinic gives it
        patient.step("Compare")
    page.get_by_role("heading", name="Compare your clinics").wait_for(timeout=20_000)
    result.seconds = time.perf_counter() - started
    context.close()
    return result


def report(name: str, w: Walk) -> None:
    print(f"  {name}")
    print(f"    answers given  {w.answers:4d} taps on an answer, {w.typed} names typed")
    print(f"    other taps     {w.taps:4d}")
    print(
        f"    scrolls        {w.scrolls_to_act:4d} back up, or past a screen, to find the next action"
        + (f" ({', '.join(w.missed)})" if w.missed else "")
        + f"; {w.scrolls_to_read} to read on"
    )
    print(f"    wall time      {w.seconds:6.1f} s (the script's)")


def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        print("the path benchmark needs Chromium: none found (apt-get install chromium)")
        return 1
    from playwright.sync_api import sync_playwright

    with serve() as running, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        booking = walk(running.url, browser, whole=False)
        whole = walk(running.url, browser, whole=True)
        browser.close()
    print(f"the patient's path on a {WIDTH} x {HEIGHT} phone: jawline slimming in the US, three clinics")
    report("Before you book, for three clinics, to Compare", booking)
    report("The whole questionnaire (and At the visit for each clinic), to Compare", whole)
    met = booking.taps <= OTHER_TAPS_TARGET and booking.scrolls_to_act == 0
    print(
        f"  target on the booking path: at most {OTHER_TAPS_TARGET} other taps and no scroll to the next action: "
        f"{'met' if met else 'NOT MET'} ({booking.taps} taps, {booking.scrolls_to_act} scrolls)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
