"""A tiny valid checklist, as file texts, that the broken-input tests change one piece at a time."""

from __future__ import annotations

from pathlib import Path

CHECKLIST = """\
checklist:
  id: test-checklist
  title: Test checklist
  version: 1.0.0
  last_reviewed: 2026-01-01
  next_review: 2026-07-01
  authors: [Tester]
  review_process: Checked by the tester.
  funding: No funding.
  conflicts: No clinic pays to be listed or ranked.
  update_policy: Reviewed every year.
  disclaimer: This is not medical advice.
categories:
  - id: licence
    title: Licence
    description: Is the injector licensed?
    weight: 3
  - id: setting
    title: Setting
    description: Where it happens.
    weight: 2
"""

SOURCES = """\
sources:
  - id: cdc
    title: CDC advice
    publisher: CDC
    url: https://www.cdc.gov/
    checked: 2026-01-01
safety_notes:
  - id: emergency
    title: Emergency signs
    text: Get help at once.
    severity: emergency
    applies: {kind: always}
    sources: [cdc]
  - id: home-warning
    title: Home settings
    text: Homes are not clinics.
    severity: warning
    applies: {kind: answer, question: setting-type, options: [home]}
    sources: [cdc]
"""

QUESTIONS = """\
questions:
  - id: licensed
    category: licence
    text: Is the injector licensed?
    why: Only licensed people may inject.
    how_to_check: {default: Look them up on the register.}
    ask: Where can I check your licence?
    options:
      - {id: yes, label: Yes, points: 3}
      - {id: no, label: No, points: 0, flag: critical}
      - {id: not-sure, label: Not sure, points: 0}
    unsure: not-sure
    safety_critical: true
    when: booking
    sources: [cdc]
  - id: setting-type
    category: setting
    text: Where will it happen?
    why: A clinic is safer than a home.
    how_to_check: {default: Ask the address.}
    ask: Where do you treat people?
    options:
      - {id: clinic, label: A clinic, points: 3}
      - {id: home, label: A home, points: 0, flag: critical}
      - {id: not-sure, label: Not sure, points: 0}
    when: booking
    unsure: not-sure
    sources: [cdc]
  - id: doctor-on-site
    category: setting
    text: Is a doctor on site?
    why: Help is near.
    how_to_check: {default: Ask.}
    ask: Is a doctor here?
    options:
      - {id: yes, label: Yes, points: 2}
      - {id: no, label: No, points: 0, flag: caution}
      - {id: not-sure, label: Not sure, points: 0}
    when: consultation
    unsure: not-sure
    condition: {question: setting-type, options: [clinic]}
    sources: [cdc]
"""

FILES = {"checklist.yaml": CHECKLIST, "sources.yaml": SOURCES, "questions.yaml": QUESTIONS}


def write(folder: Path, **overrides: str) -> Path:
    """Write the minimal checklist into ``folder``; ``name_yaml="..."`` replaces or adds a file."""
    files = dict(FILES)
    files.update({name.replace("_yaml", ".yaml"): text for name, text in overrides.items()})
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
