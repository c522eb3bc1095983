"""``python -m report ANSWERS --html FILE --pdf FILE [--lang es]``: the printable summary of an answers file.

Exit 0 on success; 1 with the scoring's ``path:line: message`` lines on a bad answers file.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from report import build_summary, render_html, render_pdf
from scoring import InputError, load_checklist
from scoring.answers import read_answers_file
from scoring.language import LANGUAGES, SOURCE, _, as_language, use

DEFAULT_BASE_URL = "http://localhost:8501/"


def main(argv: Sequence[str] | None = None) -> int:
    # The language first, so that the help and the messages are in it too (an unknown one is refused below).
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", default=SOURCE)
    language = as_language(early.parse_known_args(argv)[0].lang) or SOURCE
    with use(language):
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m report", description=_("Write the printable summary of an answers file.")
    )
    parser.add_argument("answers", metavar="ANSWERS", help=_("answers file (YAML or JSON)"))
    parser.add_argument("--html", metavar="FILE", help=_("write the HTML summary here"))
    parser.add_argument("--pdf", metavar="FILE", help=_("write the PDF summary here"))
    parser.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        help=_("where the app runs, for the link back (default {url})").format(url=DEFAULT_BASE_URL),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=SOURCE,
        help=_("the language of the summary: en (English) or es (Spanish); default en"),
    )
    args = parser.parse_args(argv)
    if not args.html and not args.pdf:
        parser.error(_("give --html FILE, --pdf FILE, or both"))
    try:
        checklist = load_checklist(today=datetime.date.today(), language=args.lang)
        state = read_answers_file(args.answers, checklist)
    except InputError as exc:
        for problem in exc.problems:
            print(problem)
        return 1
    summary = build_summary(checklist, state, args.base_url)
    if args.html:
        Path(args.html).write_text(render_html(summary), encoding="utf-8")
    if args.pdf:
        Path(args.pdf).write_bytes(render_pdf(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
