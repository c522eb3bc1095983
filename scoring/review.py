"""The safety model, for a clinician to read in one sitting: ``python -m scoring review``.

Every answer that carries a flag, with its flag and what it does to the verdict, the question's
``when``, why it matters, the notes the answer brings up, and the sources. Safety checks (questions
whose open or caution answers hold the verdict) say so. Plain text; nothing here decides anything:
the rules are ``scoring.evaluate``'s, described in docs/verdicts.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from scoring.checklist import Checklist
from scoring.models import (
    GOAL_LABELS,
    GOALS,
    JURISDICTION_LABELS,
    JURISDICTIONS,
    AnswerApplies,
    Goal,
    Jurisdiction,
    PatientApplies,
    Question,
)
from scoring.wording import WHEN_LABELS

HOLDS = {
    "booking": "Check before booking",
    "consultation": "OK to book; check at the visit",
    "treatment": "OK to book; check at the visit",
}


def _applies(q: Question) -> str:
    goals = "all goals" if set(q.goals) == set(GOALS) else ", ".join(q.goals)
    places = "all places" if set(q.jurisdictions) == set(JURISDICTIONS) else ", ".join(q.jurisdictions)
    return f"{goals}; {places}"


def _effect(q: Question, flag: str) -> str:
    if flag == "critical":
        return "Not recommended"
    if q.safety_critical:
        return f"{HOLDS[q.when]} (a caution on a safety check)"
    return "shown beside the verdict, 0 points"


def review_text(checklist: Checklist, goal: Goal | None = None, jurisdiction: Jurisdiction | None = None) -> str:
    """Every flagged answer in the questions that apply to ``goal`` and ``jurisdiction`` (all, when not given)."""
    meta = checklist.metadata
    scope = (
        " ".join(
            part
            for part in (
                GOAL_LABELS[goal].lower() if goal else "",
                f"in {JURISDICTION_LABELS[jurisdiction]}" if jurisdiction else "",
            )
            if part
        )
        or "every goal and place"
    )
    scope = scope if goal else f"every goal {scope}" if jurisdiction else scope
    notes_by_answer: dict[tuple[str, str], list[str]] = {}
    patient_notes_by_answer: dict[tuple[str, str], list[str]] = {}
    for note in checklist.safety_notes:
        kind = note.applies
        if isinstance(kind, AnswerApplies | PatientApplies):
            target = notes_by_answer if isinstance(kind, AnswerApplies) else patient_notes_by_answer
            for option_id in kind.options:
                target.setdefault((kind.question, option_id), []).append(note.title)

    lines = [
        f"{meta.title}",
        f"Checklist {meta.version}, last reviewed {meta.last_reviewed:%d %B %Y}. The safety model for {scope}.",
        "",
        "How flags act (docs/verdicts.md): a critical answer makes a clinic 'Not recommended'. On a safety check,",
        "an unanswered, 'Not sure' or caution answer holds the verdict at 'Check before booking' (asked before",
        "booking) or 'OK to book; check at the visit' (asked at the consultation or on the day). Elsewhere a",
        "caution earns 0 points and is shown beside the verdict, whatever the verdict.",
    ]
    questions = [
        q
        for q in checklist.questions
        if (goal is None or goal in q.goals) and (jurisdiction is None or jurisdiction in q.jurisdictions)
    ]
    flagged_count = 0
    for category in checklist.categories:
        mine = [
            q
            for q in questions
            if q.category == category.id and (q.safety_critical or any(o.flag != "none" for o in q.options))
        ]
        if not mine:
            continue
        lines += ["", f"== {category.title} =="]
        for q in mine:
            check = "; safety check" if q.safety_critical else ""
            lines += [
                "",
                f"{q.text}  [{q.id}]",
                f"  Found out {WHEN_LABELS[q.when]}{check}. Applies to: {_applies(q)}.",
            ]
            if q.condition is not None:
                lines.append(f"  Asked only after {q.condition.question}: {', '.join(q.condition.options)}.")
            for option in q.options:
                if option.flag == "none":
                    continue
                flagged_count += 1
                lines.append(f"  {option.flag.upper():8} {option.label}  [{option.id}] -> {_effect(q, option.flag)}")
                for title in notes_by_answer.get((q.id, option.id), []):
                    lines.append(f"           note: {title}")
            if q.safety_critical:
                lines.append(f"  NOT SURE / unanswered -> {HOLDS[q.when]}")
            lines.append(f"  Why: {q.why}")
            lines.append(f"  Sources: {_sources(checklist, q.sources)}")
    about = [
        q
        for q in checklist.patient_questions
        if (goal is None or goal in q.goals) and (jurisdiction is None or jurisdiction in q.jurisdictions)
    ]
    if about:
        lines += ["", "== About you (asked once; the answers bring up notes, never a clinic's verdict) =="]
        for pq in about:
            lines += ["", f"{pq.text}  [{pq.id}]"]
            for choice in pq.options:
                for title in patient_notes_by_answer.get((pq.id, choice.id), []):
                    lines.append(f"  {choice.label}  [{choice.id}] -> note: {title}")
            lines.append(f"  Sources: {_sources(checklist, pq.sources)}")
    lines += ["", f"{flagged_count} flagged answers in {len(questions)} questions."]
    return "\n".join(lines)


def _sources(checklist: Checklist, ids: Iterable[str]) -> str:
    return "; ".join(f"{s.title} ({s.publisher}{', ' + s.url if s.url else ''})" for s in checklist.sources_for(ids))
