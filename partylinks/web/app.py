"""The Starlette application: sessions, language, security and error pages.

The page handlers are in :mod:`.pages_data`, :mod:`.pages_audit` and :mod:`.pages_compare`;
this module wires them up with the protections every page shares.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import traceback
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

import partylinks as pl
from partylinks.messages import MESSAGES, msg, resolve_lang

from .security import BodyLimit, TooLarge, same_origin, token_ok
from .session import SessionStore

__all__ = ["create_app", "UserError"]

HERE = Path(__file__).parent
COOKIE = "partylinks_session"
LANG_COOKIE = "partylinks_lang"
log = logging.getLogger("partylinks.web")


class UserError(Exception):
    """Something the user can fix: shown as a message on the page, never as a traceback.

    ``code`` is a message key, ``fields`` fill it in, ``status`` is the HTTP status.
    """

    def __init__(self, code: str, status: int = 400, **fields):
        super().__init__(code)
        self.code, self.status, self.fields = code, status, fields


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    return env


def page(method):
    """Wrap a handler ``async f(request, session, lang)``: find or start the session,
    check CSRF on POST, set the cookies, and turn every error into a message page."""

    @functools.wraps(method)
    async def handler(request: Request) -> Response:
        app = request.app
        store: SessionStore = app.state.store
        lang = _lang(request)
        session = store.get(request.cookies.get(COOKIE))
        new = session is None
        if new:
            session = store.new()
        request.state.session, request.state.lang = session, lang
        try:
            if request.method == "POST":
                form = await request.form(max_files=20, max_fields=2000)
                request.state.form = form
                if not (same_origin(request.headers, request.headers.get("host"))
                        and token_ok(session.csrf, form.get("csrf_token"))):
                    raise UserError("web_error_csrf", status=403)
            response = await method(request, session, lang)
        except UserError as exc:
            response = error_page(request, msg(exc.code, lang, **exc.fields), exc.status)
        except TooLarge:
            response = error_page(request, msg("web_error_too_large", lang,
                                               mb=app.state.max_upload_mb), 413)
        except HTTPException as exc:  # a malformed request (an unreadable form)
            response = error_page(request, msg("web_error_bad_request", lang), exc.status_code)
        except Exception as exc:  # any other failure: a message, the traceback to the log only
            log.error("".join(traceback.format_exception(exc)))
            response = error_page(request, msg("web_error_internal", lang,
                                               kind=type(exc).__name__), 500)
        if new:
            response.set_cookie(COOKIE, session.id, httponly=True, samesite="strict")
        if "lang" in request.query_params:
            response.set_cookie(LANG_COOKIE, lang, samesite="strict")
        return response

    return handler


def _lang(request: Request) -> str:
    wanted = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if wanted in ("zh", "en"):
        return wanted
    return request.app.state.lang


def render(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
    """Render ``template`` with the shared context: ``t`` (messages), the session's data,
    the CSRF token and the language."""
    lang = request.state.lang
    session = getattr(request.state, "session", None)

    def t(code: str, **fields) -> str:
        return msg(code, lang, **fields)

    def col(name: str) -> str:
        entry = MESSAGES.get(f"web_col_{name}") or MESSAGES.get(f"col_{name}")
        return entry[lang] if entry else name

    env = request.app.state.env
    html = env.get_template(template).render(
        t=t, col=col, lang=lang, other_lang="en" if lang == "zh" else "zh",
        path=ctx.pop("nav", request.url.path), query=str(request.url.query), session=session,
        csrf=session.csrf if session else "", version=pl.__version__,
        max_mb=request.app.state.max_upload_mb, **ctx)
    response = HTMLResponse(html, status_code=status)
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; frame-ancestors 'none'; form-action 'self'")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def error_page(request: Request, message: str, status: int) -> HTMLResponse:
    return render(request, "error.html", status=status, message=message)


async def _not_found(request: Request, exc: HTTPException) -> Response:
    lang = _lang(request)
    request.state.lang = lang
    request.state.session = request.app.state.store.get(request.cookies.get(COOKIE))
    code = "web_error_not_found" if exc.status_code == 404 else "web_error_internal"
    return error_page(request, msg(code, lang, kind=str(exc.status_code)), exc.status_code)


def create_app(*, lang: str | None = None, max_upload_mb: int = 50,
               root: str | Path | None = None,
               allowed_hosts: list[str] | None = None) -> BodyLimit:
    """The web app as an ASGI application (run it with uvicorn, or :func:`serve`).

    The Starlette application is wrapped in the request-size limit; it is reachable as
    ``.app`` of the returned object.

    Parameters
    ----------
    lang : {"zh", "en"}, optional
        Default language of the pages (None: :func:`partylinks.messages.resolve_lang`);
        each browser can switch.
    max_upload_mb : int
        Largest request body accepted, in megabytes.
    root : path, optional
        Where the temporary folder is made (default: the system's temporary folder). The
        folder and everything in it are removed when the app shuts down.
    allowed_hosts : list of str, optional
        Host names the app answers to (others get 400), against DNS rebinding; None
        answers to any (the test client, a server behind a proxy).

    Examples
    --------
    >>> from starlette.testclient import TestClient
    >>> with TestClient(create_app()) as client:
    ...     client.get("/").status_code
    200
    """
    from . import pages_audit, pages_compare, pages_data

    store = SessionStore(root)
    routes = [
        Route("/", pages_data.index),
        Route("/upload", pages_data.upload, methods=["POST"]),
        Route("/sample", pages_data.sample, methods=["POST"]),
        Route("/template.xlsx", pages_data.template),
        Route("/problems", pages_data.problems),
        Route("/problems.xlsx", pages_data.problems_xlsx),
        Route("/names", pages_data.names, methods=["GET", "POST"]),
        Route("/names.toml", pages_data.names_toml),
        Route("/audit", pages_audit.audit),
        Route("/policy", pages_audit.policy, methods=["POST"]),
        Route("/policy/default.toml", pages_audit.default_policy),
        Route("/chart/{kind}.png", pages_audit.chart),
        Route("/network", pages_audit.network),
        Route("/network.json", pages_audit.network_json),
        Route("/downloads", pages_audit.downloads),
        Route("/download/{fmt}", pages_audit.download),
        Route("/compare", pages_compare.compare, methods=["GET", "POST"]),
        Route("/compare.xlsx", pages_compare.compare_xlsx),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        try:
            yield
        finally:
            store.close()

    middleware = []
    if allowed_hosts:
        from starlette.middleware import Middleware
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware,
                    exception_handlers={404: _not_found, 405: _not_found})
    app.state.store = store
    app.state.lang = resolve_lang(lang)
    app.state.env = _environment()
    app.state.max_upload_mb = max_upload_mb
    max_bytes = max_upload_mb * 1024 * 1024

    async def too_large(scope, receive, send):
        request = Request(dict(scope, app=app), receive)
        request.state.lang = _lang(request)
        request.state.session = store.get(request.cookies.get(COOKIE))
        response = error_page(request, msg("web_error_too_large", request.state.lang,
                                           mb=max_upload_mb), 413)
        await response(scope, receive, send)

    return BodyLimit(app, max_bytes, too_large)
