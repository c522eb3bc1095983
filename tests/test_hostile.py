"""The hostile corpus (tests/hostile/) through every sink: the answers file, the link, the app,
the HTML and PDF summaries, and the command line. Each input is either taken exactly as text or
refused with a clear message; nothing crashes, leaks a traceback, runs, or loses answers.

There is no CSV output: the project writes none, and Streamlit's own CSV export of chart data is
switched off in both configuration files (the last test holds both to that).
"""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from report import build_summary, render_html, render_pdf
from report.pdf import NOTICE, printable
from scoring import Checklist, InputError, load_checklist
from scoring.answers import MAX_NAME, AnswersFile, answers_as_data, check_against, parse_answers
from scoring.codec import decode, encode
from tests import minimal_checklist as base
from tests.conftest import APP
from tests.test_app import add, go, text_of
from tests.test_report import ALLOWED_TAGS, Collector, state_with
from ui.loader import QUESTIONS_ENV
from ui.main import STEPS

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "hostile"
CORPUS: list[dict[str, str]] = json.loads((HOSTILE / "names.json").read_text(encoding="utf-8"))["names"]
TAKEN = [c["name"] for c in CORPUS if "refused" not in c]
REFUSED = [c for c in CORPUS if "refused" in c]
MARKUP = [c["name"] for c in CORPUS if c["kind"] in {"markup", "markdown"}]
EXAMPLE = ROOT / "examples" / "jawline.yaml"
EXAMPLE_NAMES = ["Riverside Dermatology", "Glow Aesthetics Spa", "Beauty Bar Party Night"]

# Each file in tests/hostile/files: None if it is a good file, else what the refusal must say.
FILES: dict[str, str | None] = {
    "alias-bomb.yaml": "alias '*a' is not allowed",
    "binary.png": "this is a PNG picture, not a text file - choose the answers file (.yaml)",
    "bom-crlf.yaml": None,
    "date-as-name.yaml": None,
    "deep-mapping.yaml": "nested more than 24 levels deep",
    "deep-nesting.yaml": "nested more than 24 levels deep",
    "duplicate-keys.yaml": "key 'goal' appears twice",
    "empty.yaml": "an answers file is a mapping",
    "huge-number.yaml": "is a number 100000 digits long",
    "invalid-utf8.yaml": "this is not UTF-8 text",
    "json-deep.json": "nested more than 24 levels deep",
    "long-name.yaml": "the clinic name is 300 characters, over 80",
    "merge-keys.yaml": "merge key '<<' is not allowed",
    "nine-clinics.yaml": "'clinics' has more than 8 items",
    "not-yaml.yaml": "a mapping key must be plain text",
    "nul-bytes.yaml": "character #x0000 is not allowed",
    "only-comments.yaml": "an answers file is a mapping",
    "python-tag.yaml": "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
    "tab-indented.yaml": "YAML syntax error",
    "utf16.yaml": "this text is saved as UTF-16 - save the file as UTF-8",
}
OVERSIZED = b"goal: jawline\njurisdiction: us\nclinics:\n  - name: A\n" + b"# padding\n" * 120_000  # 1.2 MB


