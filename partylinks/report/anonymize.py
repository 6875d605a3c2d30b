"""Keyed pseudonyms for cadres, so a report can be shared without naming people.

A pseudonym is ``<prefix>-<hex>``, where ``hex`` is the start of
HMAC-SHA256(key, cadre id): the same key and id always give the same pseudonym, nobody
without the key can recompute it from a name or an id, and a plain hash of a name (which
anyone can recompute from a list of names) is never used. The hex part is 12 characters
(48 bits), longer only if two cadres of one graph would otherwise share a pseudonym.

With pseudonymisation the pseudonym replaces the cadre's **id and name** everywhere:
nodes, edges, events, the unit projection (``via``), and so every finding, metric table,
chart, export and line printed. Columns of the nodes table that partylinks does not know
(a telephone number, an id-card number) are emptied for cadres; the issues kept from
loading lose their values. What it cannot hide: units keep their ids and names, so a
cadre who is the only person tied to a small unit can still be recognised by whoever
knows that unit; the columns of the edges table that partylinks does not know are kept.

The key decides everything: keep it (a file readable by its owner only, or the
``PARTYLINKS_KEY`` environment variable) to compare two reports, and never send it
with the report.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import secrets
from pathlib import Path

import numpy as np
import pandas as pd

from ..messages import msg, resolve_lang

__all__ = ["pseudonyms", "new_key", "anonymize_graph", "write_key", "key_bytes",
           "read_key_file", "resolve_key", "KeyFileError", "KEY_ENV", "PSEUDONYM_HEX"]

KEY_ENV = "PARTYLINKS_KEY"
"""The environment variable the command line reads the pseudonym key from."""

PSEUDONYM_HEX = 12
"""Hex characters of a pseudonym (more only when two would otherwise be equal)."""


class KeyFileError(ValueError):
    """A key file that partylinks refuses to write (it exists with another key, or it is a
    symbolic link) or to read (it is empty)."""


def key_bytes(key: str | bytes) -> bytes:
    """The key as bytes: text is UTF-8 encoded with surrounding blanks removed; bytes are
    used exactly as given, so two different byte keys never give the same pseudonyms.

    Examples
    --------
    >>> key_bytes(" k\\n"), key_bytes(b"\\xff\\n")
    (b'k', b'\\xff\\n')
    """
    k = key if isinstance(key, bytes) else str(key).strip().encode("utf-8")
    if not k:
        raise KeyFileError(msg("key_empty", resolve_lang(None)))
    return k


def new_key() -> str:
    """A fresh random key (64 hex characters, from :mod:`secrets`).

    Examples
    --------
    >>> len(new_key()), new_key() != new_key()
    (64, True)
    """
    return secrets.token_hex(32)


def pseudonyms(ids, key: str | bytes, prefix: str = "干部",
               min_len: int = PSEUDONYM_HEX) -> pd.Series:
    """Keyed pseudonyms of ``ids``.

    Definition: ``f"{prefix}-{h[:n]}"`` with ``h`` = hex HMAC-SHA256 of the id (UTF-8)
    under ``key`` (:func:`key_bytes`), and ``n`` the smallest length >= ``min_len`` at
    which the pseudonyms of the distinct ids are all different.

    Returns
    -------
    Series
        Pseudonym indexed by id.

    Examples
    --------
    >>> p = pseudonyms(["K1", "K2"], key="secret")
    >>> p.str.len().tolist(), p["K1"] == pseudonyms(["K1"], key="secret")["K1"]
    ([15, 15], True)
    >>> p["K1"] == pseudonyms(["K1"], key="other")["K1"]
    False
    """
    k = key_bytes(key)
    ids = pd.Index(pd.unique(pd.Series(list(ids), dtype=object)))
    digests = np.array([hmac.new(k, str(i).encode("utf-8", "surrogatepass"),
                                 hashlib.sha256).hexdigest() for i in ids], dtype=object)
    n = min_len
    while n < 64 and len(ids) and pd.Series([d[:n] for d in digests]).duplicated().any():
        n += 1
    return pd.Series([f"{prefix}-{d[:n]}" for d in digests], index=ids, dtype=object)


def _known(col: str) -> bool:
    from ..graph.schema import CANONICAL_COLUMNS

    return col in CANONICAL_COLUMNS


def anonymize_graph(g, key: str | bytes, lang: str | None = None):
    """A copy of ``g`` in which every cadre's id and name are its keyed pseudonym.

    Definition: each cadre id ``c`` becomes ``p = pseudonyms([c], key)[c]`` (prefix
    ``干部`` or ``cadre``) in the nodes (``id`` and ``name``), in the ``source`` and
    ``target`` of every edge and in the units of every event; columns of the nodes table
    that partylinks does not know are emptied for cadres; the ``value`` and ``message`` of
    the issues kept from loading are replaced by the issue code. Units, edges and their
    dates are unchanged, so every metric and finding is the same up to the renaming.
    ``g`` itself is not modified.

    Examples
    --------
    >>> import partylinks as pl
    >>> g = anonymize_graph(pl.datasets.house(), key="k")
    >>> ids = g.nodes.loc[g.nodes["type"] == "cadre", "id"]
    >>> ids.str[:3].unique().tolist(), "K1" in set(g.edges["source"])
    (['干部-'], False)
    >>> bool((g.nodes.set_index("id").loc[ids, "name"] == ids.to_numpy()).all())
    True
    """
    from ..graph.model import LinkGraph

    lang = resolve_lang(lang)
    nodes = g.nodes.copy()
    cadre = (nodes["type"] == "cadre").to_numpy()
    old = nodes["id"].to_numpy(dtype=object)
    others = set(old[~cadre].tolist())
    n = PSEUDONYM_HEX
    while True:
        p = pseudonyms(old[cadre], key, prefix=msg("pseudonym_prefix", lang), min_len=n)
        if not others.intersection(p.tolist()) or n >= 64:
            break
        n += 4
    new = old.copy()
    new[cadre] = p.reindex(old[cadre]).to_numpy()
    nodes["id"] = new
    if "name" in nodes or cadre.any():
        names = (nodes["name"].astype(object) if "name" in nodes
                 else pd.Series(None, index=nodes.index, dtype=object))
        names[cadre] = new[cadre]
        nodes["name"] = names.to_numpy(dtype=object)
    for col in nodes.columns:
        if not _known(col):
            vals = nodes[col].astype(object).to_numpy(copy=True)
            vals[cadre] = None
            nodes[col] = vals
    index = pd.Index(new, dtype=object)
    edges = g.edges.copy()
    for end in ("source", "target"):
        edges[end] = pd.Categorical.from_codes(edges[end].cat.codes, categories=index)
    events = g.events
    if events is not None and len(events) and cadre.any():
        rename = dict(zip(old[cadre].tolist(), new[cadre].tolist(), strict=True))
        events = events.copy()
        events["units"] = [tuple(rename.get(u, u) for u in us) if isinstance(us, tuple) else us
                           for us in events["units"]]
    issues = g.issues
    if issues is not None and len(issues):
        issues = issues.copy()
        if "value" in issues:
            issues["value"] = None
        if "message" in issues and "code" in issues:
            issues["message"] = issues["code"]
    return LinkGraph(nodes, edges, schema=g.schema, events=events, issues=issues,
                     provenance=dict(g.provenance), edge_ids=getattr(g, "edge_ids", None))


def write_key(path: str | Path, key: str | bytes, lang: str | None = None) -> Path:
    """Write ``key`` to a new file ``path`` readable by the owner only (mode 0600).

    The file is created, never followed or replaced: when ``path`` already holds the same
    key nothing is done; when it holds another key, or is a symbolic link (even to
    nowhere), :class:`KeyFileError` is raised, so that an earlier key is never lost and a
    planted link cannot make partylinks overwrite another file.

    Examples
    --------
    >>> import tempfile, os, stat
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = write_key(f"{d}/r.key", "abc")
    ...     same = write_key(p, "abc")                    # the same key: fine
    ...     mode = oct(stat.S_IMODE(os.stat(p).st_mode))
    ...     try:
    ...         write_key(p, "other")
    ...     except KeyFileError:
    ...         refused = True
    >>> mode, refused
    ('0o600', True)
    """
    path = Path(path)
    data = (key if isinstance(key, bytes) else key.encode("utf-8")) + b"\n"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        lang = resolve_lang(lang)
        if path.is_symlink():
            raise KeyFileError(msg("key_file_link", lang, path=path)) from None
        if path.is_file() and path.read_bytes() == data:
            return path
        raise KeyFileError(msg("key_file_exists", lang, path=path)) from None
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, data)
    finally:
        os.close(fd)
    return path


def read_key_file(path: str | Path, lang: str | None = None) -> bytes:
    """The key in ``path`` as bytes, surrounding ASCII blanks (the final newline) removed.

    Any bytes are a key (UTF-8 or not). A symbolic link is followed for reading.

    Raises
    ------
    KeyFileError
        When the file holds no key. ``OSError`` when it cannot be read.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = open(f"{d}/k", "wb").write(b"\\xff\\xfe secret\\n")
    ...     read_key_file(f"{d}/k")
    b'\\xff\\xfe secret'
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    data = path.read_bytes().strip()
    if not data:
        raise KeyFileError(msg("key_empty", resolve_lang(lang)) + f": {path}")
    return data


