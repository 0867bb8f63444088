"""A real Virtuoso 7 server for the remote-store tests (Debian's ``virtuoso-opensource``).

Each server gets a fresh database in a temporary directory, its own
``virtuoso.ini`` and two free loopback ports (SQL and HTTP), so tests never
touch ``/var/lib/virtuoso-opensource-7`` or a server someone else runs. A new
database has the ``dba`` user with password ``dba``; ``isql`` runs SQL on it
(to create users and grant the ``SPARQL_UPDATE`` role). docs/store.md tells
the same setup for a real deployment.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import httpx
from _oxigraph_server import free_port

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")

#: Starting a new database takes 5-10 s alone; much longer on a loaded machine.
START_TIMEOUT = 180.0

_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
"""


@attrs.frozen
class Virtuoso:
    """A running server: its HTTP base URL, its SQL port and its directory."""

    url: str
    sql_port: int
    directory: Path

    def sql(self, statements: str) -> str:
        """Run SQL as ``dba`` with ``isql``; its output (it exits non-zero on an error)."""
        if ISQL is None:
            raise RuntimeError("`isql-vt` is missing: apt-get install virtuoso-opensource")
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed ({done.returncode}): {done.stdout}{done.stderr}")
        return done.stdout

    def log(self) -> str:
        """The server's error log, for failure messages."""
        with contextlib.suppress(OSError):
            return (self.directory / "virtuoso.log").read_text(errors="replace")[-3000:]
        return "(no log)"


def _wait_until_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until the SPARQL endpoint answers a query (the HTTP port opens before it does)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            text = log.read_text(errors="replace") if log.exists() else "(no log)"
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}: {text[-3000:]}")
        with contextlib.suppress(httpx.HTTPError):
            answer = httpx.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=5)
            if answer.status_code == 200:
                return
        time.sleep(0.25)
    raise RuntimeError(f"Virtuoso did not answer within {START_TIMEOUT:g} s")


@contextlib.contextmanager
def virtuoso_server(directory: Path) -> Iterator[Virtuoso]:
    """Run ``virtuoso-t`` in the foreground on free loopback ports over a new database; stop it after."""
    if VIRTUOSO is None:
        raise RuntimeError("`virtuoso-t` is missing: apt-get install virtuoso-opensource")
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "vsp").mkdir(exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(_INI.format(dir=directory, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    process = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Virtuoso(url=f"http://127.0.0.1:{http_port}", sql_port=sql_port, directory=directory)
    try:
        _wait_until_ready(server.url, process, directory / "virtuoso.log")
        yield server
    finally:
        process.terminate()  # Virtuoso checkpoints and exits on SIGTERM
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
