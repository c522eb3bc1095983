"""Realistic clinics on the shipped checklist, with the verdict and reasons a patient should see.

Each profile starts from "every question answered with its best answer" for its goal and place
(or from nothing) and changes what makes that clinic what it is.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from scoring import Checklist
from scoring.evaluate import Verdict, evaluate_clinic
from scoring.models import Goal, Jurisdiction


class Profile(NamedTuple):
    name: str
    goal: Goal
    place: Jurisdiction
    answers: dict[str, str]
    verdict: Verdict
    reasons: tuple[str, ...] = ()  # question ids behind a gate, in checklist order
    to_ask_first: tuple[str, ...] = ()  # questions that must lead the list to ask
    from_best: bool = True


def best_answers(checklist: Checklist, goal: Goal, place: Jurisdiction) -> dict[str, str]:
    return {
        q.id: max((o for o in q.options if o.id != q.unsure), key=lambda o: o.points).id
        for q in checklist.applicable_questions(goal, place)
    }


PROFILES = [
    Profile("Home 'Botox party'", "jawline", "us",
            {"setting-type": "party", "injector-role": "no-licence", "product-shown": "would-not-show"},
            Verdict.NOT_RECOMMENDED, ("injector-role", "setting-type", "product-shown")),
    Profile("Salon with an injector who will not say where to check their licence", "jawline", "us",
            {"setting-type": "salon", "licence-checked": "would-not-say"},
            Verdict.NOT_RECOMMENDED, ("licence-checked", "setting-type")),
    Profile("Med spa, registered nurse, supervising doctor off site", "jawline", "us",
            {"setting-type": "medical-spa", "injector-role": "nurse", "supervisor-on-site": "off-site",
             "specialty-head-neck": "some", "masseter-volume": "monthly"},
            Verdict.STRONG_FIT, to_ask_first=("supervisor-on-site",)),
    Profile("Dermatology practice, board-certified dermatologist", "jawline", "us", {}, Verdict.STRONG_FIT),
    Profile("Hospital headache clinic for chronic migraine (NHS)", "migraine", "uk", {}, Verdict.STRONG_FIT),
    Profile("Dentist treating bruxism", "bruxism", "us", {"injector-role": "dentist"}, Verdict.STRONG_FIT),
    Profile("UK clinic that prescribes remotely by video", "jawline", "uk", {"face-to-face-prescriber": "remote"},
            Verdict.NOT_RECOMMENDED, ("face-to-face-prescriber",)),
    Profile("UK clinic willing to treat a 16-year-old", "jawline", "uk", {"age-checked-uk": "under-18"},
            Verdict.NOT_RECOMMENDED, ("age-checked-uk",)),
    Profile("Clinic that takes no medical history", "bruxism", "other", {"medical-history": "none"},
            Verdict.NOT_RECOMMENDED, ("medical-history",)),
    Profile("Clinic that will not say where its product comes from", "migraine", "us", {"product-source": "not-sure"},
            Verdict.VERIFY_FIRST, ("product-source",), ("product-source",)),
    Profile("Cosmetic injector offering migraine Botox for episodic headaches", "migraine", "us",
            {"chronic-migraine-confirmed": "fewer-days", "headache-specialist": "cosmetic", "preempt-protocol": "different"},
            Verdict.NOT_RECOMMENDED, ("chronic-migraine-confirmed",), ("headache-specialist", "preempt-protocol")),
    Profile("Cheap offer, vague product name, no follow-up", "jawline", "other",
            {"price-check": "far-lower", "brand-named": "vague", "lot-recorded": "none", "follow-up-visit": "none"},
            Verdict.STRONG_FIT, to_ask_first=("brand-named", "price-check", "lot-recorded", "follow-up-visit")),
    Profile("Every answer 'Not sure'", "jawline", "us", {}, Verdict.VERIFY_FIRST,
            ("injector-role", "licence-checked", "setting-type", "product-shown", "product-source", "medical-history"),
            from_best=False),
    Profile("Only the safety questions answered so far", "jawline", "uk", {}, Verdict.INCOMPLETE, from_best=False),
    Profile("UK injector who is not a registered professional", "jawline", "uk",
            {"injector-role-uk": "not-registered", "accredited-register-uk": "checked"},
            Verdict.STRONG_FIT, to_ask_first=("injector-role-uk",)),
]


@pytest.mark.parametrize("profile", PROFILES, ids=[p.name for p in PROFILES])
def test_profile_verdicts(checklist: Checklist, profile: Profile) -> None:
    if profile.from_best:
        answers = {**best_answers(checklist, profile.goal, profile.place), **profile.answers}
    elif profile.name.startswith("Every"):
        answers = {q.id: q.unsure for q in checklist.applicable_questions(profile.goal, profile.place)}
    else:  # only the safety-critical questions, answered well
        answers = {k: v for k, v in best_answers(checklist, profile.goal, profile.place).items()
                   if (q := checklist.question(k)) is not None and q.safety_critical}
    result = evaluate_clinic(checklist, profile.goal, profile.place, {}, answers, profile.name)
    assert result.verdict is profile.verdict, result.headline
    assert tuple(r.question_id for r in result.reasons) == profile.reasons
    asked = tuple(a.question_id for a in result.to_ask)
    assert asked[: len(profile.to_ask_first)] == profile.to_ask_first
    assert result.notes[0].severity == "emergency"


def test_at_least_twelve_profiles() -> None:
    assert len(PROFILES) >= 12


def test_gated_reasons_name_question_and_answer(checklist: Checklist) -> None:
    answers = {**best_answers(checklist, "jawline", "us"), "setting-type": "party"}
    result = evaluate_clinic(checklist, "jawline", "us", {}, answers, "Party")
    assert result.headline == "Not recommended: Where will the injections be given? (A party or group event)"
    assert "unsafe-setting" in [n.id for n in result.notes]
