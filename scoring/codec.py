"""The share link: the whole state (goal, place, priorities, the patient's answers, clinics) in one URL parameter.

Format 2, before compression:
    layout fingerprint (6 bytes) | goal | place | category count | one priority byte per category
    (0-3, or 255 for "default") | question count | clinic count (0-8) |
    per clinic: name length (varint) + UTF-8 name + one byte per question (0 = no answer, else option position + 1) |
    patient question count | one byte per question about the patient (as for clinics) |
    value count | one byte per value (0-3, or 255 for "not set") | the SURE test: one byte, two bits per
    question in order (0 not answered, 1 yes, 2 no)
Format 1 (links made before checklist 1.1.0) is the same up to the clinics, with 1-8 clinics, and nothing after.
The link is base64url( format byte + zlib(payload) ), without padding.

Answers are stored by position in the checklist's *layout* (its category ids, question ids and
option ids, in order), and the layout's fingerprint travels with them. A link made on the current
layout decodes directly. A link made on an earlier layout is decoded through that layout, kept in
``layouts.jsonl`` (``python -m scoring layout`` prints the current one), back to ids, and each answer
is restored only if its question and option still exist; every answer that cannot be restored is
named. An unknown layout restores goal, place and names, and says that no answer could be restored.
An answer is never given to the wrong question.

Decoding is bounded (link length, decompressed size, counts) and every failure is an ``InputError``
with a plain message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from urllib.parse import urlencode

from pydantic import ValidationError

from scoring.answers import MAX_CLINICS, SURE_KEYS, AnswersFile, Session, check_against
from scoring.checklist import Checklist
from scoring.errors import InputError, first_message
from scoring.language import _, ngettext, number
from scoring.models import GOALS, JURISDICTIONS
from scoring.wording import LOST_CLINIC_ANSWER, LOST_EVERY_ANSWER, LOST_PATIENT_ANSWER, LOST_PRIORITY

FORMAT = 2
FORMATS = (1, 2)  # what decode reads
NEWEST_PLAUSIBLE = (
    8  # format numbers a later version might use; anything else in the first byte is not a link from here
)
MAX_LINK = 6000
MAX_PAYLOAD = 16 * 1024
UNSET = 255
LINK_PARAM = "s"
STEP_PARAM = "step"  # the screen the patient is on, so a reload comes back to it
CLINIC_PARAM = "clinic"  # the clinic in view (1-based, in the answers' order) on the screens about one clinic
VISIT_STEP = "At the visit"  # the screen a printout's per-clinic QR code opens
LAYOUTS_FILE = Path(__file__).resolve().parent / "layouts.jsonl"
_LINK_CHARS = re.compile(r"[A-Za-z0-9_-]+")
_WHERE = "link"


@dataclass(frozen=True)
class Layout:
    version: str
    categories: tuple[str, ...]
    questions: tuple[tuple[str, tuple[str, ...]], ...]
    patient: tuple[tuple[str, tuple[str, ...]], ...] = ()  # questions about the patient (1.1.0 on)
    values: tuple[str, ...] = ()

    @cached_property
    def fingerprint(self) -> bytes:
        return hashlib.sha256(self.to_json().encode()).digest()[:6]

    def to_json(self) -> str:
        body: dict[str, object] = {
            "categories": list(self.categories),
            "questions": [[q, list(o)] for q, o in self.questions],
        }
        if self.patient or self.values:  # absent from layouts before 1.1.0, whose fingerprints must not change
            body["patient"] = [[q, list(o)] for q, o in self.patient]
            body["values"] = list(self.values)
        return json.dumps(body, sort_keys=True, separators=(",", ":"))

    def to_line(self) -> str:
        data = {"fingerprint": self.fingerprint.hex(), "version": self.version, **json.loads(self.to_json())}
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Restored:
    state: AnswersFile
    lost: tuple[str, ...]  # what could not be restored, one plain sentence each


def layout_of(checklist: Checklist) -> Layout:
    return _table(checklist).layout


@dataclass(frozen=True)
class _Table:
    """What encoding needs from one checklist: its layout, and where each answer goes."""

    layout: Layout
    positions: dict[str, tuple[int, tuple[str, ...]]]  # question id -> (place in the row, its option ids)
    about: dict[str, tuple[int, tuple[str, ...]]]  # the same for the questions about the patient


@lru_cache(maxsize=8)  # a checklist is hashed by identity: one table per loaded checklist
def _table(checklist: Checklist) -> _Table:
    layout = Layout(
        version=checklist.metadata.version,
        categories=tuple(c.id for c in checklist.categories),
        questions=tuple((q.id, tuple(o.id for o in q.options)) for q in checklist.questions),
        patient=tuple((q.id, tuple(o.id for o in q.options)) for q in checklist.patient_questions),
        values=tuple(v.id for v in checklist.values),
    )
    return _Table(
        layout,
        {qid: (i, opts) for i, (qid, opts) in enumerate(layout.questions)},
        {qid: (i, opts) for i, (qid, opts) in enumerate(layout.patient)},
    )


@cache  # the file ships with the code: read once per process, and only for a link from an older checklist
def known_layouts(path: Path = LAYOUTS_FILE) -> dict[bytes, Layout]:
    layouts: dict[bytes, Layout] = {}
    if not path.exists():
        return layouts
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        layout = Layout(
            version=str(data["version"]),
            categories=tuple(data["categories"]),
            questions=tuple((q, tuple(o)) for q, o in data["questions"]),
            patient=tuple((q, tuple(o)) for q, o in data.get("patient", [])),
            values=tuple(data.get("values", [])),
        )
        layouts[layout.fingerprint] = layout
    return layouts


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _compress(payload: bytes) -> bytes:
    """zlib at level 9 with a 4 KB window and small hash tables: links are a few hundred bytes, and zlib's
    defaults would set up about 256 KB of state on every answer. Same output size on our payloads, and any
    zlib reader (``zlib.decompress`` included) reads it."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 12, 3)
    return packer.compress(payload) + packer.flush()


