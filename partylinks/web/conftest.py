"""Doctests of the web app run only when the ``web`` extra is installed."""

from partylinks.web import require_web

try:
    require_web()
    import httpx  # noqa: F401  (the test client of the doctests)
except ImportError:
    collect_ignore_glob = ["*.py"]
