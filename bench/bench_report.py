"""Building the printable summary for 8 clinics, against the app's busiest rerun, in one run.

    python3 dev.py bench      (or: .venv/bin/python bench/bench_report.py)

The busiest rerun: with 8 clinics entered, AppTest on each screen of the app, and the slowest of them.
Targets: the PDF costs at most three such reruns (fpdf2's own floor, one line of text in two fonts, is most
of one), the HTML at most a tenth of one. Two builds are timed: a download clicked in the app's Print view, which
renders the summary that view has already made (and keeps per session), and a first build from an answers
file, as the command line does, with the evaluation and the QR code. AppTest reruns are timed by waiting
on the run (``exact_apptest_wait``, see bench/timing.py), as in bench_app.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest

from bench.timing import exact_apptest_wait, median_ms
from report import build_summary, fastpdf, render_html, render_pdf
from report import pdf as pdf_module
from report.summary import qr_matrix
from scoring import load_checklist
from scoring.answers import AnswersFile, parse_answers
from scoring.codec import encode
from ui.main import STEPS

PDF_TARGET = 3  # reruns


def verdict(label: str, ms: float, rerun: float, target: float) -> None:
    ratio = ms / rerun
    print(
        f"  {label:9s} {ms:7.1f} ms  = {ratio:.2f} reruns (target <= {target:g}: "
        f"{'met' if ratio <= target else 'NOT MET'})"
    )


def one_line_pdf() -> bytes:
    """The floor under any summary PDF: one line of text in each of the two bundled fonts, set up as render_pdf does."""
    pdf = pdf_module._Pdf(format="A4")
    for style, path in (("", fastpdf.REGULAR), ("B", fastpdf.BOLD)):
        pdf.add_font_once(style, path)
    pdf.add_page()
    for style, y in (("", 20), ("B", 30)):
        pdf.set_font("DejaVu", style, 10)
        pdf.text(20, y, "Injector Check summary")
    return bytes(pdf.output())


def main(rounds: int = 10) -> int:
    checklist = load_checklist()
    example = parse_answers((ROOT / "examples" / "jawline.yaml").read_bytes(), "jawline.yaml", checklist)
    answers = [dict(c.answers) for c in example.clinics]
    state = AnswersFile.model_validate(
        {
            "goal": "jawline",
            "jurisdiction": "us",
            "priorities": {},
            "clinics": tuple({"name": f"Clinic {i + 1}", "answers": answers[i % 3]} for i in range(8)),
        }
    )
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["s"] = encode(state, checklist)
    app.run()

    def rerun_of(step: str) -> float:
        app.selectbox(key="step").set_value(step).run()
        assert not app.exception
        return median_ms(lambda _: app.run(), rounds)

    reruns = {step: rerun_of(step) for step in STEPS}
    busiest = max(reruns, key=reruns.__getitem__)
    app.selectbox(key="step").set_value(busiest).run()

    def rerun() -> None:
        app.run()

    base = "http://localhost:8501/"
    shown = build_summary(checklist, state, base)  # what the print view has made before a download is clicked

    def pdf_click() -> None:
        render_pdf(shown)

    def html_click() -> None:
        render_html(shown)

    def pdf_cold() -> None:
        qr_matrix.cache_clear()  # a first build: evaluation, QR code and rendering
        render_pdf(build_summary(checklist, state, base))

    def html_cold() -> None:
        qr_matrix.cache_clear()
        render_html(build_summary(checklist, state, base))

    for warm in (pdf_click, html_click, pdf_cold, html_cold, one_line_pdf, rerun):
        warm()
    r = median_ms(lambda _: rerun(), rounds)
    times = {}
    for build in (pdf_click, html_click, pdf_cold, html_cold, one_line_pdf):
        times[build.__name__] = median_ms(lambda _, build=build: build(), rounds)  # type: ignore[misc]
    r = (r + median_ms(lambda _: rerun(), rounds)) / 2  # before and after, against drift
    print("printable summary of 8 clinics, against the app's busiest rerun (8 clinics entered)")
    print("  reruns     " + ", ".join(f"{k} {v:.1f} ms" for k, v in reruns.items()))
    print(f"  busiest    {r:7.1f} ms ({busiest}, median of {rounds})")
    print("  a download clicked in the Print view (it renders the summary the view already shows):")
    verdict(" PDF", times["pdf_click"], r, PDF_TARGET)
    verdict(" HTML", times["html_click"], r, 0.1)
    print("  from an answers file, as `python -m report` (evaluation, QR code, rendering):")
    verdict(" PDF", times["pdf_cold"], r, PDF_TARGET)
    verdict(" HTML", times["html_cold"], r, 0.1)
    floor = times["one_line_pdf"]
    print(
        f"  the floor: a one-line PDF in the two bundled fonts (fpdf2's per-font output) {floor:.1f} ms = "
        f"{floor / r:.2f} reruns"
    )
    return 0


if __name__ == "__main__":
    with exact_apptest_wait():
        sys.exit(main())
