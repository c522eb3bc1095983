"""The printable summary: the PDF and HTML hold what a patient needs, escape what they typed, and agree."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from report import Summary, build_summary, render_html, render_pdf
from report.pdf import NOTICE
from scoring import Checklist
from scoring.answers import AnswersFile, parse_answers
from tests.conftest import require_tool

if TYPE_CHECKING:
    from playwright.sync_api import Browser


ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "artefacts"
EXAMPLE = ROOT / "examples" / "jawline.yaml"
NAMES = [
    "Clínica Norte",
    "Κλινική Αθήνα",
    "Клиника Москва",
    "</title><script>alert(1)</script>",
    '" onmouseover="x',
    "Derm & Co <b>",
    "Glow Med Spa",
    "Dr O'Neil",
]


def state_with(checklist: Checklist, names: list[str]) -> AnswersFile:
    base = parse_answers(EXAMPLE.read_bytes(), "x", checklist)
    answers = [dict(c.answers) for c in base.clinics]
    return AnswersFile.model_validate(
        {
            "goal": "jawline",
            "jurisdiction": "us",
            "priorities": {"product": 3},
            "clinics": tuple({"name": n, "answers": answers[i % len(answers)]} for i, n in enumerate(names)),
        }
    )


@pytest.fixture(scope="module")
def eight(checklist: Checklist) -> tuple[Summary, bytes, str]:
    summary = build_summary(checklist, state_with(checklist, NAMES), "http://localhost:8501/")
    return summary, render_pdf(summary), render_html(summary)


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_holds_names_verdicts_emergency_questions_and_sources(eight: tuple[Summary, bytes, str]) -> None:
    summary, pdf, _ = eight
    pages = pdf_pages(pdf)
    whole = flat(" ".join(pages))
    assert "Emergency: signs the toxin has spread" in whole and "Call 911 (US), 999 (UK) or 112" in whole
    for clinic in summary.clinics:
        assert clinic.name in whole, clinic.name  # Latin, Greek, Cyrillic and hostile names exactly
        assert clinic.verdict_text in whole
        for ask in clinic.to_ask[:3]:
            assert flat(ask.text) in whole
    for source in summary.sources[:5]:
        assert flat(source.title) in whole


def test_pdf_metadata_and_page_count(eight: tuple[Summary, bytes, str]) -> None:
    _, pdf, _ = eight
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None and reader.metadata.title == "Injector Check: your decision summary"
    root = reader.root_object
    assert str(root["/Lang"]) == "en"
    assert "/StructTreeRoot" in root  # tagged: headings are /H1-/H3 structure elements

    def titles(items: list) -> list[str]:  # type: ignore[type-arg]
        return [t for item in items for t in (titles(item) if isinstance(item, list) else [item.title])]

    bookmarks = titles(reader.outline)
    assert bookmarks[:4] == [
        "Injector Check: your decision summary",
        "Your decision: whether, and where",
        "Are you ready to decide? (the SURE test)",
        "Is it right for you now? The options side by side",
    ]
    assert "Your clinics compared" in bookmarks
    assert "Questions to ask" in bookmarks
    assert 10 <= len(reader.pages) <= 30  # about two pages a clinic, plus the overview and the evidence


def test_each_clinic_starts_a_page_and_page_one_ends_on_a_whole_row(eight: tuple[Summary, bytes, str]) -> None:
    summary, pdf, _ = eight
    pages = [flat(p) for p in pdf_pages(pdf)]
    for clinic in summary.clinics:
        assert any(p.lstrip().startswith(clinic.name) for p in pages[1:]), f"{clinic.name} does not start a page"
    # every comparison row on page 1 is whole: its rank, name, verdict and fit are on the same page
    for clinic in summary.clinics:
        row = f"{clinic.rank.split()[0]} {clinic.name}"
        if row in pages[0]:
            assert f"{clinic.verdict_word}: {clinic.verdict_text}" in pages[0]


def test_questions_to_ask_are_grouped_by_when_and_numbered_through(checklist: Checklist) -> None:
    summary = build_summary(checklist, state_with(checklist, ["A", "B"]), "http://x/")
    clinic = summary.clinics[1]  # the example that still needs checking: questions for every moment
    groups = clinic.ask_groups
    assert [g[0].split(" ")[0] for g in groups] == ["Before", "At", "On"]
    assert [g[1] for g in groups] == [1, 1 + len(groups[0][2]), 1 + len(groups[0][2]) + len(groups[1][2])]
    assert sorted(a.text for g in groups for a in g[2]) == sorted(a.text for a in clinic.to_ask)
    page = flat("\n".join(pdf_pages(render_pdf(summary))))
    start = page.index("Questions to ask", page.index("B CHECK FIRST"))
    where = [page.index(heading, start) for heading, _, _ in groups]
    assert where == sorted(where)


def test_a_clinic_that_runs_over_a_page_names_itself_at_the_top_of_the_next(checklist: Checklist) -> None:
    names = ["Short Section", "Long Section", "Third Section"]  # the examples: one page, more than one, more than one
    pages = [
        flat(p).lstrip()
        for p in pdf_pages(render_pdf(build_summary(checklist, state_with(checklist, names), "http://x/")))
    ]
    owner = ""
    continued = []
    for page in pages:
        starts = next((n for n in names if page.startswith(n) and "Questions answered:" in page), "")
        if starts:
            owner = starts
        elif page.startswith(f"{owner} (continued)"):
            continued.append(owner)
        else:
            owner = ""
            assert "(continued)" not in page[:120], page[:120]  # only a clinic's own section says so
    assert continued == ["Long Section", "Third Section"]


def test_scripts_the_font_lacks_get_a_visible_notice(checklist: Checklist) -> None:
    """Hangul and Chinese have no glyphs; Arabic and Hebrew would come out unjoined and backwards: all get the notice."""
    drawn = ["Nguyễn Skin Clinic", "Բժշկական կենտրոն", "ʻOhana Derm"]  # Vietnamese, Armenian, a Hawaiian ʻokina
    lacking = ["서울 피부과", "北京诊所", "عيادة النور", "מרפאת השרון"]
    summary = build_summary(checklist, state_with(checklist, [*drawn, *lacking]), "http://x/")
    pages = pdf_pages(render_pdf(summary))
    clinic_pages = [page for page in pages[1:] if "Questions answered:" in flat(page)]  # each clinic's first page
    assert len(clinic_pages) == len(drawn) + len(lacking)
    assert sum(flat(page).lstrip().startswith(NOTICE) for page in clinic_pages) == len(lacking)
    whole = flat(" ".join(pages))
    for name in drawn:
        assert name in whole, name
    for name in lacking:
        assert name not in whole and name[:2] not in whole, name  # never drawn at all, not even in part
    html = render_html(summary)
    assert all(name in html for name in [*drawn, *lacking])  # the HTML shows them as typed


def test_a_name_the_font_lacks_is_replaced_but_never_the_sentence_around_it(checklist: Checklist) -> None:
    names = [
        "서울 피부과",
        "Clínica Norte",
        "Glow Med Spa",
        "Derm One",
        "Skin Two",
        "Face Three",
    ]  # six: the key to the A-F columns
    summary = build_summary(checklist, state_with(checklist, names), "http://x/")
    whole = flat(" ".join(pdf_pages(render_pdf(summary))))
    assert "Clinics: A = " in whole  # the key is printed, with the other five names in it
    for name in names[1:]:
        assert f"= {name}" in whole, name
    assert f"= {NOTICE}" in whole or f"A = {NOTICE}" in whole
    assert summary.comparison.leaders[0] == names[0]  # the sentence names the one it cannot draw
    assert (
        f"“{NOTICE}” and “Derm One” fit your priorities equally well." in whole
    )  # the sentence stays; only the name goes
    assert "서울" not in whole


def need_pdftoppm() -> str:
    return require_tool(shutil.which("pdftoppm"), "pdftoppm", "Debian: apt-get install poppler-utils")


def test_the_installed_fpdf2_is_the_one_the_speed_ups_were_written_for() -> None:
    import fpdf

    from report.fastpdf import FPDF_VERSION

    assert fpdf.FPDF_VERSION == FPDF_VERSION, (
        "report/fastpdf.py uses fpdf2 internals: re-check them, then update FPDF_VERSION"
    )
    assert f"fpdf2=={FPDF_VERSION}" in (Path(__file__).resolve().parent.parent / "requirements.txt").read_text()


def test_fonts_read_once_per_process_draw_the_same_pages(eight: tuple[Summary, bytes, str], tmp_path: Path) -> None:
    """report.pdf keeps fpdf2's reading of each font between PDFs: its pages must look exactly like add_font's."""
    from fpdf import FPDF

    from report import pdf as module

    summary, cached, _ = eight
    pdftoppm = need_pdftoppm()

    def plain(self: FPDF, style: str, path: Path) -> None:
        FPDF.add_font(self, "DejaVu", style, str(path))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module._Pdf, "add_font_once", plain)
        uncached = render_pdf(summary)
    pictures = {}
    for name, data in {"cached": cached, "uncached": uncached}.items():
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(
            [pdftoppm, "-png", "-r", "40", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True, timeout=120
        )
        pictures[name] = [p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-*.png"))]
    assert len(pictures["cached"]) == len(PdfReader(io.BytesIO(cached)).pages) > 10
    assert pictures["cached"] == pictures["uncached"]
    assert pdf_pages(cached) == pdf_pages(uncached)


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


ALLOWED_TAGS = {
    "html",
    "head",
    "br",
    "figure",
    "figcaption",
    "circle",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "main",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "strong",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "ul",
    "ol",
    "li",
    "a",
    "svg",
    "g",
    "path",
    "rect",
}


def test_html_shows_user_text_only_as_text(eight: tuple[Summary, bytes, str]) -> None:
    _, _, html = eight
    parsed = Collector()
    parsed.feed(html)
    assert set(parsed.tags) <= ALLOWED_TAGS, set(parsed.tags) - ALLOWED_TAGS
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert not [name for name, _ in parsed.attrs if name.startswith("on")]
    text = "".join(parsed.text)
    for name in NAMES:
        assert name in text
    assert html.count("<title>") == 1


def test_html_is_self_contained(eight: tuple[Summary, bytes, str]) -> None:
    summary, _, html = eight
    parsed = Collector()
    parsed.feed(html)
    sources = {s.where for s in summary.sources if s.is_link} | {c.visit_link for c in summary.clinics}
    for name, value in parsed.attrs:
        if name in {"href", "src", "xlink:href", "action", "srcset"}:
            assert value in sources, f"{name}={value} is not a source link"
    assert "<script" not in html.lower() and "@import" not in html and "url(" not in html
    assert "@media print" in html and "@page" in html


def test_pdf_and_html_agree(eight: tuple[Summary, bytes, str]) -> None:
    summary, pdf, html = eight
    whole_pdf = flat(" ".join(pdf_pages(pdf)))
    parsed = Collector()
    parsed.feed(html)
    whole_html = flat("".join(parsed.text))
    for clinic in summary.clinics:
        for fact in (*clinic.reasons, clinic.cautions, clinic.fit, *(a.text for a in clinic.to_ask)):
            assert flat(fact) in whole_pdf and flat(fact) in whole_html, fact


def test_command_line_writes_both_files_and_refuses_bad_input(tmp_path: Path) -> None:
    html, pdf = tmp_path / "s.html", tmp_path / "s.pdf"
    command = [
        sys.executable,
        "-m",
        "report",
        str(ROOT / "tests" / "answers" / "migraine-uk.json"),
        "--html",
        str(html),
        "--pdf",
        str(pdf),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and "Κλινική Αθήνα" in html.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "goal: jawline\njurisdiction: us\nclinics:\n  - name: A\n    answers: {setting-typ: x}\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "report", str(bad), "--pdf", str(pdf)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (
        result.returncode == 1
        and "bad.yaml:5: clinic 'A': question 'setting-typ'" in result.stdout
        and "Traceback" not in result.stderr
    )


def test_render_one_page_per_layout_as_artefacts(eight: tuple[Summary, bytes, str]) -> None:
    _, pdf, _ = eight
    need_pdftoppm()
    ARTEFACTS.mkdir(exist_ok=True)
    source = ARTEFACTS / "summary-8-clinics.pdf"
    source.write_bytes(pdf)
    last = len(PdfReader(io.BytesIO(pdf)).pages)
    for name, page in {"overview": 1, "clinic": 2, "evidence": last - 1, "about": last}.items():
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(source),
                str(ARTEFACTS / f"pdf-{name}"),
            ],
            check=True,
            timeout=60,
        )
        assert (ARTEFACTS / f"pdf-{name}.png").stat().st_size > 5000


def test_each_clinic_the_patient_may_visit_has_a_code_that_opens_it_on_the_visit_screen(
    checklist: Checklist, eight: tuple[Summary, bytes, str]
) -> None:
    from urllib.parse import parse_qs, urlparse

    from scoring.codec import VISIT_STEP, decode
    from ui.main import STEPS

    assert VISIT_STEP in STEPS
    summary, pdf, html = eight
    state = state_with(checklist, NAMES)
    visited = [c for c in summary.clinics if c.visit_link]
    assert 0 < len(visited) < len(summary.clinics)  # a clinic not recommended gets no visit code
    for clinic in summary.clinics:
        if not clinic.visit_link:  # not recommended, or nothing left to check at the visit
            assert not clinic.visit_qr
            assert clinic.verdict == "not_recommended" or all(a.when == "booking" for a in clinic.to_ask)
            continue
        query = parse_qs(urlparse(clinic.visit_link).query)
        assert query["step"] == [VISIT_STEP]
        assert decode(query["s"][0], checklist).state == state
        assert state.clinics[int(query["clinic"][0]) - 1].name == clinic.name
        assert len(clinic.visit_qr) == len(clinic.visit_qr[0]) > 21 + 8  # a square QR code, quiet zone included
        assert clinic.visit_link.replace("&", "&amp;") in html
    assert flat(" ".join(pdf_pages(pdf))).count("At the visit: scan this with your phone's camera") == len(visited)


@pytest.mark.parametrize(("place", "size"), [("us", (612, 792)), ("uk", (595, 842))])
def test_the_pdf_is_on_the_paper_people_have_where_they_live(
    checklist: Checklist, place: str, size: tuple[int, int]
) -> None:
    state = state_with(checklist, NAMES[:1]).model_copy(update={"jurisdiction": place})
    page = PdfReader(io.BytesIO(render_pdf(build_summary(checklist, state, "http://localhost:8501/")))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size  # Letter in the US, else A4


@pytest.mark.browser
def test_a_long_name_with_no_spaces_stays_on_the_printed_page(
    checklist: Checklist, browser: Browser, tmp_path: Path
) -> None:
    long_name = ("Dermatology" * 8)[:80]  # the longest name the app takes, with no space to break it at
    path = tmp_path / "summary.html"
    path.write_text(
        render_html(build_summary(checklist, state_with(checklist, [long_name, *NAMES[1:]]), "http://x/")),
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": 700, "height": 1000})  # the printable width of A4 or Letter, at 96 dpi
    page.emulate_media(media="print")
    page.goto(path.as_uri())
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right))"
    )
    page.close()
    assert widest <= 700, f"a table reaches {widest:.0f} px on a 700 px page"


@pytest.mark.parametrize("goal", ["jawline", "migraine", "bruxism"])
def test_the_spanish_printout_holds_the_same_verdicts_cautions_and_notes_as_the_english(goal: str) -> None:
    import datetime
    from html import unescape

    from scoring import load_checklist
    from scoring.language import _, use
    from scoring.wording import VERDICT_TEXT, VERDICT_WORD
    from tests.english import english_words, names_in

    today = datetime.date(2026, 12, 1)
    english, spanish = load_checklist(today=today), load_checklist(today=today, language="es")
    examples = Path(__file__).resolve().parent.parent / "examples"
    state = parse_answers(examples.joinpath(f"{goal}.yaml").read_bytes(), "example", english)
    made = build_summary(english, state, "https://example.org/", made=today)
    with use("es"):
        hecho = build_summary(spanish, state, "https://example.org/", made=today)
        html, pdf = render_html(hecho), render_pdf(hecho)
        words = {v: (VERDICT_TEXT[v], VERDICT_WORD[v]) for v in VERDICT_TEXT}
    assert [c.verdict for c in hecho.clinics] == [c.verdict for c in made.clinics]
    assert [c.name for c in hecho.clinics] == [c.name for c in made.clinics]
    for en, es in zip(made.clinics, hecho.clinics, strict=True):
        assert es.verdict_text == words[es.verdict][0] != en.verdict_text
        assert bool(es.cautions) == bool(en.cautions) and len(es.reasons) == len(en.reasons)
        assert [n.severity for n in es.notes] == [n.severity for n in en.notes]
        assert [a.when for a in es.to_ask] == [a.when for a in en.to_ask]
        assert es.score == en.score
    assert [n.severity for n in hecho.notes] == [n.severity for n in made.notes]
    assert len(hecho.about_notes) == len(made.about_notes)
    assert '<html lang="es"' in html and "lang=es" in html
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    for clinic in hecho.clinics:
        assert clinic.verdict_text in text and clinic.verdict_word in text
    for note in (*hecho.notes, *(n for c in hecho.clinics for n in c.notes)):
        assert " ".join(note.title.split()) in text, note.title
    names = names_in(spanish, [c.name for c in hecho.clinics])
    with use("es"):
        sources = _("Sources")  # the last section: the publications, as published (a page break can split one)
    assert sources == "Fuentes (en inglés)"
    assert english_words(text.rsplit(sources, 1)[0], names) == []
    body = " ".join(unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)).split())
    assert english_words(body.rsplit(sources, 1)[0], names) == []
