"""A real `zan serve` in a child process, for the tests and the benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(server: subprocess.Popen, base: str, timeout: float) -> None:
    """Return once the server answers; fail if it exits or stays silent for `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"zan serve exited with status {server.returncode}")
        try:
            urllib.request.urlopen(base + "/-/versions.json").read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"zan serve did not answer within {timeout:.0f} s")


@contextmanager
def running_server(
    db: Path, corpus: Path, timeout: float = 120.0, log: Path | None = None, options: Sequence[str] = ()
) -> Iterator[str]:
    """`zan serve --db DB --corpus CORPUS [OPTIONS]` on a free port (building the database
    first if needed); yields its base URL and stops it on exit."""
    port = free_port()
    command = [sys.executable, "-m", "zan", "serve", "--db", str(db), "--corpus", str(corpus), "--port", str(port), *options]
    with open(log or os.devnull, "wb") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(server, base, timeout)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


def site_in_process(db_path: Path | str):
    """The site `zan serve` serves over `db_path` (immutable, with Zan's settings and
    canned queries), as a Datasette in this process: its pages asked through ``.client``,
    no port. For the tests that read pages; `running_server` for those that need HTTP."""
    from datasette.app import Datasette

    from db.publish import datasette_options

    return Datasette(immutables=[str(db_path)], **datasette_options("laws"))
