"""Load the checklist: read every file strictly, validate its shape, check cross-references.

``load_checklist(paths)`` is the one entry point. It returns a frozen ``Checklist`` or raises
``InputError`` with every problem in every file, each as ``path:line: message``.
Files are read in name order, so ids, questions and notes keep a stable order.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from scoring import crossref, translations
from scoring.crossref import ParsedFile
from scoring.errors import InputError, Problem, known_fields, problems_from_validation
from scoring.models import (
    GOALS,
    JURISDICTIONS,
    Category,
    ChecklistFile,
    Decision,
    Goal,
    Jurisdiction,
    Metadata,
    PatientQuestion,
    Question,
    SafetyNote,
    Source,
    Strict,
    Value,
)
from scoring.yamlload import MAX_BYTES, read_model

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "questions"
SUFFIXES = (".yaml", ".yml")


def _models(base: type[Strict]) -> list[type[Strict]]:
    """Every model of the schema (a typo's "did you mean" looks through all their field names)."""
    found: list[type[Strict]] = []
    for sub in base.__subclasses__():
        found += [sub, *_models(sub)]
    return found


_FIELDS = known_fields(*_models(Strict))


@dataclass(frozen=True, eq=False)
class Checklist:
    """The merged, checked checklist, with lookups by id. Compared and hashed by identity: one loaded checklist is
    one object, so caches elsewhere (the codec's tables, the app's) can key on it cheaply."""

    metadata: Metadata
    categories: tuple[Category, ...]
    questions: tuple[Question, ...]
    safety_notes: tuple[SafetyNote, ...]
    sources: tuple[Source, ...]
    files: tuple[str, ...] = ()
    patient_questions: tuple[PatientQuestion, ...] = ()
    values: tuple[Value, ...] = ()
    decisions: tuple[Decision, ...] = ()
    language: str = "en"  # the language of its texts (ids are the same in every language)

    # Lookups worked out once, on first use (the checklist never changes after loading).
    @cached_property
    def _questions_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def _categories_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def _applicable(self) -> dict[tuple[Goal, Jurisdiction], tuple[Question, ...]]:
        """Asked on every evaluation and rerun: each goal and place's questions, once."""
        return {
            (goal, place): tuple(q for q in self.questions if q.applies_to(goal, place))
            for goal in GOALS
            for place in JURISDICTIONS
        }

    def question(self, question_id: str) -> Question | None:
        return self._questions_by_id.get(question_id)

    def category(self, category_id: str) -> Category | None:
        return self._categories_by_id.get(category_id)

    def source(self, source_id: str) -> Source | None:
        return self._sources_by_id.get(source_id)

    def applicable_questions(self, goal: Goal, jurisdiction: Jurisdiction) -> tuple[Question, ...]:
        """Questions for this goal and place, in category order. Conditions on answers are not applied here."""
        return self._applicable[(goal, jurisdiction)]

    def patient_questions_for(self, goal: Goal, jurisdiction: Jurisdiction) -> tuple[PatientQuestion, ...]:
        return tuple(q for q in self.patient_questions if q.applies_to(goal, jurisdiction))

    def patient_question(self, question_id: str) -> PatientQuestion | None:
        return next((q for q in self.patient_questions if q.id == question_id), None)

    def values_for(self, goal: Goal) -> tuple[Value, ...]:
        return tuple(v for v in self.values if goal in v.goals)

    def decision(self, goal: Goal) -> Decision | None:
        return next((d for d in self.decisions if d.goal == goal), None)

    def categories_for(self, goal: Goal, jurisdiction: Jurisdiction) -> tuple[Category, ...]:
        used = {q.category for q in self.applicable_questions(goal, jurisdiction)}
        return tuple(c for c in self.categories if c.id in used)

    def sources_for(self, source_ids: Iterable[str]) -> tuple[Source, ...]:
        seen = dict.fromkeys(source_ids)
        return tuple(s for s in (self.source(i) for i in seen) if s is not None)


def checklist_files(paths: Sequence[str | Path] = ()) -> list[Path]:
    """Expand folders into their YAML files (name order); keep files as given."""
    found: list[Path] = []
    for raw in paths or [DEFAULT_DIR]:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def parse_file(raw: bytes, name: str) -> ParsedFile:
    """Read and shape-check one checklist file."""
    loaded, content = read_model(
        raw,
        name,
        ChecklistFile,
        _FIELDS,
        wanted="the .yaml text file",
        not_a_mapping="the file must be a mapping with sections such as 'questions:' - not a list or text",
        empty="the file is empty - add a 'questions:' (or other) section, or delete the file",
    )
    return ParsedFile(loaded, content)


def load_checklist(
    paths: Sequence[str | Path] = (), today: datetime.date | None = None, language: str = "en"
) -> Checklist:
    """Read, validate and join the checklist files (the shipped ones without ``paths``). ``today``: the day no
    date may be after (a source checked, the last review); the app and the command line pass it, the core never
    reads the clock. ``language``: the checklist in that language, from the translation files beside the English
    (``questions/es/``), each checked against the English (see ``scoring.translations``)."""
    files = checklist_files(paths)
    problems: list[Problem] = []
    parsed: list[ParsedFile] = []
    if not files:
        where = ", ".join(str(p) for p in paths) or str(DEFAULT_DIR)
        raise InputError.one(where, 1, "no checklist files (.yaml) found here - point to the questions/ folder")
    for path in files:
        name = _display(path)
        try:
            raw = _read_capped(path)
            parsed.append(parse_file(raw, name))
        except InputError as exc:
            problems.extend(exc.problems)
        except OSError as exc:
            problems.append(Problem(name, 1, f"cannot read the file ({exc.strerror}) - check the path"))
    if problems:
        raise InputError(problems)
    cross_problems = crossref.check(parsed, today)
    if cross_problems:
        raise InputError(cross_problems)
    if language != "en":
        parsed = translate(files, parsed, language)
    metadata = next(p.content.checklist for p in parsed if p.content.checklist is not None)
    categories = tuple(c for p in parsed for c in p.content.categories)
    order = {c.id: i for i, c in enumerate(categories)}
    questions = [q for p in parsed for q in p.content.questions]
    questions.sort(key=lambda q: order[q.category])  # stable: file order within a category
    return Checklist(
        metadata=metadata,
        categories=categories,
        questions=tuple(questions),
        safety_notes=tuple(n for p in parsed for n in p.content.safety_notes),
        sources=tuple(s for p in parsed for s in p.content.sources),
        files=tuple(p.loaded.path for p in parsed),
        patient_questions=tuple(q for p in parsed for q in p.content.patient_questions),
        values=tuple(v for p in parsed for v in p.content.values),
        decisions=tuple(d for p in parsed for d in p.content.decisions),
        language=language,
    )


def translate(files: list[Path], parsed: list[ParsedFile], language: str) -> list[ParsedFile]:
    """The parsed English files with their texts in ``language``; every problem of every translation file at once."""
    if language not in translations.TRANSLATED:
        raise InputError.one(
            "--lang", 1, f"no translation '{language}' - use one of: en, {', '.join(translations.TRANSLATED)}"
        )
    problems: list[Problem] = []
    result: list[ParsedFile] = []
    expected = {translations.translation_path(path, language) for path in files}
    problems += translations.stray_files({path.parent for path in files}, expected, language, SUFFIXES)
    for path, english in zip(files, parsed, strict=True):
        sources = translations.english_texts(english.loaded.data)
        where = translations.translation_path(path, language)
        if not sources and not where.exists():
            result.append(english)
            continue
        name = _display(where)
        try:
            raw = _read_capped(where)
        except OSError as exc:
            problems.append(
                Problem(
                    name, 1, f"cannot read the translation of {english.loaded.path} ({exc.strerror}) - add the file"
                )
            )
            continue
        try:
            texts, found = translations.read_translation(raw, name, sources, language)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        problems += found
        if found:
            continue
        data = translations.translated_data(english.loaded.data, sources, texts)
        try:
            content = ChecklistFile.model_validate(data)
        except ValidationError as exc:
            problems += problems_from_validation(exc, name, data, lambda _loc: 1, _FIELDS)
            continue
        result.append(ParsedFile(english.loaded, content))
    if problems:
        raise InputError(problems)
    return result


def _read_capped(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(MAX_BYTES + 1)
