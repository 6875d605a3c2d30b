"""Keyed pseudonyms for cadre names, so a report can be shared without naming people.

A pseudonym is ``<prefix>-<hex>``, where ``hex`` is the start of
HMAC-SHA256(key, cadre id): the same key and id always give the same pseudonym, nobody
without the key can recompute it from a name or an id, and a plain hash of a name (which
anyone can recompute from a list of names) is never used. The hex part is 6 characters,
longer when needed to keep the pseudonyms of one graph distinct.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import os
import secrets
from pathlib import Path

import numpy as np
import pandas as pd

from ..messages import msg

__all__ = ["pseudonyms", "new_key", "anonymize_graph", "write_key", "key_bytes"]


def key_bytes(key: str | bytes) -> bytes:
    """The key as bytes (text is UTF-8 encoded; surrounding blanks are removed)."""
    if isinstance(key, bytes):
        key = key.strip()
    else:
        key = str(key).strip().encode("utf-8")
    if not key:
        raise ValueError("the pseudonym key is empty")
    return key


def new_key() -> str:
    """A fresh random key (64 hex characters, from :mod:`secrets`)."""
    return secrets.token_hex(32)


def pseudonyms(ids, key: str | bytes, prefix: str = "干部", min_len: int = 6) -> pd.Series:
    """Keyed pseudonyms of ``ids``.

    Definition: ``f"{prefix}-{h[:n]}"`` with ``h`` = hex HMAC-SHA256 of the id (UTF-8)
    under ``key``, and ``n`` the smallest length >= ``min_len`` at which the pseudonyms
    of the distinct ids are all different.

    Returns
    -------
    Series
        Pseudonym indexed by id.

    Examples
    --------
    >>> p = pseudonyms(["K1", "K2"], key="secret")
    >>> p.str.len().tolist(), p["K1"] == pseudonyms(["K1"], key="secret")["K1"]
    ([9, 9], True)
    >>> p["K1"] == pseudonyms(["K1"], key="other")["K1"]
    False
    """
    k = key_bytes(key)
    ids = pd.Index(pd.unique(pd.Series(list(ids), dtype=object)))
    digests = np.array([hmac.new(k, str(i).encode("utf-8"), hashlib.sha256).hexdigest()
                        for i in ids], dtype=object)
    n = min_len
    while n < 64 and len(ids) and pd.Series([d[:n] for d in digests]).duplicated().any():
        n += 1
    return pd.Series([f"{prefix}-{d[:n]}" for d in digests], index=ids, dtype=object)


def anonymize_graph(g, key: str | bytes, lang: str = "zh"):
    """A copy of ``g`` whose cadre names are keyed pseudonyms (other nodes unchanged).

    The copy shares the edge table and the unit projection with ``g`` (names play no
    part in either); ``g`` itself is not modified.

    Examples
    --------
    >>> import partylinks as pl
    >>> g = anonymize_graph(pl.datasets.house(), key="k")
    >>> g.nodes.set_index("id").loc[["C1", "K1"], "name"].str[:3].tolist()
    ['桃源社', '干部-']
    """
    out = copy.copy(g)
    nodes = g.nodes.copy()
    cadre = (nodes["type"] == "cadre").to_numpy()
    names = nodes["name"].astype(object) if "name" in nodes else pd.Series(None, index=nodes.index)
    p = pseudonyms(nodes["id"][cadre], key, prefix=msg("pseudonym_prefix", lang))
    names = names.copy()
    names[cadre] = p.reindex(nodes["id"][cadre]).to_numpy()
    nodes["name"] = names.to_numpy(dtype=object)
    out.nodes = nodes
    out.cache = {k: v for k, v in g.cache.items() if k == "projection"}
    return out


def write_key(path: str | Path, key: str) -> Path:
    """Write ``key`` to ``path`` readable by the owner only (mode 0600)."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, (key + "\n").encode("utf-8"))
    finally:
        os.close(fd)
    os.chmod(path, 0o600)
    return path
