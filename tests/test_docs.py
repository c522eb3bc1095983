"""The project's own rule book and evidence summary stay true to the checklist: a new source, red flag or file that the
docs do not mention fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scoring import load_checklist
from scoring.models import Question

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHECKLIST = load_checklist()


def test_every_source_is_in_the_evidence_summary() -> None:
    text = (DOCS / "evidence.md").read_text(encoding="utf-8")
    missing = [s.id for s in CHECKLIST.sources if f"`{s.id}`" not in text]
    assert not missing, f"add these sources to docs/evidence.md: {missing}"


@pytest.mark.parametrize(
    "question", [q for q in CHECKLIST.questions if any(o.flag == "critical" for o in q.options)], ids=lambda q: q.id
)
def test_every_red_flag_is_in_the_evidence_summary_with_its_answer(question: Question) -> None:
    lines = (DOCS / "evidence.md").read_text(encoding="utf-8").splitlines()
    for option in (o for o in question.options if o.flag == "critical"):
        assert any(question.id in line and option.id in line for line in lines), (
            f"docs/evidence.md has no line naming {question.id} / {option.id}: say what evidence makes it critical"
        )


def test_the_docs_name_only_files_that_exist() -> None:
    for page in ("verdicts.md", "ipdas.md", "evidence.md"):
        text = (DOCS / page).read_text(encoding="utf-8")
        for path in re.findall(r"`((?:ui|scoring|report|questions|tests|docs)/[\w./-]+\.(?:py|yaml|md))`", text):
            assert (ROOT / path).exists(), f"docs/{page} names {path}, which does not exist"


def test_every_verdict_is_in_the_rule_book() -> None:
    from scoring.evaluate import Verdict

    text = (DOCS / "verdicts.md").read_text(encoding="utf-8")
    assert all(f"`{v.value}`" in text for v in Verdict)
