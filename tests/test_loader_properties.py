"""Whatever text is fed to the checklist loader, it loads or raises InputError, in bounded memory.

Hostile shapes get their own examples: alias bombs, deep nesting, huge scalars, binary junk.
Time is bounded by construction (size, depth and node caps, no alias expansion); the hypothesis
deadline below only guards against an explosion (the unguarded alias bomb takes over 30 s).
"""

from __future__ import annotations

import contextlib
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring import InputError, load_checklist
from scoring.checklist import parse_file
from scoring.yamlload import MAX_BYTES, read_yaml_bytes
from tests import minimal_checklist as base

MEMORY_LIMIT = 64 * 1024 * 1024  # far above what a 256 KB file needs, far below an explosion

FRAGMENTS = [
    "questions:",
    "checklist:",
    "sources:",
    "safety_notes:",
    "categories:",
    "\n",
    "\n  ",
    "\n    ",
    "- ",
    "id: x",
    "text: ",
    "points: 3",
    "flag: critical",
    "options:",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object:os.system ",
    "!!binary ",
    "'",
    '"',
    "yes",
    "NO",
    "012",
    "1:30",
    "~",
    "null",
    "#",
    "---\n",
    "...\n",
    "\t",
    "%YAML 1.1\n",
    "? ",
    "|\n  ",
    ">\n  ",
    "\\u0000",
    "\x00",
    "\ufeff",
    "é",
    "\U0001f489",
    "2026-11-23",
]

yamlish = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


def _load_with(extra: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base.write(Path(folder))
        (Path(folder) / "fuzz.yaml").write_bytes(extra)
        load_checklist([folder])


def _bounded(extra: bytes) -> None:
    tracemalloc.start()
    try:
        _load_with(extra)
    except InputError as exc:
        assert exc.problems and all(p.path and p.line >= 1 and p.message for p in exc.problems)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT


@settings(max_examples=300, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(yamlish)
def test_yamlish_text_loads_or_raises_input_error(text: str) -> None:
    _bounded(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=10_000)
@given(st.binary(max_size=2000))
def test_binary_junk_loads_or_raises_input_error(data: bytes) -> None:
    _bounded(data)


@settings(max_examples=200, deadline=10_000)
@given(st.text(max_size=500))
def test_any_text_through_one_file_parse(text: str) -> None:
    with contextlib.suppress(InputError):
        parse_file(text.encode("utf-8", "surrogatepass"), "fuzz.yaml")


def _alias_bomb(levels: int = 9) -> bytes:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    lines.append(f"questions: *a{levels - 1}")
    return ("\n".join(lines) + "\n").encode()


HOSTILE = {
    "alias-bomb": (_alias_bomb(), "alias '*a0' is not allowed"),
    "deep-flow-nesting": (b"questions: " + b"[" * 100_000 + b"]" * 100_000, "nested more than"),
    "deep-block-nesting": ("".join(f"{'  ' * i}k{i}:\n" for i in range(200)).encode(), "nested more than"),
    "huge-scalar": (b"questions: '" + b"x" * (MAX_BYTES - 20) + b"'\n", "'questions' must be a list"),
    "over-size": (b"x: " + b"y" * (MAX_BYTES + 1), "over the 256 KB limit"),
    "many-nodes": (b"questions: [" + b"1," * 120_000 + b"]", "more than 100,000 values"),
    "binary-junk": (bytes(range(256)) * 4, "not UTF-8 text"),
    "nul-bytes": (b"questions:\n  - \x00\x00\n", "character #x0000 is not allowed"),
    "python-object": (b"questions: !!python/object/apply:os.system ['echo pwned']\n", "is not allowed"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_plainly(name: str) -> None:
    data, message = HOSTILE[name]
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as caught:
            _load_with(data)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert message in str(caught.value)
    assert peak < MEMORY_LIMIT


def test_node_cap_holds_under_the_size_cap() -> None:
    with pytest.raises(InputError) as caught:
        read_yaml_bytes(b"[" + b"1," * 110_000 + b"]", "many.yaml")
    assert "more than 100,000 values" in str(caught.value)
