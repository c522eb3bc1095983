"""Evaluation results as plain data: the stable JSON of ``python -m scoring evaluate``.

One function, used by the command line and by anything else that needs the results as data.
Keys are stable; tools and golden files rely on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scoring.answers import Session
from scoring.checklist import Checklist
from scoring.compare import Comparison, evaluate_session
from scoring.evaluate import (
    DEFAULT_PRIORITY,
    ClinicResult,
    Finding,
    QuestionLine,
    Verdict,
    applicable_notes,
    patient_notes,
)
from scoring.language import N_, Words, _, ngettext
from scoring.models import AnswerApplies, SafetyNote
from scoring.wording import FLAG_WORD, PRIORITY_LABELS, VERDICT_TEXT, WHEN_WORD, score_text

SEVERITY_WORD = Words({"emergency": N_("emergency"), "warning": N_("warning"), "info": N_("info")})  # "[warning]"


def state_text(checklist: Checklist, state: Session) -> str:
    """``evaluate --format text``: the whole session as a patient reads it in a terminal."""
    goal, place = state.goal, state.jurisdiction
    evaluation = evaluate_session(checklist, state)
    return clinics_text(
        evaluation.results,
        evaluation.comparison,
        patient_notes(checklist, goal, place, state.patient),
        applicable_notes(checklist, goal, place, {}, set()),
    )


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "question": f.question_id,
        "text": f.question,
        "answer": f.answer,
        "when": f.when,
        "safety_critical": f.safety_critical,
    }


def explanation(x: QuestionLine) -> str:
    """A question's part of the score, in words."""
    if x.status == "answered" and x.flag != "none":
        return _("{earned} of {possible} points ({flag})").format(
            earned=x.earned, possible=x.possible, flag=FLAG_WORD[x.flag]
        )
    if x.status == "answered":
        return _("{earned} of {possible} points").format(earned=x.earned, possible=x.possible)
    return _("not counted: you are not sure yet") if x.status == "not_sure" else _("not counted: not answered yet")


def clinic_as_data(result: ClinicResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "verdict": result.verdict.value,
        "verdict_text": VERDICT_TEXT[result.verdict],
        "headline": result.headline,
        "reasons": [_finding(r) for r in result.reasons],
        "cautions": [_finding(c) for c in result.cautions],
        "score": result.score,
        "score_range": None if result.score_range is None else list(result.score_range),
        "completeness": result.completeness,
        "answered": result.answered,
        "counted": result.counted,
        "category_scores": {c.id: c.score for c in result.categories},
        "categories": [
            {
                "id": c.id,
                "title": c.title,
                "weight": c.weight,
                "priority": c.priority,
                "score": c.score,
                "earned": c.earned,
                "possible": c.possible,
                "completeness": c.completeness,
                "questions": [
                    {
                        "id": x.question_id,
                        "status": x.status,
                        "option": x.option_id,
                        "answer": x.answer,
                        "earned": x.earned,
                        "possible": x.possible,
                        "flag": x.flag,
                        "when": x.when,
                        "explanation": explanation(x),
                    }
                    for x in c.lines
                ],
            }
            for c in result.categories
        ],
        "notes": [n.id for n in result.notes],
        "questions_to_ask": [
            {
                "question": a.question_id,
                "ask": a.ask,
                "why": a.why,
                "safety_critical": a.safety_critical,
                "when": a.when,
            }
            for a in result.to_ask
        ],
        "not_scored": list(result.not_scored),
    }


def comparison_as_data(comparison: Comparison) -> dict[str, Any]:
    return {
        "ranking": [
            {
                "rank": r.rank,
                "tied": r.tied,
                "name": r.result.name,
                "verdict": r.result.verdict.value,
                "score": r.result.score,
            }
            for r in comparison.ranking
        ],
        "leaders": list(comparison.leaders),
        "challengers": [
            {"name": c.name, "verdict": c.verdict.value, "high": c.high, "open": c.open_count}
            for c in comparison.challengers
        ],
        "robustness": comparison.robustness,
        "shifts": [
            {"category": s.category_id, "from": s.before, "to": s.after, "leaders": list(s.leaders)}
            for s in comparison.shifts
        ],
    }


def evaluation_as_data(checklist: Checklist, state: Session) -> dict[str, Any]:
    evaluation = evaluate_session(checklist, state)
    results, comparison = evaluation.results, evaluation.comparison
    meta = checklist.metadata
    used = checklist.categories_for(state.goal, state.jurisdiction)
    return {
        "checklist": {
            "id": meta.id,
            "version": meta.version,
            "last_reviewed": meta.last_reviewed.isoformat(),
            "next_review": meta.next_review.isoformat(),
        },
        "goal": state.goal,
        "jurisdiction": state.jurisdiction,
        "priorities": {c.id: state.priorities.get(c.id, DEFAULT_PRIORITY) for c in used},
        "patient_notes": [n.id for n in patient_notes(checklist, state.goal, state.jurisdiction, state.patient)],
        "clinics": [clinic_as_data(r) for r in results],
        "comparison": comparison_as_data(comparison),
    }


