"""Command line: ``python -m scoring validate|questions|evaluate|review|link|open|layout|schema``.

Exit 0 on success; exit 1 with one ``path:line: message`` line per problem on bad input;
exit 2 on a wrong command line (argparse's convention). Never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scoring.answers import answers_as_data, answers_yaml, read_answers_file
from scoring.checklist import Checklist, load_checklist
from scoring.codec import LANG_PARAM, LINK_PARAM, decode, encode, layout_of, link_param
from scoring.errors import InputError, Problem
from scoring.language import LANGUAGES, SOURCE, Language, _, use
from scoring.models import GOALS, JURISDICTIONS, ChecklistFile, Goal, Jurisdiction, Question
from scoring.results import evaluation_as_data, state_text
from scoring.review import review_text
from scoring.translations import TRANSLATED, english_texts, read_pairs, skeleton, translation_path
from scoring.wording import FLAG_WORD, WHEN_WORD
from scoring.yamlload import read_yaml_bytes

SPOKEN = ("questions", "evaluate", "review")  # the commands a patient reads, in English or Spanish (--lang)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scoring", description="Injector Check checklists and scoring.")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check checklist files (default: questions/)")
    validate.add_argument("paths", nargs="*", metavar="PATH", help="files or folders, read together as one checklist")
    questions = sub.add_parser("questions", help="list the questions that apply to a goal and place")
    questions.add_argument("--goal", required=True, choices=GOALS)
    questions.add_argument("--jurisdiction", required=True, choices=JURISDICTIONS)
    questions.add_argument("--format", choices=("text", "json"), default="text")
    evaluate = sub.add_parser("evaluate", help="verdicts, fit scores and questions to ask for an answers file")
    evaluate.add_argument("answers", metavar="ANSWERS", help="answers file (YAML or JSON)")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    review = sub.add_parser(
        "review", help="print the safety model: every flagged answer, its flag, when, why and sources"
    )
    review.add_argument("--goal", choices=GOALS)
    review.add_argument("--jurisdiction", choices=JURISDICTIONS)
    link = sub.add_parser("link", help="print the query string (s=...) that opens the app with these answers")
    link.add_argument("answers", metavar="ANSWERS", help="answers file (YAML or JSON)")
    opened = sub.add_parser("open", help="print the answers file a link holds (a whole address, or s=...)")
    opened.add_argument("link", metavar="LINK", help="the app's address with ?s=..., or just s=...")
    opened.add_argument("--format", choices=("yaml", "json"), default="yaml")
    translate = sub.add_parser(
        "translate", help="print a checklist file's translation, with every missing or stale text marked to fill in"
    )
    translate.add_argument("file", metavar="FILE", help="an English checklist file, such as questions/licence.yaml")
    translate.add_argument("--lang", required=True, choices=TRANSLATED)
    layout = sub.add_parser("layout", help="print the current checklist layout line for scoring/layouts.jsonl")
    for command in (questions, evaluate, review, link, opened, layout):
        command.add_argument(
            "--checklist",
            action="append",
            default=[],
            metavar="PATH",
            help="checklist files or folders (default: questions/)",
        )
    for command in (questions, evaluate, review):
        command.add_argument("--lang", choices=LANGUAGES, default=SOURCE, help="the language to print in")
    link.add_argument("--lang", choices=LANGUAGES, default=SOURCE, help="the language the link opens in")
    sub.add_parser("schema", help="print the JSON Schema of a checklist file")
    return parser


def question_as_dict(q: Question, jurisdiction: Jurisdiction) -> dict[str, Any]:
    return {
        "id": q.id,
        "category": q.category,
        "text": q.text,
        "why": q.why,
        "how_to_check": q.how_to_check.for_jurisdiction(jurisdiction),
        "ask": q.ask,
        "when": q.when,
        "options": [{"id": o.id, "label": o.label, "points": o.points, "flag": o.flag} for o in q.options],
        "unsure": q.unsure,
        "safety_critical": q.safety_critical,
        "condition": None
        if q.condition is None
        else {"question": q.condition.question, "options": list(q.condition.options)},
        "sources": list(q.sources),
    }


def _questions_text(checklist: Checklist, goal: Goal, jurisdiction: Jurisdiction) -> str:
    lines: list[str] = []
    for category in checklist.categories_for(goal, jurisdiction):
        lines.append(f"\n== {category.title} ==")
        for q in checklist.applicable_questions(goal, jurisdiction):
            if q.category != category.id:
                continue
            mark = " " + _("[safety]") if q.safety_critical else ""
            lines.append(f"\n{q.text}{mark}  ({q.id}; {WHEN_WORD[q.when]})")
            lines.extend(f"  - {o.label}" + (f"  [{FLAG_WORD[o.flag]}]" if o.flag != "none" else "") for o in q.options)
            lines.append("  " + _("Why: {why}").format(why=q.why))
            lines.append("  " + _("How to check: {how}").format(how=q.how_to_check.for_jurisdiction(jurisdiction)))
            lines.append("  " + _("Ask: {ask}").format(ask=q.ask))
    return "\n".join(lines).lstrip("\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    language: Language = args.lang if args.command in SPOKEN else SOURCE
    with use(language):  # what it prints, problems with an answers file included, in that language
        return _run(args, language)


def _run(args: argparse.Namespace, language: Language) -> int:
    if args.command == "schema":
        print(json.dumps(checklist_schema(), indent=2, ensure_ascii=False))
        return 0
    if args.command == "translate":
        return _translate(Path(args.file), args.lang)
    paths = args.paths if args.command == "validate" else getattr(args, "checklist", [])
    try:
        # the command line holds the clock
        checklist = load_checklist(paths, today=datetime.date.today(), language=language)
        if args.command == "validate":
            _validate_translations(paths, checklist)
        if args.command in ("evaluate", "link"):
            state = read_answers_file(args.answers, checklist)
        if args.command == "open":
            restored = decode(link_param(args.link), checklist)
    except InputError as exc:
        for problem in exc.problems:
            print(problem)
        return 1
    if args.command == "open":
        for sentence in restored.lost:
            print(sentence, file=sys.stderr)
        if args.format == "json":
            print(json.dumps(answers_as_data(restored.state), indent=2, ensure_ascii=False))
        else:
            print(answers_yaml(restored.state), end="")
        return 0
    if args.command == "review":
        print(review_text(checklist, args.goal, args.jurisdiction))
        return 0
    if args.command == "evaluate":
        if args.format == "json":
            print(json.dumps(evaluation_as_data(checklist, state), indent=2, ensure_ascii=False))
        else:
            print(state_text(checklist, state))
        return 0
    if args.command == "link":
        opens_in = "" if args.lang == SOURCE else f"&{LANG_PARAM}={args.lang}"  # the answers are the same ids
        print(f"{LINK_PARAM}={encode(state, checklist)}{opens_in}")
        return 0
    if args.command == "layout":
        print(layout_of(checklist).to_line())
        return 0
    if args.command == "validate":
        counts = (
            f"{len(checklist.files)} files, {len(checklist.questions)} questions, "
            f"{len(checklist.safety_notes)} safety notes"
        )
        print(f"ok: checklist {checklist.metadata.version} is valid ({counts})")
        return 0
    questions = checklist.applicable_questions(args.goal, args.jurisdiction)
    if args.format == "json":
        print(json.dumps([question_as_dict(q, args.jurisdiction) for q in questions], indent=2, ensure_ascii=False))
    else:
        print(_questions_text(checklist, args.goal, args.jurisdiction))
    return 0


def _validate_translations(paths: Sequence[str], checklist: Checklist) -> None:
    """Each language whose folder sits beside the English (``questions/es/``), loaded and checked as a whole."""
    folders = {Path(name).parent for name in checklist.files}
    problems: list[Problem] = []
    for language in TRANSLATED:
        if any((folder / language).is_dir() for folder in folders):
            try:
                load_checklist(paths, today=datetime.date.today(), language=language)
            except InputError as exc:
                problems += exc.problems
    if problems:
        raise InputError(problems)


def _translate(english: Path, language: str) -> int:
    """Print the translation file for ``english``: what is there kept, what is missing or stale marked."""
    try:
        data = read_yaml_bytes(english.read_bytes(), str(english)).data
        where = translation_path(english, language)
        existing = read_pairs(where.read_bytes(), str(where), language) if where.exists() else {}
    except OSError as exc:
        print(f"{english}:1: cannot read the file ({exc.strerror}) - check the path")
        return 1
    except InputError as exc:
        for problem in exc.problems:
            print(problem)
        return 1
    print(skeleton(english_texts(data), existing, language), end="")
    return 0


def checklist_schema() -> dict[str, Any]:
    schema = ChecklistFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Injector Check checklist file"
    return schema


if __name__ == "__main__":
    sys.exit(main())