def _row(
    answers: Mapping[str, str],
    questions: tuple[tuple[str, tuple[str, ...]], ...],
    positions: Mapping[str, tuple[int, tuple[str, ...]]],
) -> bytes:
    """One byte per question, in layout order: 0 no answer, else the option's position + 1."""
    row = bytearray(len(questions))
    for qid, oid in answers.items():
        index, options = positions[qid]
        row[index] = options.index(oid) + 1
    return bytes(row)


def encode(state: Session, checklist: Checklist) -> str:
    table = _table(checklist)
    layout, positions, about = table.layout, table.positions, table.about
    out = bytearray(layout.fingerprint)
    out += bytes([GOALS.index(state.goal), JURISDICTIONS.index(state.jurisdiction)])
    out += _varint(len(layout.categories))
    out += bytes(state.priorities.get(c, UNSET) for c in layout.categories)
    out += _varint(len(layout.questions))
    out += bytes([len(state.clinics)])
    for clinic in state.clinics:
        name = clinic.name.encode("utf-8")
        out += _varint(len(name)) + name + _row(clinic.answers, layout.questions, positions)
    out += _varint(len(layout.patient)) + _row(state.patient, layout.patient, about)
    out += _varint(len(layout.values)) + bytes(state.values.get(v, UNSET) for v in layout.values)
    out += bytes([sum({"yes": 1, "no": 2}.get(state.sure.get(k, ""), 0) << (2 * i) for i, k in enumerate(SURE_KEYS))])
    raw = bytes([FORMAT]) + _compress(bytes(out))
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _patient_answers(reader: _Reader, layout: Layout | None, checklist: Checklist, lost: list[str]) -> dict[str, str]:
    row = reader.take(reader.varint())
    if layout is not None and len(row) != len(layout.patient):
        raise _bad(_("it does not match its checklist"))
    if layout is None:
        return {}

    def known(question_id: str, option_id: str) -> bool:
        question = checklist.patient_question(question_id)
        return question is not None and question.option(option_id) is not None

    def lose(question_id: str, option_id: str) -> None:
        lost.append(_(LOST_PATIENT_ANSWER).format(option=option_id, question=question_id))

    return _answer_row(row, layout.patient, known, lose)


