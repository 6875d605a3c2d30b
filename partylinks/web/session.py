"""Per-browser sessions of the web app, each with its own temporary folder.

Everything a user uploads and every report written for a download lives in the session's
folder, under one root folder that is removed when the app stops. Nothing is written
anywhere else.
"""

from __future__ import annotations

import atexit
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Session", "SessionStore"]


@dataclass
class Session:
    """What one browser has brought and computed."""

    id: str
    folder: Path
    csrf: str
    loaded: object = None          # adapters.Loaded of the current data
    previous: object = None        # adapters.Loaded of the earlier period (compare)
    comparison: object = None
    policy: Path | None = None
    aliases: Path | None = None
    key: str | None = None         # pseudonym key, made on first anonymised download
    reports: dict = field(default_factory=dict)
    touched: float = field(default_factory=time.monotonic)

    def subfolder(self, name: str) -> Path:
        """A fresh, empty folder ``name`` inside the session folder."""
        path = self.folder / name
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    def reset_results(self) -> None:
        """Forget computed reports (after new data or a new policy)."""
        self.reports.clear()
        self.comparison = None


class SessionStore:
    """Sessions by id, each with a folder under one temporary root.

    Examples
    --------
    >>> store = SessionStore(max_sessions=2)
    >>> s = store.new(); s.folder.is_dir()
    True
    >>> store.get(s.id) is s, store.get("nope") is None
    (True, True)
    >>> root = store.root; store.close(); root.exists()
    False
    """

    def __init__(self, root: str | Path | None = None, max_sessions: int = 20):
        base = Path(root) if root else None
        self.root = Path(tempfile.mkdtemp(prefix="partylinks-web-", dir=base))
        self.root.chmod(0o700)
        self.max_sessions = max_sessions
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        atexit.register(self.close)

    def new(self) -> Session:
        """A new session with its own folder (the least recently used one is dropped
        when there are ``max_sessions`` already)."""
        sid = secrets.token_urlsafe(24)
        folder = self.root / secrets.token_hex(8)
        folder.mkdir(mode=0o700)
        s = Session(sid, folder, secrets.token_urlsafe(24))
        with self._lock:
            while len(self._sessions) >= self.max_sessions:
                oldest = min(self._sessions.values(), key=lambda x: x.touched)
                self._drop(oldest.id)
            self._sessions[sid] = s
        return s

    def get(self, sid: str | None) -> Session | None:
        """The session with id ``sid``, or None."""
        s = self._sessions.get(sid or "")
        if s is not None:
            s.touched = time.monotonic()
        return s

    def _drop(self, sid: str) -> None:
        s = self._sessions.pop(sid, None)
        if s is not None:
            shutil.rmtree(s.folder, ignore_errors=True)

    def close(self) -> None:
        """Remove every session and the root folder."""
        with self._lock:
            self._sessions.clear()
        shutil.rmtree(self.root, ignore_errors=True)
