"""The checklist in another language: translation files beside the English, read as strictly as the English.

The Spanish for ``questions/licence.yaml`` is ``questions/es/licence.yaml``. It holds the English file's
patient-facing texts, each item under its id (a decision under its goal), each text a pair::

    questions:
      injector-role:
        text:
          from: 1f0c3a9e    # the first 8 hex digits of the SHA-256 of the English it was made from
          es: ¿Quién le pondrá las inyecciones?
        how_to_check:
          default: {from: 5b2d07aa, es: ...}
          us: {from: 0c4e11d2, es: ...}
        options:
          doctor: {from: 9a1b2c3d, es: Un médico (MD o DO)}

Rules, and why:
- Every patient-facing English text has its translation, and nothing is there that the English lacks (an id,
  a field, a whole file): a patient never meets an English sentence in the Spanish aid, and a typo in an id
  cannot hide a translation.
- ``from`` is the hash of the English as it is now. When the English changes, every Spanish text made from the
  old English is named as stale (with the hash to write once it is updated), and validation fails until it is.
  Only the words count: re-wrapping a paragraph changes nothing.
- A translation keeps to its English field's length limit (the same models validate the translated checklist).
- Not translated: ids, points, flags, conditions, dates, and sources (a publication keeps its title).
- The "Not sure" option keeps one wording in each language (``UNSURE``): the app's help text names it.
"""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scoring.errors import Problem
from scoring.yamlload import Loaded, Loc, read_yaml_bytes

TRANSLATED = ("es",)  # the languages with translation files (the checklist is written in English)
UNSURE = {"en": "Not sure", "es": "No lo sé"}
_HASH = 8
_LONG, _SHORT = 1200, 160  # the models' Text and ShortText limits


@dataclass(frozen=True)
class _Items:
    """A list of items in the English, a mapping by ``key`` in the translation; ``fields`` is what each item
    translates, or the name of its one translated field (an option's label)."""

    key: str
    fields: Mapping[str, Any] | str


@dataclass(frozen=True)
class _Each:
    """A list of texts in the English (the authors), each under its place in the list ("0", "1", ...)."""

    limit: int


_PLACES = {"default": _LONG, "us": _LONG, "uk": _LONG, "other": _LONG}
_FIGURE = {"what": _SHORT, "time": _SHORT, "compared_with": _SHORT}
_CELLS = ("works", "soon", "lasts", "common_harms", "rare_harms", "how_often", "cost", "if_wait")
_COLUMN = {"name": _SHORT, "what": _LONG, **dict.fromkeys(_CELLS, _PLACES), "benefit": _FIGURE, "harm": _FIGURE}
SPEC: Mapping[str, Any] = {
    "checklist": {
        "title": _SHORT,
        "authors": _Each(_SHORT),  # a group's name ("... contributors") reads in the patient's language
        **dict.fromkeys(("review_process", "funding", "conflicts", "update_policy", "disclaimer"), _LONG),
    },
    "categories": _Items("id", {"title": _SHORT, "description": _LONG}),
    "questions": _Items(
        "id",
        {"text": _LONG, "why": _LONG, "ask": _LONG, "how_to_check": _PLACES, "options": _Items("id", "label")},
    ),
    "patient_questions": _Items("id", {"text": _LONG, "why": _LONG, "options": _Items("id", "label")}),
    "values": _Items("id", "text"),
    "decisions": _Items(
        "goal", {"condition": _LONG, "course": _LONG, "course_figure": _FIGURE, "options": _Items("id", _COLUMN)}
    ),
    "safety_notes": _Items("id", {"title": _SHORT, "text": _LONG}),
}
_ITEM_LIMIT = {"label": _SHORT, "text": _SHORT}  # an option's label, a value's text


def text_hash(english: str) -> str:
    """What a translation records of the English it was made from: the words, not their line breaks."""
    return hashlib.sha256(" ".join(english.split()).encode("utf-8")).hexdigest()[:_HASH]


@dataclass(frozen=True)
class Source:
    """One English text to translate: where it sits in the English data, and its length limit."""

    english: str
    at: Loc  # its place in the English file's data (lists by index)
    limit: int
    unsure: bool = False  # a question's "Not sure" option: its label keeps the one wording (UNSURE)


def english_texts(data: Any) -> dict[tuple[str, ...], Source]:
    """The translatable texts of one English file's data, by their path in a translation file."""
    found: dict[tuple[str, ...], Source] = {}
    if isinstance(data, dict):
        for section, spec in SPEC.items():
            _collect(data.get(section), spec, (section,), (section,), found)
        for section in ("questions", "patient_questions"):
            for item in data.get(section) or ():
                path = (
                    (section, str(item.get("id")), "options", str(item.get("unsure"))) if isinstance(item, dict) else ()
                )
                if path in found:
                    found[path] = Source(found[path].english, found[path].at, found[path].limit, unsure=True)
    return found


