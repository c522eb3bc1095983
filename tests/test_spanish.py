"""The whole path in Spanish in a real Chromium at phone width: every screen with the example clinics, what a
tap opens, an answer given, the page marked as Spanish, and no English word on any screen (apart from the names of
the clinics, the registers and the sources). A screenshot of each screen lands in artefacts/."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from harness.serving import serve
from scoring import load_checklist
from scoring.answers import parse_answers
from scoring.codec import encode
from scoring.language import use
from tests.browsing import ROOT, screenshot, settled, step, wait_for_address_change, wait_for_step
from tests.english import english_words, names_in
from ui.main import STEPS, label

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser
EXAMPLES = ("Riverside Dermatology", "Glow Aesthetics Spa", "Beauty Bar Party Night")
NAMES = names_in(load_checklist(today=datetime.date.today(), language="es"), EXAMPLES)
EXAMPLE_LINK = encode(
    parse_answers((ROOT / "examples" / "jawline.yaml").read_bytes(), "jawline.yaml", load_checklist()), load_checklist()
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as running:
        yield running.url


def spanish_step(page: Page, name: str) -> None:
    box = page.locator(".st-key-step").get_by_role("combobox")
    box.scroll_into_view_if_needed()
    box.click()
    with use("es"):
        shown = label(name)
    page.get_by_role("option", name=shown, exact=True).click()
    wait_for_step(page, name)


def screen_text(page: Page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def test_the_whole_path_in_spanish_at_phone_width_shows_no_english(server: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 1800})
    page = context.new_page()
    page.goto(f"{server}/?lang=es")
    page.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
    settled(page)
    page.wait_for_function("() => document.documentElement.lang === 'es'", timeout=15_000)  # the page says so
    found = {"Start (empty)": english_words(screen_text(page), NAMES)}
    before = page.url
    page.get_by_role("button", name="Pruébelo con clínicas de ejemplo").click()
    wait_for_address_change(page, before)
    page.wait_for_function("() => new URLSearchParams(location.search).has('s')")
    assert "lang=es" in page.url
    for name in STEPS:
        spanish_step(page, name)
        if name == "Questions":  # what a tap opens, and an answer given
            page.get_by_text("Por qué importa y cómo comprobarlo").first.click()
            page.locator("[data-testid='stExpanderDetails']").first.wait_for()
            before = page.url
            group = page.get_by_role("radiogroup").nth(1)  # the first question (the clinic chooser is above it)
            group.locator("label:has(input:not(:checked))").first.click()
            wait_for_address_change(page, before)  # the section reran on its own, in Spanish
        if name == "Print view":  # the files are built when clicked, outside the run: still in Spanish
            with page.expect_download() as download:
                page.get_by_role("button", name="Descargar PDF").click()
            pdf = Path(download.value.path()).read_bytes()
            text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())
            assert "Su decisión: si hacerlo, y dónde" in text and download.value.suggested_filename.endswith(
                "resumen.pdf"
            )
            assert english_words(text.rsplit("Fuentes (en inglés)", 1)[0], NAMES) == []
        found[name] = english_words(screen_text(page), NAMES)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{name} scrolls sideways at phone width in Spanish ({width}px)"
        screenshot(page, f"es-{name.lower().replace(' ', '-')}-phone")
    assert not {n: w for n, w in found.items() if w}, found
    assert "lang=es" in page.url
    context.close()


def test_a_link_made_in_spanish_opens_in_spanish_and_switches_to_english_keeping_the_answers(
    server: str, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 1800})
    page = context.new_page()
    page.goto(f"{server}/?lang=es")
    page.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
    before = page.url
    page.get_by_role("button", name="Pruébelo con clínicas de ejemplo").click()
    wait_for_address_change(page, before)
    page.wait_for_function("() => new URLSearchParams(location.search).has('s')")
    link = page.url
    other = context.new_page()
    other.goto(link)
    other.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
    settled(other)
    other.wait_for_function("() => document.documentElement.lang === 'es'", timeout=15_000)
    assert "¿Está pensando en ponerse inyecciones de toxina botulínica (Botox)?" in screen_text(other)
    answers = link.split("s=")[1].split("&")[0]
    before = other.url
    other.get_by_role("button", name="🌐 English").click()
    wait_for_address_change(other, before)
    assert "lang=" not in other.url and answers in other.url
    other.wait_for_function("() => document.documentElement.lang === 'en'", timeout=15_000)
    assert "Thinking about botulinum toxin (Botox) injections?" in screen_text(other)
    context.close()


def test_switching_language_in_the_browser_keeps_every_answer_and_later_answers_work(
    server: str, browser: Browser
) -> None:
    """The browser keeps each widget's answer as the words it showed: after a switch, every widget is drawn anew
    from the answers (ids), so nothing is lost and a later tap is read right."""
    context = browser.new_context(viewport={"width": 390, "height": 1800})
    page = context.new_page()
    page.goto(server)
    page.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
    before = page.url
    page.get_by_text("Jawline slimming", exact=True).click()
    wait_for_address_change(page, before)
    before = page.url
    page.get_by_role("button", name="Try it with example clinics").click()
    wait_for_address_change(page, before)
    answers = page.url.split("s=")[1].split("&")[0]
    before = page.url
    page.get_by_role("button", name="🌐 Español").click()
    wait_for_address_change(page, before)
    assert page.url.split("s=")[1].split("&")[0] == answers
    assert page.get_by_role("radio", name="Afinar la mandíbula").is_checked()
    assert page.get_by_role("radio", name="Estados Unidos").is_checked()
    before = page.url
    page.get_by_text("Reino Unido", exact=True).click()  # a new answer after the switch
    wait_for_address_change(page, before)
    assert page.get_by_role("radio", name="Reino Unido").is_checked()
    before = page.url
    page.get_by_text("Apretar la mandíbula o rechinar los dientes", exact=True).click()
    wait_for_address_change(page, before)
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Traceback" not in screen_text(page) and "encountered an error" not in screen_text(page)
    spanish_step(page, "Questions")
    assert page.locator("[data-testid='stException']").count() == 0
    before = page.url
    page.get_by_role("button", name="🌐 English").click()
    wait_for_address_change(page, before)
    step(page, "Start")
    assert page.get_by_role("radio", name="Jaw clenching or teeth grinding").is_checked()
    assert page.get_by_role("radio", name="United Kingdom").is_checked()
    context.close()


def test_a_first_visit_opens_in_the_browser_s_language_and_a_link_in_its_own(server: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 1800}, locale="es-US")
    page = context.new_page()
    page.goto(server)
    page.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
    page.wait_for_function("() => document.documentElement.lang === 'es'", timeout=15_000)
    page.get_by_role("button", name="🌐 English").wait_for(timeout=15_000)
    english = context.new_page()  # a link made in English has no lang: it opens in English, whatever the browser
    english.goto(f"{server}/?s={EXAMPLE_LINK}")
    english.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
    english.get_by_role("button", name="🌐 Español").wait_for(timeout=15_000)  # it opened in English
    assert english.evaluate("document.documentElement.lang") != "es"
    context.close()
