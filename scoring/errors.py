"""The project's one error type, and the catalogue of messages for people.

Every problem with input (a checklist file, an answers file, a share link) is reported as
``path:line: what is wrong - how to fix it``, all problems at once. Nothing here prints or
writes; the command line and the app decide how to show the problems.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from scoring.language import _
from scoring.models import APPLIES_KINDS


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {' '.join(self.message.splitlines())}"


class InputError(Exception):
    """Bad input, with every problem found. The only exception the core raises on purpose."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def one(cls, path: str, line: int, message: str) -> InputError:
        return cls([Problem(path, line, message)])


_PATTERN_HINTS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "use lowercase letters, digits and single hyphens, e.g. 'setting-licensed'",
    r"^\d+\.\d+\.\d+$": "use three numbers, e.g. '1.2.0'",
    r"^https://\S+$": "use a full address starting with https://",
}

# What each kind of list entry is called in messages, and which field names it.
ENTRY_NAMES = {
    "categories": "category",
    "questions": "question",
    "safety_notes": "safety note",
    "sources": "source",
    "clinics": "clinic",
    "patient_questions": "question about you",
    "values": "value",
    "decisions": "decision",
    "options": "option",
}


UNION_TAGS = set(APPLIES_KINDS)  # the kinds of ``applies``: pydantic puts them in error locations
_KINDS_WORDS = ", ".join(APPLIES_KINDS[:-1]) + " or " + APPLIES_KINDS[-1]

MAX_INT_DIGITS = 18  # a longer run of digits is read as text (see yamlload), and refused as "a number N digits long"


def first_message(exc: ValidationError) -> str:
    """The first problem pydantic found, in the words our own validators gave it (or pydantic's)."""
    first = exc.errors(include_url=False)[0]
    return str((first.get("ctx") or {}).get("error", first["msg"]))


def short(text: str, limit: int = 40) -> str:
    """A name or value as messages quote it: a pasted essay is cut, so the message stays readable, and a character
    that cannot be seen (a control or formatting character, such as one that turns text right to left) is shown
    by its code, so the message reads in order."""
    cut = text if len(text) <= limit else text[: limit - 3] + "..."
    return "".join(f"[U+{ord(ch):04X}]" if unicodedata.category(ch) in INVISIBLE else ch for ch in cut)


INVISIBLE = ("Cc", "Cf", "Zl", "Zp")  # Unicode categories a reader cannot see: controls, formatting, line breaks


def _show(value: Any) -> str:
    if isinstance(value, (dict, tuple, list)):
        return _("a mapping") if isinstance(value, dict) else _("a list")
    if value is None:
        return _("nothing")
    return short(repr(value) if isinstance(value, str) else str(value))


def describe_loc(data: Any, loc: tuple[str | int, ...]) -> str:
    """Name the object a location points into, e.g. "option 'home' of question 'setting-type'"."""
    parts: list[str] = []
    node = data
    i = 0
    while i < len(loc):
        step = loc[i]
        nxt = loc[i + 1] if i + 1 < len(loc) else None
        if isinstance(step, str) and isinstance(nxt, int) and isinstance(node, Mapping):
            seq = node.get(step)
            entry = seq[nxt] if isinstance(seq, (tuple, list)) and nxt < len(seq) else None
            noun = ENTRY_NAMES.get(step, step[:-1] if step.endswith("s") else step)
            ident = entry.get("id", entry.get("name")) if isinstance(entry, Mapping) else None
            if step == "clinics":  # the one list in an answers file, which a patient may read about
                named = _("clinic '{name}'").format(name=short(ident)) if isinstance(ident, str) else None
                parts.append(named or _("clinic {number}").format(number=nxt + 1))
            else:
                parts.append(f"{noun} '{short(ident)}'" if isinstance(ident, str) else f"{noun} {nxt + 1}")
            node = entry
            i += 2
            continue
        if isinstance(step, str) and step == "checklist":
            parts.append("checklist")
        node = node.get(step) if isinstance(node, Mapping) and isinstance(step, str) else None
        i += 1
    return " of ".join(reversed(parts))


def _field_path(loc: tuple[str | int, ...]) -> str:
    """The field part of a location, after the last named entry: 'how_to_check.uk', 'goals[2]'."""
    tail: list[str | int] = []
    for step in reversed(loc):
        if isinstance(step, int) and tail and isinstance(tail[0], str) and not tail[0].startswith("["):
            break
        tail.insert(0, f"[{step + 1}]" if isinstance(step, int) else step)
    text = ""
    for step in tail:
        text += str(step) if (str(step).startswith("[") or not text) else f".{step}"
    return text


