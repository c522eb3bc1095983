"""Loading and validating every checklist, against a plain ``yaml.safe_load`` of the same files.

    python3 dev.py bench      (or: .venv/bin/python bench/bench_load.py)

Both are timed in the same run, alternating, and the ratio of medians is printed.
Target: the full load (strict read, schema, cross-references) costs at most 3x the plain parse.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring.checklist import DEFAULT_DIR, checklist_files, load_checklist

TARGET = 3.0


def plain_parse(files: list[Path]) -> None:
    for path in files:
        yaml.safe_load(path.read_bytes())


def libyaml_parse(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def full_load(files: list[Path]) -> None:
    load_checklist([DEFAULT_DIR])


def median_seconds(work: object, files: list[Path], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        work(files)  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return samples


def main(rounds: int = 15) -> int:
    files = checklist_files([DEFAULT_DIR])
    size = sum(p.stat().st_size for p in files)
    plain: list[float] = []
    fast: list[float] = []
    ours: list[float] = []
    full_load(files)  # warm imports and pydantic's validators
    for _ in range(rounds):  # alternate so machine noise hits all alike
        plain += median_seconds(plain_parse, files, 1)
        fast += median_seconds(libyaml_parse, files, 1)
        ours += median_seconds(full_load, files, 1)
    p, f, o = statistics.median(plain), statistics.median(fast), statistics.median(ours)
    ratio = o / p
    print(f"checklist load: {len(files)} files, {size / 1024:.0f} KB")
    print(f"  yaml.safe_load        {p * 1000:7.1f} ms (median of {rounds})")
    print(f"  libyaml (CSafeLoader) {f * 1000:7.1f} ms (median of {rounds}; for scale, not the target)")
    print(f"  load_checklist        {o * 1000:7.1f} ms (median of {rounds})")
    print(
        f"  ratio {ratio:.2f}x against yaml.safe_load  (target <= {TARGET:.0f}x: "
        f"{'met' if ratio <= TARGET else 'NOT MET'})"
    )
    print(f"  ratio {o / f:.2f}x against a bare libyaml parse (strict reading + schema + cross-references)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
