"""Several app processes behind nginx on this machine: try the deployment, or test it.

    .venv/bin/python deploy/local.py                  # 2 processes behind nginx at http://127.0.0.1:8080
    .venv/bin/python deploy/local.py --processes 4 --port 9000

Runs deploy/nginx.conf as shipped, with only the ports and nginx's working paths swapped in, and
deploy/config.toml as each process's Streamlit settings. Needs nginx (Debian: apt-get install nginx).
Stops everything on Ctrl-C. tests/test_failover.py uses ``cluster()`` from here.
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
sys.path.insert(0, str(ROOT))

from harness.serving import Server, free_port, serve, wait_healthy  # noqa: E402 - after the path is set


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )


def nginx_config(listen: int, backends: list[int], workdir: Path) -> str:
    """deploy/nginx.conf with this machine's ports and a private working folder; everything else as shipped."""
    text = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    servers = "".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;\n" for port in backends)
    text, count = re.subn(r"(?m)^ *server 127\.0\.0\.1:\d+ [^\n]*\n", "", text)
    if count == 0:
        raise ValueError("deploy/nginx.conf has no 'server 127.0.0.1:PORT' lines in its upstream block")
    text = text.replace("hash $ic_route consistent;\n", "hash $ic_route consistent;\n" + servers, 1)
    text = text.replace("listen 8080;", f"listen 127.0.0.1:{listen};", 1)
    temp = "".join(
        f"    {kind}_temp_path {workdir / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return text.replace("http {\n", "http {\n" + temp, 1)


GIVEN_PER_PROCESS = {
    "server.port",
    "server.address",
    "server.headless",
    "server.fileWatcherType",
    "browser.gatherUsageStats",
}  # harness.serving.streamlit_command sets these


def settings_flags(path: Path) -> list[str]:
    """deploy/config.toml as ``streamlit run`` flags (what the container gets as .streamlit/config.toml)."""
    flags = []
    for section, options in tomllib.loads(path.read_text(encoding="utf-8")).items():
        for name, value in options.items():
            key = f"{section}.{name}"
            if key not in GIVEN_PER_PROCESS:
                flags += [f"--{key}", str(value).lower() if isinstance(value, bool) else str(value)]
    return flags


@dataclass
class Cluster:
    url: str  # nginx, the one way in
    servers: list[Server]  # the app processes, in upstream order
    nginx: subprocess.Popen[bytes]


@contextmanager
def cluster(processes: int = 2, port: int | None = None) -> Iterator[Cluster]:
    """``processes`` app processes on free loopback ports and nginx in front, until the block ends."""
    nginx = find_nginx()
    if nginx is None:
        raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx)")
    listen = port or free_port()
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="injector-check-nginx-") as folder:
        workdir = Path(folder)
        workdir.chmod(0o755)
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (workdir / kind).mkdir(mode=0o777)  # nginx's workers may run as another user
            (workdir / kind).chmod(0o777)
        flags = settings_flags(DEPLOY / "config.toml")
        servers = [stack.enter_context(serve("app.py", ROOT, *flags)) for _ in range(processes)]
        conf = workdir / "nginx.conf"
        conf.write_text(nginx_config(listen, [s.port for s in servers], workdir), encoding="utf-8")
        command = [
            nginx,
            "-e",
            "stderr",
            "-p",
            str(workdir),
            "-c",
            str(conf),
            "-g",
            f"daemon off; pid {workdir / 'nginx.pid'};",
        ]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)  # noqa: S603 - fixed command
        if check.returncode:
            raise RuntimeError(f"nginx refused the configuration:\n{check.stderr}")
        proxy = subprocess.Popen(command, start_new_session=True)  # noqa: S603 - fixed command
        try:
            url = f"http://127.0.0.1:{listen}"
            wait_healthy(url, proxy, timeout=30)
            yield Cluster(url, servers, proxy)
        finally:
            proxy.send_signal(signal.SIGQUIT)
            try:
                proxy.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proxy.kill()
                proxy.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, default=2, help="app processes (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1 (default 8080)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers started here on a plain kill too
    with cluster(args.processes, args.port) as running:
        ports = ", ".join(str(s.port) for s in running.servers)
        print(f"Injector Check at {running.url} (nginx), app processes on ports {ports}. Ctrl-C stops all.", flush=True)
        try:
            while running.nginx.poll() is None and all(s.process.poll() is None for s in running.servers):
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