def known_fields(*models: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for model in models:
        names.update(model.model_fields)
    return names


@dataclass(frozen=True)
class _Error:
    """One pydantic error, as the messages below read it."""

    kind: str
    field: str  # the field's path after the last named entry: 'how_to_check.uk', 'goals[2]'
    name: str  # the last step of the location
    value: Any
    ctx: Mapping[str, Any]
    msg: str
    fields: set[str]  # every field name the models know (for "did you mean")


def _unknown_field(e: _Error) -> str:
    close = difflib.get_close_matches(e.name, sorted(e.fields), n=1)
    if close:
        return _("unknown field '{name}' - did you mean '{close}'?").format(name=e.name, close=close[0])
    return _("unknown field '{name}' - remove it").format(name=e.name)


def _not_text(e: _Error) -> str:
    was = "true/false" if isinstance(e.value, bool) else _("a number") if isinstance(e.value, int) else _show(e.value)
    return _("'{field}' must be text but YAML read {value} here - put the value in quotes").format(
        field=e.field, value=was
    )


def _not_whole_number(e: _Error) -> str:
    digits = isinstance(e.value, str) and e.value.lstrip("+-").isdigit()
    if digits and len(e.value) > MAX_INT_DIGITS:
        return _("'{field}' is a number {digits} digits long - write a small whole number").format(
            field=e.field, digits=len(e.value)
        )
    return _("'{field}' must be a whole number, not {value} - write digits only, without quotes").format(
        field=e.field, value=_show(e.value)
    )


def _out_of_bounds(e: _Error) -> str:
    limit = next(iter(e.ctx.values()), "?")
    if e.kind.startswith("greater"):
        return _("'{field}' is {value} - it must be at least {limit}").format(
            field=e.field, value=_show(e.value), limit=limit
        )
    return _("'{field}' is {value} - it must be at most {limit}").format(
        field=e.field, value=_show(e.value), limit=limit
    )


def _pattern(e: _Error) -> str:
    hint = _PATTERN_HINTS.get(str(e.ctx.get("pattern")), "check the format")
    return f"'{e.field}' is {_show(e.value)}, which is not in the right form - {hint}"


def _not_a_list(e: _Error) -> str:
    return _("'{field}' must be a list - write one '- item' per line").format(field=e.field)


def _not_a_mapping(e: _Error) -> str:
    if not e.field:
        return _("'this' must be a mapping of fields - write 'field: value' lines")
    return _("'{field}' must be a mapping of fields - write 'field: value' lines").format(field=e.field)


_MESSAGES: dict[str, Callable[[_Error], str]] = {  # pydantic's error type -> what is wrong - how to fix it
    "missing": lambda e: _("the field '{name}' is missing - add it").format(name=e.name),
    "extra_forbidden": _unknown_field,
    "string_type": _not_text,
    "int_type": _not_whole_number,
    "int_parsing": _not_whole_number,
    "bool_type": lambda e: f"'{e.field}' must be true or false, not {_show(e.value)} - write true or false",
    "literal_error": lambda e: _("'{field}' is {value}, which is not allowed - use one of {expected}").format(
        field=e.field, value=_show(e.value), expected=e.ctx.get("expected")
    ),
    "string_pattern_mismatch": _pattern,
    "string_too_short": lambda e: f"'{e.field}' is empty - write the text",
    "string_too_long": lambda e: (
        f"'{e.field}' is {len(str(e.value))} characters, over the limit of {e.ctx.get('max_length')} - shorten it"
    ),
    "too_short": lambda e: f"'{e.field}' needs at least {e.ctx.get('min_length')} item(s) - add more",
    "too_long": lambda e: _("'{field}' has more than {most} items - remove some").format(
        field=e.field, most=e.ctx.get("max_length")
    ),
    "greater_than_equal": _out_of_bounds,
    "less_than_equal": _out_of_bounds,
    "greater_than": _out_of_bounds,
    "less_than": _out_of_bounds,
    "tuple_type": _not_a_list,
    "list_type": _not_a_list,
    "model_type": _not_a_mapping,
    "dict_type": _not_a_mapping,
    "model_attributes_type": _not_a_mapping,
    "value_error": lambda e: str(e.ctx.get("error", e.msg)),  # our own validators' words
    "union_tag_not_found": lambda e: f"'{e.field}' needs a 'kind' - add kind: {_KINDS_WORDS}",
    "union_tag_invalid": lambda e: f"'{e.field}' has kind {_show(e.ctx.get('tag'))} - use {_KINDS_WORDS}",
}


def _not_a_date(e: _Error) -> str:
    return f"'{e.field}' is {_show(e.value)}, which is not a date - write it as YYYY-MM-DD, e.g. 2026-11-23"


def message_for(error: Mapping[str, Any], data: Any, fields: set[str]) -> str:
    """One pydantic error as 'where: what is wrong - how to fix it'."""
    loc = tuple(s for s in error["loc"] if not (isinstance(s, str) and s in UNION_TAGS))
    kind = error["type"]
    e = _Error(
        kind=kind,
        field=_field_path(loc[:-1]) if kind == "extra_forbidden" else _field_path(loc),
        name=str(loc[-1]) if loc else "",
        value=error.get("input"),
        ctx=error.get("ctx") or {},
        msg=error["msg"],
        fields=fields,
    )
    message = _MESSAGES.get(kind) or (_not_a_date if kind.startswith("date") else None)
    text = (
        message(e)
        if message is not None
        else _("'{field}': {problem} - check this value").format(field=e.field, problem=e.msg)
    )
    where = describe_loc(data, loc)
    return f"{where}: {text}" if where else text


def problems_from_validation(
    exc: ValidationError, path: str, data: Any, line_of: Any, fields: set[str]
) -> list[Problem]:
    out: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        clean = tuple(s for s in loc if not (isinstance(s, str) and s in UNION_TAGS))
        out.append(Problem(path, line_of(clean), message_for(error, data, fields)))
    return out
