"""Timing helpers shared by the benchmarks: medians in milliseconds, of work run in this process."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def median_ms(work: Callable[[int], object], rounds: int) -> float:
    """The median time of ``work(i)`` over ``rounds`` calls (``i`` counts up, to alternate inputs)."""
    samples = []
    for i in range(rounds):
        start = time.perf_counter()
        work(i)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


@contextmanager
def exact_apptest_wait() -> Iterator[None]:
    """AppTest as shipped waits for a script run by polling every 1 ms (``require_widgets_deltas``).

    The poller is parked on the GIL while a script runs and so wakes the moment the run ends, unless
    the script lets the GIL go for a moment (any C call that releases it: ``zlib.compress``,
    ``time.sleep(0)``): then the poller takes it, goes back to sleep, and the end of the run waits for
    its next wake. A bare script of 12 radios plus one ``zlib.compress`` of 300 bytes (60 microseconds
    of work) measures about 0.9 ms slower round trip that way. Inside this block AppTest waits by
    joining the script's thread instead, the same for every script timed, so the time is the run's.
    """
    from streamlit.testing.v1 import local_script_runner

    polling = local_script_runner.require_widgets_deltas

    def joined(runner: local_script_runner.LocalScriptRunner, timeout: float = 3) -> None:
        thread = runner._script_thread
        if thread is not None:
            thread.join(timeout)
        if not runner.script_stopped():  # timed out, or no thread: AppTest's own wait reports it
            polling(runner, timeout)

    local_script_runner.require_widgets_deltas = joined
    try:
        yield
    finally:
        local_script_runner.require_widgets_deltas = polling
