"""A local web app for organization departments: ``partylinks serve``.

Upload the ledger (台账) or the node and edge tables, fix what is wrong, read the audit with
its interactive network view, and download the reports, all in the browser, on this
computer. Starlette with Jinja2 templates, server-rendered; the library does the work.

Needs the ``web`` extra: ``pip install "partylinks[web]"``.
"""

from __future__ import annotations

__all__ = ["create_app", "serve", "require_web"]


def require_web() -> None:
    """Raise ``ImportError`` naming the extra when the web dependencies are missing.

    Examples
    --------
    >>> try:
    ...     require_web()
    ... except ImportError as exc:
    ...     assert "partylinks[web]" in str(exc)
    """
    import importlib

    wanted = {"starlette": "starlette", "jinja2": "jinja2", "python_multipart": "python-multipart",
              "uvicorn": "uvicorn"}
    missing = []
    for module, package in wanted.items():
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(package)
    if missing:
        raise ImportError(
            f"partylinks serve needs {', '.join(missing)}: pip install \"partylinks[web]\"")


def create_app(**kwargs):
    """The ASGI application; see :func:`partylinks.web.app.create_app`."""
    require_web()
    from .app import create_app as _create

    return _create(**kwargs)


def serve(host: str = "127.0.0.1", port: int = 8000, open_browser: bool = True,
          lang: str | None = None, max_upload_mb: int = 50) -> None:
    """Run the web app until interrupted; the temporary folder is removed on exit.

    Parameters
    ----------
    host : str
        Address to bind; the default ``127.0.0.1`` is reachable from this computer only.
    port : int
        Port; ``0`` picks a free one.
    open_browser : bool
        Open the start page in the default browser once the server listens.
    lang : {"zh", "en"}, optional
        Default language of the pages.
    max_upload_mb : int
        Largest upload accepted.
    """
    require_web()
    import socket
    import threading
    import webbrowser

    import uvicorn

    from ..messages import msg, resolve_lang

    local = {"127.0.0.1", "localhost", "::1"}
    hosts = ["127.0.0.1", "localhost", "[::1]"] if host in local else None
    app = create_app(lang=lang, max_upload_mb=max_upload_mb, allowed_hosts=hosts)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    real_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{real_port}/"
    print(msg("web_serve_listening", resolve_lang(lang), url=url), flush=True)
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
