"""The answers file: what the app exports and imports, and what the command line reads.

```yaml
goal: jawline            # migraine | bruxism | jawline
jurisdiction: us         # us | uk | other
priorities: {}           # category id -> 0..3; missing means the default
patient: {}              # question-id -> option-id: the questions about the patient, asked once
values: {}               # value id -> 0..3: what matters about the treatment itself
sure: {}                 # the SURE test: sure / understand / risks / support -> yes | no
clinics:                 # 0 to 8 (none: the patient decided not to compare clinics, or not yet)
  - name: "Clínica Norte"
    answers: {question-id: option-id}
```

Read through the same strict YAML loader as the checklists (JSON is read the same way), then a
frozen model, then checked against the checklist: unknown question, option or category ids,
more than 8 clinics, empty, over-long or duplicate names, priorities out of range. Each problem
names the clinic and question. Names are kept exactly as written, in any script; only control
characters (line breaks, tabs, escapes) are refused, since a name is always shown as one line of text.
Answers to questions that exist but do not apply to the goal or place are kept and not scored.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal, Protocol

import yaml
from pydantic import Field, field_validator

from scoring.checklist import Checklist
from scoring.errors import InputError, Problem, known_fields, short
from scoring.language import N_, _
from scoring.models import Goal, Jurisdiction, Strict
from scoring.yamlload import MAX_BYTES, Loaded, read_model

MAX_CLINICS = 8
MAX_NAME = 80
JOINERS = "\u200c\u200d"  # zero-width (non-)joiners: part of how Persian, Hindi and emoji are written
SURE_KEYS = ("sure", "understand", "risks", "support")  # the SURE test (Ottawa decision guides), in its order
SureAnswer = Literal["yes", "no"]


def name_key(name: str) -> str:
    """What makes two clinic names the same name: case, spacing at the ends and Unicode composition aside."""
    return unicodedata.normalize("NFC", name).strip().casefold()


class Clinic(Strict):
    name: str
    answers: Mapping[str, str] = Field(default_factory=dict)

    @field_validator("name")
    @classmethod
    def _plain_name(cls, name: str) -> str:
        if not name.strip():
            raise ValueError(_("the clinic name is empty - type the clinic's name"))
        if len(name) > MAX_NAME:
            raise ValueError(
                _("the clinic name is {length} characters, over {most} - shorten it").format(
                    length=len(name), most=MAX_NAME
                )
            )
        if any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in name):
            raise ValueError(
                _("the clinic name has a line break, tab or other control character - type it on one line")
            )
        if any(unicodedata.category(ch) == "Cf" and ch not in JOINERS for ch in name):
            raise ValueError(
                _(
                    "the clinic name has an invisible formatting character (one that can turn text right to left "
                    "or hide letters), often copied with text from a web page - type the name in yourself"
                )
            )
        return name


class NamedAnswers(Protocol):
    """One clinic: its name and the patient's answers about it."""

    @property
    def name(self) -> str: ...
    @property
    def answers(self) -> Mapping[str, str]: ...


class Session(Protocol):
    """A patient's session, the one shape the core, the codec and the report read: an ``AnswersFile`` (a
    file or a link, checked), or the app's state as it is (valid already: it only changes through checked
    names and the checklist's own options)."""

    @property
    def goal(self) -> Goal: ...
    @property
    def jurisdiction(self) -> Jurisdiction: ...
    @property
    def priorities(self) -> Mapping[str, int]: ...
    @property
    def patient(self) -> Mapping[str, str]: ...
    @property
    def values(self) -> Mapping[str, int]: ...
    @property
    def sure(self) -> Mapping[str, str]: ...
    @property
    def clinics(self) -> Sequence[NamedAnswers]: ...


class AnswersFile(Strict):
    goal: Goal
    jurisdiction: Jurisdiction
    priorities: Mapping[str, Annotated[int, Field(ge=0, le=3)]] = Field(default_factory=dict)
    patient: Mapping[str, str] = Field(default_factory=dict)
    values: Mapping[str, Annotated[int, Field(ge=0, le=3)]] = Field(default_factory=dict)
    sure: Mapping[str, SureAnswer] = Field(default_factory=dict)
    clinics: Annotated[tuple[Clinic, ...], Field(max_length=MAX_CLINICS)] = ()

    @field_validator("sure")
    @classmethod
    def _sure_keys(cls, sure: Mapping[str, str]) -> Mapping[str, str]:
        unknown = [k for k in sure if k not in SURE_KEYS]
        if unknown:
            raise ValueError(
                _("'{key}' is not one of the SURE questions - use {keys}").format(
                    key=short(unknown[0]), keys=", ".join(SURE_KEYS)
                )
            )
        return sure


_FIELDS = known_fields(AnswersFile, Clinic)


def parse_answers(raw: bytes, path: str, checklist: Checklist) -> AnswersFile:
    """Read and check an answers file. Raises ``InputError`` with every problem found."""
    loaded, state = read_model(
        raw,
        path,
        AnswersFile,
        _FIELDS,
        wanted=_("the answers file (.yaml) that Injector Check saved"),
        not_a_mapping=_("an answers file is a mapping with goal, jurisdiction, priorities and clinics - this is not"),
    )
    problems = check_against(state, checklist, loaded)
    if problems:
        raise InputError(problems)
    return state


