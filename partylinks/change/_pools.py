"""Pools of candidate nodes for the suggestion engine: who qualifies, where, how loaded.

Every lookup is over numpy arrays or cached groupings (a pool split by zone once, then
reused for every finding of that zone), never a Python loop over the nodes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["Pools"]


class Pools:
    """Pool lookups over a :class:`~partylinks.change._world.World` (``self.w``), with
    the cadre table ``self.cad`` and the candidate count per need ``self.m``."""

    _cache: dict

    def best(self, ids, cap: str | None, zone, k: int | None = None, exclude=(),
             anywhere=True, first=()) -> list[str]:
        """Up to k of ``ids`` with room for ``cap``: same zone first, then those in
        ``first``, then the fewest posts held, then by id."""
        w, k = self.w, k or self.m
        ids = pd.Index(list(ids) if not isinstance(ids, pd.Index) else ids, dtype=object)
        if not len(ids):
            return []
        same = (w.zone_s.reindex(ids).to_numpy() == zone) if zone is not None \
            else np.zeros(len(ids), dtype=bool)
        if cap is None:
            load = np.zeros(len(ids))
            ok = np.ones(len(ids), dtype=bool)
        else:
            load = w.load_by[cap].reindex(ids).fillna(0).to_numpy()
            ok = load < w.capacity[cap]
        if len(exclude):
            ok &= ~ids.isin(list(exclude))
        if not anywhere:
            ok &= same
        pref = ~ids.isin(list(first)) if len(first) else np.zeros(len(ids), dtype=bool)
        idx = np.flatnonzero(ok)
        order = np.lexsort((ids.to_numpy()[idx].astype(str), load[idx], pref[idx],
                            ~same[idx]))
        return ids[idx[order[:k]]].tolist()

    def cached(self, key, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def into(self, target, etype) -> set:
        """Sources of the edges of type ``etype`` into ``target`` (any date)."""
        def make():
            e = self.w.g.edges
            e = e[(e["type"] == etype).to_numpy()]
            return pd.Series(e["source"].astype(object).to_numpy()).groupby(
                e["target"].astype(object).to_numpy()).agg(set).to_dict()
        return self.cached(("into", etype), make).get(target, set())

    def neighbours(self, x) -> set:
        ug = self.w.ug
        i = self.w.uidx.get(x)
        if i is None:
            return set()
        return set(ug.ids[ug.adj[i].indices])

    def in_zone(self, name: str, ids, zone) -> list:
        """The members of the pool ``ids`` (cached under ``name``) in ``zone``."""
        def make():
            ids_ = pd.Index(ids, dtype=object)
            return pd.Series(ids_).groupby(self.w.zone_s.reindex(ids_).to_numpy()).agg(list)
        return self.cached(("zone", name), make).get(zone, [])

    def cadres_of(self, unit) -> list:
        by_home = self.cached("by_home", lambda: self.cad.groupby("home")["id"].agg(list))
        return by_home.get(unit, [])

