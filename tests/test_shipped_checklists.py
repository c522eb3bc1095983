"""The shipped checklists: every file valid, and the content rules a patient relies on.

Counts, "Not sure" everywhere, critical flags where the evidence says do not proceed, the
safety notes (with the corrections to common marketing claims), canonical sources, and
plain language (Flesch-Kincaid grade, as textstat computes it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat

from scoring import load_checklist
from scoring.checklist import DEFAULT_DIR, parse_file
from scoring.models import GOALS, JURISDICTIONS, AlwaysApplies, ContextApplies, Question

FILES = sorted(DEFAULT_DIR.glob("*.yaml"))
CHECKLIST = load_checklist()
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/checklist-file.schema.json"

# Situations where the evidence says do not proceed: (question id, options that must be flagged critical). Most are
# on safety checks, so "Not sure" holds the verdict too; the rest are facts a patient can hardly miss (a price, an age).
CRITICAL = {
    "injector with no health licence, or who will not say": ("injector-role", {"no-licence"}),
    "a nurse whom no prescriber has assessed you for": ("nurse-prescriber", {"none", "would-not-say"}),
    "licence not on the register, only a certificate, or they will not say": (
        "licence-checked",
        {"register-problem", "certificate-only", "would-not-say"},
    ),
    "UK prescriber not on the register, or will not say": (
        "prescriber-register-uk",
        {"register-problem", "would-not-say"},
    ),
    "UK injector they will not name": ("injector-role-uk", {"would-not-say"}),
    "home, party, salon or non-medical spa": ("setting-type", {"home", "party", "salon"}),
    "a clinic that needs a licence and has none": ("setting-licensed", {"unlicensed"}),
    "dirty room, or shared or reused needles": ("clean-technique", {"dirty", "shared"}),
    "no emergency equipment or trained staff": ("emergency-kit", {"no-kit"}),
    "no medical history taken": ("medical-history", {"none"}),
    "no examination": ("exam-before", {"none"}),
    "infected skin at the injection site": ("day-check", {"infected-skin"}),
    "no consent at all": ("written-consent", {"none"}),
    "product not shown, or showing counterfeit markers": ("product-shown", {"would-not-show", "looked-wrong"}),
    "toxin from an unofficial source, or they will not say where from": (
        "product-source",
        {"unofficial", "would-not-say"},
    ),
    "a brand not approved where the patient lives": ("brand-named", {"unapproved"}),
    "a price far below genuine product": ("price-check", {"far-lower"}),
    "an offer to treat an unproven use": ("unproven-claims", {"offered-me"}),
    "UK remote prescribing, or no examination by the prescriber": (
        "face-to-face-prescriber",
        {"remote", "in-person-no-exam"},
    ),
    "cosmetic Botox offered under 18 in England": ("age-checked-uk", {"under-18"}),
    "migraine Botox without chronic migraine, or without checking": (
        "chronic-migraine-confirmed",
        {"fewer-days", "treat-unconfirmed"},
    ),
    "migraine Botox from a cosmetic injector": ("headache-specialist", {"cosmetic"}),
    "migraine Botox at a smaller dose or other pattern": ("preempt-protocol", {"different"}),
}
NOT_SAFETY_CHECKS = {
    "setting-licensed",
    "emergency-kit",
    "price-check",
    "unproven-claims",
    "age-checked-uk",
    "headache-specialist",
    "injector-role-uk",
}

# Mirror sites the evidence was read on: the product cites the canonical publication instead.
MIRRORS = (
    "scribd",
    "beds.ac.uk",
    "droracle",
    "mdedge",
    "joomag",
    "paperexplained",
    "47.251.",
    "pages.dev",
    "realself",
    "researcher.life",
    "bohrium",
    "chiachoob",
    "doczz",
    "ebroon",
    "botoxsarasota",
    "puregold",
    "edrugswiki",
    "vdocument",
)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_file_is_valid_and_points_editors_at_the_schema(path: Path) -> None:
    parse_file(path.read_bytes(), path.name)
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE


def test_enough_questions_for_every_goal_and_place() -> None:
    assert len(CHECKLIST.questions) >= 40
    for goal in GOALS:
        for place in JURISDICTIONS:
            assert len(CHECKLIST.applicable_questions(goal, place)) >= 25, (goal, place)


def test_every_question_has_not_sure_why_how_and_a_source() -> None:
    for q in CHECKLIST.questions:
        unsure = q.option(q.unsure)
        assert unsure is not None and unsure.label == "Not sure", q.id
        assert q.why and q.how_to_check.default and q.ask and q.sources, q.id


def test_required_categories_exist() -> None:
    ids = {c.id for c in CHECKLIST.categories}
    assert {
        "training",
        "licence",
        "setting",
        "anatomy",
        "jawline-experience",
        "product",
        "consultation",
        "aftercare",
        "migraine-expertise",
    } <= ids


@pytest.mark.parametrize("situation", sorted(CRITICAL))
def test_critical_flags_where_the_evidence_says_do_not_proceed(situation: str) -> None:
    question_id, options = CRITICAL[situation]
    question = CHECKLIST.question(question_id)
    assert question is not None, f"no question for {situation}"
    assert question.safety_critical is (question_id not in NOT_SAFETY_CHECKS)
    flagged = {o.id for o in question.options if o.flag == "critical"}
    assert options <= flagged, f"{situation}: {options - flagged} not critical"


def test_uk_and_us_verification_differ() -> None:
    us_check, uk_check = CHECKLIST.question("licence-checked"), CHECKLIST.question("prescriber-register-uk")
    assert us_check is not None and uk_check is not None
    us = us_check.how_to_check.for_jurisdiction("us")
    assert "board" in us.lower() and "docinfo" in us.lower() and "nursys" in us.lower()
    uk = uk_check.how_to_check.for_jurisdiction("uk")
    assert all(register in uk for register in ("GMC", "NMC", "GDC", "GPhC"))
    assert "uk" not in us_check.jurisdictions and uk_check.jurisdictions == ("uk",)
    accredited = CHECKLIST.question("accredited-register-uk")
    assert accredited is not None and "JCCP" in accredited.how_to_check.for_jurisdiction("uk")
    prescriber = CHECKLIST.question("face-to-face-prescriber")
    assert prescriber is not None and prescriber.jurisdictions == ("uk",) and prescriber.safety_critical


def test_safety_notes_cover_emergencies_goals_and_corrections() -> None:
    notes = CHECKLIST.safety_notes
    assert len(notes) >= 12
    emergency = [n for n in notes if n.severity == "emergency" and isinstance(n.applies, AlwaysApplies)]
    assert emergency, "the emergency note must always be shown"
    text = emergency[0].text.lower()
    assert all(word in text for word in ("swallow", "breath", "vision", "speech"))
    for goal in GOALS:
        assert any(
            isinstance(n.applies, ContextApplies) and goal in n.applies.goals and len(n.applies.goals) == 1
            for n in notes
        ), goal
    corrections = {
        "migraine": ("tension-type", "episodic"),
        "jawline": ("headache", "off-label"),
        "bruxism": ("off-label",),
    }
    for goal_id, must_mention in corrections.items():
        said = " ".join(
            n.text.lower() for n in notes if isinstance(n.applies, ContextApplies) and goal_id in n.applies.goals
        )
        assert all(m in said for m in must_mention), (goal_id, must_mention)
    everything = " ".join(n.text.lower() for n in notes)
    for topic in ("units", "pregnan", "myasthenia", "fake"):
        assert topic in everything, topic


CLAIMS = re.compile(r"inflammation|tension[- ]type|tension headache|episodic|slimming (eases|relieves|treats)")
CORRECTION = re.compile(r"\b(not|no|nor|unproven|never)\b")


def test_marketing_claims_appear_only_with_their_correction() -> None:
    texts = [t for q in CHECKLIST.questions for t in (q.text, q.why, q.ask)] + [n.text for n in CHECKLIST.safety_notes]
    texts += [o.label for q in CHECKLIST.questions for o in q.options]
    for text in texts:
        lower = text.lower()
        assert "best clinic" not in lower
        if CLAIMS.search(lower):  # a claim may be named only to correct it, in the same text
            assert CORRECTION.search(lower), f"claim without its correction: {text!r}"


def test_sources_are_canonical_and_credits_are_stated() -> None:
    for source in CHECKLIST.sources:
        assert source.url or source.citation
        if source.url:
            assert not any(m in source.url for m in MIRRORS), source.url
    meta = CHECKLIST.metadata
    assert "No clinic pays to be listed or ranked" in meta.conflicts
    assert meta.authors and meta.funding and meta.update_policy and meta.disclaimer


def _grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(text))


QUESTION_FILES = [p for p in FILES if parse_file(p.read_bytes(), p.name).content.questions]


def _how_to_check(q: Question) -> list[str]:
    h = q.how_to_check
    return [t for t in (h.default, h.us, h.uk, h.other) if t is not None]


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: p.name)
def test_plain_language_per_file(path: Path) -> None:
    content = parse_file(path.read_bytes(), path.name).content
    texts = [t for q in content.questions for t in (q.text, q.why, q.ask)]
    grades = [_grade(t) for t in texts]
    too_hard = [(round(g, 1), t) for g, t in zip(grades, texts, strict=True) if g > 12]
    assert not too_hard, f"above grade 12: {too_hard}"
    assert sum(grades) / len(grades) <= 8, f"{path.name}: average grade {sum(grades) / len(grades):.1f}"


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: p.name)
def test_how_to_check_is_plain_too(path: Path) -> None:
    content = parse_file(path.read_bytes(), path.name).content
    texts = [t for q in content.questions for t in _how_to_check(q)]
    grades = [_grade(t) for t in texts]
    too_hard = [(round(g, 1), t[:60]) for g, t in zip(grades, texts, strict=True) if g > 10]
    assert not too_hard, f"above grade 10: {too_hard}"
    assert sum(grades) / len(grades) <= 8, f"{path.name}: average grade {sum(grades) / len(grades):.1f}"


# Terms a patient cannot be expected to know: each text that uses one says what it is, with these words in it.
JARGON = {
    "ABMS": "specialty board",
    "AOA": "osteopathic",
    "JCCP": "voluntary register",
    "PSA": "oversees health registers",
    "PREEMPT": "main studies",
    "Lambert-Eaton": "weakness",
    "onabotulinumtoxinA": "",  # printed on the box: named so the patient can compare, explained where it is first shown
    "Nursys": "nurse licence look-up",
    "DocInfo": "look-up",
    "off-label": "",
    "MedWatch": "reporting",
    "Yellow Card": "MHRA",
    "NICE": "",
}
BANNED = ("FSMB", "otolaryngology", "orofacial", "platysma", "emphysema,", "Cochrane review is", "sharps bin")


def _patient_texts() -> list[str]:
    texts = [t for q in CHECKLIST.questions for t in (q.text, q.why, q.ask, *_how_to_check(q))]
    texts += [o.label for q in CHECKLIST.questions for o in q.options]
    texts += [n.text for n in CHECKLIST.safety_notes] + [c.description for c in CHECKLIST.categories]
    return texts


@pytest.mark.parametrize("term", sorted(JARGON))
def test_jargon_is_explained_where_it_is_used(term: str) -> None:
    explanation = JARGON[term]
    if not explanation:
        return
    unexplained = [t for t in _patient_texts() if term in t and explanation not in t]
    assert not unexplained, (
        f"{term!r} used without saying what it is ({explanation!r}): {[t[:80] for t in unexplained]}"
    )


def test_no_jargon_that_was_dropped() -> None:
    found = [(term, t[:80]) for t in _patient_texts() for term in BANNED if term in t]
    assert not found, found


def test_the_options_and_the_questions_about_you_are_plain() -> None:
    texts = [t for d in CHECKLIST.decisions for t in (d.condition, d.course)]
    texts += [
        getattr(o, row).for_jurisdiction(place)
        for d in CHECKLIST.decisions
        for o in d.options
        for row in ("works", "soon", "lasts", "common_harms", "rare_harms", "how_often", "cost", "if_wait")
        for place in JURISDICTIONS
    ]
    texts += [t for q in CHECKLIST.patient_questions for t in (q.text, q.why)]
    grades = [_grade(t) for t in texts]
    too_hard = [(round(g, 1), t[:60]) for g, t in zip(grades, texts, strict=True) if g > 12]
    assert not too_hard, f"above grade 12: {too_hard}"
    assert sum(grades) / len(grades) <= 8, f"average grade {sum(grades) / len(grades):.1f}"


def test_every_goal_has_its_options_with_no_treatment_among_them_and_numbers_per_100() -> None:
    for goal in GOALS:
        decision = CHECKLIST.decision(goal)
        assert decision is not None, goal
        assert any(o.id in {"no-preventive", "self-care", "no-treatment"} for o in decision.options), goal
        assert decision.options[0].id == "botox" and decision.options[0].harm is not None, goal
        for option in decision.options:
            for figure in (option.benefit, option.harm):
                if figure is not None:
                    assert figure.time and figure.certainty and figure.sources, (goal, option.id)


def test_safety_notes_are_plain() -> None:
    grades = [_grade(n.text) for n in CHECKLIST.safety_notes]
    assert max(grades) <= 12 and sum(grades) / len(grades) <= 9
