"""The safety model, for a clinician to read in one sitting: ``python -m scoring review``.

Every answer that carries a flag, with its flag and what it does to the verdict, the question's
``when``, why it matters, the notes the answer brings up, and the sources. Safety checks (questions
whose open or caution answers hold the verdict) say so. Plain text; nothing here decides anything:
the rules are ``scoring.evaluate``'s, described in docs/verdicts.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from scoring.checklist import Checklist
from scoring.language import N_, Words, _, long_date, ngettext
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
from scoring.wording import FLAG_WORD, WHEN_LABELS

HOLDS = Words(
    {
        "booking": N_("Check before booking"),
        "consultation": N_("OK to book a consultation"),
        "treatment": N_("OK to book a consultation"),
    }
)


def _applies(q: Question) -> str:
    goals = _("all goals") if set(q.goals) == set(GOALS) else ", ".join(GOAL_LABELS[g] for g in q.goals)
    places = (
        _("all places")
        if set(q.jurisdictions) == set(JURISDICTIONS)
        else ", ".join(JURISDICTION_LABELS[j] for j in q.jurisdictions)
    )
    return f"{goals}; {places}"


def _effect(q: Question, flag: str) -> str:
    if flag == "critical":
        return _("Not recommended")
    if q.safety_critical:
        return _("{verdict} (a caution on a safety check)").format(verdict=HOLDS[q.when])
    return _("shown beside the verdict, 0 points")


def _scope(goal: Goal | None, jurisdiction: Jurisdiction | None) -> str:
    """What the review covers: "chronic migraine in United States", "every goal and place"."""
    if goal and jurisdiction:
        return _("{goal} in {place}").format(goal=GOAL_LABELS[goal].lower(), place=JURISDICTION_LABELS[jurisdiction])
    if goal:
        return GOAL_LABELS[goal].lower()
    if jurisdiction:
        return _("every goal in {place}").format(place=JURISDICTION_LABELS[jurisdiction])
    return _("every goal and place")


def review_text(checklist: Checklist, goal: Goal | None = None, jurisdiction: Jurisdiction | None = None) -> str:
    """Every flagged answer in the questions that apply to ``goal`` and ``jurisdiction`` (all, when not given)."""
    meta = checklist.metadata
    scope = _scope(goal, jurisdiction)
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
        _("Checklist {version}, last reviewed {date}. The safety model for {scope}.").format(
            version=meta.version, date=long_date(meta.last_reviewed), scope=scope
        ),
        "",
        *_(
            "How flags act (docs/verdicts.md): a critical answer makes a clinic 'Not recommended'. On a safety check,\n"
            "an unanswered, 'Not sure' or caution answer holds the verdict at 'Check before booking' (asked before\n"
            "booking) or 'OK to book a consultation' (asked at the consultation or on the day). Elsewhere a\n"
            "caution earns 0 points and is shown beside the verdict, whatever the verdict."
        ).splitlines(),
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
            found = (
                _("Found out {when}; safety check. Applies to: {applies}.")
                if q.safety_critical
                else _("Found out {when}. Applies to: {applies}.")
            )
            lines += ["", f"{q.text}  [{q.id}]", "  " + found.format(when=WHEN_LABELS[q.when], applies=_applies(q))]
            if q.condition is not None:
                lines.append(
                    "  "
                    + _("Asked only after {question}: {options}.").format(
                        question=q.condition.question, options=", ".join(q.condition.options)
                    )
                )
            for option in q.options:
                if option.flag == "none":
                    continue
                flagged_count += 1
                flag = FLAG_WORD[option.flag].upper()
                lines.append(f"  {flag:8} {option.label}  [{option.id}] -> {_effect(q, option.flag)}")
                for title in notes_by_answer.get((q.id, option.id), []):
                    lines.append("           " + _("note: {title}").format(title=title))
            if q.safety_critical:
                lines.append("  " + _("NOT SURE / unanswered -> {verdict}").format(verdict=HOLDS[q.when]))
            lines.append("  " + _("Why: {why}").format(why=q.why))
            lines.append("  " + _("Sources: {sources}").format(sources=_sources(checklist, q.sources)))
    about = [
        q
        for q in checklist.patient_questions
        if (goal is None or goal in q.goals) and (jurisdiction is None or jurisdiction in q.jurisdictions)
    ]
    if about:
        lines += ["", "== " + _("About you (asked once; the answers bring up notes, never a clinic's verdict)") + " =="]
        for pq in about:
            lines += ["", f"{pq.text}  [{pq.id}]"]
            for choice in pq.options:
                for title in patient_notes_by_answer.get((pq.id, choice.id), []):
                    lines.append(f"  {choice.label}  [{choice.id}] -> " + _("note: {title}").format(title=title))
            lines.append("  " + _("Sources: {sources}").format(sources=_sources(checklist, pq.sources)))
    flagged = ngettext(  # the English says "answers" for any number, as it always has
        "{flagged} flagged answers in {questions} questions.",
        "{flagged} flagged answers in {questions} questions.",
        flagged_count,
    )
    lines += ["", flagged.format(flagged=flagged_count, questions=len(questions))]
    return "\n".join(lines)


def _sources(checklist: Checklist, ids: Iterable[str]) -> str:
    return "; ".join(f"{s.title} ({s.publisher}{', ' + s.url if s.url else ''})" for s in checklist.sources_for(ids))
