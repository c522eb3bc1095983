"""A short level of the load harness (bench/load.py) in CI: several patients at once over the
app's own websocket protocol, against a real local server. No timing is asserted here (shared
machines are noisy); the timed levels are the benchmark command in the README."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bench import load
from harness.serving import serve


def run(coroutine: Coroutine[Any, Any, load.Level]) -> load.Level:
    """On a thread of its own: Playwright's sync API (the session's browser fixture) keeps a loop in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_many_patients_at_once_get_answers_and_no_errors() -> None:
    query = f"s={load.share_link()}"
    with serve("app.py") as server:
        result = run(
            load.level(load.ws(server.url), query, True, sessions=6, duration=8, think=1.0, pid=server.process.pid)
        )
    assert result.errors == [], result.errors
    assert len(result.latencies) >= 6 * 3  # every patient answered and opened Compare
    progress = {t for t in result.texts_seen if "answered before booking" in t}
    assert len(progress) >= 2, progress  # answering changed what the patients saw
    assert any("Safety first:" in t for t in result.texts_seen)  # every patient ended on Compare


def test_the_minimal_app_runs_under_the_same_harness() -> None:
    with load.servers() as (_, (url, pid)):
        result = run(load.level(load.ws(url), "", False, sessions=2, duration=4, think=1.0, pid=pid))
    assert result.errors == [] and len(result.latencies) >= 2
