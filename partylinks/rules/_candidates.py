"""Concrete candidates for suggestions: the cadre or unit to appoint, chosen by rule.

A suggestion names a candidate when one exists: a member of a *pool* (cadres or units
that qualify) in the finding's zone, the one with the smallest current *load* (the number
of posts of the same kind already held), ties broken by id. When the zone has none and
``anywhere`` is set, the pool member with the smallest load in any zone is named instead.
Everything is a merge over the pool's few best members per zone, never a loop over nodes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._context import AuditContext

__all__ = ["cadre_table", "counts", "pick"]


def cadre_table(ctx: AuditContext) -> pd.DataFrame:
    """One row per cadre: ``id``, ``zone`` (the cadre's own, else the home unit's),
    ``home``, ``home_type``, ``home_subtype``, ``home_enterprise_facing``, ``rank``,
    ``is_young`` (bool: missing is false), and ``home_enterprise_facing_value``,
    ``is_young_value`` (True, False or None when the data does not say). Built from node
    positions (the home unit is the projection's unit of the cadre on the audit date), with
    no lookups by id."""
    if "cadres" in ctx.cache:
        return ctx.cache["cadres"]
    nodes = ctx.g.nodes
    n = len(nodes)

    def col(name: str) -> np.ndarray:
        """The column as plain Python values, None when missing. Each distinct value is
        converted once (factorized), not once per node."""
        if name not in nodes:
            return np.full(n, None, dtype=object)
        codes, uniques = pd.factorize(nodes[name], use_na_sentinel=True)
        lookup = np.empty(len(uniques) + 1, dtype=object)
        lookup[:-1] = np.asarray(uniques, dtype=object)
        lookup[-1] = None
        return lookup[codes]

    types, ids, zone = col("type"), ctx.node_ids.to_numpy(), col("zone")
    pos = np.flatnonzero(types == "cadre")
    home = ctx.g.projection.unit_of[pos]
    has = home >= 0
    hc = np.maximum(home, 0)

    def at_home(values: np.ndarray) -> np.ndarray:
        return np.where(has, values[hc], None).astype(object)

    ef = col("enterprise_facing")
    young = col("is_young")[pos]
    t = pd.DataFrame({
        "id": pd.Series(ids[pos], dtype=object),
        "zone": pd.Series(np.where(pd.isna(zone[pos]), at_home(zone), zone[pos]), dtype=object),
        "home": pd.Series(at_home(ids), dtype=object),
        "home_type": pd.Series(at_home(types), dtype=object),
        "home_subtype": pd.Series(at_home(col("subtype")), dtype=object),
        "home_enterprise_facing": np.asarray(at_home(ef) == True, dtype=bool),  # noqa: E712
        "rank": pd.Series(col("rank")[pos], dtype=object),
        "is_young": np.asarray(young == True, dtype=bool),  # noqa: E712
        # the values as given (True, False or None: unknown), to tell unknown from false
        "home_enterprise_facing_value": pd.Series(at_home(ef), dtype=object),
        "is_young_value": pd.Series(young, dtype=object),
    }, copy=False)
    ctx.cache["cadres"] = t
    return t


def counts(ids: pd.Series | list, of: pd.Series | pd.Index) -> pd.Series:
    """How often each id of ``of`` occurs in ``ids`` (0 when never), indexed like ``of``."""
    vc = pd.Series(ids, dtype=object).value_counts()
    idx = pd.Index(of)
    return pd.Series(vc.reindex(idx).fillna(0).astype(int).to_numpy(), index=idx)


def pick(pool: pd.DataFrame, requests: pd.DataFrame, anywhere: bool = True,
         m: int | None = 4) -> pd.DataFrame:
    """Choose one pool member per request.

    Parameters
    ----------
    pool : DataFrame
        ``id``, ``zone``, ``load``: who qualifies, where, and how many posts they hold.
    requests : DataFrame
        ``key`` (unique), ``zone`` and optionally ``exclude`` (a list of ids that must not
        be chosen for that request, e.g. the cadres already on a project's team).
    anywhere : bool
        Fall back to the pool member with the smallest load in any zone.
    m : int or None
        How many of the best pool members per zone are considered (raised to one more
        than the longest ``exclude`` list); None: all of them.

    Returns
    -------
    DataFrame
        ``key``, ``candidate`` (id or None) and ``same_zone`` (bool), one row per request,
        in the order of ``requests``.
    """
    out = pd.DataFrame({"key": requests["key"].to_numpy(), "candidate": None,
                        "same_zone": False})
    if len(pool) == 0 or len(requests) == 0:
        return out
    pool = pool.sort_values(["load", "id"], kind="stable")
    req = requests[["key", "zone"]].copy()
    excl = None
    if "exclude" in requests:
        ex = requests[["key", "exclude"]].explode("exclude").dropna()
        excl = pd.MultiIndex.from_frame(ex.rename(columns={"exclude": "id"})[["key", "id"]])
        if m is not None:
            m = max(m, int(requests["exclude"].map(len).max()) + 1)

    def choose(cands: pd.DataFrame) -> pd.Series:
        if excl is not None and len(cands):
            bad = pd.MultiIndex.from_frame(cands[["key", "id"]]).isin(excl)
            cands = cands[~bad]
        cands = cands.sort_values(["key", "load", "id"], kind="stable")
        first = cands.drop_duplicates("key")
        return pd.Series(first["id"].to_numpy(), index=first["key"].to_numpy(), dtype=object)

    top = pool[pool["zone"].notna()]
    if m is not None:
        top = top.groupby("zone", sort=False).head(m)
    same = choose(req.merge(top[["id", "zone", "load"]], on="zone", how="inner"))
    chosen = same.reindex(out["key"]).to_numpy()
    out["candidate"] = chosen
    out["same_zone"] = pd.notna(chosen)
    if anywhere:
        rest = req[~out["same_zone"].to_numpy()]
        if len(rest):
            best = (pool if m is None else pool.head(m))[["id", "load"]]
            alt = choose(rest[["key"]].merge(best, how="cross"))
            fill = alt.reindex(out["key"]).to_numpy()
            out["candidate"] = out["candidate"].where(out["same_zone"], pd.Series(fill))
    out["candidate"] = out["candidate"].astype(object).where(out["candidate"].notna(), None)
    return out
