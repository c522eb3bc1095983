"""A clinician's panel: realistic clinics on the shipped checklist, each with the verdict a careful clinician
would give, and why. One table; each row starts from every question of its stage answered with its best answer
and changes what makes that clinic what it is.

Stages: ``booking`` (what a patient finds out from home: website, phone, registers), ``visit`` (after the
consultation too), ``after`` (everything, including what is seen in the room on the day), ``none`` (nothing
answered but what the row gives), ``unsure`` (every question "Not sure" but what the row gives).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import pytest

from scoring import Checklist
from scoring.evaluate import Verdict, evaluate_clinic
from scoring.models import Goal, Jurisdiction, When

Stage = Literal["booking", "visit", "after", "none", "unsure", "safety"]
STAGES: dict[str, tuple[When, ...]] = {
    "booking": ("booking",),
    "visit": ("booking", "consultation"),
    "after": ("booking", "consultation", "treatment"),
}
FIT = (Verdict.STRONG_FIT, Verdict.FAIR_FIT)
V = Verdict


class Profile(NamedTuple):
    name: str
    goal: Goal
    place: Jurisdiction
    stage: Stage
    answers: dict[str, str]
    verdict: Verdict | tuple[Verdict, ...]
    reasons: tuple[str, ...]  # question ids behind the verdict, in checklist order
    why: str  # what a careful clinician would say
    cautions: tuple[str, ...] = ()  # question ids that must be listed as cautions beside the verdict
    notes: tuple[str, ...] = ()  # safety notes the answers must bring up


def best_answers(
    checklist: Checklist, goal: Goal, place: Jurisdiction, whens: tuple[When, ...] = STAGES["after"]
) -> dict[str, str]:
    return {
        q.id: max((o for o in q.options if o.id != q.unsure), key=lambda o: o.points).id
        for q in checklist.applicable_questions(goal, place)
        if q.when in whens
    }


def answers_for(checklist: Checklist, p: Profile) -> dict[str, str]:
    if p.stage in STAGES:
        return {**best_answers(checklist, p.goal, p.place, STAGES[p.stage]), **p.answers}
    if p.stage == "unsure":
        return {**{q.id: q.unsure for q in checklist.applicable_questions(p.goal, p.place)}, **p.answers}
    if p.stage == "safety":  # only the safety checks, all passed
        best = best_answers(checklist, p.goal, p.place)
        return {**{k: v for k, v in best.items() if (q := checklist.question(k)) and q.safety_critical}, **p.answers}
    return dict(p.answers)


PANEL = [
    # -- Red flags: a careful clinician says "do not go ahead there" -------------------------------------------
    Profile(
        "Home 'Botox party' by a beautician who will not show the product",
        "jawline",
        "us",
        "after",
        {"setting-type": "party", "injector-role": "no-licence", "product-shown": "would-not-show"},
        V.NOT_RECOMMENDED,
        ("injector-role", "setting-type", "product-shown"),
        "Every CDC case in 2024 had an unlicensed injector, a non-medical setting or fake toxin.",
        notes=("unsafe-setting", "product-not-verified"),
    ),
    Profile(
        "Salon whose injector will not say where to check the licence",
        "jawline",
        "us",
        "booking",
        {"setting-type": "salon", "licence-checked": "would-not-say"},
        V.NOT_RECOMMENDED,
        ("licence-checked", "setting-type"),
        "No checkable licence, and a non-medical setting.",
    ),
    Profile(
        "Injector who shows a weekend-course certificate instead of a licence",
        "jawline",
        "us",
        "booking",
        {"licence-checked": "certificate-only"},
        V.NOT_RECOMMENDED,
        ("licence-checked",),
        "A certificate is not a licence: there is nothing to check on a register.",
        notes=("certificate-not-licence",),
    ),
    Profile(
        "Register shows the licence suspended",
        "bruxism",
        "other",
        "booking",
        {"licence-checked": "register-problem"},
        V.NOT_RECOMMENDED,
        ("licence-checked",),
        "A suspended or missing registration ends it.",
    ),
    Profile(
        "Clinic refuses to say where it buys its toxin",
        "migraine",
        "us",
        "booking",
        {"product-source": "would-not-say"},
        V.NOT_RECOMMENDED,
        ("product-source",),
        "CDC: if in doubt about the source, do not get the injection.",
    ),
    Profile(
        "Toxin bought online from overseas",
        "jawline",
        "other",
        "after",
        {"product-source": "unofficial"},
        V.NOT_RECOMMENDED,
        ("product-source",),
        "Counterfeit and unapproved toxin is sold this way.",
        notes=("unofficial-source",),
    ),
    Profile(
        "A brand the patient cannot find as approved",
        "jawline",
        "other",
        "booking",
        {"brand-named": "unapproved"},
        V.NOT_RECOMMENDED,
        ("brand-named",),
        "Unapproved product: the same risk as a fake.",
    ),
    Profile(
        "Box says 'Botulinum Toxin Type A', 150 units",
        "migraine",
        "us",
        "after",
        {"product-shown": "looked-wrong"},
        V.NOT_RECOMMENDED,
        ("product-shown",),
        "FDA counterfeit markers: stop, and report it.",
        notes=("product-not-verified", "report-suspected-fake"),
    ),
    Profile(
        "Needles shared between patients",
        "bruxism",
        "uk",
        "after",
        {"clean-technique": "shared"},
        V.NOT_RECOMMENDED,
        ("clean-technique",),
        "Shared needles or syringes spread infection: never acceptable.",
    ),
    Profile(
        "Registered nurse injecting with no one supervising or ordering it",
        "jawline",
        "us",
        "booking",
        {"injector-role": "nurse", "nurse-prescriber": "none"},
        V.NOT_RECOMMENDED,
        ("nurse-prescriber",),
        "A registered nurse cannot prescribe: someone must assess the patient and order the treatment.",
    ),
    Profile(
        "UK clinic that prescribes by video call",
        "jawline",
        "uk",
        "visit",
        {"face-to-face-prescriber": "remote"},
        V.NOT_RECOMMENDED,
        ("face-to-face-prescriber",),
        "UK regulators forbid remote prescribing of cosmetic Botox.",
        notes=("remote-prescribing",),
    ),
    Profile(
        "UK clinic willing to treat a 16-year-old",
        "jawline",
        "uk",
        "visit",
        {"age-checked-uk": "under-18"},
        V.NOT_RECOMMENDED,
        ("age-checked-uk",),
        "A crime in England since 2021.",
        notes=("under-18-offered",),
    ),
    Profile(
        "UK prescriber not on the register",
        "bruxism",
        "uk",
        "booking",
        {"prescriber-register-uk": "register-problem"},
        V.NOT_RECOMMENDED,
        ("prescriber-register-uk",),
        "The prescriber carries the safety of the decision.",
    ),
    Profile(
        "Clinic that takes no medical history",
        "bruxism",
        "other",
        "visit",
        {"medical-history": "none"},
        V.NOT_RECOMMENDED,
        ("medical-history",),
        "Contraindications and interactions can only be caught by asking.",
        notes=("no-health-check",),
    ),
    Profile(
        "No examination before injecting",
        "jawline",
        "us",
        "visit",
        {"exam-before": "none"},
        V.NOT_RECOMMENDED,
        ("exam-before",),
        "Nobody should place toxin near the smile muscles without examining the face.",
    ),
    Profile(
        "No consent at all",
        "jawline",
        "other",
        "visit",
        {"written-consent": "none"},
        V.NOT_RECOMMENDED,
        ("written-consent",),
        "Treatment without consent is not acceptable, least of all off-label.",
    ),
    Profile(
        "No emergency equipment or trained staff",
        "bruxism",
        "us",
        "visit",
        {"emergency-kit": "no-kit"},
        V.NOT_RECOMMENDED,
        ("emergency-kit",),
        "Severe allergic reactions are rare but listed on the label.",
    ),
    Profile(
        "Cosmetic injector selling Botox for tension headaches, without checking the diagnosis",
        "migraine",
        "us",
        "visit",
        {
            "chronic-migraine-confirmed": "treat-unconfirmed",
            "headache-specialist": "cosmetic",
            "preempt-protocol": "different",
            "unproven-claims": "made-claims",
            "migraine-benefit-explained": "promised",
        },
        V.NOT_RECOMMENDED,
        ("chronic-migraine-confirmed", "headache-specialist", "preempt-protocol"),
        "Approved only for chronic migraine, with the tested pattern, ideally from a headache specialist.",
        cautions=("unproven-claims", "migraine-benefit-explained"),
        notes=("unsupported-claims",),
    ),
    Profile(
        "Headache specialist asked to treat episodic migraine",
        "migraine",
        "uk",
        "visit",
        {"chronic-migraine-confirmed": "fewer-days"},
        V.NOT_RECOMMENDED,
        ("chronic-migraine-confirmed",),
        "Not shown to work under 15 headache days a month.",
        notes=("not-chronic-migraine",),
    ),
    Profile(
        "Migraine clinic planning a smaller dose at a few sites",
        "migraine",
        "other",
        "visit",
        {"preempt-protocol": "different"},
        V.NOT_RECOMMENDED,
        ("preempt-protocol",),
        "Lower or off-pattern doses have not been shown to work.",
    ),
    # -- Safety checks still open: check before booking ---------------------------------------------------------
    Profile(
        "Licence: told where to look, not checked yet",
        "bruxism",
        "us",
        "booking",
        {"licence-checked": "told-not-checked"},
        V.VERIFY_FIRST,
        ("licence-checked",),
        "Five minutes on the state look-up settles it.",
        cautions=("licence-checked",),
    ),
    Profile(
        "Not sure where the clinic buys its toxin",
        "migraine",
        "us",
        "booking",
        {"product-source": "not-sure"},
        V.VERIFY_FIRST,
        ("product-source",),
        "Ask by phone before booking: the maker or an official supplier?",
    ),
    Profile(
        "Only 'tox' named, far too cheap, no record or follow-up",
        "jawline",
        "other",
        "after",
        {"price-check": "far-lower", "brand-named": "vague", "lot-recorded": "none", "follow-up-visit": "none"},
        V.NOT_RECOMMENDED,
        ("price-check",),
        "A price below what genuine product costs, and no brand named: a counterfeit pattern.",
        cautions=("brand-named", "lot-recorded", "follow-up-visit"),
        notes=("price-too-low", "vague-product-name"),
    ),
    Profile(
        "Only 'tox' named so far",
        "jawline",
        "us",
        "booking",
        {"brand-named": "vague"},
        V.VERIFY_FIRST,
        ("brand-named",),
        "Find out the brand (and that it is approved) before booking.",
        cautions=("brand-named",),
        notes=("vague-product-name",),
    ),
    Profile(
        "UK prescriber named, register not yet checked",
        "jawline",
        "uk",
        "booking",
        {"prescriber-register-uk": "told-not-checked"},
        V.VERIFY_FIRST,
        ("prescriber-register-uk",),
        "Check the GMC, NMC, GDC or GPhC register first.",
        cautions=("prescriber-register-uk",),
    ),
    Profile(
        "Every answer 'Not sure'",
        "jawline",
        "us",
        "unsure",
        {},
        V.VERIFY_FIRST,
        ("injector-role", "licence-checked", "setting-type", "brand-named", "product-source"),
        "Nothing known yet: the checks that can be made from home come first.",
    ),
    # -- Fine to book a consultation; check at the visit ----------------------------------------------------------
    Profile(
        "A well-run dermatology practice, checked from home",
        "jawline",
        "us",
        "booking",
        {},
        V.CHECK_AT_VISIT,
        (
            "who-injects",
            "clean-technique",
            "exam-before",
            "product-shown",
            "medical-history",
            "written-consent",
            "day-check",
        ),
        "Everything checkable from home is fine; the rest can only be seen at the visit.",
    ),
    Profile(
        "The same practice after the consultation",
        "jawline",
        "us",
        "visit",
        {},
        V.CHECK_AT_VISIT,
        ("clean-technique", "product-shown", "day-check"),
        "Only what happens in the room on the day is left.",
    ),
    Profile(
        "Quick health questions only",
        "jawline",
        "us",
        "after",
        {"medical-history": "quick"},
        V.CHECK_AT_VISIT,
        ("medical-history",),
        "Make sure they go through your health and medicines properly before any injection.",
        cautions=("medical-history",),
    ),
    Profile(
        "Spoken consent only, at an NHS headache clinic",
        "migraine",
        "uk",
        "after",
        {"written-consent": "spoken"},
        V.CHECK_AT_VISIT,
        ("written-consent",),
        "Ask for the written form before the injection.",
        cautions=("written-consent",),
    ),
    Profile(
        "They showed the vial but not the box",
        "jawline",
        "us",
        "after",
        {"product-shown": "vial-only"},
        V.CHECK_AT_VISIT,
        ("product-shown",),
        "The carton carries the markers that tell a fake: ask to see it.",
        cautions=("product-shown",),
    ),
    Profile(
        "Migraine diagnosis not checked yet, specialist clinic",
        "migraine",
        "us",
        "after",
        {"chronic-migraine-confirmed": "not-checked"},
        V.CHECK_AT_VISIT,
        ("chronic-migraine-confirmed",),
        "Confirm chronic migraine (with a headache diary) before the first injection.",
        cautions=("chronic-migraine-confirmed",),
    ),
    # -- Fit, with what is worth knowing beside it ----------------------------------------------------------------
    Profile(
        "Board-certified dermatologist, everything checked",
        "jawline",
        "us",
        "after",
        {},
        V.STRONG_FIT,
        (),
        "Nothing to hold it back.",
    ),
    Profile(
        "NHS hospital headache clinic", "migraine", "uk", "after", {}, V.STRONG_FIT, (), "The pathway NICE describes."
    ),
    Profile(
        "Dentist treating clenching",
        "bruxism",
        "us",
        "after",
        {"injector-role": "dentist"},
        FIT,
        (),
        "A licensed dentist who works on the jaw every day.",
    ),
    Profile(
        "Registered nurse with the supervising doctor off site",
        "jawline",
        "us",
        "after",
        {"injector-role": "nurse", "nurse-supervisor": "off-site"},
        FIT,
        (),
        "Legal in many states; skin doctors advise a doctor on site: worth knowing, not a reason to leave.",
        cautions=("nurse-supervisor",),
    ),
    Profile(
        "Nurse practitioner with no doctor on site",
        "bruxism",
        "us",
        "after",
        {"injector-role": "nurse-practitioner", "supervisor-on-site": "none"},
        FIT,
        (),
        "Many states let nurse practitioners work on their own.",
        cautions=("supervisor-on-site",),
        notes=("no-doctor-on-site",),
    ),
    Profile(
        "UK injector who is not a registered professional, on the JCCP register",
        "jawline",
        "uk",
        "after",
        {"injector-role-uk": "not-registered", "accredited-register-uk": "checked"},
        FIT,
        (),
        "Legal in the UK with a registered prescriber who saw the patient; worth knowing.",
        cautions=("injector-role-uk",),
        notes=("uk-non-registered-injector",),
    ),
    Profile(
        "Med spa where the patient would be one of the first jaw cases",
        "jawline",
        "us",
        "after",
        {"setting-type": "medical-spa", "masseter-volume": "first", "procedure-volume": "rarely"},
        FIT,
        (),
        "A licensed medical setting; little experience with this muscle is a caution for the fit.",
        cautions=("masseter-volume",),
    ),
    Profile(
        "Specialist who promised it would stop the migraines",
        "migraine",
        "us",
        "after",
        {"migraine-benefit-explained": "promised"},
        FIT,
        (),
        "An overpromise to weigh, not a danger.",
        cautions=("migraine-benefit-explained",),
    ),
    Profile(
        "Bruxism: no dentist involved, only Botox offered",
        "bruxism",
        "uk",
        "after",
        {"dental-assessment": "none", "first-line-options": "not-discussed"},
        FIT,
        (),
        "Simpler treatments usually come first; the patient should know that.",
        cautions=("dental-assessment", "first-line-options"),
    ),
    # -- Not enough answers ---------------------------------------------------------------------------------------
    Profile(
        "Only the safety checks answered, all fine",
        "jawline",
        "uk",
        "safety",
        {},
        V.INCOMPLETE,
        (),
        "Safe so far, but too little is known to say how well it fits.",
    ),
]


@pytest.mark.parametrize("profile", PANEL, ids=[p.name for p in PANEL])
def test_the_panel_gives_the_verdict_a_careful_clinician_would(checklist: Checklist, profile: Profile) -> None:
    result = evaluate_clinic(checklist, profile.goal, profile.place, {}, answers_for(checklist, profile), profile.name)
    expected = profile.verdict if isinstance(profile.verdict, tuple) else (profile.verdict,)
    assert result.verdict in expected, f"{profile.why}: got {result.headline}"
    assert tuple(r.question_id for r in result.reasons) == profile.reasons, result.headline
    assert tuple(c.question_id for c in result.cautions) == profile.cautions, [str(c) for c in result.cautions]
    note_ids = [n.id for n in result.notes]
    assert set(profile.notes) <= set(note_ids), note_ids
    assert result.notes[0].severity == "emergency"
    held = {r.question_id for r in result.reasons}
    asked = [a.question_id for a in result.to_ask]
    if result.verdict is V.NOT_RECOMMENDED:  # a red flag is an answer already given: nothing to ask about it
        assert not held & set(asked), asked
    elif result.verdict.gate:  # a held clinic's questions to ask start with what holds it
        assert set(asked[: len(held)]) == held, asked


def test_the_panel_covers_every_goal_place_and_verdict() -> None:
    assert len(PANEL) >= 30
    assert {p.goal for p in PANEL} == {"migraine", "bruxism", "jawline"}
    assert {p.place for p in PANEL} == {"us", "uk", "other"}
    verdicts = {v for p in PANEL for v in (p.verdict if isinstance(p.verdict, tuple) else (p.verdict,))}
    assert set(Verdict) - {V.WEAK_FIT} <= verdicts


def test_gated_reasons_name_question_and_answer(checklist: Checklist) -> None:
    answers = {**best_answers(checklist, "jawline", "us"), "setting-type": "party"}
    result = evaluate_clinic(checklist, "jawline", "us", {}, answers, "Party")
    assert result.headline == "Not recommended: Where will the injections be given? (A party or group event)"
    assert "unsafe-setting" in [n.id for n in result.notes]


def test_a_visit_check_reads_as_fine_to_book_with_what_to_check(checklist: Checklist) -> None:
    answers = best_answers(checklist, "jawline", "us", STAGES["visit"])
    result = evaluate_clinic(checklist, "jawline", "us", {}, answers, "Derm")
    assert result.headline == (
        "OK to book a consultation. Before any injection, check: "
        "Does the room look clean, with new needles opened in front of you? (not answered); "
        "Did they show you the box and the vial before the injection? (not answered); "
        "On the day, before injecting, did they check that nothing has changed and look at your skin? (not answered)"
    )
    booking = evaluate_clinic(
        checklist, "jawline", "us", {}, best_answers(checklist, "jawline", "us", STAGES["booking"]), "Derm"
    )
    assert booking.headline.endswith("; and 4 more") and len(booking.reasons) == 7