def resolve_key(anonymize: bool = False, key: str | None = None,
                key_file: str | Path | None = None, out: str | Path | None = None,
                lang: str | None = None, warn=None) -> tuple[bool, str | bytes | None]:
    """``(anonymize, key)`` as the command line decides them.

    Definition: the key is, in this order, the contents of ``key_file``
    (:func:`read_key_file`), ``key`` (the deprecated ``--key``, which shows the key in the
    process list: ``warn`` is called with a notice), or, when ``anonymize`` is set, the
    ``PARTYLINKS_KEY`` environment variable; a key file or ``--key`` turns
    pseudonymisation on. When pseudonymisation is on with no key (one will be generated)
    and ``out`` is given, the key file ``<out>.key`` must not exist yet: an earlier key is
    never replaced (:class:`KeyFileError` before anything is written).

    Examples
    --------
    >>> import os; os.environ.pop(KEY_ENV, None) and None
    >>> resolve_key(False)
    (False, None)
    >>> os.environ[KEY_ENV] = "from-env"
    >>> resolve_key(True), resolve_key(False)
    ((True, 'from-env'), (False, None))
    >>> del os.environ[KEY_ENV]
    """
    lang = resolve_lang(lang)
    chosen: str | bytes | None = None
    if key_file is not None:
        chosen = read_key_file(key_file, lang)
    elif key is not None:
        if warn is not None:
            warn(msg("key_option_deprecated", lang))
        chosen = key
    elif anonymize and os.environ.get(KEY_ENV, "").strip():
        chosen = os.environ[KEY_ENV].strip()
    anonymize = bool(anonymize or chosen is not None)
    if anonymize and chosen is None and out is not None:
        kp = Path(f"{out}.key")
        if kp.is_symlink():
            raise KeyFileError(msg("key_file_link", lang, path=kp))
        if kp.exists():
            raise KeyFileError(msg("key_file_exists", lang, path=kp))
    return anonymize, chosen
