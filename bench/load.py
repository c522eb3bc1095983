"""Many simulated patients against a real local server, over Streamlit's own websocket protocol.

    .venv/bin/python bench/load.py                          # levels 1, 10, 25 and 50 sessions, 30 s each
    .venv/bin/python bench/load.py --levels 1,5 --duration 10

No browser: each simulated patient is a websocket client that speaks the protocol the Streamlit
frontend speaks (``BackMsg`` rerun requests carrying widget values, ``ForwardMsg`` deltas back).
Loopback only; the servers are started and stopped here; every level is bounded in sessions and in
time, and the whole run stops by itself.

Each patient opens a share link (three clinics, from examples/jawline.yaml), goes to the Questions
step, answers a question every few seconds (alternating two answers, so each one changes the
progress shown), and at the end opens Compare. Latency is from sending an interaction to the
server's ``script_finished`` for it (a fragment run, for an answer). Errors: a run that shows an
exception, a run that never finishes within the timeout, a refused or dropped connection.

The same run drives a minimal Streamlit app (one radio and a line of text) the same way, so the
app is judged against what Streamlit itself costs on this machine. Targets: at 50
sessions no errors, p95 under 1 s, and the app's p95 within 2x of the minimal app's.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from harness.serving import serve
from ui.main import label as step_label

P95_LIMIT_MS, RATIO_LIMIT, TIMEOUT_S = 1000.0, 2.0, 30.0
QUESTION = (
    "Where will the injections be given?"  # a question of "Before you book" (the "Sterile, licensed setting" topic)
)
MINIMAL_APP = f"""
import streamlit as st
choice = st.radio({QUESTION!r}, ["A clinic", "A spa", "A home", "Not sure"], index=None)
st.write(f"Answered: {{'yes' if choice else 'no'}} ({{choice}})")
"""


def share_link() -> str:
    from scoring import load_checklist
    from scoring.answers import parse_answers
    from scoring.codec import encode

    checklist = load_checklist()
    example = ROOT / "examples" / "jawline.yaml"
    return encode(parse_answers(example.read_bytes(), example.name, checklist), checklist)


@dataclass
class Widget:
    id: str
    kind: str
    label: str
    options: list[str]
    fragment_id: str


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)  # ms, one per interaction
    errors: list[str] = field(default_factory=list)
    texts_seen: set[str] = field(default_factory=set)  # markdown and captions, to check answers changed the page


class Session:
    """One browser tab, as the server sees it."""

    def __init__(self, ws: websockets.ClientConnection, query: str, tally: Tally) -> None:
        self.ws, self.query, self.tally = ws, query, tally
        self.widgets: dict[str, Widget] = {}  # by label, from the last run
        self.values: dict[str, WidgetState] = {}  # what this tab has set, by widget id: sent with every rerun

    async def rerun(self, fragment_id: str = "") -> float:
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.widget_states.widgets.extend(self.values.values())
        if fragment_id:
            msg.rerun_script.fragment_id = fragment_id
        msg.rerun_script.context_info.url = "http://127.0.0.1/"
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        await self._until_finished()
        return (time.perf_counter() - started) * 1000

    async def _until_finished(self) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout=max(0.1, deadline - time.monotonic()))
            msg = ForwardMsg()
            msg.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
            kind = msg.WhichOneof("type")
            if kind == "delta":
                self._read_delta(msg)
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string  # the app keeps the link in the address bar
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    self.tally.errors.append("the script did not compile")
                if msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    return

    def _read_delta(self, msg: ForwardMsg) -> None:
        delta = msg.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.tally.errors.append(f"exception shown: {element.exception.type}: {element.exception.message[:120]}")
        elif kind == "radio":
            radio = element.radio
            label = radio.label.replace("*", "").replace("🛡️ ", "").strip()
            self.widgets[label] = Widget(radio.id, "radio", label, list(radio.options), delta.fragment_id)
        elif kind == "selectbox":
            box = element.selectbox
            self.widgets[box.label] = Widget(box.id, "selectbox", box.label, list(box.options), delta.fragment_id)
        elif kind == "markdown":
            self.tally.texts_seen.add(element.markdown.body)

    def choose(self, label: str, option: str) -> Widget:
        widget = self.widgets.get(label)
        if widget is None or option not in widget.options:
            raise LookupError(f"no radio {label!r} with option {option!r} on the page")
        state = WidgetState(id=widget.id)
        state.string_value = option
        self.values[widget.id] = state
        return widget


async def patient(ws_url: str, query: str, app: bool, think: float, until: float, tally: Tally) -> None:
    rng = random.Random()  # noqa: S311 - think-time jitter, not security
    try:
        async with websockets.connect(
            ws_url,
            subprotocols=[websockets.Subprotocol("streamlit")],
            max_size=None,
            open_timeout=TIMEOUT_S,
            ping_interval=None,
        ) as ws:
            tab = Session(ws, query, tally)
            await tab.rerun()  # open the link
            if app:
                tab.choose("Step", step_label("Questions"))
                await tab.rerun()
            first = next(o for o in tab.widgets[QUESTION].options if "Not sure" not in o)
            answers = [first, "Not sure"]
            turn = 0
            while time.monotonic() + think < until:
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))
                widget = tab.choose(QUESTION, answers[turn % 2])
                tally.latencies.append(await tab.rerun(widget.fragment_id))
                turn += 1
            if app:
                tab.choose("Step", step_label("Compare"))
                tally.latencies.append(await tab.rerun())
    except (OSError, TimeoutError, LookupError, websockets.WebSocketException) as exc:
        tally.errors.append(f"{type(exc).__name__}: {exc}")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Level:
    """What one level of load measured, for one server."""

    sessions: int
    latencies: list[float]  # ms, sorted
    errors: list[str]
    rss: float  # peak server memory, MB
    texts_seen: set[str]  # markdown and captions the patients saw: answers change the progress shown

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")

    @property
    def p95(self) -> float:
        lat = self.latencies
        return lat[min(len(lat) - 1, int(0.95 * len(lat)))] if lat else float("nan")


async def level(ws_url: str, query: str, app: bool, sessions: int, duration: float, think: float, pid: int) -> Level:
    tally = Tally()
    until = time.monotonic() + duration
    peak = 0.0

    async def watch() -> None:
        nonlocal peak
        while time.monotonic() < until + TIMEOUT_S:
            peak = max(peak, rss_mb(pid))
            await asyncio.sleep(0.5)

    watcher = asyncio.create_task(watch())
    started = []
    for _ in range(sessions):  # arrivals spread over the first think time, as people do
        started.append(asyncio.create_task(patient(ws_url, query, app, think, until, tally)))
        await asyncio.sleep(think / max(sessions, 1))
    await asyncio.gather(*started)
    watcher.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await watcher
    return Level(sessions, sorted(tally.latencies), tally.errors, peak, tally.texts_seen)


@contextlib.contextmanager
def servers() -> Iterator[tuple[tuple[str, int], tuple[str, int]]]:
    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        with serve("app.py") as ours, serve(minimal, Path(folder)) as theirs:
            yield ((ours.url, ours.process.pid), (theirs.url, theirs.process.pid))


def ws(url: str) -> str:
    return url.replace("http://", "ws://") + "/_stcore/stream"


def run(levels: list[int], duration: float, think: float) -> list[tuple[Level, Level]]:
    query = f"s={share_link()}"
    results = []
    with servers() as ((app_url, app_pid), (min_url, min_pid)):
        asyncio.run(level(ws(app_url), query, True, 1, 2 * think, think, app_pid))  # warm up both servers
        asyncio.run(level(ws(min_url), "", False, 1, 2 * think, think, min_pid))
        for sessions in levels:
            ours = asyncio.run(level(ws(app_url), query, True, sessions, duration, think, app_pid))
            theirs = asyncio.run(level(ws(min_url), "", False, sessions, duration, think, min_pid))
            results.append((ours, theirs))
            report(ours, theirs)
    return results


def report(ours: Level, theirs: Level) -> None:
    ratio = ours.p95 / theirs.p95 if theirs.p95 else float("nan")
    print(
        f"{ours.sessions:3d} sessions | app: {len(ours.latencies):4d} interactions, {len(ours.errors)} errors, "
        f"p50 {ours.p50:6.0f} ms, p95 {ours.p95:6.0f} ms, server {ours.rss:5.0f} MB | minimal: "
        f"{len(theirs.latencies):4d}, {len(theirs.errors)} errors, p50 {theirs.p50:6.0f} ms, "
        f"p95 {theirs.p95:6.0f} ms, {theirs.rss:5.0f} MB | p95 ratio {ratio:.2f}x",
        flush=True,
    )
    for side in (ours, theirs):
        if side.errors:
            print(f"    first error: {side.errors[0]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default="1,10,25,50", help="concurrent sessions per level (default 1,10,25,50)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per level and app (default 30)")
    parser.add_argument(
        "--think", type=float, default=3.0, help="seconds between one patient's answers, on average (default 3)"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers started here on a plain kill too
    levels = [int(n) for n in args.levels.split(",") if n.strip()]
    if any(n < 1 or n > 200 for n in levels) or not 1 <= args.duration <= 600:
        parser.error("levels must be 1-200 sessions and the duration 1-600 s")
    print(
        f"load: {args.duration:g} s per level, an answer every {args.think:g} s per patient (on average), loopback only"
    )
    results = run(levels, args.duration, args.think)
    ours, theirs = results[-1]
    held = not ours.errors and ours.p95 < P95_LIMIT_MS and ours.p95 <= RATIO_LIMIT * theirs.p95
    print(
        f"at {ours.sessions} sessions: errors {len(ours.errors)}, p95 {ours.p95:.0f} ms (target < {P95_LIMIT_MS:.0f}), "
        f"{ours.p95 / theirs.p95:.2f}x the minimal app (target <= {RATIO_LIMIT:g}x): {'met' if held else 'NOT MET'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
