"""Strict YAML reading: the one place where untrusted text becomes plain data.

Rules, and why:
- At most ``MAX_BYTES`` of UTF-8, at most ``MAX_DEPTH`` levels and ``MAX_NODES`` nodes:
  whatever a file holds, reading it takes bounded time and memory.
- No anchors, aliases or merge keys: they let a few hundred bytes expand into gigabytes
  once something walks the data. No explicit tags: nothing is ever constructed but
  strings, whole numbers, true/false, null, lists and mappings.
- No duplicate keys: PyYAML would silently keep the last one.
- Plain scalars resolve narrowly, closer to YAML 1.2 than 1.1: only ``true``/``false`` are
  booleans and only ``0`` or ``-?[1-9][0-9]*`` are numbers. ``NO``, ``yes``, ``012`` and
  ``1:30`` stay text, so a strict model can reject them where it expects something else.
- One pass over libyaml's event stream, without recursion, remembering the line of every
  node so later checks can point at ``path:line``.

Sequences come back as tuples (the models are frozen), mappings as dicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from scoring.errors import MAX_INT_DIGITS, InputError, Problem, problems_from_validation

try:  # libyaml is part of the PyYAML wheels; fall back only where it is missing
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
MAX_DEPTH = 24
MAX_NODES = 100_000

Loc = tuple[str | int, ...]

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass(frozen=True)
class Loaded:
    """Plain data read from one file, with the line each node started on."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(repr=False)

    def line_of(self, loc: Loc) -> int:
        """The line of ``loc``, or of its nearest enclosing node that has one."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(loc[:end])
            if line is not None:
                return line
        return 1


def _resolve_plain(value: str) -> Any:
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.fullmatch(value) and len(value) <= MAX_INT_DIGITS:
        return int(value)
    return value  # a longer run of digits stays text (int() of 100,000 digits fails, and no field wants one)


class _Frame:
    __slots__ = ("is_map", "items", "key", "key_line", "loc", "seen")

    def __init__(self, loc: Loc, is_map: bool) -> None:
        self.loc = loc
        self.is_map = is_map
        self.items: Any = {} if is_map else []
        self.key: str | None = None
        self.key_line = 0
        self.seen: dict[str, int] = {}


_NOT_TEXT = (  # what a file is, by its first bytes, when someone picks the wrong one
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive or an office document"),
    (b"\xd0\xcf\x11\xe0", "an office document"),
)


def kind_of_binary(raw: bytes) -> str | None:
    """ "a PNG picture", "a HEIC or MP4 file", ...: a file that is not text, named for the person who chose it."""
    for magic, kind in _NOT_TEXT:
        if raw.startswith(magic):
            return kind
    if raw[4:8] == b"ftyp":
        return "a HEIC picture or a video"
    if raw.startswith(b"RIFF") and raw[8:12] == b"WEBP":
        return "a WebP picture"
    return None


def read_yaml_bytes(raw: bytes, path: str, wanted: str = "the .yaml text file") -> Loaded:
    """Read one YAML (or JSON) document. Raises ``InputError`` listing every problem found.

    ``wanted`` names the right file in the message for a picture or a PDF chosen by mistake."""
    if len(raw) > MAX_BYTES:
        raise InputError.one(
            path, 1, f"file is {len(raw):,} bytes, over the {MAX_BYTES // 1024} KB limit - split it into smaller files"
        )
    kind = kind_of_binary(raw)
    if kind is not None:
        raise InputError.one(path, 1, f"this is {kind}, not a text file - choose {wanted}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError.one(path, 1, "this text is saved as UTF-16 - save the file as UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.one(path, line, "this is not UTF-8 text - save the file as UTF-8") from None
    return read_yaml(text, path)


def read_yaml(text: str, path: str) -> Loaded:
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError.one(path, 1, f"text is over the {MAX_BYTES // 1024} KB limit - split it into smaller files")
    return _Reader(path).read(text)


class _Reader:
    """Builds plain data from PyYAML's events (never its constructors), noting each node's line, and every
    problem on the way: what can be reported together is; what stops reading (a second document, too many
    values, too deep) is raised with the problems found before it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.lines: dict[Loc, int] = {(): 1}
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.documents = 0
        self.nodes = 0
        self.refused: list[tuple[int, str, str]] = []  # anchors and aliases: one message for each kind, however many

    def read(self, text: str) -> Loaded:
        try:
            for event in yaml.parse(text, Loader=_EventLoader):
                self.on_event(event)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = 1 if mark is None else int(getattr(mark, "line", 0)) + 1
            what = (exc.problem or "unreadable YAML").strip()
            raise self.fail(
                line, f"YAML syntax error: {what} - check the indentation, colons and quotes on this line"
            ) from None
        except yaml.reader.ReaderError as exc:
            line = text[: exc.position].count("\n") + 1
            raise self.fail(
                line,
                f"character #x{exc.character:04x} is not allowed in YAML - remove it or save the file as plain text",
            ) from None
        except yaml.YAMLError as exc:
            detail = " ".join(str(exc).split())
            raise self.fail(1, f"YAML could not be read ({detail}) - check the file is plain YAML text") from None
        except RecursionError:  # pragma: no cover - depth is capped above; kept as a last guard
            raise self.fail(1, "nested too deeply - flatten the structure") from None
        problems = self.problems + _one_each(self.path, self.refused)
        if problems:
            raise InputError(sorted(problems, key=lambda p: p.line))
        return Loaded(self.path, self.result, self.lines)

    def fail(self, line: int, message: str) -> InputError:
        return InputError([*self.problems, *_one_each(self.path, self.refused), Problem(self.path, line, message)])

    def note(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def on_event(self, event: yaml.Event) -> None:
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            return
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(line, "a file may hold only one YAML document - remove the '---' separator")
            return
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(line, f"more than {MAX_NODES:,} values in one file - split it into smaller files")
        if isinstance(event, yaml.AliasEvent):
            self.refused.append((line, "alias", f"*{event.anchor}"))
            self.place(None, line, self.child_loc(line))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            value = frame.items if frame.is_map else tuple(frame.items)
            self.place(value, self.lines.get(frame.loc, line), frame.loc)
        else:
            self.check_node(event, line)
            if isinstance(event, yaml.ScalarEvent):
                self.on_scalar(event, line)
            else:
                self.on_start(event, line)

    def check_node(self, event: yaml.Event, line: int) -> None:
        """Anchors and tags: refused wherever they are."""
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.refused.append((line, "anchor", f"&{anchor}"))
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            self.note(line, f"tag '{tag}' is not allowed - remove it and write a plain value")

    def in_key(self) -> bool:
        return bool(self.stack) and self.stack[-1].is_map and self.stack[-1].key is None

    def on_scalar(self, event: yaml.ScalarEvent, line: int) -> None:
        if self.in_key():
            key, top = event.value, self.stack[-1]
            if key == "<<" and event.implicit[0]:
                self.note(line, "merge key '<<' is not allowed - write the fields out in full")
            if key in top.seen:
                self.note(line, f"key '{key}' appears twice (first on line {top.seen[key]}) - keep one")
            else:
                top.seen[key] = line
            top.key, top.key_line = key, line
            return
        loc = self.child_loc(line)
        value = _resolve_plain(event.value) if event.implicit[0] else event.value
        if loc is not None and loc not in self.lines:
            self.lines[loc] = line
        self.place(value, line, loc)

    def on_start(self, event: yaml.Event, line: int) -> None:
        """A mapping or a sequence starts."""
        if self.in_key():
            self.note(line, "a mapping key must be plain text - write the key as a simple word")
            loc = None
        else:
            loc = self.child_loc(line)
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(line, f"nested more than {MAX_DEPTH} levels deep - flatten the structure")
        frame_loc: Loc = loc if loc is not None else (*self.stack[-1].loc, f"<complex key {line}>")
        if loc is not None and loc not in self.lines:
            self.lines[loc] = line
        self.stack.append(_Frame(frame_loc, isinstance(event, yaml.MappingStartEvent)))

    def child_loc(self, line: int) -> Loc | None:
        """Where the next node goes, or None (with a problem noted) if it cannot go there."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if not top.is_map:
            return (*top.loc, len(top.items))
        if top.key is None:
            self.note(line, "a mapping key must be plain text - write the key as a simple word")
            return None
        return (*top.loc, top.key)

    def place(self, value: Any, line: int, loc: Loc | None) -> None:
        if not self.stack:
            self.result = value
            return
        top = self.stack[-1]
        if not top.is_map:
            top.items.append(value)
            return
        if top.key is None:  # this node is a key
            if loc is None:
                return
            top.key, top.key_line = (value if isinstance(value, str) else str(value)), line
            return
        if loc is not None:
            self.lines[loc] = top.key_line
            top.items[top.key] = value
        top.key = None


def _one_each(path: str, refused: list[tuple[int, str, str]]) -> list[Problem]:
    """One message for the aliases and one for the anchors, at the first of each: a file made of thousands of
    them (an "alias bomb") gets two lines, not thousands."""
    problems = []
    for kind in ("anchor", "alias"):
        found = [(line, name) for line, k, name in refused if k == kind]
        if found:
            line, name = found[0]
            others = sorted({n for _, n in found} - {name})
            also = (
                f" ({len(found)} in this file, also {', '.join(others[:3])}{' ...' if len(others) > 3 else ''})"
                if others
                else (f" ({len(found)} times in this file)" if len(found) > 1 else "")
            )
            problems.append(Problem(path, line, f"{kind} '{name}' is not allowed{also} - write the value out in full"))
    return problems


M = TypeVar("M", bound=BaseModel)


def read_model(
    raw: bytes, path: str, model: type[M], fields: set[str], *, wanted: str, not_a_mapping: str, empty: str = ""
) -> tuple[Loaded, M]:
    """A YAML file read strictly and validated as ``model``: every problem named with its file, line and fix.
    ``wanted`` names the file the reader should have chosen; ``not_a_mapping`` (and ``empty``, when an empty
    file deserves its own words) say what the file must be."""
    loaded = read_yaml_bytes(raw, path, wanted)
    if loaded.data is None and empty:
        raise InputError.one(path, 1, empty)
    if not isinstance(loaded.data, dict):
        raise InputError.one(path, 1, not_a_mapping)
    try:
        return loaded, model.model_validate(loaded.data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc, path, loaded.data, loaded.line_of, fields)) from None
