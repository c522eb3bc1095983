"""Start the app (or any Streamlit script) on a free local port, and find a Chromium to drive it.

Used by the local deployment (deploy/local.py), the benchmarks and the browser tests. Every server
runs in its own process group and is stopped by its pid.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium() -> str | None:
    for candidate in (
        os.environ.get("CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes] | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310 - our own local server
                if response.read() == b"ok":
                    return
        except OSError:
            if time.monotonic() > deadline or (process is not None and process.poll() is not None):
                raise RuntimeError(f"the server at {url} did not start") from None
            time.sleep(0.2)


@dataclass
class Server:
    url: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path | None  # what the server printed, when asked for

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)


def streamlit_command(script: Path | str, port: int, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *extra,
    ]


@contextmanager
def serve(
    script: Path | str = "app.py",
    cwd: Path = ROOT,
    *extra: str,
    env: dict[str, str] | None = None,
    log: Path | None = None,
    port: int | None = None,
) -> Iterator[Server]:
    """Run ``streamlit run script`` on loopback until the block ends. ``log``: keep its output there."""
    port = port or free_port()
    out: IO[bytes] | int = subprocess.DEVNULL
    if log is not None:
        out = log.open("wb")
    process = subprocess.Popen(
        streamlit_command(script, port, *extra),
        cwd=cwd,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, **(env or {})},
    )
    server = Server(f"http://127.0.0.1:{port}", port, process, log)
    try:
        wait_healthy(server.url, process)
        yield server
    finally:
        server.stop()
        if not isinstance(out, int):
            out.close()
