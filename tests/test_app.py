"""The app, driven with AppTest: every screen, clinics, answers, priorities, files and links.

Widgets are found by their keys (``w-<generation>-...``, see ``ui.state.AppState.key``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scoring import load_checklist
from scoring.answers import parse_answers
from scoring.codec import decode, encode
from scoring.evaluate import progress
from tests import minimal_checklist as base
from tests.conftest import APP
from ui.loader import QUESTIONS_ENV
from ui.main import STEPS

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "jawline.yaml"


def key(at: AppTest, *parts: object) -> str:
    """The key of a widget in the current generation and language."""
    generation = at.session_state["injector-check"].generation
    spoken = at.session_state["language"] if "language" in at.session_state else "en"  # noqa: SIM401 - no .get here
    return "-".join(str(p) for p in ("w", generation, *(() if spoken == "en" else (spoken,)), *parts))


def go(at: AppTest, step: str) -> AppTest:
    at.selectbox(key="step").set_value(step).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def add(at: AppTest, name: str) -> AppTest:
    go(at, "Clinics")
    next(t for t in at.text_input if t.label == "Name of a clinic to add").input(name)
    next(b for b in at.button if b.label == "Add clinic").click().run()  # the form's "Add clinic"
    return at


def names_of(at: AppTest) -> list[str]:
    """The clinics on the Clinics screen, by their name fields."""
    return [str(t.value) for t in at.text_input if t.label == "Clinic name"]


def text_of(at: AppTest) -> str:
    """What the page says, as a reader sees it (markdown escapes such as ``\\-`` removed)."""
    parts = (
        [m.value for m in at.markdown]
        + [e.value for e in at.error]
        + [w.value for w in at.warning]
        + [i.value for i in at.info]
    )
    parts += [s.value for s in at.success]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts + [c.value for c in at.caption]))


def test_every_screen_renders_with_and_without_clinics(app: AppTest) -> None:
    for step in STEPS:
        go(app, step)
    go(app, "Start")
    _load_example(app)
    for step in STEPS:
        go(app, step)
    assert "s" in app.query_params


def test_choosing_goal_and_place(app: AppTest) -> None:
    app.radio(key=key(app, "goal")).set_value("bruxism").run()
    app.radio(key=key(app, "place")).set_value("uk").run()
    assert dict(app.query_params) == {"goal": "bruxism", "jurisdiction": "uk"}
    assert "Clenching and grinding: what the evidence shows" in text_of(app)  # the goal's evidence note


def test_adding_renaming_removing_and_restoring_clinics(app: AppTest) -> None:
    add(app, "Clínica Norte")
    add(app, "Derm One")
    names = names_of(app)
    assert names == ["Clínica Norte", "Derm One"]
    add(app, "derm one")  # the same name in other case
    assert "already have a clinic with this name" in text_of(app)
    next(t for t in app.text_input if t.label == "Clinic name").input("Clínica Norte Centro").run()
    assert names_of(app) == ["Clínica Norte Centro", "Derm One"]
    app.button(key=key(app, "remove", 1)).click().run()  # Remove the first
    assert names_of(app) == ["Derm One"] and "Removed Clínica Norte Centro." in text_of(app)
    app.button(key="undo").click().run()
    assert names_of(app) == ["Clínica Norte Centro", "Derm One"]


def test_answering_changes_progress_and_verdict(app: AppTest) -> None:
    add(app, "Derm One")
    go(app, "Questions")
    uid = 1
    checklist = load_checklist()
    booking = progress(checklist, "migraine", "us", {}).by_when["booking"][1]
    assert f"Derm One: 0 of {booking} answered before booking." in text_of(app)
    app.radio(key=key(app, "answer", uid, "setting-type")).set_value("medical-clinic").run()
    assert f"Derm One: 1 of {booking} answered before booking." in text_of(app)
    app.radio(key=key(app, "answer", uid, "brand-named")).set_value("not-sure").run()
    assert f"Derm One: 2 of {booking} answered before booking, 1 not sure in all." in text_of(
        app
    )  # "Not sure" is an answer
    go(app, "Compare")
    assert "Check before booking" in app.table[0].value.to_string()
    go(app, "Questions")
    app.radio(key=key(app, "answer", uid, "setting-type")).set_value("home").run()
    go(app, "Compare")
    assert "Not recommended" in app.table[0].value.to_string()
    add(app, "Second")
    go(app, "Questions")
    captions = list(app.radio(key=key(app, "clinic", "booking")).proto.captions)
    assert captions[0] == "answering now" and captions[1] == f"0 of {booking} answered"  # progress per clinic
    app.button(key="next-clinic").click().run()
    assert list(app.radio(key=key(app, "clinic", "booking")).proto.captions)[1] == "answering now"
    assert (
        app.query_params["clinic"] == "2" and app.query_params["step"] == "Questions"
    )  # the clinic in view is in the address
    assert any(b.key == "to-compare" for b in app.button)  # the last clinic leads on to Compare


def _load_example(at: AppTest) -> None:
    """The jawline examples: Riverside Dermatology, Glow Aesthetics Spa, Beauty Bar Party Night."""
    at.radio(key=key(at, "goal")).set_value("jawline").run()
    at.button(key="examples").click().run()


def test_priorities_change_fit_not_safety(app: AppTest) -> None:
    _load_example(app)
    go(app, "Compare")
    before = app.table[0].value
    go(app, "Priorities")
    for category in ("training", "product", "consultation", "aftercare"):
        app.radio(key=key(app, "priority", category)).set_value(0 if category != "aftercare" else 3).run()
    go(app, "Compare")
    after = app.table[0].value
    assert list(before.loc["Verdict"]) == list(after.loc["Verdict"])  # gates never move
    assert list(before.loc["Fit score (0-100)"]) != list(after.loc["Fit score (0-100)"])


def test_import_good_and_bad_files(app: AppTest) -> None:
    add(app, "Keep Me")
    go(app, "Decide")
    app.file_uploader[0].set_value(
        (
            "bad.yaml",
            b"goal: jawline\njurisdiction: us\nclinics:\n  - name: A\n    answers: {setting-typ: x}\n",
            "text/yaml",
        )
    ).run()
    assert "This file was not loaded, and your answers are unchanged" in text_of(app)
    assert "line 5" in text_of(app) and "setting-typ" in text_of(app)
    go(app, "Clinics")
    assert names_of(app) == ["Keep Me"]
    go(app, "Decide")
    app.file_uploader[0].set_value(("good.yaml", EXAMPLE.read_bytes(), "text/yaml")).run()
    assert "This answers file holds other answers:" in text_of(app)  # it asks first
    assert "jawline slimming, United States, 3 clinics (“Riverside Dermatology”" in text_of(app)
    assert "Compared with yours: 3 clinics you do not have; 1 of your clinics is not in it" in text_of(app)
    app.button(key="replace-yes").click().run()
    assert "Loaded:" in text_of(app)  # says what it loaded
    go(app, "Clinics")
    assert names_of(app) == ["Riverside Dermatology", "Glow Aesthetics Spa", "Beauty Bar Party Night"]
    app.button(key="undo-replace").click().run()  # and offers undo
    assert names_of(app) == ["Keep Me"]
    go(app, "Decide")
    app.file_uploader[0].set_value(("good.yaml", EXAMPLE.read_bytes(), "text/yaml")).run()
    app.button(key="replace-no").click().run()
    go(app, "Clinics")
    assert names_of(app) == ["Keep Me"]


def test_the_share_box_shows_the_link_the_address_bar_holds(app: AppTest) -> None:
    add(app, "Keep Me")
    go(app, "Decide")
    app.file_uploader[0].set_value(("good.yaml", EXAMPLE.read_bytes(), "text/yaml")).run()
    app.button(key="replace-yes").click().run()
    shown = app.code[0].value
    assert shown.endswith(f"?s={app.query_params['s']}")


def test_a_link_restores_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(QUESTIONS_ENV, raising=False)
    checklist = load_checklist()
    state = parse_answers(EXAMPLE.read_bytes(), "x", checklist)
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["s"] = encode(state, checklist)
    at.query_params["step"] = "Compare"
    at.run()
    assert at.selectbox(key="step").value == "Compare"  # a reload comes back to the screen in the address
    go(at, "Clinics")
    assert at.query_params["step"] == "Clinics"
    assert names_of(at) == [c.name for c in state.clinics]
    go(at, "Compare")
    assert "Not recommended" in at.table[0].value.to_string()


def test_an_older_link_under_a_running_session_is_back_or_forward_and_changes_no_answer(app: AppTest) -> None:
    add(app, "Derm One")
    older = app.query_params["s"]
    add(app, "Derm Two")
    current = app.query_params["s"]
    app.query_params["s"] = older  # what Back puts in the address bar
    app.query_params["step"] = "Start"
    app.run()
    assert app.selectbox(key="step").value == "Start"  # it moves to the screen in that entry
    assert "holds other answers" not in text_of(app)  # and asks nothing
    go(app, "Clinics")
    assert names_of(app) == ["Derm One", "Derm Two"]
    assert app.query_params["s"] == current  # the address gets the answers on screen back


def test_a_tampered_link_keeps_the_answers_and_says_why(app: AppTest) -> None:
    _load_example(app)
    good = app.query_params["s"]
    app.query_params["s"] = good[:-10] + "AAAAAAAAAA"
    go(app, "Clinics")
    assert "this link cannot be read" in text_of(app).lower() and "Your answers on screen are kept." in text_of(app)
    assert names_of(app) == ["Riverside Dermatology", "Glow Aesthetics Spa", "Beauty Bar Party Night"]
    assert app.query_params["s"] == good  # the address bar gets the answers on screen back
    app.query_params["s"] = "<script>alert(1)</script>"
    go(app, "Compare")
    assert not app.exception and "cannot be read" in text_of(app)


def test_clinic_names_are_only_ever_text(app: AppTest) -> None:
    add(app, "<img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))")
    for step in STEPS:
        go(app, step)
        for element in list(app.markdown) + list(app.radio):
            value = element.value if hasattr(element, "value") else ""
            assert "<img src=x" not in str(value) or "\\<img" in str(value)


def test_broken_checklists_show_problems_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = base.QUESTIONS.replace("category: licence", "category: licensing").replace(
        "    ask: Is a doctor here?\n", ""
    )
    monkeypatch.setenv(QUESTIONS_ENV, str(base.write(tmp_path, questions_yaml=broken)))
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    assert "could not be loaded" in at.error[0].value
    (listing,) = at.code
    assert "questions.yaml:" in listing.value and "the field 'ask' is missing - add it" in listing.value
    assert not at.radio  # nothing else is drawn on a broken checklist


def test_the_checklist_screen_lists_every_applicable_question(app: AppTest) -> None:
    go(app, "Checklist")
    shown = [m.value for m in app.markdown if m.value.startswith("#### ")]
    assert len(shown) == len(load_checklist().applicable_questions("migraine", "us")) >= 25


def test_the_topic_chart_keeps_checklist_order_and_names_every_clinic(app: AppTest) -> None:
    from scoring.compare import evaluate_session
    from ui.compare import topic_chart

    checklist = load_checklist()
    state = parse_answers(EXAMPLE.read_bytes(), "x", checklist)
    results = evaluate_session(checklist, state).results
    spec = topic_chart(list(results))
    titles = [c.title for c in checklist.categories_for(state.goal, state.jurisdiction)]
    assert [t.replace("|", " ") for t in spec["encoding"]["y"]["sort"]] == titles  # wrapped, in checklist order
    names = [c.name for c in state.clinics]  # each clinic has its place and its colour in every topic, scored or not
    assert spec["encoding"]["yOffset"]["scale"] == {"domain": names}  # places, not colours (bars had no height)
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == names
    assert spec["autosize"]["type"] == "fit-x"  # the height is the bars' own: a legend never squeezes them
    assert len(spec["data"]["values"]) == sum(1 for r in results for c in r.categories if c.score is not None)
    assert spec["layer"][0]["encoding"]["color"]["legend"]["columns"] == 1  # one clinic a line: none cut off


def test_compare_and_details_show_what_holds_each_clinic_back_its_cautions_and_range(app: AppTest) -> None:
    _load_example(app)
    go(app, "Compare")
    shown = text_of(app)
    assert "**1. Riverside Dermatology**: 🟢 Strong fit for your priorities" in shown
    assert "2. Glow Aesthetics Spa**: 🔍 Check before booking" in shown
    assert "Check before booking:\n- Before the nurse injects you" in shown
    assert "Also 4 cautions:\n- What training do they have" in shown
    assert "Fit 89/100, could be 70-90 once you know 9 more answers" in shown
    assert "Why not:\n- Who will give you the injections? *(Someone with no health licence" in shown
    table = app.table[0].value
    assert list(table.loc["Verdict"]) == [
        "🟢 Strong fit for your priorities",
        "🔍 Check before booking (2 to check, 4 cautions)",
        "🛑 Not recommended (1 caution)",
    ]
    assert list(table.loc["Fit score (0-100)"]) == ["100", "89 (could be 70-90)", "75 (could be 69-76)"]
    go(app, "Details")
    app.selectbox(key=key(app, "detail")).select(3).run()  # the clinic not recommended leads with why
    shown = text_of(app)
    assert (
        shown.index("Why not:") < shown.index("Questions to ask")
        and "The reasons above are enough not to go ahead there." in shown
    )
    assert any(e.label.startswith("4 more questions, if you still want to ask this clinic") for e in app.expander)
    assert "Homes, parties and salons are not safe places for injections" in shown  # its answer's safety note
    assert "Pregnancy and breastfeeding" in shown  # and every note that applies to everyone


def test_details_shows_the_clinic_in_view_and_a_clinic_chosen_there_stays_in_view(app: AppTest) -> None:
    _load_example(app)
    go(app, "Questions")
    app.button(key="next-clinic").click().run()  # on to the second clinic
    go(app, "Details")
    assert app.selectbox(key=key(app, "detail")).value == 2 and app.query_params["clinic"] == "2"
    app.selectbox(key=key(app, "detail")).select(3).run()
    assert app.query_params["clinic"] == "3"
    go(app, "At the visit")
    assert "Stop: do not have the injection here." in text_of(app)  # Beauty Bar Party Night: a party is no place for it
    assert app.radio(key=key(app, "clinic", "all")).value == 3


def test_compare_says_when_no_priority_is_set_and_each_card_opens_its_details(app: AppTest) -> None:
    _load_example(app)
    go(app, "Compare")
    assert "You have not said what matters most to you yet" in text_of(app)
    app.button(key="details-3").click().run()
    assert app.selectbox(key="step").value == "Details" and app.selectbox(key=key(app, "detail")).value == 3
    go(app, "Priorities")
    app.radio(key=key(app, "priority", "product")).set_value(3).run()
    go(app, "Compare")
    assert "You have not said what matters most to you yet" not in text_of(app)


def test_the_options_step_states_the_decision_and_shows_every_option_with_numbers_and_pictures(app: AppTest) -> None:
    checklist = load_checklist()
    for goal in ("migraine", "bruxism", "jawline"):
        go(app, "Start")
        app.radio(key=key(app, "goal")).set_value(goal).run()
        go(app, "Options")
        shown = text_of(app)
        assert (
            "You are deciding whether to have Botox" in shown
            and "Not having it, or waiting, is a reasonable choice too" in shown
        )
        decision = checklist.decision(goal)
        assert decision is not None
        for option in decision.options:
            assert f"- **{option.name}:** {option.works.default.split('.')[0]}" in shown, option.id
        pictures = [m.value for m in app.markdown if "<svg" in m.value]
        assert len(pictures) == sum((o.benefit is not None) + (o.harm is not None) for o in decision.options) + bool(
            decision.course_figure
        )
        assert all('role="img"' in p and "aria-label=" in p for p in pictures)
        assert "How sure: " in shown  # every figure says how sure the evidence is


def test_facts_about_the_patient_are_asked_once_shown_once_and_kept_in_the_link(app: AppTest) -> None:
    go(app, "Options")  # migraine, US
    app.radio(key=key(app, "patient", "headache-days")).set_value("fewer").run()
    app.radio(key=key(app, "value", "cost")).set_value(3).run()
    assert "With fewer than 15 headache days a month, ask about other options first" in text_of(app)
    add(app, "Derm One")
    go(app, "Compare")
    assert "With fewer than 15 headache days" not in text_of(app)  # told once, not a verdict on each clinic
    restored = decode(app.query_params["s"], load_checklist()).state
    assert restored.patient == {"headache-days": "fewer"} and restored.values == {"cost": 3}
    go(app, "Print view")
    assert "With fewer than 15 headache days a month, ask about other options first." in text_of(app)


def test_decide_never_nudges_and_keeps_the_sure_answers(app: AppTest) -> None:
    go(app, "Decide")
    choice = "you can choose not to have this treatment, or to wait"
    assert choice in text_of(app)
    for key_ in ("sure", "understand", "risks", "support"):
        app.radio(key=key(app, "sure", key_)).set_value("yes").run()
    assert choice in text_of(app) and "You seem ready" not in text_of(app)
    app.radio(key=key(app, "sure", "support")).set_value("no").run()
    assert choice in text_of(app) and "It is fine not to be sure yet" in text_of(app)
    assert decode(app.query_params["s"], load_checklist()).state.sure == {
        "sure": "yes",
        "understand": "yes",
        "risks": "yes",
        "support": "no",
    }


def test_not_now_gets_a_printout_too_and_start_says_who_made_this(app: AppTest) -> None:
    shown = text_of(app)
    assert "decide **whether** to have them now, and if you do, **where**" in shown
    assert "next review due May 2027" in shown and "It is paid for by no one" in shown
    go(app, "Print view")
    assert "No clinics are in this summary." in text_of(app)
    assert any(getattr(b, "label", "") == "Download PDF" for b in app.get("download_button"))


def test_a_clinic_brought_back_under_a_name_now_taken_gets_a_valid_restored_name() -> None:
    from scoring.answers import MAX_NAME, Clinic
    from ui.state import AppState

    state = AppState()
    long_name = "A" * MAX_NAME
    for name in (long_name, long_name):
        state.add_clinic(name)
        state.remove_clinic(state.clinics[-1].uid)
        state.add_clinic(name)  # the name is free again
    state.undo_remove()
    state.undo_remove()
    names = [c.name for c in state.clinics]
    assert sorted(names) == sorted([long_name, long_name[:69] + " (restored)", long_name[:67] + " (restored 2)"])
    for name in names:
        Clinic(name=name)  # each one a name the answers file accepts
        assert len(name) <= MAX_NAME


def test_a_file_s_difference_from_the_answers_on_screen_is_counted_by_clinic_and_answer() -> None:
    from scoring.answers import AnswersFile
    from ui.state import AppState, difference

    state = AppState(goal="jawline", jurisdiction="us")
    state.add_clinic("Derm One")
    state.set_answer(state.clinics[0].uid, "setting-type", "medical-clinic")
    same = AnswersFile.model_validate(
        {
            "goal": "jawline",
            "jurisdiction": "us",
            "clinics": ({"name": "derm one ", "answers": {"setting-type": "medical-clinic"}},),
        }
    )
    assert difference(state, same) == "It holds the same clinics and answers as yours"  # names match as names do
    other = AnswersFile.model_validate(
        {
            "goal": "jawline",
            "jurisdiction": "us",
            "clinics": ({"name": "Derm One", "answers": {"setting-type": "medical-spa", "licensed": "yes"}},),
        }
    )
    assert difference(state, other) == "Compared with yours: 2 answers differ for the clinics you both have"


def test_next_clinic_at_the_visit_skips_a_clinic_not_recommended(app: AppTest) -> None:
    _load_example(app)  # Riverside Dermatology, Glow Aesthetics Spa, Beauty Bar Party Night (a party: not recommended)
    go(app, "At the visit")
    app.radio(key=key(app, "clinic", "all")).set_value(2).run()
    assert app.button(key="visit-next-clinic").label == "Next clinic: Riverside Dermatology →"  # round, past Beauty Bar
    app.button(key="visit-next-clinic").click().run()
    assert app.radio(key=key(app, "clinic", "all")).value == 1
