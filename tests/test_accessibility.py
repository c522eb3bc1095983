"""axe-core (tests/axe.py, pinned from the npm registry) over every screen at phone and desktop
width, with example clinics, and over the HTML summary: no serious or critical violation.

What axe finds that comes from Streamlit's own widgets is listed in docs/accessibility.md with the
upstream issue; such findings are matched below by rule and element, and only at the impact seen.
All findings, of any impact, go to artefacts/axe-report.json.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from harness.serving import serve
from tests.axe import audit
from tests.browsing import ARTEFACTS, ROOT, open_app, open_examples, settled, step
from ui.main import STEPS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


pytestmark = pytest.mark.browser


BLOCKING = {"serious", "critical"}
# Streamlit's own markup, not ours: (rule id, a piece of the element's HTML) -> upstream issue. See docs/accessibility.md.
FROM_STREAMLIT: dict[tuple[str, str], str] = {
    (
        "presentation-role-conflict",
        'data-testid="stFileUploaderDropzone"',
    ): "https://github.com/streamlit/streamlit/pull/15928",
}
REPORT: list[dict[str, Any]] = []


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as running:
        yield running.url
    ARTEFACTS.mkdir(exist_ok=True)
    (ARTEFACTS / "axe-report.json").write_text(json.dumps(REPORT, indent=1), encoding="utf-8")


def ours(where: str, violations: list[dict[str, Any]]) -> list[str]:
    """The blocking violations not known to come from Streamlit, one line each; all are recorded in the report."""
    found = []
    for violation in violations:
        for node in violation["nodes"]:
            known = next(
                (
                    url
                    for (rule, piece), url in FROM_STREAMLIT.items()
                    if rule == violation["id"] and piece in node["html"]
                ),
                None,
            )
            REPORT.append(
                {
                    "where": where,
                    "rule": violation["id"],
                    "impact": node.get("impact") or violation["impact"],
                    "help": violation["help"],
                    "html": node["html"][:300],
                    "upstream": known,
                }
            )
            if (node.get("impact") or violation["impact"]) in BLOCKING and known is None:
                found.append(
                    f"{where}: {violation['id']} ({violation['impact']}): {violation['help']} - {node['html'][:160]}"
                )
    return found


@pytest.mark.parametrize("width", [390, 1280])
def test_every_screen_has_no_serious_violations(server: str, browser: Browser, width: int) -> None:
    context, page = open_examples(browser, server, width=width)
    problems = []
    for name in STEPS:
        step(page, name)
        problems += ours(f"{name} at {width}px", audit(page))
        problems += anchors(page, f"{name} at {width}px")
    step(page, "Questions")
    page.get_by_text("Why it matters and how to check").first.click()
    page.locator("details[open]").first.wait_for()
    settled(page)
    problems += ours(f"Questions with an explanation open at {width}px", audit(page))
    context.close()
    assert problems == [], "\n".join(problems)


def anchors(page: Page, where: str) -> list[str]:
    """Streamlit puts a "Link to heading" anchor in every heading unless told not to: a Tab stop, named the same
    under every heading (axe does not flag it). The Checklist screen alone would have about 40."""
    count = page.locator("a[href^='#']").filter(has_not_text="Skip to main content").count()
    return [f"{where}: {count} heading anchor(s) in the tab order"] if count else []


def test_the_start_screen_with_nothing_entered_has_no_serious_violations(server: str, browser: Browser) -> None:
    context, page = open_app(browser, server, width=390)
    problems = []
    for name in STEPS:
        step(page, name)
        problems += ours(f"{name}, no clinics", audit(page))
    context.close()
    assert problems == [], "\n".join(problems)


def test_the_html_summary_has_no_violations_at_all(browser: Browser, tmp_path: Path) -> None:
    from report import build_summary, render_html
    from scoring import load_checklist
    from scoring.answers import parse_answers

    checklist = load_checklist()
    state = parse_answers((ROOT / "examples" / "jawline.yaml").read_bytes(), "jawline.yaml", checklist)
    path = tmp_path / "summary.html"
    path.write_text(render_html(build_summary(checklist, state, "http://localhost:8501/")), encoding="utf-8")
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 1400})
        page = context.new_page()
        page.goto(path.as_uri())
        violations = audit(page)
        context.close()
        assert [(v["id"], v["impact"], v["nodes"][0]["html"][:120]) for v in violations] == []


def test_a_focused_radio_shows_a_clear_outline(server: str, browser: Browser) -> None:
    """WCAG 2.4.7, which axe cannot check: Streamlit's own focus mark on a radio is a faint tint (about 1.2:1)."""
    context, page = open_app(browser, server, width=390)
    page.get_by_role("radiogroup", name="What do you want the injections for?").get_by_role("radio").first.focus()
    page.keyboard.press("ArrowRight")  # a keyboard move, so :focus-visible applies
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "() => { const l = document.activeElement && document.activeElement.closest('label');"
        " return !!l && getComputedStyle(l).outlineStyle !== 'none'; }",
        timeout=15_000,
    )
    style = page.evaluate("""() => { const label = document.activeElement.closest('label');
        const s = getComputedStyle(label); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }""")
    context.close()
    assert style[0] == "solid" and style[1] == "2px", style
