"""Evaluation results as plain data: the stable JSON of ``python -m scoring evaluate``.

One function, used by the command line and by anything else that needs the results as data.
Keys are stable; tools and golden files rely on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scoring.answers import AnswersFile
from scoring.checklist import Checklist
from scoring.compare import Comparison, compare_clinics
from scoring.evaluate import DEFAULT_PRIORITY, PRIORITY_LABELS, VERDICT_TEXT, ClinicResult


def evaluate_state(checklist: Checklist, state: AnswersFile) -> tuple[tuple[ClinicResult, ...], Comparison]:
    clinics = [(c.name, c.answers) for c in state.clinics]
    return compare_clinics(checklist, state.goal, state.jurisdiction, state.priorities, clinics)


def clinic_as_data(result: ClinicResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "verdict": result.verdict.value,
        "verdict_text": VERDICT_TEXT[result.verdict],
        "headline": result.headline,
        "reasons": [{"question": r.question_id, "text": r.question, "answer": r.answer} for r in result.reasons],
        "score": result.score,
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
                        "explanation": x.explanation,
                    }
                    for x in c.lines
                ],
            }
            for c in result.categories
        ],
        "notes": [n.id for n in result.notes],
        "questions_to_ask": [
            {"question": a.question_id, "ask": a.ask, "why": a.why, "safety_critical": a.safety_critical} for a in result.to_ask
        ],
        "not_scored": list(result.not_scored),
    }


def comparison_as_data(comparison: Comparison) -> dict[str, Any]:
    return {
        "ranking": [
            {"rank": r.rank, "tied": r.tied, "name": r.result.name, "verdict": r.result.verdict.value, "score": r.result.score}
            for r in comparison.ranking
        ],
        "leaders": list(comparison.leaders),
        "robustness": comparison.robustness,
        "shifts": [{"category": s.category_id, "from": s.before, "to": s.after, "leaders": list(s.leaders)} for s in comparison.shifts],
    }


def evaluation_as_data(checklist: Checklist, state: AnswersFile) -> dict[str, Any]:
    results, comparison = evaluate_state(checklist, state)
    meta = checklist.metadata
    used = checklist.categories_for(state.goal, state.jurisdiction)
    return {
        "checklist": {"id": meta.id, "version": meta.version, "last_reviewed": meta.last_reviewed.isoformat()},
        "goal": state.goal,
        "jurisdiction": state.jurisdiction,
        "priorities": {c.id: state.priorities.get(c.id, DEFAULT_PRIORITY) for c in used},
        "clinics": [clinic_as_data(r) for r in results],
        "comparison": comparison_as_data(comparison),
    }


def clinics_text(results: Sequence[ClinicResult], comparison: Comparison) -> str:
    """What a patient reads in a terminal."""
    lines: list[str] = []
    for ranked in comparison.ranking:
        r = ranked.result
        score = "no fit score yet" if r.score is None else f"fit {r.score}/100"
        tie = " (tied)" if ranked.tied else ""
        lines.append(f"{ranked.rank}.{tie} {r.name}: {r.headline}")
        lines.append(f"   {score}, {r.completeness}% answered ({r.answered} of {r.counted})")
        for c in r.categories:
            cat = "-" if c.score is None else f"{c.score}"
            lines.append(
                f"     {c.title}: {cat} ({c.answered}/{c.counted} answered; matters to you: {PRIORITY_LABELS[c.priority].lower()})"
            )
        if r.to_ask:
            lines.append("   Still to ask:")
            lines.extend(f"     - {a.ask}" for a in r.to_ask)
        lines.append("")
    lines.append(comparison.robustness)
    return "\n".join(lines)
