"""The patient's path in a real Chromium at phone width: Back and Forward, a file loaded and undone, a broken link
pasted into the same tab, the visit screen's status through check, go and stop, and every screen at 390 px."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

import pytest

from harness.serving import serve
from scoring import load_checklist
from scoring.answers import AnswersFile
from scoring.codec import decode, encode
from tests.browsing import (
    ROOT,
    add_clinic,
    answer,
    answer_at_visit,
    expect_clinic_names,
    open_app,
    open_examples,
    screenshot,
    settled,
    step,
    wait_for_address_change,
    wait_for_step,
)
from ui.main import STEPS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page


pytestmark = pytest.mark.browser
CHECKLIST = load_checklist()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as running:
        yield running.url


def answers_in(page: Page) -> dict[str, str]:
    """The first clinic's answers, read back from the address bar as a patient's link."""
    link = parse_qs(urlparse(page.url).query)["s"][0]
    return dict(decode(link, CHECKLIST).state.clinics[0].answers)


def top_of(element: Locator) -> float:
    """Where an element starts on the page, in CSS pixels from the top of the view (it must be on the page)."""
    box = element.bounding_box()
    assert box is not None, "the element is not on the page"
    return box["y"]


def names_in(page: Page) -> list[str]:
    link = parse_qs(urlparse(page.url).query)["s"][0]
    return [c.name for c in decode(link, CHECKLIST).state.clinics]


def test_back_and_forward_move_between_screens_and_never_remove_an_answer(server: str, browser: Browser) -> None:
    context, page = open_app(browser, server)
    page.get_by_text("Jawline slimming", exact=True).click()
    add_clinic(page, "Derm One")
    step(page, "Questions")
    for question, option in (
        ("Where will the injections be given?", "A hospital, or a medical or dental clinic"),
        ("Did they tell you where they buy the product?", "From the maker or an official supplier"),
        ("How does their price compare with other clinics near you?", "About the same as others, or higher"),
    ):
        answer(page, question, option)
    page.get_by_text("Derm One: 3 of").wait_for()
    step(page, "Compare")
    given = answers_in(page)
    assert len(given) == 3
    page.go_back()  # one Back is one screen: the answers made no entries of their own
    wait_for_step(page, "Questions")
    page.get_by_role("heading", name="Before you book").wait_for()
    assert answers_in(page) == given
    page.go_back()
    wait_for_step(page, "Clinics")
    assert answers_in(page) == given
    page.go_forward()
    page.go_forward()
    wait_for_step(page, "Compare")
    page.get_by_role("heading", name="Compare your clinics").wait_for()
    assert answers_in(page) == given
    page.reload()  # a new session on the same tab: Back still only moves between screens, and asks nothing
    page.get_by_role("heading", name="Compare your clinics").wait_for()
    page.go_back()
    wait_for_step(page, "Questions")
    page.get_by_role("heading", name="Before you book").wait_for()
    settled(page)
    assert answers_in(page) == given
    assert page.get_by_text("holds other answers").count() == 0
    screenshot(page, "after-back-and-forward-phone")
    context.close()


def test_an_answers_file_asks_first_says_what_it_loaded_and_can_be_undone(
    server: str, browser: Browser, tmp_path: Path
) -> None:
    context, page = open_app(browser, server)
    add_clinic(page, "Keep Me")
    step(page, "Decide")
    page.locator("input[type=file]").set_input_files(str(ROOT / "examples" / "jawline.yaml"))
    page.get_by_text("This answers file holds other answers:").wait_for()
    assert names_in(page) == ["Keep Me"]  # nothing replaced yet
    screenshot(page, "file-asks-first-phone")
    page.get_by_role("button", name="Yes, replace my answers").click()
    page.get_by_text("Loaded:").wait_for()
    page.wait_for_function("() => new URLSearchParams(location.search).get('s') !== null")
    settled(page)
    assert names_in(page) == ["Riverside Dermatology", "Glow Aesthetics Spa", "Beauty Bar Party Night"]
    shown = page.locator("code").first.inner_text()
    assert shown.replace("\n", "").endswith(
        parse_qs(urlparse(page.url).query)["s"][0]
    )  # the share box holds the address
    before = page.url
    page.get_by_role("button", name="Undo: bring back my answers").click()
    page.get_by_text("Loaded:").wait_for(state="detached")
    wait_for_address_change(page, before)
    assert names_in(page) == ["Keep Me"]
    context.close()


def test_a_broken_link_pasted_into_the_same_tab_keeps_the_answers_on_screen(server: str, browser: Browser) -> None:
    context, page = open_app(browser, server)
    add_clinic(page, "Keep Me")
    add_clinic(page, "And Me")
    good = names_in(page)
    broken = server + "/?s=" + parse_qs(urlparse(page.url).query)["s"][0][:-8] + "AAAAAAAA"
    page.goto(broken)  # as if pasted into the address bar of this tab
    page.get_by_text("could not be read, so this tab brought back the answers you had before it").wait_for(
        timeout=30_000
    )
    assert names_in(page) == good
    step(page, "Clinics")
    expect_clinic_names(page, good)
    screenshot(page, "broken-link-kept-phone")
    context.close()


def _visit_link(server: str, answers: dict[str, str]) -> str:
    state = AnswersFile.model_validate(
        {"goal": "jawline", "jurisdiction": "us", "clinics": ({"name": "Derm One", "answers": answers},)}
    )
    return f"{server}/?s={encode(state, CHECKLIST)}&step=At+the+visit&clinic=1"


def _best(when: tuple[str, ...]) -> dict[str, str]:
    return {
        q.id: max((o for o in q.options if o.id != q.unsure), key=lambda o: o.points).id
        for q in CHECKLIST.applicable_questions("jawline", "us")
        if q.when in when
    }


def test_the_visit_screen_goes_from_still_to_check_to_ok_to_stop(server: str, browser: Browser) -> None:
    context, page = open_app(browser, _visit_link(server, _best(("booking",))))
    status = page.get_by_text("Still to check: 7")
    status.wait_for()
    screenshot(page, "visit-still-to-check-phone")
    held = (
        "Will the person you meet at the consultation be the one who injects you?",
        "Does the room look clean, with new needles opened in front of you?",
        "Did they examine you before planning where to inject?",
        "Did they show you the box and the vial before the injection?",
        "Did they ask about your health and medicines before the injections?",
        "Will you sign a written consent form before treatment?",
        "On the day, before injecting, did they check that nothing has changed and look at your skin?",
    )
    for i, question in enumerate(held):
        q = next(q for q in CHECKLIST.questions if q.text == question)
        best = max((o for o in q.options if o.id != q.unsure), key=lambda o: o.points)
        answer_at_visit(page, f"🛡️ {question}", best.label)
        if i < len(held) - 1:
            page.get_by_text(f"Still to check: {len(held) - i - 1}").wait_for()
    page.get_by_text("OK to go ahead, if you choose to.").wait_for()
    page.get_by_text("(7 answered here)").wait_for()  # each stayed in its place: a second tap never answers the next
    tops = [top_of(page.get_by_role("radiogroup", name=f"🛡️ {q}")) for q in held]
    assert tops == sorted(tops)
    screenshot(page, "visit-ok-phone")
    answer_at_visit(
        page,
        "🛡️ Does the room look clean, with new needles opened in front of you?",
        "Needles or syringes were shared or used again",
    )
    page.get_by_text("Stop: do not have the injection here.").wait_for()
    assert (
        "Needles or syringes were shared or used again" in page.get_by_role("alert").first.inner_text()
        or page.get_by_text(
            "Does the room look clean, with new needles opened in front of you? (Needles or syringes"
        ).count()
        == 1
    )
    screenshot(page, "visit-stop-phone")
    context.close()


def test_every_screen_fits_a_phone_and_shows_a_way_forward(server: str, browser: Browser) -> None:
    context, page = open_examples(browser, server)
    for name in STEPS:
        step(page, name)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{name} scrolls sideways at phone width ({width}px)"
        next_step = page.get_by_role("button", name="Next:").first
        forward = page.get_by_role("radiogroup").first if name == "Questions" else next_step  # the questions come first
        if name not in ("Print view", "Checklist"):
            assert forward.is_visible() and top_of(forward) < 844, f"{name}: no way forward in view"
        screenshot(page, f"screen-{name.lower().replace(' ', '-')}-phone")
    context.close()


def test_next_clinic_starts_the_next_clinic_at_the_top_of_the_screen(server: str, browser: Browser) -> None:
    context, page = open_examples(browser, server)
    step(page, "Questions")
    main = page.locator("[data-testid=stMain]")
    button = page.get_by_role("button", name=re.compile(r"^Next clinic: "))
    button.scroll_into_view_if_needed()
    assert main.evaluate("m => m.scrollTop") > 500  # the button is at the end of a long list
    before = page.url
    button.click()
    wait_for_address_change(page, before)
    page.wait_for_function("() => document.querySelector('[data-testid=stMain]').scrollTop === 0", timeout=15_000)
    context.close()
