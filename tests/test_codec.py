"""The share link: compact, exact round trips, honest about checklist changes, and refuses anything else plainly."""

from __future__ import annotations

import base64
import contextlib
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import Checklist, InputError, load_checklist
from scoring.answers import AnswersFile, check_against
from scoring.codec import FORMAT, decode, encode, known_layouts, layout_of
from tests import minimal_checklist as base

NAMES = [
    "Clínica Norte",
    "Κλινική Αθήνα",
    "Клиника Москва",
    "서울 피부과",
    "عيادة النور",
    "Derm & Co",
    "Glow Med Spa",
    "Dr Chen",
]


def full_state(checklist: Checklist, clinics: int, goal: str = "jawline", place: str = "us") -> AnswersFile:
    """Every applicable question answered, varied per clinic."""
    questions = checklist.applicable_questions(goal, place)  # type: ignore[arg-type]
    return AnswersFile.model_validate(
        {
            "goal": goal,
            "jurisdiction": place,
            "priorities": {"product": 3, "training": 0},
            "clinics": tuple(
                {
                    "name": NAMES[i],
                    "answers": {q.id: q.options[(i + j) % len(q.options)].id for j, q in enumerate(questions)},
                }
                for i in range(clinics)
            ),
        }
    )


def test_round_trip_is_exact(checklist: Checklist) -> None:
    state = full_state(checklist, 3)
    restored = decode(encode(state, checklist), checklist)
    assert restored.state == state and restored.lost == ()


def test_links_are_compact(checklist: Checklist) -> None:
    assert len(encode(full_state(checklist, 3), checklist)) < 600
    assert len(encode(full_state(checklist, 8), checklist)) < 2000


def test_links_made_with_zlib_defaults_still_open(checklist: Checklist) -> None:
    """Links are compressed with a 4 KB window; links made earlier with zlib's defaults open the same."""
    state = full_state(checklist, 8)
    link = encode(state, checklist)
    raw = base64.urlsafe_b64decode(link + "=" * (-len(link) % 4))
    before = (
        base64.urlsafe_b64encode(bytes([raw[0]]) + zlib.compress(zlib.decompress(raw[1:]), 9)).rstrip(b"=").decode()
    )
    assert before != link
    assert decode(before, checklist).state == state


def test_the_shipped_layout_is_registered(checklist: Checklist) -> None:
    current = layout_of(checklist)
    assert current.fingerprint in known_layouts(), (
        "the checklist's questions or options changed: run `python -m scoring layout >> scoring/layouts.jsonl` "
        "so links made before the change still open"
    )


def _checklist_at(folder: Path, **overrides: str) -> Checklist:
    folder.mkdir()
    return load_checklist([base.write(folder, **overrides)])


def test_old_link_restores_by_id_and_names_what_it_cannot(tmp_path: Path) -> None:
    old = _checklist_at(tmp_path / "old")
    state = AnswersFile.model_validate(
        {
            "goal": "jawline",
            "jurisdiction": "uk",
            "priorities": {"setting": 1},
            "clinics": (
                {"name": "Derm", "answers": {"licensed": "yes", "setting-type": "clinic", "doctor-on-site": "no"}},
            ),
        }
    )
    link = encode(state, old)
    # The new checklist adds a question first (every position shifts) and drops the 'no' answer of doctor-on-site.
    new_questions = base.QUESTIONS.replace(
        "questions:\n",
        """questions:
  - id: extra
    category: licence
    text: New question?
    why: New.
    how_to_check: {default: Ask.}
    ask: New?
    options:
      - {id: yes, label: Yes, points: 1}
      - {id: not-sure, label: Not sure, points: 0}
    unsure: not-sure
    when: booking
    sources: [cdc]
""",
        1,
    ).replace("      - {id: no, label: No, points: 0, flag: caution}\n", "")
    new = _checklist_at(tmp_path / "new", questions_yaml=new_questions)
    assert layout_of(new).fingerprint != layout_of(old).fingerprint
    restored = decode(link, new, {layout_of(old).fingerprint: layout_of(old)})
    assert dict(restored.state.clinics[0].answers) == {"licensed": "yes", "setting-type": "clinic"}
    assert restored.state.priorities == {"setting": 1}
    assert len(restored.lost) == 1 and "“no” to “doctor-on-site”" in restored.lost[0]
    # Without the old layout, nothing is guessed: names stay, answers are reported lost.
    unknown = decode(link, new, {})
    assert unknown.state.clinics[0].name == "Derm" and not unknown.state.clinics[0].answers
    assert "no answer could be restored" in unknown.lost[0]


def _pack(payload: bytes, fmt: int = FORMAT) -> str:
    return base64.urlsafe_b64encode(bytes([fmt]) + zlib.compress(payload)).rstrip(b"=").decode()


HOSTILE = {
    "empty": ("", "it is empty"),
    "not base64": ("s=hello world!", "characters a link made here never has"),
    "truncated": (None, "cut short"),
    "from the future": ("Aw", "made by a newer version of Injector Check"),
    "not ours": ("AA", "not an Injector Check link"),
    "zip bomb": (_pack(b"\0" * 2_000_000), "holds more than a link made here can"),
    "too long": ("A" * 7000, "longer than 6,000 characters"),
    "garbage inside": (_pack(b"\x00" * 6 + b"\x09\x09"), "goal or place is unknown"),
    "nine clinics": (_pack(b"\x00" * 6 + b"\x00\x00\x00\x00\x09"), "it names 9 clinics"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_bad_links_are_refused_plainly(checklist: Checklist, case: str) -> None:
    link, message = HOSTILE[case]
    if link is None:
        link = encode(full_state(checklist, 2), checklist)[:-12]
    with pytest.raises(InputError) as caught:
        decode(link, checklist)
    assert message in str(caught.value)
    assert str(caught.value).startswith("link:1: this link")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_random_strings_raise_only_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        decode(text, _shipped())


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_links_raise_only_input_error_or_decode_valid_state(data: st.DataObject) -> None:
    checklist = _shipped()
    link = encode(full_state(checklist, data.draw(st.integers(1, 8))), checklist)
    raw = bytearray(base64.urlsafe_b64decode(link + "=" * (-len(link) % 4)))
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] ^= 1 << data.draw(st.integers(0, 7))
    mutated = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    try:
        restored = decode(mutated, checklist)
    except InputError as exc:
        assert str(exc).startswith("link:1: this link")  # refused, saying so
        return
    assert check_against(restored.state, checklist) == []  # whatever survives is a state this checklist takes, whole
    assert decode(encode(restored.state, checklist), checklist).state == restored.state


_CACHE: dict[str, Checklist] = {}


def _shipped() -> Checklist:
    if "c" not in _CACHE:
        _CACHE["c"] = load_checklist()
    return _CACHE["c"]
