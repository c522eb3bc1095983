"""Building the printable summary for 8 clinics, against the app's busiest rerun, in one run.

    python3 dev.py bench      (or: .venv/bin/python bench/bench_report.py)

The busiest rerun: with 8 clinics entered, AppTest on each of the heavy screens (Compare,
Details, Print view, the full Checklist), and the slowest of them. Targets: the PDF costs at most one such rerun, the HTML
at most a tenth of one.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest

from bench.timing import median_ms
from report import build_summary, render_html, render_pdf
from report.summary import qr_svg
from scoring import load_checklist
from scoring.answers import AnswersFile, parse_answers
from scoring.codec import encode


def main(rounds: int = 10) -> int:
    checklist = load_checklist()
    example = parse_answers((ROOT / "examples" / "jawline.yaml").read_bytes(), "jawline.yaml", checklist)
    answers = [dict(c.answers) for c in example.clinics]
    state = AnswersFile.model_validate({
        "goal": "jawline", "jurisdiction": "us", "priorities": {},
        "clinics": tuple({"name": f"Clinic {i + 1}", "answers": answers[i % 3]} for i in range(8)),
    })
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["s"] = encode(state, checklist)
    app.run()

    def rerun_of(step: str) -> float:
        app.radio(key="step").set_value(step).run()
        assert not app.exception
        return median_ms(lambda _: app.run(), rounds)

    reruns = {step: rerun_of(step) for step in ("Compare", "Details", "Print view", "Checklist")}
    busiest = max(reruns, key=reruns.__getitem__)
    app.radio(key="step").set_value(busiest).run()

    def rerun() -> None:
        app.run()

    def pdf() -> None:
        qr_svg.cache_clear()  # measure a first build, QR code included
        render_pdf(build_summary(checklist, state, "http://localhost:8501/"))

    def html() -> None:
        qr_svg.cache_clear()
        render_html(build_summary(checklist, state, "http://localhost:8501/"))

    for warm in (pdf, html, rerun):
        warm()
    r, p, h = median_ms(lambda _: rerun(), rounds), median_ms(lambda _: pdf(), rounds), median_ms(lambda _: html(), rounds)
    print("printable summary of 8 clinics, against the app's busiest rerun (8 clinics entered)")
    print("  reruns     " + ", ".join(f"{k} {v:.1f} ms" for k, v in reruns.items()))
    print(f"  busiest    {r:7.1f} ms ({busiest}, median of {rounds})")
    print(f"  PDF        {p:7.1f} ms  = {p / r:.2f} reruns (target <= 1: {'met' if p <= r else 'NOT MET'})")
    print(f"  HTML       {h:7.1f} ms  = {h / r:.2f} reruns (target <= 0.1: {'met' if h <= 0.1 * r else 'NOT MET'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