def _collect(node: Any, spec: Any, path: tuple[str, ...], at: Loc, found: dict[tuple[str, ...], Source]) -> None:
    if node is None:
        return
    if isinstance(spec, int):
        if isinstance(node, str):
            found[path] = Source(node, at, spec)
    elif isinstance(spec, _Each):
        for index, text in enumerate(node if isinstance(node, tuple) else ()):
            _collect(text, spec.limit, (*path, str(index)), (*at, index), found)
    elif isinstance(spec, _Items):
        for index, item in enumerate(node if isinstance(node, tuple) else ()):
            if not isinstance(item, dict) or not isinstance(item.get(spec.key), str):
                continue
            key = item[spec.key]
            if isinstance(spec.fields, str):
                limit = _ITEM_LIMIT[spec.fields]
                _collect(item.get(spec.fields), limit, (*path, key), (*at, index, spec.fields), found)
            else:
                _collect(item, spec.fields, (*path, key), (*at, index), found)
    elif isinstance(node, dict):
        for name, inner in spec.items():
            _collect(node.get(name), inner, (*path, name), (*at, name), found)


def _leaves(node: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every text of a translation file: a mapping with ``from`` or a language key is a text; other mappings
    hold more of them."""
    if isinstance(node, dict) and not (set(node) & {"from", *TRANSLATED}):
        for key, inner in node.items():
            yield from _leaves(inner, (*path, key))
    else:
        yield path, node


def _name(path: tuple[str, ...]) -> str:
    return ".".join(path)


def read_translation(
    raw: bytes, name: str, english: dict[tuple[str, ...], Source], language: str
) -> tuple[dict[tuple[str, ...], str], list[Problem]]:
    """The texts of one translation file checked against its English: the translations by path, and every
    problem, each at its line with what to do."""
    loaded = read_yaml_bytes(raw, name)
    if loaded.data is None:
        loaded = Loaded(name, {}, loaded.lines)
    if not isinstance(loaded.data, dict):
        return {}, [Problem(name, 1, "a translation file must be a mapping with sections such as 'questions:'")]
    texts: dict[tuple[str, ...], str] = {}
    problems: list[Problem] = []
    for path, node in _leaves(loaded.data, ()):
        line = loaded.line_of(path)
        source = english.get(path)
        if source is None:
            problems.append(Problem(name, line, _unknown(path, english)))
            continue
        wanted = text_hash(source.english)
        if not isinstance(node, dict) or set(node) != {"from", language}:
            problems.append(
                Problem(
                    name,
                    line,
                    f"{_name(path)} must have exactly two keys, 'from' and '{language}' - write "
                    f"'from: {wanted}' and '{language}:' with the translation",
                )
            )
            continue
        text, made_from = node[language], str(node["from"])  # all-digit hashes read as numbers
        if not isinstance(text, str) or not text.strip():
            problems.append(
                Problem(name, line, f"{_name(path)}: '{language}' is empty - write the translation after '{language}:'")
            )
            continue
        if len(text.strip()) > source.limit:
            problems.append(
                Problem(
                    name,
                    line,
                    f"{_name(path)} is {len(text.strip())} characters, over the limit of {source.limit} - shorten it",
                )
            )
        if source.unsure and language in UNSURE and not text.strip().startswith(UNSURE[language]):
            problems.append(
                Problem(
                    name,
                    line,
                    f"{_name(path)} is the \"Not sure\" answer: it must start with '{UNSURE[language]}', "
                    "the words the app's help uses for it",
                )
            )
        if made_from != wanted:
            problems.append(
                Problem(
                    name,
                    loaded.line_of((*path, "from")),
                    f"{_name(path)} is stale: the English changed since it was translated (from: {made_from}) - "
                    f"update the translation to the English now, then write 'from: {wanted}'",
                )
            )
        texts[path] = text.strip()
    for path, source in english.items():
        if path not in texts and not any(p.message.startswith(_name(path)) for p in problems):
            problems.append(
                Problem(
                    name,
                    _nearest_line(loaded, path),
                    f"{_name(path)} has no translation - add it under {_name(path[:-1])} "
                    f"with 'from: {text_hash(source.english)}' (English: \"{_short(source.english)}\")",
                )
            )
    return texts, problems


def _unknown(path: tuple[str, ...], english: dict[tuple[str, ...], Source]) -> str:
    parent = path[:-1]
    siblings = sorted({p[len(parent)] for p in english if p[: len(parent)] == parent and len(p) > len(parent)})
    where = f" (here: {', '.join(siblings[:8])}{' ...' if len(siblings) > 8 else ''})" if siblings else ""
    return f"{_name(path)} is not in the English file{where} - remove it, or correct the id or field name"


def _nearest_line(loaded: Loaded, path: tuple[str, ...]) -> int:
    for end in range(len(path) - 1, -1, -1):
        if path[:end] in loaded.lines:
            return loaded.lines[path[:end]]
    return 1


def _short(text: str, most: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[: most - 3] + "..."


def translated_data(data: Any, english: dict[tuple[str, ...], Source], texts: dict[tuple[str, ...], str]) -> Any:
    """The English file's data with every text replaced by its translation (the ids and numbers as they are)."""
    result = _thaw(data)
    for path, source in english.items():
        node = result
        for step in source.at[:-1]:
            node = node[step]
        node[source.at[-1]] = texts[path]
    return _freeze(result)


def _thaw(node: Any) -> Any:
    """A copy that can be written into (lists for the reader's tuples)."""
    if isinstance(node, dict):
        return {k: _thaw(v) for k, v in node.items()}
    if isinstance(node, tuple):
        return [_thaw(v) for v in node]
    return node


def _freeze(node: Any) -> Any:
    """Back to the reader's shapes (tuples), which the strict models expect."""
    if isinstance(node, dict):
        return {k: _freeze(v) for k, v in node.items()}
    if isinstance(node, list):
        return tuple(_freeze(v) for v in node)
    return node


def translation_path(english: Path, language: str) -> Path:
    return english.parent / language / english.name


def stray_files(folders: set[Path], expected: set[Path], language: str, suffixes: tuple[str, ...]) -> list[Problem]:
    """Translation files whose English file is not in the checklist."""
    problems = []
    for folder in sorted(folders):
        where = folder / language
        if not where.is_dir():
            continue
        for path in sorted(where.iterdir()):
            if path.suffix in suffixes and path not in expected:
                problems.append(
                    Problem(
                        str(path),
                        1,
                        f"there is no English file {path.name} in {folder.name}/ for this translation - "
                        "remove it, or name it after its English file",
                    )
                )
    return problems


def read_pairs(raw: bytes, name: str, language: str) -> dict[tuple[str, ...], tuple[str, str]]:
    """What a translation file holds, leniently (for rewriting it): ``from`` and the text, by path."""
    data = read_yaml_bytes(raw, name).data
    pairs = {}
    for path, node in _leaves(data if isinstance(data, dict) else {}, ()):
        if isinstance(node, dict) and isinstance(node.get(language), str):
            pairs[path] = (str(node.get("from", "")), node[language])
    return pairs


def skeleton(
    english: dict[tuple[str, ...], Source], existing: dict[tuple[str, ...], tuple[str, str]], language: str
) -> str:
    """A translation file in the English file's order: each translation kept as it was, each missing one empty
    under its English (as a comment), each stale one under the English it must now follow. A maintainer fills
    in what is empty or marked, then validates."""
    lines = [
        f"# {language}: the translation of the English file of this name in the folder above (docs/translating.md)."
    ]
    previous: tuple[str, ...] = ()
    for path, source in english.items():
        shared = 0
        while shared < min(len(previous), len(path) - 1) and previous[shared] == path[shared]:
            shared += 1
        for depth in range(shared, len(path)):
            lines.append("  " * depth + f"{path[depth]}:")
        previous = path
        indent = "  " * len(path)
        wanted = text_hash(source.english)
        made_from, text = existing.get(path, ("", ""))
        if not text:
            lines += _comment(indent, "en", source.english)
            made_from = wanted
        elif made_from != wanted:
            lines += _comment(indent, "en now", source.english)
        lines.append(f"{indent}from: {made_from}")
        lines += _scalar(indent, language, text)
    return "\n".join(lines) + "\n"


def _comment(indent: str, label: str, text: str) -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(f"{label}: {' '.join(text.split())}", 100 - len(indent))]


def _scalar(indent: str, key: str, text: str) -> list[str]:
    flat = " ".join(text.split())
    if len(flat) + len(indent) + len(key) + 2 <= 110 or not flat:
        dumped = yaml.safe_dump(flat, allow_unicode=True, width=1000).removesuffix("\n...\n").strip()
        return [f"{indent}{key}: {dumped}"]
    wrapped = textwrap.wrap(flat, 110 - len(indent) - 2, break_long_words=False, break_on_hyphens=False)
    return [f"{indent}{key}: >-", *(f"{indent}  {line}" for line in wrapped)]
