"""Helpers shared by the web app tests."""

from __future__ import annotations

import importlib
import re

WEB_DEPS = ("starlette", "jinja2", "python_multipart", "uvicorn", "httpx")


def _missing(names) -> list[str]:
    out = []
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            out.append(name)
    return out


MISSING = _missing(WEB_DEPS)
SKIP_REASON = (f"the web extra is not installed (missing {', '.join(MISSING)}): "
               'pip install "partylinks[web]"')


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)