def _answer_row(
    row: bytes,
    columns: Sequence[tuple[str, Sequence[str]]],
    known: Callable[[str, str], bool],
    lose: Callable[[str, str], None],
) -> dict[str, str]:
    """One row of answers (a byte per question: 0 for none, else the option's number in ``columns``), keeping those
    the checklist still knows; ``lose`` is told of each one it no longer does."""
    answers: dict[str, str] = {}
    for i, value in enumerate(row):
        if value == 0:
            continue
        question_id, options = columns[i]
        if value > len(options):
            raise _bad(_("an answer in it is out of range"))
        option_id = options[value - 1]
        if known(question_id, option_id):
            answers[question_id] = option_id
        else:
            lose(question_id, option_id)
    return answers


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise _bad(_("it is cut short"))
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def varint(self) -> int:
        value = shift = 0
        while True:
            byte = self.byte()
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7
            if shift > 21:
                raise _bad(_("a number in it is too large"))


def _bad(why: str) -> InputError:
    """A link that cannot be read; ``why`` is a whole clause about it, already in the language in use."""
    return InputError.one(
        _WHERE,
        1,
        _("this link cannot be read: {why} - copy the whole link again, or load an answers file instead").format(
            why=why
        ),
    )


def share_link(base_url: str, encoded: str, language: str = "en") -> str:
    """The address that opens a session: the app's address (any query dropped) with the encoded answers, and the
    language it was made in unless it is English (``lang=es``: it opens in Spanish; the answers are the same ids)."""
    address = f"{base_url.split('?')[0]}?{LINK_PARAM}={encoded}"
    return address if language == "en" else f"{address}&{LANG_PARAM}={language}"


LANG_PARAM = "lang"


def visit_link(link: str, number: int) -> str:
    """The share link opened on "At the visit" for clinic ``number`` (1-based): what is still to check there."""
    return f"{link}&{urlencode({STEP_PARAM: VISIT_STEP, CLINIC_PARAM: number})}"


def link_param(text: str) -> str:
    """The ``s`` value of a whole address (``https://host/?goal=...&s=...``), of ``s=...``, or of the bare value."""
    text = text.strip()
    query = text.split("?", 1)[1] if "?" in text else text
    for part in query.split("#", 1)[0].split("&"):
        if part.startswith(f"{LINK_PARAM}="):
            return part[len(LINK_PARAM) + 1 :]
    if "=" in query or "://" in text:
        raise _bad(_("it has no '{param}=' part").format(param=LINK_PARAM))
    return query


def _unpack(link: str) -> bytes:
    link = link.strip()
    if link.startswith(f"{LINK_PARAM}="):
        link = link[len(LINK_PARAM) + 1 :]
    if not link:
        raise _bad(_("it is empty"))
    if len(link) > MAX_LINK:
        raise _bad(_("it is longer than {n} characters").format(n=number(MAX_LINK)))
    if not _LINK_CHARS.fullmatch(link):
        raise _bad(_("it has characters a link made here never has"))
    try:
        raw = base64.urlsafe_b64decode(link + "=" * (-len(link) % 4))
    except (binascii.Error, ValueError):
        raise _bad(_("it is not complete")) from None
    if not raw:
        raise _bad(_("it is empty"))
    if FORMAT < raw[0] <= NEWEST_PLAUSIBLE:  # a later format number; a random first byte is just not a link of ours
        raise InputError.one(
            _WHERE,
            1,
            _(
                "this link was made by a newer version of Injector Check - open it where it was made, or ask for an "
                "answers file"
            ),
        )
    if raw[0] not in FORMATS:
        raise _bad(_("it is not an Injector Check link"))
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(raw[1:], MAX_PAYLOAD)
    except zlib.error:
        raise _bad(_("it is damaged")) from None
    if inflater.unconsumed_tail:
        raise _bad(_("it holds more than a link made here can"))
    if not inflater.eof:
        raise _bad(_("it is cut short"))
    if inflater.unused_data:
        raise _bad(_("it has extra data at the end"))
    return bytes([raw[0]]) + payload


