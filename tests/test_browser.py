"""What a person sees, in a real Chromium: a full flow, reload, the link elsewhere, a hostile name, screenshots.

The test starts the app on a free local port in its own process group and stops it by its pid.
Skipped only where no Chromium can be found, saying so; under CI (CI=true) a missing browser fails.
Screenshots go to artefacts/ (phone and desktop width).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from harness.serving import serve
from tests.browsing import (
    ROOT,
    add_clinic,
    answer,
    dialogs_of,
    expect_clinic_names,
    open_app,
    open_examples,
    screenshot,
    step,
    two_clinic_flow,
    verdicts,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser


pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as running:
        yield running.url


def test_full_flow_survives_a_reload_and_opens_elsewhere(server: str, browser: Browser) -> None:
    context, page = open_app(browser, server)
    before = two_clinic_flow(page)
    assert "Check before booking" in before and "Not recommended" in before
    screenshot(page, "compare-phone")
    link = page.url
    assert "?s=" in link

    assert "step=Compare" in link
    page.reload()
    page.get_by_role("heading", name="Compare your clinics").wait_for()  # back on the screen the patient was on
    assert verdicts(page) == before
    step(page, "Clinics")
    expect_clinic_names(page, ["Derm One", "Spa Two"])

    other, fresh = open_app(browser, link, width=1280)
    assert verdicts(fresh) == before
    screenshot(fresh, "compare-desktop")
    step(fresh, "Questions")
    screenshot(fresh, "questions-desktop")
    other.close()
    context.close()


def test_an_answer_alone_puts_itself_in_the_address(server: str, browser: Browser) -> None:
    """Answering reruns only the clinic's section; that section must update the link itself (a full run does it at
    its end). Read the address after nothing but an answer, and decode it."""
    from urllib.parse import parse_qs, urlparse

    from scoring import load_checklist
    from scoring.codec import decode

    checklist = load_checklist()
    question = checklist.question("setting-type")
    assert question is not None
    home = next(o.id for o in question.options if o.label == "A home (theirs or mine)")
    context, page = open_app(browser, server)
    page.get_by_text("Jawline slimming", exact=True).click()
    add_clinic(page, "Derm One")
    step(page, "Questions")
    answer(page, "Where will the injections be given?", "A home (theirs or mine)")
    page.get_by_text("Derm One: 1 of").wait_for()
    page.wait_for_function("() => new URLSearchParams(location.search).has('s')", timeout=10_000)
    link = parse_qs(urlparse(page.url).query)["s"][0]
    context.close()
    assert decode(link, checklist).state.clinics[0].answers == {"setting-type": home}


def test_hostile_clinic_names_are_shown_as_text_and_run_nothing(server: str, browser: Browser) -> None:
    """The corpus's markup and markdown names (tests/hostile/names.json), on every screen of a real page."""
    from tests.test_hostile import MARKUP

    names = MARKUP[:8]
    context, page = open_app(browser, server, width=1280)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for name in names:
        add_clinic(page, name)
    for name in ("Questions", "Compare", "Details", "Decide", "Print view", "Clinics"):
        step(page, name)
        assert page.locator("img[src='x'], svg[onload], a[href^='javascript']").count() == 0, name
    step(page, "Compare")
    table = page.get_by_role("table").first.inner_text()
    for name in names:
        if "\n" not in name:
            assert name in table, f"{name!r} is not shown as typed in the comparison"
    assert "\\<" not in table and "\\[" not in table, "escaping shows as backslashes"
    assert dialogs_of(page) == []
    assert not [u for u in requests if "tracker.example" in u or "evil.example" in u]
    screenshot(page, "hostile-names-desktop")
    assert page.get_by_role("heading", name="Compare your clinics").is_visible(), "a name's <style> hid the page"
    injected = (
        "[...document.querySelectorAll('style')].filter(e => e.textContent.includes('body{display:none}')).length"
    )
    assert page.evaluate(injected) == 0, "a name became a <style> element"
    context.close()


def test_examples_at_phone_width(server: str, browser: Browser) -> None:
    context, page = open_examples(browser, server)
    step(page, "Questions")
    screenshot(page, "questions-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at phone width ({width}px)"
    context.close()


def test_html_summary_reads_at_phone_width(browser: Browser, tmp_path: Path) -> None:
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
    narrowest = page.evaluate(
        "Math.min(...[...document.querySelectorAll('th, td')].map(c => c.getBoundingClientRect().width))"
    )
    assert narrowest >= 36, f"a table cell is {narrowest:.0f}px wide: words break letter by letter"
    screenshot(page, "summary-html-phone")
    context.close()


def test_a_broken_checklist_at_start_gives_the_friendly_page_and_the_server_keeps_serving(
    browser: Browser, tmp_path: Path
) -> None:
    import shutil
    import urllib.request

    from ui.loader import QUESTIONS_ENV

    folder = tmp_path / "questions"
    shutil.copytree(ROOT / "questions", folder)
    good = (folder / "training.yaml").read_text(encoding="utf-8")
    broken = good.replace(
        "    ask: What training have you had in giving these injections, and who trained you?\n", "", 1
    )
    assert broken != good
    (folder / "training.yaml").write_text(broken, encoding="utf-8")
    with serve(env={QUESTIONS_ENV: str(folder)}) as running:
        context = browser.new_context(viewport={"width": 390, "height": 1400})
        page = context.new_page()
        page.goto(running.url)
        page.get_by_text("The checklists could not be loaded").wait_for(timeout=30_000)
        listing = page.locator("code").first.inner_text()
        assert "training.yaml:" in listing and "the field 'ask' is missing - add it" in listing
        assert "Traceback" not in page.locator("body").inner_text()
        screenshot(page, "broken-checklist-phone")
        with urllib.request.urlopen(f"{running.url}/_stcore/health", timeout=5) as health:  # noqa: S310 - loopback
            assert health.read() == b"ok"

        (folder / "training.yaml").write_text(good, encoding="utf-8")  # the author fixes the file
        fixed = page.get_by_role("combobox", name="Step")
        for _ in range(20):  # the app looks for edited checklist files every 2 s: a reload shows it once it has
            page.reload()
            fixed.or_(page.get_by_text("could not be loaded")).first.wait_for(timeout=30_000)
            if fixed.count():
                break
        assert fixed.count() == 1 and page.get_by_text("could not be loaded").count() == 0
        context.close()
