"""Two app processes behind nginx (deploy/nginx.conf, as deploy/local.py runs it): a patient's
browser flow, then the process serving them is stopped, the page reloaded, and every answer is
back from the link, now served by the other process.

Needs nginx and Chromium: skipped where either is missing, saying so; under CI (CI=true), failed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from deploy.local import cluster, find_nginx
from tests.browsing import expect_clinic_names, open_app, screenshot, step, two_clinic_flow, verdicts
from tests.conftest import require_tool

if TYPE_CHECKING:
    from playwright.sync_api import Browser


pytestmark = pytest.mark.browser


def require_nginx() -> None:
    require_tool(find_nginx(), "nginx", "Debian: apt-get install nginx")


def established(port: int) -> int:
    """Open TCP connections to a local port (the websocket of a tab served by that process)."""
    count = 0
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                count += 1
    return count


def test_stopping_the_serving_process_loses_nothing(browser: Browser) -> None:
    require_nginx()
    with cluster(processes=2) as running:
        context, page = open_app(browser, running.url)
        before = two_clinic_flow(page)
        assert "Check before booking" in before and "Not recommended" in before

        serving = [s for s in running.servers if established(s.port)]
        assert len(serving) == 1, "exactly one process should hold this tab's websocket (sticky sessions)"
        other = next(s for s in running.servers if s is not serving[0])
        serving[0].stop()

        page.reload()
        page.get_by_role("heading", name="Injector Check").wait_for(timeout=30_000)
        assert verdicts(page) == before
        step(page, "Clinics")
        expect_clinic_names(page, ["Derm One", "Spa Two"])
        assert established(other.port) >= 1, "the surviving process now serves the tab"
        assert page.get_by_text("Connection error").count() == 0
        screenshot(page, "failover-after-reload")
        context.close()