def chunks(items: list[str], size: int = 8) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def answers_yaml(names: list[str]) -> bytes:
    data = {
        "goal": "jawline",
        "jurisdiction": "us",
        "clinics": [{"name": n, "answers": {"setting-type": "medical-clinic"}} for n in names],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


# --- the corpus is what it says ---------------------------------------------------------------


def test_the_corpus_covers_every_kind_of_attack() -> None:
    kinds = {c["kind"] for c in CORPUS}
    assert {"markup", "markdown", "formula", "template", "code", "unicode", "control", "oversized"} <= kinds
    assert set(FILES) == {p.name for p in (HOSTILE / "files").iterdir()}, "every corpus file has an expectation"


# --- answers file and link --------------------------------------------------------------------


@pytest.mark.parametrize("names", chunks(TAKEN), ids=lambda n: f"{len(n)} names")
def test_names_survive_the_answers_file_and_the_link_exactly(checklist: Checklist, names: list[str]) -> None:
    state = parse_answers(answers_yaml(names), "answers.yaml", checklist)
    assert [c.name for c in state.clinics] == names
    again = parse_answers(yaml.safe_dump(answers_as_data(state), allow_unicode=True).encode(), "export.yaml", checklist)
    assert again == state
    assert decode(encode(state, checklist), checklist).state == state


@pytest.mark.parametrize(
    "case", REFUSED, ids=lambda c: c["kind"] + ":" + c["name"][:12].encode("unicode_escape").decode()
)
def test_names_that_cannot_be_names_are_refused_plainly(checklist: Checklist, case: dict[str, str]) -> None:
    with pytest.raises(InputError) as caught:
        parse_answers(answers_yaml([case["name"]]), "answers.yaml", checklist)
    assert case["refused"] in str(caught.value)
    assert len(str(caught.value)) < 400, "a message quotes a short piece of the name, not all of it"


@pytest.mark.parametrize("name", sorted(FILES))
def test_hostile_files_are_refused_with_the_reason_or_taken(checklist: Checklist, name: str) -> None:
    raw = (HOSTILE / "files" / name).read_bytes()
    expected = FILES[name]
    if expected is None:
        assert parse_answers(raw, name, checklist).clinics
        return
    with pytest.raises(InputError) as caught:
        parse_answers(raw, name, checklist)
    assert expected in str(caught.value)
    assert str(caught.value).startswith(f"{name}:"), "every problem names the file and line"


def test_an_oversized_file_is_refused_before_it_is_read(checklist: Checklist) -> None:
    with pytest.raises(InputError) as caught:
        parse_answers(OVERSIZED, "big.yaml", checklist)
    assert "over the 256 KB limit" in str(caught.value)


def hostile_links(checklist: Checklist) -> dict[str, str]:
    good = encode(parse_answers(EXAMPLE.read_bytes(), "x", checklist), checklist)
    raw = base64.urlsafe_b64decode(good + "=" * (-len(good) % 4))
    links = {f"truncated at {n}": good[:n] for n in range(0, len(good), max(1, len(good) // 12))}
    for position in range(0, len(raw), max(1, len(raw) // 16)):
        for bit in (0, 5):
            flipped = bytearray(raw)
            flipped[position] ^= 1 << bit
            links[f"bit {bit} of byte {position} flipped"] = (
                base64.urlsafe_b64encode(bytes(flipped)).rstrip(b"=").decode()
            )
    links["from the future"] = base64.urlsafe_b64encode(bytes([raw[0] + 1]) + raw[1:]).rstrip(b"=").decode()
    links["markup"] = "<script>alert(1)</script>"
    links["percent-encoded NUL"] = "%00%00"
    links["non-ASCII"] = "ÄÖÜ€𝔘"
    links["whitespace"] = " \t\n"
    links["very long"] = "A" * 100_000
    return links


def test_links_cut_flipped_or_from_the_future_give_a_reason_or_a_valid_state(checklist: Checklist) -> None:
    for why, link in hostile_links(checklist).items():
        try:
            restored = decode(link, checklist)
        except InputError as exc:
            assert str(exc).startswith("link:1: this link"), (why, str(exc))
        else:  # only a flipped bit can land on a valid value: then it is a state this checklist takes, whole
            assert why.startswith("bit "), why
            assert check_against(restored.state, checklist) == [], why
            assert decode(encode(restored.state, checklist), checklist).state == restored.state, why


def test_a_link_from_an_older_checklist_keeps_the_names_and_says_what_was_lost(tmp_path: Path) -> None:
    old = load_checklist([base.write(tmp_path)])
    state = AnswersFile.model_validate(
        {"goal": "jawline", "jurisdiction": "uk", "clinics": ({"name": "Derm", "answers": {"licensed": "yes"}},)}
    )
    restored = decode(encode(state, old), load_checklist())
    assert [c.name for c in restored.state.clinics] == ["Derm"]
    assert restored.lost and "could be restored" in restored.lost[0]


# --- the app ----------------------------------------------------------------------------------


def shown_as_markdown(at: AppTest) -> list[str]:
    """Every string the app handed to Streamlit's markdown renderer (tables render markdown too)."""
    bodies = [
        str(e.value) for e in [*at.markdown, *at.caption, *at.error, *at.warning, *at.info, *at.subheader, *at.header]
    ]
    for table in at.table:
        frame = table.value
        bodies += (
            [str(v) for v in frame.columns] + [str(v) for v in frame.index] + [str(v) for v in frame.to_numpy().ravel()]
        )
    bodies += [str(r.label) for r in at.radio] + [str(o) for r in at.radio for o in r.options]
    return bodies


def clinic_names(at: AppTest) -> list[str]:
    return [str(t.value) for t in at.text_input if t.label == "Clinic name"]


SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:&=\"'")


@pytest.mark.parametrize("names", chunks(TAKEN), ids=lambda n: f"{len(n)} names")
def test_the_app_shows_hostile_names_only_as_escaped_text(app: AppTest, names: list[str]) -> None:
    for name in names:
        add(app, name)
    assert clinic_names(app) == names, text_of(app)
    for step in STEPS:
        go(app, step)
        for body in shown_as_markdown(app):
            for name in names:
                if SPECIAL & set(name):
                    assert name not in body, f"{step}: {name!r} reached markdown unescaped in {body[:200]!r}"
    go(app, "Clinics")
    assert clinic_names(app) == names


def test_hostile_names_with_answers_reach_no_markdown_unescaped(
    monkeypatch: pytest.MonkeyPatch, checklist: Checklist
) -> None:
    """With answers, the sentences that quote clinic names (who fits best, what would change it) appear too."""
    monkeypatch.delenv(QUESTIONS_ENV, raising=False)
    names = [n for n in MARKUP if SPECIAL & set(n)][:3]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["s"] = encode(state_with(checklist, names), checklist)
    at.run()
    for step in STEPS:
        go(at, step)
        for body in shown_as_markdown(at):
            for name in names:
                assert name not in body, f"{step}: {name!r} reached markdown unescaped in {body[:200]!r}"


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c["kind"])
def test_the_app_refuses_names_that_cannot_be_names(app: AppTest, case: dict[str, str]) -> None:
    add(app, "Keep Me")
    add(app, case["name"])
    assert clinic_names(app) == ["Keep Me"]
    if case["kind"] == "oversized":  # the field takes at most 80 characters: a browser cuts a longer paste there
        field = next(t for t in app.text_input if t.label == "Name of a clinic to add")
        assert field.max_chars == MAX_NAME and not app.exception
    else:
        assert not app.exception and app.error, "the refusal is said on screen"


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_app_refuses_hostile_files_and_keeps_the_answers(app: AppTest, name: str) -> None:
    add(app, "Keep Me")
    go(app, "Decide")
    app.file_uploader[0].set_value((name, (HOSTILE / "files" / name).read_bytes(), "text/yaml")).run()
    assert not app.exception
    if FILES[name] is None:  # a good file asks before it replaces the answers on screen
        next(b for b in app.button if b.label == "Yes, replace my answers").click().run()
    go(app, "Clinics")
    names = clinic_names(app)
    if FILES[name] is None:
        assert names != ["Keep Me"]
    else:
        assert names == ["Keep Me"]
        go(app, "Decide")


def test_a_refused_file_quoting_a_hostile_name_shows_it_only_as_text(app: AppTest) -> None:
    add(app, "Keep Me")
    go(app, "Decide")
    hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1))"
    raw = answers_yaml([hostile]).replace(b"medical-clinic", b"castle")
    app.file_uploader[0].set_value((f"{hostile}.yaml", raw, "text/yaml")).run()
    assert "castle" in text_of(app) and not app.exception
    assert not [b for b in shown_as_markdown(app) if hostile in b]
    go(app, "Clinics")
    assert clinic_names(app) == ["Keep Me"]


def test_the_app_refuses_an_oversized_upload_and_keeps_the_answers(app: AppTest) -> None:
    add(app, "Keep Me")
    go(app, "Decide")
    app.file_uploader[0].set_value(("big.yaml", OVERSIZED, "text/yaml")).run()
    assert not app.exception and "not loaded" in text_of(app)
    go(app, "Clinics")
    assert clinic_names(app) == ["Keep Me"]


def test_the_app_keeps_the_answers_on_screen_whatever_link_arrives(app: AppTest, checklist: Checklist) -> None:
    app.radio(key="w-0-goal").set_value("jawline").run()
    app.button(key="examples").click().run()
    good = app.query_params["s"]
    for why, link in list(hostile_links(checklist).items())[::3]:
        app.query_params["s"] = link
        go(app, "Clinics")
        assert not app.exception, why
        assert clinic_names(app) == EXAMPLE_NAMES, why  # a link under a running session never changes the answers
        assert app.query_params["s"] == good, why  # and the address bar gets them back
        app.query_params["s"] = good
        go(app, "Clinics")


# --- the summaries and the command line --------------------------------------------------------


@pytest.mark.parametrize("names", chunks(TAKEN), ids=lambda n: f"{len(n)} names")
def test_the_summaries_show_hostile_names_only_as_text(checklist: Checklist, names: list[str]) -> None:
    summary = build_summary(checklist, state_with(checklist, names), "http://localhost:8501/")
    html = render_html(summary)
    parsed = Collector()
    parsed.feed(html)
    assert set(parsed.tags) <= ALLOWED_TAGS, set(parsed.tags) - ALLOWED_TAGS
    assert not [a for a, _ in parsed.attrs if a.startswith("on")]
    sources = {s.where for s in summary.sources if s.is_link} | {
        c.visit_link for c in summary.clinics
    }  # and its own links
    assert all(v in sources for a, v in parsed.attrs if a in {"href", "src", "xlink:href", "srcset", "action"})
    text = "".join(parsed.text)
    for name in names:
        assert name in text
    pdf_text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(render_pdf(summary))).pages)
    for name in names:
        shown = printable(name)
        assert (shown == NOTICE and "a name in letters this PDF cannot show" in pdf_text) or " ".join(
            shown.split()
        ) in " ".join(pdf_text.split()), name


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def test_the_command_line_refuses_hostile_files_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_bytes(OVERSIZED)
    for name in ("alias-bomb.yaml", "huge-number.yaml", "invalid-utf8.yaml", "python-tag.yaml", "big.yaml"):
        path = tmp_path / "big.yaml" if name == "big.yaml" else HOSTILE / "files" / name
        for command in (
            ["-m", "report", str(path), "--html", str(tmp_path / "s.html")],
            ["-m", "scoring", "evaluate", str(path)],
        ):
            result = run(*command)
            assert result.returncode == 1, (name, command, result.stderr)
            assert "Traceback" not in result.stderr + result.stdout
            assert f"{path.name}:" in result.stdout + result.stderr  # one "path:line: message" line per problem
    assert not (tmp_path / "s.html").exists()
    assert not Path("/tmp/injector-check-pwned").exists()  # noqa: S108 - the path python-tag.yaml would touch


# --- no CSV sink -------------------------------------------------------------------------------


def test_no_csv_is_written_and_streamlits_export_is_off() -> None:
    sources = [p for folder in ("scoring", "ui", "report") for p in (ROOT / folder).rglob("*.py")] + [ROOT / "app.py"]
    assert not [
        p for p in sources if "import csv" in p.read_text(encoding="utf-8") or "to_csv" in p.read_text(encoding="utf-8")
    ]
    for config in (ROOT / ".streamlit" / "config.toml", ROOT / "deploy" / "config.toml"):
        settings: dict[str, Any] = tomllib.loads(config.read_text(encoding="utf-8"))
        assert settings["client"]["disableDataExport"] is True, config