def check_against(state: AnswersFile, checklist: Checklist, loaded: Loaded | None = None) -> list[Problem]:
    """Problems with ids and names that only the checklist can tell."""
    path = loaded.path if loaded is not None else "answers"

    def at(*loc: str | int) -> int:
        return loaded.line_of(loc) if loaded is not None else 1

    problems: list[Problem] = []
    category_ids = [c.id for c in checklist.categories]
    for category_id in state.priorities:
        if category_id not in category_ids:
            problems.append(
                Problem(
                    path,
                    at("priorities", category_id),
                    _("priorities: '{category}' is not a category - {hint}").format(
                        category=category_id, hint=_did_you_mean(category_id, category_ids)
                    ),
                )
            )
    for question_id, option_id in state.patient.items():
        patient_question = checklist.patient_question(question_id)
        where = at("patient", question_id)
        if patient_question is None:
            known = [q.id for q in checklist.patient_questions]
            hint = _did_you_mean(question_id, known)
            problems.append(
                Problem(
                    path,
                    where,
                    _("patient: '{question}' is not a question about you - {hint}").format(
                        question=question_id, hint=hint
                    ),
                )
            )
        elif patient_question.option(option_id) is None:
            choices = ", ".join(o.id for o in patient_question.options)
            problems.append(
                Problem(
                    path,
                    where,
                    _("patient: '{option}' is not an answer to '{question}' - use one of {choices}").format(
                        option=option_id, question=question_id, choices=choices
                    ),
                )
            )
    value_ids = [v.id for v in checklist.values]
    for value_id in state.values:
        if value_id not in value_ids:
            hint = _did_you_mean(value_id, value_ids)
            problems.append(
                Problem(
                    path,
                    at("values", value_id),
                    _("values: '{value}' is not a value - {hint}").format(value=value_id, hint=hint),
                )
            )
    seen: dict[str, str] = {}
    question_ids = [q.id for q in checklist.questions]
    for i, clinic in enumerate(state.clinics):
        label = _("clinic '{name}'").format(name=short(clinic.name))
        key = name_key(clinic.name)
        if key in seen:
            problems.append(
                Problem(
                    path,
                    at("clinics", i, "name"),
                    _("{clinic}: the same name as clinic '{other}' - give each clinic a different name").format(
                        clinic=label, other=short(seen[key])
                    ),
                )
            )
        seen.setdefault(key, clinic.name)
        for question_id, option_id in clinic.answers.items():
            question = checklist.question(question_id)
            where = at("clinics", i, "answers", question_id)
            if question is None:
                problems.append(
                    Problem(
                        path,
                        where,
                        _("{clinic}: question '{question}' is not in checklist {version} - {hint}").format(
                            clinic=label,
                            question=question_id,
                            version=checklist.metadata.version,
                            hint=_did_you_mean(question_id, question_ids),
                        ),
                    )
                )
            elif question.option(option_id) is None:
                options = [o.id for o in question.options]
                problems.append(
                    Problem(
                        path,
                        where,
                        _(
                            "{clinic}: '{option}' is not an answer to question '{question}' - use one of {choices}"
                        ).format(clinic=label, option=option_id, question=question_id, choices=", ".join(options)),
                    )
                )
    return problems


def _did_you_mean(word: str, choices: list[str]) -> str:
    """How to fix an unknown id, after " - " in a message."""
    close = difflib.get_close_matches(word, choices, n=1)
    return _("did you mean '{id}'?").format(id=close[0]) if close else _("check the id, or remove it")


FILE_HEADER = N_("# Injector Check answers file. Load it again in the app, or run: python -m scoring evaluate FILE\n")


def read_answers_file(path: str, checklist: Checklist) -> AnswersFile:
    """An answers file from disk (the command lines): what cannot be read says so, as a problem at line 1."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # one byte over is enough to refuse a file that is too big
    except OSError as exc:
        raise InputError.one(
            path, 1, _("cannot read the answers file ({reason}) - check the path").format(reason=exc.strerror)
        ) from None
    return parse_answers(raw, path, checklist)


def answers_yaml(state: AnswersFile, header: bool = False) -> str:
    """The answers file's text: what the app saves (with ``header``) and ``scoring open`` prints."""
    body = yaml.safe_dump(answers_as_data(state), allow_unicode=True, sort_keys=False)
    return (_(FILE_HEADER) if header else "") + body


def answers_as_data(state: AnswersFile) -> dict[str, Any]:
    """The answers file as plain data, ready for YAML or JSON."""
    data: dict[str, Any] = {
        "goal": state.goal,
        "jurisdiction": state.jurisdiction,
        "priorities": dict(state.priorities),
    }
    for key in ("patient", "values", "sure"):  # written only when set: older files had none of them
        if getattr(state, key):
            data[key] = dict(getattr(state, key))
    data["clinics"] = [{"name": c.name, "answers": dict(c.answers)} for c in state.clinics]
    return data
