"""Timing helpers shared by the benchmarks: medians in milliseconds, of work run in this process."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(work: Callable[[int], object], rounds: int) -> float:
    """The median time of ``work(i)`` over ``rounds`` calls (``i`` counts up, to alternate inputs)."""
    samples = []
    for i in range(rounds):
        start = time.perf_counter()
        work(i)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000
