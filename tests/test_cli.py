"""The command line as other tools use it: exit codes, one problem per line, JSON shapes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from scoring.__main__ import checklist_schema
from tests import minimal_checklist as base

ROOT = Path(__file__).resolve().parent.parent
PROBLEM_LINE = re.compile(r"^(?P<path>[^:]+\.yaml):(?P<line>\d+): (?P<message>.+ - .+)$")


def cli(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scoring", *map(str, args)]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def test_validate_shipped_checklists_exits_0() -> None:
    result = cli("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: checklist ")


def test_validate_reports_every_problem_one_per_line(tmp_path: Path) -> None:
    questions = base.QUESTIONS.replace("label: A clinic, points: 3", "label: A clinic, points: x")
    questions = questions.replace("points: 2}", "points: 2, flag: maybe}")
    base.write(tmp_path, questions_yaml=questions)
    result = cli("validate", tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) >= 2 and not result.stderr
    for line in lines:
        match = PROBLEM_LINE.match(line)
        assert match, f"not path:line: message - fix: {line!r}"
        assert Path(match["path"]).name == "questions.yaml"
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_missing_folder_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = cli("validate", tmp_path / "nowhere")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr and "check the path" in result.stdout


def test_questions_json_lists_applicable_questions(tmp_path: Path) -> None:
    base.write(tmp_path)
    result = cli("questions", "--goal", "jawline", "--jurisdiction", "uk", "--format", "json", "--checklist", tmp_path)
    assert result.returncode == 0, result.stderr
    questions = json.loads(result.stdout)
    assert [q["id"] for q in questions] == ["licensed", "setting-type", "doctor-on-site"]
    first = questions[0]
    assert first["category"] == "licence" and first["text"] == "Is the injector licensed?"
    assert first["options"][1] == {"id": "no", "label": "No", "points": 0, "flag": "critical"}
    assert questions[2]["condition"] == {"question": "setting-type", "options": ["clinic"]}


def test_questions_json_for_every_shipped_goal_and_place() -> None:
    for goal in ("migraine", "bruxism", "jawline"):
        for place in ("us", "uk", "other"):
            result = cli("questions", "--goal", goal, "--jurisdiction", place, "--format", "json")
            assert result.returncode == 0, result.stdout
            questions = json.loads(result.stdout)
            assert len(questions) >= 25
            assert all({"id", "category", "text", "options"} <= q.keys() for q in questions)
            assert all({"id", "label", "points", "flag"} == o.keys() for q in questions for o in q["options"])


def test_questions_rejects_unknown_goal_with_usage() -> None:
    result = cli("questions", "--goal", "wrinkles", "--jurisdiction", "us")
    assert result.returncode == 2 and "invalid choice: 'wrinkles'" in result.stderr


def test_schema_command_matches_the_file_editors_use() -> None:
    result = cli("schema")
    assert result.returncode == 0
    printed = json.loads(result.stdout)
    assert printed == checklist_schema()
    committed = json.loads((ROOT / "schema" / "checklist-file.schema.json").read_text(encoding="utf-8"))
    assert committed == printed, (
        "schema/ is out of date: run python -m scoring schema > schema/checklist-file.schema.json"
    )


ANSWERS = ROOT / "tests" / "answers"
GOLDEN = ROOT / "tests" / "golden"


def test_evaluate_json_matches_golden_files() -> None:
    """The JSON other tools read. After a deliberate change: UPDATE_GOLDEN=1 python3 dev.py test -k golden."""
    import os

    for answers in sorted(ANSWERS.iterdir()):
        result = cli("evaluate", answers, "--format", "json")
        assert result.returncode == 0, result.stdout
        golden = GOLDEN / f"{answers.stem}.json"
        if os.environ.get("UPDATE_GOLDEN"):
            golden.write_text(result.stdout, encoding="utf-8")
        assert json.loads(result.stdout) == json.loads(golden.read_text(encoding="utf-8")), f"{golden.name} differs"


def test_evaluate_json_has_the_documented_keys() -> None:
    data = json.loads(cli("evaluate", ANSWERS / "jawline-us.yaml", "--format", "json").stdout)
    clinic = data["clinics"][0]
    assert {
        "name",
        "verdict",
        "score",
        "score_range",
        "completeness",
        "category_scores",
        "cautions",
        "notes",
        "questions_to_ask",
    } <= clinic.keys()
    assert all("when" in a for a in clinic["questions_to_ask"])
    glow = data["clinics"][1]
    assert [c["question"] for c in glow["cautions"]][:1] == ["licence-checked"] and glow["score_range"][0] < glow[
        "score"
    ]
    assert [c["verdict"] for c in data["clinics"]] == ["strong_fit", "verify_first", "not_recommended"]
    assert data["clinics"][0]["name"] == "Clínica Norte"
    assert {"ranking", "leaders", "robustness"} <= data["comparison"].keys()


def test_evaluate_text_is_readable() -> None:
    result = cli("evaluate", ANSWERS / "jawline-us.yaml")
    assert result.returncode == 0
    assert "1. Clínica Norte: Strong fit for your priorities" in result.stdout
    assert "Not recommended: Who will give you the injections?" in result.stdout
    assert "Still to ask:" in result.stdout
    assert (
        "Fit 55/100, could be 22-87 once you know 35 more answers (12 from home, 23 at the visit); 26% answered (12 of 47)"
        in result.stdout
    )
    assert "Also 3 cautions:" in result.stdout  # cautions beside the verdict
    assert "Safety notes for everyone considering this treatment:" in result.stdout
    assert "[emergency] Emergency: signs the toxin has spread" in result.stdout
    assert "Pregnancy and breastfeeding" in result.stdout and "Homes, parties and salons" in result.stdout


def test_evaluate_bad_file_exits_1_with_messages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "goal: jawline\njurisdiction: us\nclinics:\n  - name: A\n    answers: {setting-typ: x}\n", encoding="utf-8"
    )
    result = cli("evaluate", bad)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert re.match(r"^.*bad\.yaml:5: clinic 'A': question 'setting-typ' is not in checklist", result.stdout)
    missing = cli("evaluate", tmp_path / "nope.yaml")
    assert missing.returncode == 1 and "cannot read the answers file" in missing.stdout


def test_link_prints_a_query_string_that_restores_the_answers() -> None:
    from scoring import load_checklist
    from scoring.answers import parse_answers
    from scoring.codec import decode

    result = cli("link", ANSWERS / "migraine-uk.json")
    assert result.returncode == 0
    line = result.stdout.strip()
    assert line.startswith("s=") and len(line) < 1000
    checklist = load_checklist()
    original = parse_answers((ANSWERS / "migraine-uk.json").read_bytes(), "x", checklist)
    assert decode(line, checklist).state == original


def test_open_prints_the_answers_file_a_link_holds(tmp_path: Path) -> None:
    link = cli("link", ANSWERS / "jawline-us.yaml").stdout.strip()
    opened = cli("open", f"https://injector.example/?goal=jawline&{link}&step=Compare")
    assert opened.returncode == 0 and opened.stderr == ""
    data = yaml.safe_load(opened.stdout)
    assert data == yaml.safe_load((ANSWERS / "jawline-us.yaml").read_text(encoding="utf-8")) | {
        "priorities": data["priorities"]
    }
    as_json = json.loads(cli("open", link, "--format", "json").stdout)
    assert as_json["clinics"][0]["name"] == "Clínica Norte"
    bare = cli("open", link.removeprefix("s="))
    assert bare.stdout == opened.stdout


def test_open_refuses_a_link_it_cannot_read_with_the_reason() -> None:
    for bad, why in (("https://x/?goal=jawline", "it has no 's=' part"), ("s=hello-world", "cannot be read")):
        result = cli("open", bad)
        assert result.returncode == 1 and why in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_review_prints_every_flagged_answer_with_its_flag_when_and_sources() -> None:
    result = cli("review", "--goal", "migraine", "--jurisdiction", "us")
    assert result.returncode == 0
    text = result.stdout
    assert "CRITICAL A cosmetic injector with no migraine training  [cosmetic] -> Not recommended" in text
    assert (
        "CAUTION  They told me where to check, but I have not checked yet  [told-not-checked] -> Check before booking"
        in text
    )
    assert "Found out before booking; safety check." in text and "Sources: " in text and "Why: " in text
    assert "[remote]" not in text  # UK remote prescribing (jaw goals) is not part of migraine in the US
    everything = cli("review").stdout
    assert "No, only by phone, video, message or online form  [remote] -> Not recommended" in everything
    assert everything.count("CRITICAL") > text.count(
        "CRITICAL"
    )  # the UK-only and jaw-only red flags are in the full model


def test_the_patient_commands_speak_spanish_and_hold_the_same_verdicts() -> None:
    english = json.loads(cli("evaluate", ANSWERS / "jawline-us.yaml", "--format", "json").stdout)
    spanish = json.loads(cli("evaluate", ANSWERS / "jawline-us.yaml", "--format", "json", "--lang", "es").stdout)
    assert [c["verdict"] for c in spanish["clinics"]] == [c["verdict"] for c in english["clinics"]]
    text = cli("evaluate", ANSWERS / "jawline-us.yaml", "--lang", "es").stdout
    assert "1. Clínica Norte: Ajuste bueno a sus prioridades" in text
    assert "No recomendada: ¿Quién le pondrá las inyecciones?" in text
    assert "[emergencia]" in text or "[emergency]" not in text
    review = cli("review", "--goal", "jawline", "--jurisdiction", "us", "--lang", "es").stdout
    assert "No recomendada" in review and "Not recommended" not in review
    questions = json.loads(
        cli("questions", "--goal", "jawline", "--jurisdiction", "us", "--format", "json", "--lang", "es").stdout
    )
    assert questions[0]["text"].startswith("¿") and [q["id"] for q in questions] == [
        q["id"]
        for q in json.loads(cli("questions", "--goal", "jawline", "--jurisdiction", "us", "--format", "json").stdout)
    ]
    bad = cli("evaluate", ANSWERS / "nope.yaml", "--lang", "es")
    assert bad.returncode == 1 and "cannot read" not in bad.stdout and "Traceback" not in bad.stderr


def test_a_link_made_in_spanish_opens_the_same_answers() -> None:
    link = cli("link", ANSWERS / "migraine-uk.json", "--lang", "es").stdout.strip()
    assert link.endswith("&lang=es")
    opened = cli("open", f"https://example.org/?{link}&step=Compare")
    assert opened.returncode == 0
    assert opened.stdout == cli("open", link.removesuffix("&lang=es")).stdout
