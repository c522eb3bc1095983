"""Cross-reference rules across all checklist files, each a small function returning problems.

Rules:
- exactly one file holds the ``checklist:`` metadata;
- ids are unique per kind across files, and option ids within a question;
- every question's category, condition, "Not sure" option and sources exist;
- the "Not sure" option scores 0 and carries no flag; it is labelled "Not sure";
- a condition points to another question that applies wherever this one does, without cycles;
- every safety note's trigger and sources exist; every source is cited, has a link or a
  citation, and was checked on or after the checklist's review date (and not in the future);
- questions about the patient have unique ids (none shared with a clinic question), unique option ids and a
  "Not sure" option; notes that a patient answer brings up point to a real question and option;
- at most one decision (options grid) per goal, with unique option ids; a figure's range is in order and a
  comparison has both its number and what it is compared with;
- every category has questions; every question's best answer earns points and carries no
  flag, so each goal in each place can reach a full score;
- a flagged answer earns 0 points, so a refusal or a bad answer never scores better than
  "Not sure" (which is out of the score);
- on a safety-critical question every answer below the best is flagged: a safety check is
  either passed or it is not, so a worse answer can never clear a gate that "Not sure" holds.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from scoring.errors import Problem
from scoring.models import (
    GOALS,
    JURISDICTIONS,
    AnswerApplies,
    Category,
    ChecklistFile,
    Decision,
    Figure,
    PatientApplies,
    PatientQuestion,
    Question,
    SafetyNote,
    Source,
    Value,
)
from scoring.yamlload import Loaded, Loc

T = TypeVar("T", Category, Question, SafetyNote, Source, PatientQuestion, Value, Decision)


@dataclass(frozen=True)
class ParsedFile:
    loaded: Loaded
    content: ChecklistFile


@dataclass(frozen=True)
class _At:
    """Where an entry was written: its file and its location in that file."""

    file: Loaded
    loc: Loc

    def problem(self, message: str, *sub: str | int) -> Problem:
        return Problem(self.file.path, self.file.line_of((*self.loc, *sub)), message)


def _entries(parsed: list[ParsedFile], section: str, kind: type[T]) -> Iterator[tuple[_At, T]]:
    for pf in parsed:
        for i, entry in enumerate(getattr(pf.content, section)):
            if isinstance(entry, kind):
                yield _At(pf.loaded, (section, i)), entry


@dataclass(frozen=True, eq=False)
class _Files:
    """The parsed files, with the indexes several rules read, built once."""

    parsed: list[ParsedFile]

    @cached_property
    def question_entries(self) -> list[tuple[_At, Question]]:
        return list(_entries(self.parsed, "questions", Question))

    @cached_property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for _, q in self.question_entries}

    @cached_property
    def categories(self) -> set[str]:
        return {c.id for pf in self.parsed for c in pf.content.categories}


def check(parsed: list[ParsedFile], today: datetime.date | None = None) -> list[Problem]:
    """Every rule across the files. ``today``: the day to hold dates to (none in the future); the core never reads
    the clock, so without it those checks are not made."""
    files = _Files(parsed)
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule(files))
    if today is not None:
        problems.extend(_not_in_the_future(files, today))
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.message))


def _metadata_once(files: _Files) -> list[Problem]:
    holders = [pf for pf in files.parsed if pf.content.checklist is not None]
    if not holders:
        first = files.parsed[0].loaded.path if files.parsed else "questions"
        return [
            Problem(
                first, 1, "no file has the 'checklist:' section (title, version, review date...) - add it to one file"
            )
        ]
    return [
        Problem(
            pf.loaded.path,
            pf.loaded.line_of(("checklist",)),
            "a second 'checklist:' section - keep only one, in one file",
        )
        for pf in holders[1:]
    ]


def _unique_ids(files: _Files) -> list[Problem]:
    problems: list[Problem] = []
    kinds: tuple[tuple[str, str, type[Category | Question | SafetyNote | Source]], ...] = (
        ("categories", "category", Category),
        ("questions", "question", Question),
        ("safety_notes", "safety note", SafetyNote),
        ("sources", "source", Source),
    )
    for section, noun, kind in kinds:
        first: dict[str, str] = {}
        for at, entry in _entries(files.parsed, section, kind):  # type: ignore[type-var]
            ident = entry.id
            if ident in first:
                problems.append(
                    at.problem(f"{noun} id '{ident}' is already used ({first[ident]}) - give it a new id", "id")
                )
            else:
                first[ident] = f"{at.file.path}:{at.file.line_of((*at.loc, 'id'))}"
    for at, q in files.question_entries:
        seen: set[str] = set()
        for j, option in enumerate(q.options):
            if option.id in seen:
                problems.append(
                    at.problem(f"question '{q.id}': option id '{option.id}' appears twice - rename one", "options", j)
                )
            seen.add(option.id)
    return problems


def _categories_exist(files: _Files) -> list[Problem]:
    categories = files.categories
    return [
        at.problem(
            f"question '{q.id}': category '{q.category}' does not exist - use one of {', '.join(sorted(categories))}",
            "category",
        )
        for at, q in files.question_entries
        if q.category not in categories
    ]


def _unsure_options(files: _Files) -> list[Problem]:
    problems: list[Problem] = []
    for at, q in files.question_entries:
        unsure = q.option(q.unsure)
        if unsure is None:
            problems.append(
                at.problem(
                    f"question '{q.id}': unsure names option '{q.unsure}', which does not exist - add a 'Not sure' "
                    "option with that id",
                    "unsure",
                )
            )
        elif unsure.points != 0 or unsure.flag != "none" or "not sure" not in unsure.label.lower():
            problems.append(
                at.problem(
                    f"question '{q.id}': the unsure option '{unsure.id}' must be labelled 'Not sure', "
                    "score 0 points and have no flag - fix that option",
                    "unsure",
                )
            )
    return problems


def _conditions(files: _Files) -> list[Problem]:
    questions = files.questions
    problems: list[Problem] = []
    for at, q in files.question_entries:
        if q.condition is None:
            continue
        target = questions.get(q.condition.question)
        if target is None or target.id == q.id:
            what = "itself" if target is not None else f"'{q.condition.question}', which does not exist"
            problems.append(
                at.problem(
                    f"question '{q.id}': condition refers to {what} - point it at another question's id",
                    "condition",
                    "question",
                )
            )
            continue
        for k, option_id in enumerate(q.condition.options):
            if target.option(option_id) is None:
                problems.append(
                    at.problem(
                        f"question '{q.id}': condition option '{option_id}' is not an option of '{target.id}' - use "
                        f"one of {_ids(target)}",
                        "condition",
                        "options",
                        k,
                    )
                )
        missing = [f"{g}/{j}" for g in q.goals for j in q.jurisdictions if not target.applies_to(g, j)]
        if missing:
            problems.append(
                at.problem(
                    f"question '{q.id}': its condition question '{target.id}' does not apply for {', '.join(missing)} "
                    "- narrow this question's goals/jurisdictions or widen that question's",
                    "condition",
                    "question",
                )
            )
        if _has_cycle(q, questions):
            problems.append(
                at.problem(
                    f"question '{q.id}': conditions form a loop - one question in the loop must have no condition",
                    "condition",
                )
            )
    return problems


def _ids(question: Question | PatientQuestion) -> str:
    return ", ".join(o.id for o in question.options)


def _has_cycle(start: Question, questions: dict[str, Question]) -> bool:
    seen = {start.id}
    current = start
    while current.condition is not None:
        nxt = questions.get(current.condition.question)
        if nxt is None:
            return False
        if nxt.id in seen:
            return nxt.id == start.id
        seen.add(nxt.id)
        current = nxt
    return False


def _citations(parsed: list[ParsedFile]) -> Iterator[tuple[_At, str, tuple[str | int, ...], str]]:
    """Every source id cited anywhere: where, by what (for messages), the location of the id, and the id."""
    citing: tuple[tuple[str, str, type[Question | SafetyNote | PatientQuestion]], ...] = (
        ("questions", "question", Question),
        ("safety_notes", "safety note", SafetyNote),
        ("patient_questions", "question about you", PatientQuestion),
    )
    for section, noun, kind in citing:
        for at, entry in _entries(parsed, section, kind):  # type: ignore[type-var]
            for k, sid in enumerate(entry.sources):
                yield at, f"{noun} '{entry.id}'", ("sources", k), sid
    for at, decision in _entries(parsed, "decisions", Decision):
        who = f"decision for {decision.goal}"
        for k, sid in enumerate(decision.sources):
            yield at, who, ("sources", k), sid
        for j, option in enumerate(decision.options):
            for name in ("works", "soon", "lasts", "common_harms", "rare_harms", "how_often", "cost", "if_wait"):
                for k, sid in enumerate(getattr(option, name).sources):
                    yield at, f"{who}, option '{option.id}', {name}", ("options", j, name, "sources", k), sid
            for name in ("benefit", "harm"):
                figure: Figure | None = getattr(option, name)
                for k, sid in enumerate(figure.sources if figure else ()):
                    yield at, f"{who}, option '{option.id}', {name}", ("options", j, name, "sources", k), sid
        if decision.course_figure is not None:
            for k, sid in enumerate(decision.course_figure.sources):
                yield at, f"{who}, course_figure", ("course_figure", "sources", k), sid


def _source_refs(files: _Files) -> list[Problem]:
    sources = {s.id for pf in files.parsed for s in pf.content.sources}
    cited: set[str] = set()
    problems: list[Problem] = []
    for at, who, loc, sid in _citations(files.parsed):
        cited.add(sid)
        if sid not in sources:
            problems.append(
                at.problem(f"{who}: source '{sid}' is not in the sources list - add it to sources or fix the id", *loc)
            )
    metadata = next((pf.content.checklist for pf in files.parsed if pf.content.checklist is not None), None)
    for at, source in _entries(files.parsed, "sources", Source):
        sid = source.id
        if sid not in cited:
            problems.append(
                at.problem(f"source '{sid}' is not cited by any question or note - cite it or remove it", "id")
            )
        if source.url is None and source.citation is None:
            problems.append(
                at.problem(f"source '{sid}' has neither url nor citation - add one so readers can find it", "id")
            )
        checked: datetime.date = source.checked
        if metadata is not None and checked < metadata.last_reviewed:
            problems.append(
                at.problem(
                    f"source '{sid}' was last checked {checked}, before the checklist review of "
                    f"{metadata.last_reviewed} - "
                    "check it again and update 'checked'",
                    "checked",
                )
            )
    if metadata is not None and metadata.next_review <= metadata.last_reviewed:
        holder = next(pf for pf in files.parsed if pf.content.checklist is not None)
        problems.append(
            Problem(
                holder.loaded.path,
                holder.loaded.line_of(("checklist", "next_review")),
                f"checklist: next_review {metadata.next_review} is not after last_reviewed - set the date the next "
                "review is due",
            )
        )
    return problems


def _not_in_the_future(files: _Files, today: datetime.date) -> list[Problem]:
    problems = [
        at.problem(
            f"source '{source.id}': checked date {source.checked} is in the future - use the day you checked it",
            "checked",
        )
        for at, source in _entries(files.parsed, "sources", Source)
        if source.checked > today
    ]
    for holder in (pf for pf in files.parsed if pf.content.checklist is not None):
        reviewed = holder.content.checklist.last_reviewed if holder.content.checklist else today
        if reviewed > today:
            problems.append(
                Problem(
                    holder.loaded.path,
                    holder.loaded.line_of(("checklist", "last_reviewed")),
                    f"checklist: last_reviewed {reviewed} is in the future - use the review day",
                )
            )
    return problems


def _note_refs(files: _Files) -> list[Problem]:
    questions: dict[str, Question | PatientQuestion] = {q.id: q for _, q in files.question_entries}
    patient: dict[str, Question | PatientQuestion] = {
        q.id: q for _, q in _entries(files.parsed, "patient_questions", PatientQuestion)
    }
    problems: list[Problem] = []
    for at, note in _entries(files.parsed, "safety_notes", SafetyNote):
        applies = note.applies
        if not isinstance(applies, AnswerApplies | PatientApplies):
            continue
        nid = note.id
        target = (patient if isinstance(applies, PatientApplies) else questions).get(applies.question)
        if target is None:
            problems.append(
                at.problem(
                    f"safety note '{nid}': applies to question '{applies.question}', which does not exist - fix the "
                    "question id",
                    "applies",
                    "question",
                )
            )
            continue
        for k, option_id in enumerate(applies.options):
            if target.option(option_id) is None:
                problems.append(
                    at.problem(
                        f"safety note '{nid}': '{option_id}' is not an option of '{target.id}' - use one of "
                        f"{_ids(target)}",
                        "applies",
                        "options",
                        k,
                    )
                )
    return problems


def _reachable(files: _Files) -> list[Problem]:
    problems: list[Problem] = []
    used_categories: set[str] = set()
    questions = [q for _, q in files.question_entries]
    for at, q in files.question_entries:
        used_categories.add(q.category)
        answers = [o for o in q.options if o.id != q.unsure]
        if not answers:
            continue  # reported as a bad unsure option or too few options
        best = max(o.points for o in answers)
        if best == 0:
            problems.append(
                at.problem(f"question '{q.id}': no answer earns points - give the best answer more than 0", "options")
            )
        for option in answers:
            index = q.options.index(option)
            if option.flag != "none" and option.points != 0 and option.points != best:
                problems.append(
                    at.problem(
                        f"question '{q.id}': option '{option.id}' is flagged {option.flag} but earns {option.points} "
                        "points - "
                        "a flagged answer earns 0, so it never scores better than 'Not sure'",
                        "options",
                        index,
                        "points",
                    )
                )
            if q.safety_critical and option.flag == "none" and option.points < best:
                problems.append(
                    at.problem(
                        f"question '{q.id}' is a safety check: option '{option.id}' earns less than the best answer "
                        "but has no flag - "
                        "give it the best answer's points if it passes the check, or flag it caution or critical",
                        "options",
                        index,
                    )
                )
            if option.points == best and option.flag != "none":
                problems.append(
                    at.problem(
                        f"question '{q.id}': option '{option.id}' has the most points but is flagged {option.flag} - "
                        "a flagged answer must score less than the best one",
                        "options",
                        index,
                    )
                )
    for at, category in _entries(files.parsed, "categories", Category):
        cid = category.id
        if cid not in used_categories:
            problems.append(at.problem(f"category '{cid}' has no questions - add questions to it or remove it", "id"))
    if questions:
        first = files.parsed[0]
        for goal in GOALS:
            for jurisdiction in JURISDICTIONS:
                if not any(q.applies_to(goal, jurisdiction) and q.condition is None for q in questions):
                    problems.append(
                        Problem(
                            first.loaded.path,
                            1,
                            f"no question applies to goal '{goal}' in '{jurisdiction}' - add questions for it",
                        )
                    )
    return problems


def _patient_questions(files: _Files) -> list[Problem]:
    clinic_ids = {q.id for _, q in files.question_entries}
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for at, q in _entries(files.parsed, "patient_questions", PatientQuestion):
        if q.id in clinic_ids or q.id in seen:
            problems.append(
                at.problem(
                    f"question about you '{q.id}': the id is already used by another question - give it a new id", "id"
                )
            )
        seen[q.id] = q.id
        option_ids = [o.id for o in q.options]
        for j, oid in enumerate(option_ids):
            if oid in option_ids[:j]:
                problems.append(
                    at.problem(
                        f"question about you '{q.id}': option id '{oid}' appears twice - rename one", "options", j
                    )
                )
        unsure = q.option(q.unsure)
        if unsure is None or "not sure" not in unsure.label.lower():
            problems.append(
                at.problem(
                    f"question about you '{q.id}': unsure must name an option labelled 'Not sure' - add one with that "
                    "id",
                    "unsure",
                )
            )
    values: set[str] = set()
    for at, v in _entries(files.parsed, "values", Value):
        if v.id in values:
            problems.append(at.problem(f"value '{v.id}' is already used - give it a new id", "id"))
        values.add(v.id)
    return problems


def _figure_problems(at: _At, figure: Figure, where: str, *loc: str | int) -> list[Problem]:
    problems = []
    if (figure.compared_n is None) != (figure.compared_with is None):
        problems.append(at.problem(f"{where}: give both compared_n and compared_with, or neither", *loc))
    if (figure.low is None) != (figure.high is None) or (
        figure.low is not None and figure.high is not None and figure.low > figure.high
    ):
        problems.append(at.problem(f"{where}: a range needs low and high, low first - fix low and high", *loc))
    return problems


def _decisions(files: _Files) -> list[Problem]:
    problems: list[Problem] = []
    goals: set[str] = set()
    for at, decision in _entries(files.parsed, "decisions", Decision):
        who = f"decision for {decision.goal}"
        if decision.goal in goals:
            problems.append(at.problem(f"{who}: a second decision for this goal - keep one", "goal"))
        goals.add(decision.goal)
        ids = [o.id for o in decision.options]
        for j, option in enumerate(decision.options):
            if option.id in ids[:j]:
                problems.append(
                    at.problem(f"{who}: option id '{option.id}' appears twice - rename one", "options", j, "id")
                )
            for name in ("benefit", "harm"):
                figure = getattr(option, name)
                if figure is not None:
                    problems += _figure_problems(at, figure, f"{who}, option '{option.id}', {name}", "options", j, name)
        if decision.course_figure is not None:
            problems += _figure_problems(at, decision.course_figure, f"{who}, course_figure", "course_figure")
    return problems


RULES: tuple[Callable[[_Files], list[Problem]], ...] = (
    _metadata_once,
    _unique_ids,
    _categories_exist,
    _unsure_options,
    _conditions,
    _source_refs,
    _note_refs,
    _reachable,
    _patient_questions,
    _decisions,
)
