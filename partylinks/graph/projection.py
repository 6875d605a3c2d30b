"""The unit projection: from the typed graph to a table of ties between units.

People and party organizations are how units are tied, but the audit question is
about units. The projection is defined as follows.

1. **Host of a branch**: the target of its ``hosted_by`` edge. When a branch has
   several, the latest one is used: an open edge (no ``end``) before a closed one,
   then the later ``end``, then the later ``start``, then the first in the file. (Two
   or more *open* ones are reported as a warning, since then the choice is a guess.)
2. **Home unit of a cadre**: the target of its ``works_at`` edge (the latest one, by
   the same order); failing that, the host of the branch it is a ``member_of`` (the
   latest such membership whose branch has a host).
3. **Unit of a node**: a unit is its own unit; a branch's unit is its host; a cadre's
   unit is its home unit. Other nodes have none.
4. Every edge whose type is a *tie* in the schema becomes a tie ``(u, v)`` from the unit
   of its source to the unit of its target. ``via`` is the source when the source is a
   cadre (the person who carries the tie) and empty otherwise (a unit-to-unit tie such
   as ``co_building``, ``council_member`` or an agency's ``liaison``).
5. A tie whose two ends are the same unit is not a cross-organization tie and is left
   out. A tie edge whose source or target has no unit is left out of the tie table and
   listed in :func:`unresolved_ties`, and the cadres and branches concerned are reported
   (:func:`cadres_without_home`, :func:`branches_without_host`): nothing disappears
   without a trace.

6. **Exact duplicates count once**: a tie edge that repeats an earlier row of the edge
   table (same source, same target, same type, same role, both missing counting as the
   same, and dates that overlap, missing dates being open) is left out of the tie table,
   so that two identical ``co_building`` rows are one carrier, not two. (Rows in opposite
   directions are not exact duplicates: directed measures such as brokerage read them.)
   Validation reports each such row as a warning (``duplicate_edge``,
   :func:`duplicate_rows`).

Structure edges (``member_of``, ``works_at``, ``hosted_by``, ``reports_to``,
``located_in``, ``covers``) are never ties.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["Projection", "project", "TIE_COLUMNS", "duplicate_rows"]

TIE_COLUMNS = ["u", "v", "tie_type", "via", "start", "end", "role", "u_type", "v_type", "edge"]
_FAR_FUTURE = np.datetime64("2262-01-01", "ns")
_FAR_PAST = np.datetime64("1678-01-01", "ns")


@dataclass
class Projection:
    """The result of :func:`project` (all arrays indexed by node code)."""

    unit_of: np.ndarray          # node code -> unit code, -1 when none
    host: np.ndarray             # branch code -> chosen hosted_by edge position, -1
    home: np.ndarray             # cadre code -> chosen works_at / member_of edge position, -1
    multi_host: np.ndarray       # node codes of branches with several hosted_by edges
    multi_home: np.ndarray       # node codes of cadres with several works_at edges
    ties: pd.DataFrame
    unresolved: pd.DataFrame


def _latest(edge_pos: np.ndarray, owner: np.ndarray, start: np.ndarray, end: np.ndarray,
            n: int) -> tuple[np.ndarray, np.ndarray]:
    """For each owner code, the position of its latest edge; and the owners with more than
    one open edge (no ``end``), for which the choice is a guess worth a warning."""
    chosen = np.full(n, -1, dtype=np.int64)
    if len(edge_pos) == 0:
        return chosen, np.array([], dtype=np.int64)
    e = np.where(np.isnat(end), _FAR_FUTURE, end).astype("datetime64[ns]").view("i8")
    s = np.where(np.isnat(start), _FAR_PAST, start).astype("datetime64[ns]").view("i8")
    # lexsort: last key is primary. Order by owner, then latest end, latest start, first row.
    order = np.lexsort((edge_pos, -s, -e, owner))
    o = owner[order]
    first = np.ones(len(o), dtype=bool)
    first[1:] = o[1:] != o[:-1]
    chosen[o[first]] = edge_pos[order][first]
    counts = np.bincount(owner[np.isnat(end)], minlength=n)
    return chosen, np.flatnonzero(counts > 1)


def duplicate_rows(src: np.ndarray, dst: np.ndarray, etype: np.ndarray, role,
                   start: np.ndarray, end: np.ndarray,
                   symmetric: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Rows of an edge table that exactly repeat an earlier row.

    Definition: row j repeats row i < j when both have the same ``src`` and ``dst``
    (integer codes; for a row whose ``symmetric`` flag is set, the same unordered pair),
    the same ``etype`` code, the same ``role`` (two missing roles are the same) and
    overlapping dates: ``start_i <= end_j`` and ``start_j <= end_i``, a missing start or
    end being open. Row j is reported once, against the first row it repeats. The
    projection and validation call it with ``symmetric=None``: only rows in the same
    direction are exact duplicates.

    Parameters
    ----------
    src, dst, etype : ndarray of int
    role : array-like of str or missing
    start, end : ndarray of datetime64
    symmetric : ndarray of bool, optional
        Per row, whether its type is symmetric.

    Returns
    -------
    (ndarray, ndarray)
        The positions of the repeating rows (ascending) and, for each, the position of
        the first row it repeats.

    Examples
    --------
    >>> import numpy as np
    >>> d = np.array(["2024-01-01", "NaT", "2026-01-01"], dtype="datetime64[ns]")
    >>> nat = np.full(3, np.datetime64("NaT"), dtype="datetime64[ns]")
    >>> duplicate_rows(np.array([0, 1, 0]), np.array([1, 0, 1]), np.array([5, 5, 5]),
    ...                [None, None, None], d, nat, np.array([True, True, True]))
    (array([1, 2]), array([0, 0]))
    """
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    none = np.array([], dtype=np.int64)
    if len(src) < 2:
        return none, none
    if symmetric is not None:
        sym = np.asarray(symmetric, dtype=bool)
        src, dst = np.where(sym, np.minimum(src, dst), src), np.where(sym, np.maximum(src, dst),
                                                                      dst)
    n = int(max(src.max(), dst.max())) + 2
    key = (np.asarray(etype, dtype=np.int64) * n + src) * n + dst
    cand = np.flatnonzero(pd.Series(key).duplicated(keep=False).to_numpy())
    if len(cand) == 0:
        return none, none
    role = pd.Series(np.asarray(role, dtype=object)[cand], dtype=object)
    s = np.where(np.isnat(start[cand]), _FAR_PAST, start[cand]).astype("datetime64[ns]")
    e = np.where(np.isnat(end[cand]), _FAR_FUTURE, end[cand]).astype("datetime64[ns]")
    groups: dict = {}
    dup, first = [], []
    for i, (k, r) in enumerate(zip(key[cand].tolist(), role.tolist(), strict=True)):
        r = None if r is None or (isinstance(r, float) and np.isnan(r)) or r is pd.NA else r
        seen = groups.setdefault((k, r), [])
        for j in seen:
            if s[j] <= e[i] and s[i] <= e[j]:
                dup.append(cand[i])
                first.append(cand[j])
                break
        else:
            seen.append(i)
    return np.asarray(dup, dtype=np.int64), np.asarray(first, dtype=np.int64)


