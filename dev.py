"""Set up and run Injector Check with nothing but Python 3.11+.

    python3 dev.py app     # make .venv, install requirements.txt, start the app
    python3 dev.py test    # make .venv, install requirements-dev.txt, run lint, types and tests
    python3 dev.py bench   # run the benchmarks in bench/
    python3 dev.py messages  # extract the marked texts, update locale/es/LC_MESSAGES/messages.po

Installs only when a requirements file changed (a stamp in .venv remembers what was installed).
Extra arguments after ``test`` go to pytest; after ``app``, to ``streamlit run``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT)
    if code:
        sys.exit(code)


def ensure_venv(requirements: str) -> None:
    if not PYTHON.exists():
        print(f"Creating {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256()
    for name in ("requirements.txt", requirements):
        digest.update((ROOT / name).read_bytes())
    stamp = VENV / f".installed-{Path(requirements).stem}"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", ROOT / requirements)
    stamp.write_text(digest.hexdigest())


def main(argv: list[str]) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this file must still run, and explain, on an older Python
        sys.exit(f"Injector Check needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command == "app":
        ensure_venv("requirements.txt")
        run(PYTHON, "-m", "streamlit", "run", "app.py", *rest)
    elif command == "test":
        ensure_venv("requirements-dev.txt")
        run(PYTHON, "-m", "ruff", "check", ".")
        run(PYTHON, "-m", "ruff", "format", "--check", ".")  # `python3 -m ruff format .` (or pre-commit) fixes it
        run(PYTHON, "-m", "mypy")
        run(PYTHON, "-m", "scoring", "validate")
        run(PYTHON, "-m", "pytest", *rest)
    elif command == "messages":
        ensure_venv("requirements-dev.txt")
        babel = (PYTHON, "-m", "babel.messages.frontend")
        pot, po = ROOT / "locale" / "messages.pot", ROOT / "locale" / "es" / "LC_MESSAGES" / "messages.po"
        pot.parent.mkdir(exist_ok=True)
        extract = ("extract", "-F", "babel.cfg", "-k", "N_", "-k", "ngettext:1,2", "--no-location", "--sort-output")
        run(*babel, *extract, "--omit-header", "-o", pot, ".")
        if po.exists():
            run(
                *babel,
                "update",
                "-i",
                pot,
                "-d",
                ROOT / "locale",
                "-l",
                "es",
                "--no-fuzzy-matching",
                "--ignore-obsolete",
            )
        else:
            run(*babel, "init", "-i", pot, "-d", ROOT / "locale", "-l", "es")
    elif command == "bench":
        ensure_venv("requirements-dev.txt")
        for script in sorted((ROOT / "bench").glob("bench_*.py")):
            run(PYTHON, script, *rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
