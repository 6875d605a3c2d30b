"""What-if: what a transfer, a closure or a dropped mechanism would break.

The changed graph is built from ``g`` as follows, then compared with ``g`` on the same date
(:func:`partylinks.compare`, two-graph form):

- **removing a cadre** (a transfer) removes the cadre and every edge touching it: its
  works_at and member_of, and every tie it carries (part-time posts, service pairings,
  liaisons, grid staff posts, convening, dual registration);
- **removing a unit** (a closure) removes the unit and every edge touching it. Its
  branches stay in the data but lose their host (``hosted_by`` is gone): a branch without
  a host stands for no unit, so its ties (co-building, dual registration) drop out of the
  tie table, and its members without a ``works_at`` lose their home unit and their ties
  drop out too. They are listed in :attr:`WhatIf.orphans`, never silently dropped;
- **removing a mechanism** removes every edge of that tie type (``"co_building"`` or its
  Chinese name ``"结对共建"``; several may be given);
- **adding edges** (``add_edges``) appends edges that respect the schema's endpoint rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..graph.unitgraph import snapshot
from ..messages import check_lang, msg
from ._findings import default_as_of
from ._present import html_block, text_block, write
from .compare import Comparison, compare_states, state

__all__ = ["WhatIf", "simulate", "add_edges_to"]


@dataclass
class WhatIf:
    """The result of :func:`simulate`.

    Attributes
    ----------
    what : str
        The change, in words.
    comparison : Comparison
        The graph as is (*before*) against the changed graph (*after*) on ``as_of``.
    removed : DataFrame
        ``what`` (cadre, unit, mechanism, added), ``id``, ``name``, ``count`` (edges
        removed with it, or added).
    orphans : DataFrame
        Branches that lost their host unit and cadres that lost their home unit:
        ``id``, ``type``, ``name``, ``former_unit``, ``ties_unresolved`` (their tie edges
        that no longer project onto units); sorted by type, id.
    graph : LinkGraph
        The changed graph (all dates kept).
    """

    what: str
    comparison: Comparison
    removed: pd.DataFrame
    orphans: pd.DataFrame
    graph: object

    @property
    def units_isolated(self) -> pd.DataFrame:
        """Units that had a tie and have none after the change (see :class:`Comparison`)."""
        return self.comparison.units_isolated

    @property
    def components_added(self) -> int:
        """Components of the unit graph after the change minus before (a closed unit that
        was a component of its own counts -1)."""
        m = self.comparison.metrics.set_index("metric")
        return int(m.loc["components", "change"])

    @property
    def findings_opened(self) -> pd.DataFrame:
        """Findings the change opens (keyed as in :func:`partylinks.change.finding_key`)."""
        return self.comparison.findings_opened

    @property
    def findings_closed(self) -> pd.DataFrame:
        """Findings the change closes."""
        return self.comparison.findings_closed

    @property
    def metrics(self) -> pd.DataFrame:
        """``metric``, ``before``, ``after``, ``change`` (see :class:`Comparison`)."""
        return self.comparison.metrics

    @property
    def ties_lost(self) -> pd.DataFrame:
        """Ties of the graph as is that the change removes (the lapsed ties)."""
        return self.comparison.ties_lapsed

    def sections(self) -> dict[str, pd.DataFrame]:
        return {"removed": self.removed, "orphans": self.orphans} | self.comparison.sections()

    def lines(self) -> list[str]:
        out = self.comparison.lines()
        if len(self.orphans):
            t = self.orphans["type"]
            out.append(msg("chg_line_orphans", self.comparison.lang,
                           branches=int((t == "branch").sum()), cadres=int((t == "cadre").sum())))
        return out

    def _title(self) -> str:
        return msg("chg_title_whatif", self.comparison.lang, what=self.what)

    def __repr__(self) -> str:
        return text_block(self._title(), self.lines())

    def _repr_html_(self) -> str:
        return html_block(self._title(), self.lines(), self.sections(), self.comparison.lang)

    def write(self, path, lang: str | None = None):
        """Write every table to an ``.xlsx`` or ``.json`` file (as
        :meth:`Comparison.write`)."""
        lang = check_lang(lang or self.comparison.lang)
        return write(path, self.sections(), {"what": self.what, "summary": self.lines()}, lang)


def _ids(x) -> list[str]:
    if x is None:
        return []
    if isinstance(x, str):
        return [x]
    return [str(i) for i in x]


def _check_nodes(g, ids: list[str], allowed: Iterable[str], what: str) -> np.ndarray:
    codes = g.node_index.get_indexer(ids)
    if (codes < 0).any():
        unknown = [i for i, c in zip(ids, codes, strict=True) if c < 0]
        raise KeyError(f"{what}: unknown id(s) {unknown[:5]}")
    types = g.nodes["type"].astype(object).to_numpy()[codes]
    bad = [i for i, t in zip(ids, types, strict=True) if t not in set(allowed)]
    if bad:
        raise ValueError(f"{what}: {bad[:5]} are not of type {sorted(set(allowed))}")
    return codes


def _mechanisms(g, remove_mechanism) -> list[str]:
    out = []
    for m in _ids(remove_mechanism):
        hit = g.schema.edge_type_of(m)
        if hit is None or not g.schema.edge_types[hit[0]].tie:
            raise ValueError(f"remove_mechanism: {m!r} is not a tie type; "
                             f"known: {list(g.schema.tie_types)}")
        out.append(hit[0])
    return out


def add_edges_to(g, edges: pd.DataFrame, nodes: pd.DataFrame | None = None,
                 base_edges: pd.DataFrame | None = None):
    """``g`` (or the given node and edge tables) with ``edges`` appended.

    ``edges`` needs ``source``, ``target``, ``type`` (canonical or alias) and may have
    ``role``, ``start``, ``end``. Every end must be a node id and the types at both ends
    must be allowed by the schema (``g.schema.edge_types``); otherwise ``ValueError``.
    """
    nodes = g.nodes if nodes is None else nodes
    base = g.edges if base_edges is None else base_edges
    e = pd.DataFrame(edges).reset_index(drop=True).copy()
    types = pd.Series(nodes["type"].astype(object).to_numpy(), index=nodes["id"].astype(object))
    canon = []
    for i, r in e.iterrows():
        hit = g.schema.edge_type_of(str(r["type"]))
        if hit is None:
            raise ValueError(f"add_edges row {i}: unknown edge type {r['type']!r}")
        et = g.schema.edge_types[hit[0]]
        s, t = types.get(str(r["source"])), types.get(str(r["target"]))
        if s is None or t is None:
            raise ValueError(f"add_edges row {i}: {r['source']!r} or {r['target']!r} is not "
                             "a node id")
        if s not in et.sources or t not in et.targets:
            raise ValueError(f"add_edges row {i}: {et.name} cannot join {s} -> {t}")
        canon.append(et.name)
    e["type"] = canon
    for c in ("role", "start", "end"):
        if c not in e:
            e[c] = None
    e["start"] = pd.to_datetime(e["start"]).astype("datetime64[ns]")
    e["end"] = pd.to_datetime(e["end"]).astype("datetime64[ns]")
    kept = g._derive(nodes, base)
    b = kept.edges.copy()
    for end in ("source", "target", "type"):
        b[end] = b[end].astype(object)
    e = e[[c for c in e.columns if c in b.columns or c in ("source", "target", "type")]]
    kw = {}
    if hasattr(kept, "edge_ids"):   # stable edge ids: the new edges get new ones
        top = int(g.edge_ids.max()) + 1 if len(g.edge_ids) else 0
        kw["edge_ids"] = np.concatenate([kept.edge_ids, top + np.arange(len(e))])
    return type(g)(kept.nodes, pd.concat([b, e], ignore_index=True), schema=g.schema,
                   events=kept.events, issues=g.issues, provenance=g.provenance, **kw)


def _orphans(g, g2, as_of) -> pd.DataFrame:
    s1, s2 = snapshot(g, as_of), snapshot(g2, as_of)
    names = pd.Series(g.nodes["name"].to_numpy(dtype=object), index=g.node_index)
    kept = set(g2.node_index)
    unres = s2.unresolved_ties
    parts = []
    for typ, before, after in (("branch", s1.host_unit, s2.host_unit),
                               ("cadre", s1.home_unit, s2.home_unit)):
        lost = [i for i in before.index if i in kept and i not in after.index]
        n = pd.concat([unres["source"], unres["target"]]).value_counts()
        parts.append(pd.DataFrame({"id": lost, "type": typ, "name": names.reindex(lost).to_numpy(),
                                   "former_unit": before.reindex(lost).to_numpy(),
                                   "ties_unresolved": n.reindex(lost).fillna(0)
                                   .astype(np.int64).to_numpy()}))
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["type", "id"], kind="stable").reset_index(drop=True)


def simulate(g, remove_cadres: Iterable[str] = (), remove_units: Iterable[str] = (),
             remove_mechanism: str | Iterable[str] | None = None, as_of=None, policy=None,
             *, add_edges: pd.DataFrame | None = None, lang: str = "zh",
             findings: bool = True) -> WhatIf:
    """What would change if cadres were transferred, units closed, a mechanism dropped (or
    edges added): units newly isolated, components added, ties lost, findings opened and
    closed, and every metric of :class:`Comparison`.

    How the changed graph is built (what happens to a closed unit's branches and staff)
    is defined in :mod:`partylinks.change.simulate`. Both graphs are evaluated on
    ``as_of`` (default: the latest date in the data of ``g``, the date its audit uses).

    Parameters
    ----------
    g : LinkGraph
    remove_cadres : ids of cadres
    remove_units : ids of units
    remove_mechanism : str or list of str, optional
        Tie type(s) to drop entirely (canonical or Chinese names).
    as_of : date-like, optional
    policy : path, Policy or None
        The audit policy for the findings.
    add_edges : DataFrame, optional
        Edges to add (``source``, ``target``, ``type``, optional ``role``, ``start``,
        ``end``), checked against the schema's endpoint rules.
    lang : {"zh", "en"}
    findings : bool
        Compare audit findings too (default True).

    Returns
    -------
    WhatIf

    Examples
    --------
    >>> import partylinks as pl
    >>> w = pl.simulate(pl.datasets.house(), remove_cadres=["K1"], lang="en", findings=False)
    >>> w.ties_lost[["tie_type", "u", "v", "via"]]
             tie_type   u   v via
    0  part_time_post  C1  E1  K1
    >>> w.components_added, len(w.units_isolated)
    (0, 0)
    >>> w2 = pl.simulate(pl.datasets.house(), remove_units=["E1"], lang="en", findings=False)
    >>> w2.orphans[["id", "type", "former_unit", "ties_unresolved"]]
       id    type former_unit  ties_unresolved
    0  B2  branch          E1                0
    1  K2   cadre          E1                1
    """
    check_lang(lang)
    cadres, units, mechs = _ids(remove_cadres), _ids(remove_units), _mechanisms(g, remove_mechanism)
    c_codes = _check_nodes(g, cadres, ["cadre"], "remove_cadres")
    u_codes = _check_nodes(g, units, g.schema.unit_types, "remove_units")
    as_of = as_of if as_of is not None else default_as_of(g)
    keep = np.ones(len(g.nodes), dtype=bool)
    keep[c_codes] = False
    keep[u_codes] = False
    s, t = g.edge_codes()
    etype = g.edges["type"].astype(object).to_numpy()
    touch = ~(keep[s] & keep[t])
    by_mech = np.isin(etype, mechs) & ~touch
    ekeep = ~touch & ~by_mech
    names = pd.Series(g.nodes["name"].to_numpy(dtype=object), index=g.node_index)
    rows = []
    for what, codes in (("cadre", c_codes), ("unit", u_codes)):
        for c in codes:
            rows.append((what, g.node_index[c], names.iloc[c], int(((s == c) | (t == c)).sum())))
    for m in mechs:
        rows.append(("mechanism", m, g.schema.label(m, lang), int((by_mech & (etype == m)).sum())))
    nodes = g.nodes[keep]
    if add_edges is not None and len(add_edges):
        g2 = add_edges_to(g, add_edges, nodes=nodes, base_edges=g.edges[ekeep])
        rows.append(("added", "", "", len(add_edges)))
    else:
        g2 = g._derive(nodes, g.edges[ekeep])
    removed = pd.DataFrame(rows, columns=["what", "id", "name", "count"])
    parts = []
    if cadres:
        parts.append(msg("chg_what_cadres", lang, ids=", ".join(cadres)))
    if units:
        parts.append(msg("chg_what_units", lang, ids=", ".join(units)))
    if mechs:
        parts.append(msg("chg_what_mechanism", lang, ids=", ".join(mechs)))
    if add_edges is not None and len(add_edges):
        parts.append(msg("chg_what_added", lang, n=len(add_edges)))
    what = "; ".join(parts) or msg("chg_what_nothing", lang)
    sb = state(g, as_of, policy=policy, lang=lang, findings=findings)
    sa = state(g2, as_of, policy=policy, lang=lang, findings=findings)
    cmp = compare_states(sb, sa, msg("chg_label_now", lang), msg("chg_label_whatif", lang),
                         lang, findings)
    return WhatIf(what, cmp, removed, _orphans(g, g2, as_of), g2)