def project(nodes: pd.DataFrame, edges: pd.DataFrame, schema) -> Projection:
    """Compute the unit projection of a typed graph (see the module docstring).

    Parameters
    ----------
    nodes : DataFrame
        Columns ``id`` and ``type`` (categorical), one row per node in code order.
    edges : DataFrame
        Columns ``source`` and ``target`` (categoricals over the node ids), ``type``,
        ``role``, ``start``, ``end``.
    schema : Schema

    Returns
    -------
    Projection
    """
    n = len(nodes)
    ncat = list(nodes["type"].cat.categories)
    ntc = nodes["type"].cat.codes.to_numpy()
    is_unit = np.isin(ntc, [ncat.index(t) for t in schema.unit_types if t in ncat])
    is_branch = ntc == (ncat.index("branch") if "branch" in ncat else -2)
    is_cadre = ntc == (ncat.index("cadre") if "cadre" in ncat else -2)
    src = edges["source"].cat.codes.to_numpy().astype(np.int64)
    dst = edges["target"].cat.codes.to_numpy().astype(np.int64)
    ecat = list(edges["type"].cat.categories)
    etc = edges["type"].cat.codes.to_numpy()

    def of_type(name: str) -> np.ndarray:
        return etc == (ecat.index(name) if name in ecat else -2)
    start = edges["start"].to_numpy(dtype="datetime64[ns]")
    end = edges["end"].to_numpy(dtype="datetime64[ns]")
    pos = np.arange(len(edges), dtype=np.int64)

    unit_of = np.full(n, -1, dtype=np.int64)
    unit_of[is_unit] = np.flatnonzero(is_unit)

    sel = of_type("hosted_by") & is_branch[src] & is_unit[dst]
    host, multi_host = _latest(pos[sel], src[sel], start[sel], end[sel], n)
    has_host = host >= 0
    unit_of[has_host] = dst[host[has_host]]

    sel = of_type("works_at") & is_cadre[src] & is_unit[dst]
    home, multi_home = _latest(pos[sel], src[sel], start[sel], end[sel], n)
    sel = of_type("member_of") & is_cadre[src] & (unit_of[dst] >= 0)
    via_branch, _ = _latest(pos[sel], src[sel], start[sel], end[sel], n)
    home = np.where((home < 0) & is_cadre, via_branch, home)
    has_home = home >= 0
    unit_of[has_home] = unit_of[dst[home[has_home]]]

    tie_types = list(schema.tie_types)
    tie = np.isin(etc, [ecat.index(t) for t in tie_types if t in ecat])
    t_all = np.flatnonzero(tie)
    twice, _ = duplicate_rows(src[t_all], dst[t_all], etc[t_all], edges["role"].to_numpy(
        dtype=object)[t_all], start[t_all], end[t_all])
    tie[t_all[twice]] = False  # an exact duplicate counts once
    t_pos = pos[tie]
    u = unit_of[src[tie]]
    v = unit_of[dst[tie]]
    resolved = (u >= 0) & (v >= 0)
    cross = resolved & (u != v)

    ids = nodes["id"].to_numpy(dtype=object)
    cats = edges["source"].cat.categories
    keep = t_pos[cross]
    uu, vv = u[cross], v[cross]
    via = np.where(is_cadre[src[keep]], ids[src[keep]], np.nan)
    type_cat = nodes["type"].cat.categories
    as_tie = np.array([tie_types.index(t) if t in tie_types else -1 for t in ecat] + [-1])
    role = edges["role"]
    role = (role.array.take(keep) if isinstance(role.dtype, pd.StringDtype)
            else role.to_numpy(dtype=object)[keep])
    ties = pd.DataFrame({
        "u": pd.Categorical.from_codes(uu, categories=cats),
        "v": pd.Categorical.from_codes(vv, categories=cats),
        "tie_type": pd.Categorical.from_codes(as_tie[etc[keep]], categories=tie_types),
        "via": pd.Series(via, dtype=object),
        "start": start[keep],
        "end": end[keep],
        "role": role,
        "u_type": pd.Categorical.from_codes(ntc[uu], type_cat),
        "v_type": pd.Categorical.from_codes(ntc[vv], type_cat),
        "edge": keep,
    })
    bad = t_pos[~resolved]
    bs, bd = src[bad], dst[bad]
    reason = np.where(unit_of[bs] < 0, "source has no unit", "target has no unit")
    unresolved = pd.DataFrame({
        "edge": bad, "source": ids[bs], "target": ids[bd],
        "type": np.asarray(ecat, dtype=object)[etc[bad]], "reason": reason,
    })
    return Projection(unit_of, host, home, multi_host, multi_home, ties, unresolved)
