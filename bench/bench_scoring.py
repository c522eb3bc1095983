"""Scoring 8 clinics, against Streamlit building one clinic's questionnaire, in the same run.

    python3 dev.py bench      (or: .venv/bin/python bench/bench_scoring.py)

Scoring side: evaluate and compare 8 fully answered clinics (robustness included) and encode
and decode their share link. Streamlit side: AppTest running a script that draws one radio per
applicable question for one clinic. Target: scoring costs under 25% of that, so scoring is
never what a patient waits for.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.testing.v1 import AppTest

from bench.timing import median_ms
from scoring import load_checklist
from scoring.answers import AnswersFile
from scoring.codec import decode, encode
from scoring.compare import evaluate_session
from scoring.models import Goal, Jurisdiction

TARGET = 0.25
GOAL: Goal = "jawline"
PLACE: Jurisdiction = "us"


def questionnaire_script() -> None:
    import streamlit as st

    from scoring import load_checklist

    @st.cache_resource  # as the app does: the checklist is read once, not on every rerun
    def cached() -> object:
        return load_checklist()

    checklist = cached()
    for q in checklist.applicable_questions("jawline", "us"):  # type: ignore[attr-defined]
        st.radio(q.text, [o.id for o in q.options], format_func=str, index=None, key=q.id)


def main(rounds: int = 20) -> int:
    checklist = load_checklist()
    questions = checklist.applicable_questions(GOAL, PLACE)
    state = AnswersFile.model_validate(
        {
            "goal": GOAL,
            "jurisdiction": PLACE,
            "priorities": {"product": 3},
            "clinics": tuple(
                {
                    "name": f"Clinic {i}",
                    "answers": {q.id: q.options[(i + j) % (len(q.options) - 1)].id for j, q in enumerate(questions)},
                }
                for i in range(8)
            ),
        }
    )

    def scoring() -> None:
        evaluate_session(checklist, state)
        decode(encode(state, checklist), checklist)

    app = AppTest.from_function(questionnaire_script, default_timeout=60)
    app.run()  # warm: imports, checklist, widget registry

    def streamlit() -> None:
        app.run()

    scoring()
    score_ms = median_ms(lambda _: scoring(), rounds)
    app_ms = median_ms(lambda _: streamlit(), rounds)
    share = score_ms / app_ms
    print(f"scoring 8 clinics x {len(questions)} questions, with comparison and link round trip")
    print(f"  scoring + link          {score_ms:7.2f} ms (median of {rounds})")
    print(f"  AppTest, one clinic     {app_ms:7.2f} ms (median of {rounds}; {len(questions)} radios)")
    print(f"  share {share:.0%}  (target < {TARGET:.0%}: {'met' if share < TARGET else 'NOT MET'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
