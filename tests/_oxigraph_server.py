"""Real servers for the remote-store tests: an ``oxigraph serve`` process and a loopback proxy.

The proxy sits in front of the Oxigraph server and can misbehave on purpose
(demand credentials, answer 503 a few times, stall, answer garbage), so the
fault tests exercise real sockets and real HTTP rather than mocks.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import http.server
import secrets
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

OXIGRAPH = shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


@contextlib.contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """Run ``oxigraph serve`` on a free loopback port; yield its base URL; stop it after."""
    if OXIGRAPH is None:
        raise RuntimeError("the `oxigraph` command is missing: pip install oxigraph")
    port = free_port()
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


#: Decides what the proxy does with one request: return (status, headers,
#: body) to answer itself, or None to forward it to the upstream server.
Behaviour = Callable[[http.server.BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes] | None]


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _ProxyServer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append((self.command, self.path, dict(self.headers.items())))
        answer = self.server.behaviour(self)
        if answer is None:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
            try:
                upstream = httpx.request(
                    self.command, self.server.upstream + self.path, headers=headers, content=body, timeout=30
                )
            except httpx.HTTPError as exc:
                answer = (502, {"Content-Type": "text/plain"}, f"upstream failed: {exc}".encode())
            else:
                answer = (
                    upstream.status_code,
                    {k: v for k, v in upstream.headers.items() if k.lower() == "content-type"},
                    upstream.content,
                )
        status, headers, payload = answer
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle


class _ProxyServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream: str, behaviour: Behaviour) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream = upstream
        self.behaviour = behaviour
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet when a client hangs up first (the timeout tests do it on purpose)."""


@contextlib.contextmanager
def proxy(upstream: str, behaviour: Behaviour) -> Iterator[_ProxyServer]:
    """A loopback HTTP proxy in a thread; ``server.url`` is its base URL, ``server.seen`` its requests."""
    server = _ProxyServer(upstream, behaviour)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def digest_guard(user: str, password: str, realm: str = "news") -> Behaviour:
    """A proxy behaviour that lets through only requests with valid HTTP digest credentials (RFC 7616).

    It checks the ``response`` hash the way a server does (MD5, ``qop=auth``),
    so a client that computes it wrongly, or sends basic credentials, gets 401.
    """
    nonce = secrets.token_hex(16)
    challenge = f'Digest realm="{realm}", nonce="{nonce}", qop="auth", algorithm=MD5'

    def md5(text: str) -> str:
        return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()

    def guard(handler: http.server.BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes] | None:
        header = handler.headers.get("Authorization", "")
        if header.startswith("Digest "):
            fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(header[len("Digest ") :]))
            ha1 = md5(f"{user}:{realm}:{password}")
            ha2 = md5(f"{handler.command}:{fields.get('uri', '')}")
            expected = md5(f"{ha1}:{nonce}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
            if (
                fields.get("username") == user
                and fields.get("nonce") == nonce
                and fields.get("uri") == handler.path
                and hmac.compare_digest(fields.get("response", ""), expected)
            ):
                return None
        headers = {"WWW-Authenticate": challenge, "Content-Type": "text/plain"}
        return 401, headers, b"digest credentials needed"

    return guard