def decode(link: str, checklist: Checklist, layouts: Mapping[bytes, Layout] | None = None) -> Restored:
    """Read a link back into a state. Raises ``InputError`` if it cannot be read at all."""
    unpacked = _unpack(link)
    version, reader = unpacked[0], _Reader(unpacked[1:])
    current = layout_of(checklist)
    fingerprint = reader.take(6)
    if fingerprint == current.fingerprint:
        layout: Layout | None = current
    else:
        layout = (known_layouts() if layouts is None else layouts).get(fingerprint)
    goal_i, place_i = reader.byte(), reader.byte()
    if goal_i >= len(GOALS) or place_i >= len(JURISDICTIONS):
        raise _bad(_("its goal or place is unknown"))
    n_categories = reader.varint()
    priority_bytes = reader.take(n_categories)
    n_questions = reader.varint()
    n_clinics = reader.byte()
    if not (0 if version >= 2 else 1) <= n_clinics <= MAX_CLINICS:
        raise _bad(
            ngettext(
                "it names {n} clinic (up to {most} are possible)",
                "it names {n} clinics (up to {most} are possible)",
                n_clinics,
            ).format(n=n_clinics, most=MAX_CLINICS)
        )
    if layout is not None and (n_categories != len(layout.categories) or n_questions != len(layout.questions)):
        raise _bad(_("it does not match its checklist"))
    lost: list[str] = []
    if layout is None:
        lost.append(_(LOST_EVERY_ANSWER))
    current_q = {q.id: q for q in checklist.questions}

    def known(question_id: str, option_id: str) -> bool:
        question = current_q.get(question_id)
        return question is not None and question.option(option_id) is not None

    current_c = {c.id for c in checklist.categories}
    priorities: dict[str, int] = {}
    for i, value in enumerate(priority_bytes):
        if value == UNSET or layout is None:
            continue
        if value > 3:
            raise _bad(_("a priority in it is out of range"))
        category_id = layout.categories[i]
        if category_id in current_c:
            priorities[category_id] = value
        else:
            lost.append(_(LOST_PRIORITY).format(topic=category_id))
    clinics: list[dict[str, object]] = []
    for _clinic in range(n_clinics):
        name_bytes = reader.take(reader.varint())
        try:
            name = name_bytes.decode("utf-8")
        except UnicodeDecodeError:
            raise _bad(_("a clinic name in it is damaged")) from None
        row = reader.take(n_questions)

        def lose(question_id: str, option_id: str, clinic: str = name) -> None:
            lost.append(_(LOST_CLINIC_ANSWER).format(clinic=clinic, option=option_id, question=question_id))

        answers = {} if layout is None else _answer_row(row, layout.questions, known, lose)
        clinics.append({"name": name, "answers": answers})
    patient: dict[str, str] = {}
    values: dict[str, int] = {}
    sure: dict[str, str] = {}
    if version >= 2:
        patient = _patient_answers(reader, layout, checklist, lost)
        value_bytes = reader.take(reader.varint())
        if layout is not None and len(value_bytes) != len(layout.values):
            raise _bad(_("it does not match its checklist"))
        current_v = {v.id for v in checklist.values}
        for i, value in enumerate(value_bytes):
            if value == UNSET or layout is None:
                continue
            if value > 3:
                raise _bad(_("a value in it is out of range"))
            if layout.values[i] in current_v:
                values[layout.values[i]] = value
        bits = reader.byte()
        for i, key in enumerate(SURE_KEYS):
            code = (bits >> (2 * i)) & 3
            if code == 3:
                raise _bad(_("an answer in it is out of range"))
            if code:
                sure[key] = "yes" if code == 1 else "no"
    if reader.pos != len(reader.data):
        raise _bad(_("it has extra data at the end"))
    try:
        state = AnswersFile.model_validate(
            {
                "goal": GOALS[goal_i],
                "jurisdiction": JURISDICTIONS[place_i],
                "priorities": priorities,
                "patient": patient,
                "values": values,
                "sure": sure,
                "clinics": tuple(clinics),
            }
        )
    except ValidationError as exc:
        raise _bad(_("what it holds is not valid ({problem})").format(problem=first_message(exc))) from None
    problems = check_against(state, checklist)
    if problems:
        raise _bad(problems[0].message)
    return Restored(state, tuple(lost))
