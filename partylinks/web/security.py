"""Protections of the web app: a bounded request body, CSRF tokens and an Origin check."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

__all__ = ["BodyLimit", "TooLarge", "same_origin", "token_ok"]


class TooLarge(Exception):
    """The request body is larger than the limit."""


class BodyLimit:
    """ASGI middleware: refuse request bodies larger than ``max_bytes``.

    A declared ``Content-Length`` above the limit is refused before anything is read; a body
    sent without one is counted as it arrives and cut off at the limit.
    """

    def __init__(self, app, max_bytes: int, on_too_large):
        self.app, self.max_bytes, self.on_too_large = app, max_bytes, on_too_large

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.max_bytes + 1
                if declared > self.max_bytes:
                    return await self.on_too_large(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except TooLarge:
            await self.on_too_large(scope, receive, send)


def same_origin(headers, host: str | None) -> bool:
    """True when the request's ``Origin`` (or, lacking it, ``Referer``) names this host.

    A request with neither header (a command-line client) is accepted: browsers send
    ``Origin`` with every cross-site form post.

    Examples
    --------
    >>> same_origin({"origin": "http://127.0.0.1:8000"}, "127.0.0.1:8000")
    True
    >>> same_origin({"origin": "http://evil.example"}, "127.0.0.1:8000")
    False
    >>> same_origin({"origin": "null"}, "127.0.0.1:8000")
    False
    """
    origin = headers.get("origin") or headers.get("referer")
    if origin is None:
        return True
    if origin == "null":
        return False
    return urlsplit(origin).netloc == (host or "")


def token_ok(expected: str, given: str | None) -> bool:
    """Compare a CSRF token in constant time.

    Examples
    --------
    >>> token_ok("abc", "abc"), token_ok("abc", "abd"), token_ok("abc", None)
    (True, False, False)
    """
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())
