"""Tie strength of every tied unit pair: multiplexity, redundancy and recent joint activity.

The domain's rule of thumb: a tie on paper with no joint activity in the last quarter is
weak; a pair joined by several kinds of tie (appointment + co-building + council) through
several people is strong. :func:`tie_strength` scores exactly that.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..graph.dates import to_timestamp as _to_timestamp
from ..graph.sorting import order_by
from ..graph.unitgraph import snapshot, unit_graph
from ._unitinfo import id_rank

__all__ = ["tie_strength", "unit_strength", "window_end"]


def window_end(g, as_of=None) -> pd.Timestamp | None:
    """The last day of the activity window: ``as_of``, or else the latest date in the data.

    The latest date in the data is the maximum of the edges' ``start`` and ``end`` and of
    the events' ``date`` (None when there is no date at all).

    Examples
    --------
    >>> import partylinks as pl
    >>> window_end(pl.datasets.house())
    Timestamp('2024-01-01 00:00:00')
    """
    if as_of is not None:
        return _to_timestamp(as_of)
    dates = [g.edges["start"].max(), g.edges["end"].max()]
    if g.events is not None and len(g.events):
        dates.append(pd.to_datetime(g.events["date"]).max())
    dates = [d for d in dates if pd.notna(d)]
    return max(dates) if dates else None


def _activity(g, ug, end, window_days: int) -> np.ndarray:
    """Number of events in (end - window_days, end] joining each pair of ``ug.pairs``."""
    n_pairs = len(ug.pairs)
    ev = g.events
    if ev is None or end is None or not len(ev) or not n_pairs:
        return np.zeros(n_pairs, dtype=np.int64)
    date = pd.to_datetime(ev["date"])
    inside = ((date > end - pd.Timedelta(days=window_days)) & (date <= end)).to_numpy()
    ev = ev[inside]
    if not len(ev):
        return np.zeros(n_pairs, dtype=np.int64)
    lengths = ev["units"].map(len).to_numpy()
    members = pd.Series(np.concatenate([np.asarray(u, dtype=object) for u in ev["units"]]))
    event = np.repeat(np.arange(len(ev)), lengths)
    code = g.node_index.get_indexer(members)
    unit_node = np.where(code >= 0, g.projection.unit_of[np.maximum(code, 0)], -1)
    unit = np.where(unit_node >= 0, ug.index_of[np.maximum(unit_node, 0)], -1)
    long = pd.DataFrame({"e": event[unit >= 0], "u": unit[unit >= 0]}).drop_duplicates()
    both = long.merge(long, on="e")
    both = both[both["u_x"] < both["u_y"]]
    n = ug.n
    key_ev = both["u_x"].to_numpy().astype(np.int64) * n + both["u_y"].to_numpy()
    key_ev, cnt = np.unique(key_ev, return_counts=True)
    key = ug.pairs["a"].to_numpy().astype(np.int64) * n + ug.pairs["b"].to_numpy()
    pos = np.minimum(np.searchsorted(key_ev, key), max(len(key_ev) - 1, 0))
    hit = (key_ev[pos] == key) if len(key_ev) else np.zeros(len(key), dtype=bool)
    return np.where(hit, cnt[pos] if len(cnt) else 0, 0).astype(np.int64)


def tie_strength(g, as_of=None, window_days: int = 90) -> pd.DataFrame:
    """Strength of the tie between every pair of tied units.

    Definition, for each unit pair {u, v} joined by at least one tie:

    - ``n_ties``: number of ties between them (either direction);
    - ``multiplexity``: number of distinct tie types (part_time_post, co_building, ...);
    - ``redundancy``: number of distinct carriers (the cadres in ``via``; a unit-to-unit
      tie is its own carrier), so losing one person does not cut the pair;
    - ``activity``: number of events of ``g.events`` dated in (end - window_days, end]
      whose participants include both u and v, where end = ``as_of`` or, when ``as_of``
      is None, the latest date in the data (see :func:`window_end`). A participant that
      is a branch or a cadre counts for its unit (host, home unit). 0 without events.
    - ``strength`` = (m + r + a) / 3 with m = min(multiplexity - 1, 2) / 2,
      r = min(redundancy - 1, 2) / 2 and a = min(activity, 1).

    So a single tie of one type by one carrier with no recent joint activity scores 0;
    each of three kinds of evidence (a second and third tie type, a second and third
    carrier, at least one joint event in the window: the councils' norm is one joint
    meeting a quarter) adds up to 1/3, and a pair with three tie types, three carriers
    and a meeting in the last quarter scores 1. Without an events table strength is at
    most 2/3.

    Parameters
    ----------
    g : LinkGraph
    as_of : date-like, optional
        Only ties active on that date, and the end of the activity window.
    window_days : int
        Length of the activity window in days.

    Returns
    -------
    DataFrame
        One row per tied pair, ``u < v`` by id, sorted by ``u``, ``v``: ``u``, ``v``,
        ``n_ties``, ``multiplexity``, ``redundancy``, ``activity``, ``strength``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.tie_strength(pl.datasets.house()).round(3)
        u   v  n_ties  multiplexity  redundancy  activity  strength
    0  C1  E1       2             1           2         0     0.167
    1  C1  W1       1             1           1         0     0.000
    """
    ug = unit_graph(g, as_of)
    activity, strength = _pair_strength(g, as_of, window_days)
    p = ug.pairs
    pa, pb = p["a"].to_numpy(), p["b"].to_numpy()
    rank = id_rank(ug)
    ra, rb = rank[pa], rank[pb]
    swap = ra > rb
    u, v = np.where(swap, pb, pa), np.where(swap, pa, pb)
    # by u then v in id order: one int64 key per pair (unique, so any sort will do)
    order = order_by(np.minimum(ra, rb) * max(ug.n, 1) + np.maximum(ra, rb), max(ug.n, 1) ** 2)
    del ra, rb, swap
    return pd.DataFrame({
        "u": pd.Series(ug.ids[u[order]], dtype=object),
        "v": pd.Series(ug.ids[v[order]], dtype=object),
        "n_ties": p["n_ties"].to_numpy().astype(np.int64)[order],
        "multiplexity": p["n_types"].to_numpy().astype(np.int64)[order],
        "redundancy": p["n_carriers"].to_numpy().astype(np.int64)[order],
        "activity": activity[order],
        "strength": strength[order],
    }, copy=False)  # fresh arrays: no need to copy them into one block


def _pair_strength(g, as_of, window_days: int) -> tuple[np.ndarray, np.ndarray]:
    """``activity`` and ``strength`` (as in :func:`tie_strength`) of every row of
    ``unit_graph(g, as_of).pairs``, in that order; cached with the unit graph."""
    if window_days < 0:
        raise ValueError(f"window_days must be 0 or more, got {window_days}")
    ug = unit_graph(g, as_of)
    end = window_end(g, as_of)
    key = ("pair_strength", window_days, end)
    if key not in ug.cache:
        activity = _activity(snapshot(g, as_of), ug, end, window_days)
        mult = ug.pairs["n_types"].to_numpy().astype(np.int64)
        red = ug.pairs["n_carriers"].to_numpy().astype(np.int64)
        m = np.minimum(mult - 1, 2) / 2
        r = np.minimum(red - 1, 2) / 2
        a = np.minimum(activity, 1).astype(np.float64)
        ug.cache[key] = activity, (m + r + a) / 3
    return ug.cache[key]


def unit_strength(g, as_of=None, window_days: int = 90) -> pd.DataFrame:
    """Mean and maximum tie strength of every unit's pairs.

    Definition: for unit u with tied partners v_1..v_k, ``mean_strength`` is the mean and
    ``max_strength`` the maximum of ``strength`` of the pairs {u, v_i} in
    :func:`tie_strength`; both NaN when u has no tie (k = 0).

    Parameters
    ----------
    g : LinkGraph
    as_of : date-like, optional
    window_days : int
        As in :func:`tie_strength`.

    Returns
    -------
    DataFrame
        Indexed by unit id (in node order): ``n_pairs`` (k), ``mean_strength``,
        ``max_strength``.

    Examples
    --------
    >>> import partylinks as pl
    >>> pl.metrics.unit_strength(pl.datasets.house()).round(3)
        n_pairs  mean_strength  max_strength
    id
    C1        2          0.083         0.167
    E1        1          0.167         0.167
    W1        1          0.000         0.000
    A1        0            NaN           NaN
    """
    ug = unit_graph(g, as_of)
    _, strength = _pair_strength(g, as_of, window_days)
    pa, pb = ug.pairs["a"].to_numpy(), ug.pairs["b"].to_numpy()
    k = np.bincount(pa, minlength=ug.n) + np.bincount(pb, minlength=ug.n)
    # strength = i / 6 with i a whole number 0..6: sum the whole numbers exactly
    sixths = np.rint(strength * 6)
    total = np.bincount(pa, sixths, minlength=ug.n) + np.bincount(pb, sixths, minlength=ug.n)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / (6 * k)
    top = np.full(ug.n, np.nan)
    for end in (pa, pb):
        np.fmax.at(top, end, strength)
    return pd.DataFrame({"n_pairs": k.astype(np.int64), "mean_strength": mean,
                         "max_strength": top}, index=pd.Index(ug.ids, name="id", dtype=object))