def fit_words(result: ClinicResult) -> str:
    """The fit score with its range: "Fit 100/100, could be 62-100 once you know 15 more answers"."""
    if result.score is None:
        return _("No fit score yet")
    low, high = result.score_range or (result.score, result.score)
    if low == high:
        return _("Fit {score}/100").format(score=result.score)
    n = result.open_count
    return ngettext(
        "Fit {score}/100, could be {low}-{high} once you know {n} more answer",
        "Fit {score}/100, could be {low}-{high} once you know {n} more answers",
        n,
    ).format(score=result.score, low=low, high=high, n=n) + open_by_when(result)


def open_by_when(result: ClinicResult) -> str:
    """ " (4 from home, 11 at the visit)": where the open answers can be found out, when they are not all in one
    place."""
    lines = [x for c in result.categories for x in c.lines if x.open]
    home = sum(x.when == "booking" for x in lines)
    if 0 < home < len(lines):
        return " " + _("({home} from home, {visit} at the visit)").format(home=home, visit=len(lines) - home)
    return " " + _("(all at the visit)") if lines and not home else ""


def fit_short(result: ClinicResult) -> str:
    """The fit score with its range, for a table cell: "91 (could be 71-91)"."""
    if result.score is None:
        return score_text(None)
    low, high = result.score_range or (result.score, result.score)
    return (
        str(result.score)
        if low == high
        else _("{score} (could be {low}-{high})").format(score=result.score, low=low, high=high)
    )


def caution_lead(result: ClinicResult) -> str:
    """ "With 2 cautions" (or "Also 2 cautions", after the verdict's reasons): the cautions its reasons do not name."""
    n = len(result.other_cautions)
    if not n:
        return ""
    if result.reasons:
        return ngettext("Also {n} caution", "Also {n} cautions", n).format(n=n)
    return ngettext("With {n} caution", "With {n} cautions", n).format(n=n)


def caution_words(result: ClinicResult) -> str:
    """The cautions beside the verdict that its reasons do not already name: "With 1 caution: ..." (or "Also ...")."""
    shown = result.other_cautions
    return f"{caution_lead(result)}: " + "; ".join(str(c) for c in shown) if shown else ""


def _note_lines(notes: Sequence[SafetyNote], indent: str) -> list[str]:
    return [f"{indent}[{SEVERITY_WORD[n.severity]}] {n.title}: {n.text}" for n in notes]


def clinics_text(
    results: Sequence[ClinicResult],
    comparison: Comparison,
    about: Sequence[SafetyNote] = (),
    shared: Sequence[SafetyNote] | None = None,
) -> str:
    """What a patient reads in a terminal: what their answers about themselves bring up, each clinic, the comparison,
    then the safety notes for everyone."""
    lines: list[str] = []
    if about:
        lines.append(_("About you:"))
        lines.extend(_note_lines(about, "  "))
        lines.append("")
    for ranked in comparison.ranking:
        r = ranked.result
        if ranked.tied:
            lines.append(
                _("{rank}. (tied) {name}: {verdict}").format(rank=ranked.rank, name=r.name, verdict=r.headline)
            )
        else:
            lines.append(f"{ranked.rank}. {r.name}: {r.headline}")
        if r.other_cautions:
            lines.append(f"   {caution_words(r)}")
        lines.append(
            "   "
            + _("{fit}; {percent}% answered ({answered} of {counted})").format(
                fit=fit_words(r), percent=r.completeness, answered=r.answered, counted=r.counted
            )
        )
        for c in r.categories:
            cat = score_text(c.score)
            lines.append(
                "     "
                + _("{topic}: {score} ({answered}/{counted} answered; matters to you: {priority})").format(
                    topic=c.title,
                    score=cat,
                    answered=c.answered,
                    counted=c.counted,
                    priority=PRIORITY_LABELS[c.priority].lower(),
                )
            )
        triggered = [n for n in r.notes if isinstance(n.applies, AnswerApplies)]
        if triggered:
            lines.append("   " + _("Safety notes for this clinic:"))
            lines.extend(_note_lines(triggered, "     "))
        if r.verdict is Verdict.NOT_RECOMMENDED:
            n = len(r.to_ask)
            lines.append(
                "   "
                + ngettext(  # the English says "questions" for any number, as it always has
                    "{n} more questions could be asked, but the red flags above are reason enough not to go ahead.",
                    "{n} more questions could be asked, but the red flags above are reason enough not to go ahead.",
                    n,
                ).format(n=n)
            )
        elif r.to_ask:
            lines.append("   " + _("Still to ask:"))
            lines.extend(
                f"     - ({WHEN_WORD[a.when]}) {a.ask}" + (" " + _("[safety]") if a.safety_critical else "")
                for a in r.to_ask
            )
        lines.append("")
    lines.append(comparison.robustness)
    if shared is None:
        shared = [n for n in (results[0].notes if results else ()) if not isinstance(n.applies, AnswerApplies)]
    if shared:
        lines.append("")
        lines.append(_("Safety notes for everyone considering this treatment:"))
        lines.extend(_note_lines(shared, "  "))
    return "\n".join(lines)
