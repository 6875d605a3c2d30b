"""What every rule reads: the graph on the audit date and lookups over it.

A rule function takes an :class:`AuditContext` and its :class:`~partylinks.rules.policy.Rule`
and returns a *raw findings* frame (:data:`RAW_COLUMNS`):

- ``node_id``: the unit, branch or cadre the finding is about;
- ``related_ids``: a list of the other ids involved;
- ``detail``: a dict, machine-readable (``{"missing_role": "support"}``);
- ``msg`` and ``sugg``: keys of :data:`partylinks.messages.MESSAGES` for the message and
  the suggestion;
- ``fields``: a dict of the values the two templates need, besides ``name`` (the node's
  name), which the engine adds.

The engine (:mod:`partylinks.rules.engine`) fills in ``node_type``, ``name`` and
``zone`` from the node table and formats the texts in the report language.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from ..graph.unitgraph import snapshot
from ..messages import MESSAGES

__all__ = ["AuditContext", "RAW_COLUMNS", "raw_findings", "empty_raw", "unchecked",
           "COLUMN_HEADERS"]

COLUMN_HEADERS = {"enterprise_facing": "涉企部门", "is_young": "年轻干部", "rank": "职级",
                  "subtype": "子类型", "party_members": "党员数", "level": "层级"}
"""The Chinese header of each node column a rule reads (named when it is absent)."""

RAW_COLUMNS = ["node_id", "related_ids", "detail", "msg", "sugg", "fields"]


def empty_raw() -> pd.DataFrame:
    """A raw findings frame with no rows."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in RAW_COLUMNS})


def raw_findings(node_id, related_ids, detail, msg, sugg, fields) -> pd.DataFrame:
    """A raw findings frame from equal-length sequences (``msg``/``sugg`` may be one key)."""
    n = len(node_id)
    if n == 0:
        return empty_raw()

    def col(v):
        return [v] * n if isinstance(v, str) else list(v)

    return pd.DataFrame({"node_id": list(node_id), "related_ids": list(related_ids),
                         "detail": list(detail), "msg": col(msg), "sugg": col(sugg),
                         "fields": list(fields)})


def unchecked(ctx: AuditContext, what: str, columns: list[str]) -> pd.DataFrame:
    """One raw finding saying that a check could not be made: the node columns
    ``columns`` it needs are absent (or empty). Its ``node_id`` is None (it is about the
    data, not a unit); ``detail`` = ``{"issue": "unchecked", "check": what,
    "missing_columns": columns}``; ``what`` is a message key naming the check."""
    zh = ctx.lang == "zh"
    cols = [f"{COLUMN_HEADERS.get(c, c)}（{c}）" if zh else f"{c} ({COLUMN_HEADERS.get(c, c)})"
            for c in columns]
    return raw_findings([None], [[]], [{"issue": "unchecked", "check": what,
                                        "missing_columns": list(columns)}],
                        "rule_unchecked", "sugg_unchecked",
                        [{"what": ctx.text(what), "columns": ctx.join(cols)}])


def _obj(values) -> pd.Series:
    """Values as an object Series (plain Python strings: hashing beats pandas 3's Arrow
    strings for the many ``isin`` and merges of the rules)."""
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.StringDtype):
        return pd.Series(_plain(values), dtype=object)
    return pd.Series(np.asarray(values, dtype=object), dtype=object)


def _plain(s: pd.Series) -> np.ndarray:
    """``s.to_numpy()`` of a text column of few distinct values (roles, subtypes, ranks),
    with each distinct string made a Python object once rather than once per row."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        data = pa.array(s.array)
        if isinstance(data, pa.ChunkedArray):
            data = data.combine_chunks()
        enc = pc.dictionary_encode(data)
        codes = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        uniques = enc.dictionary.to_pylist()
    except (ImportError, TypeError, ValueError, AttributeError):
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        uniques = list(np.asarray(uniques, dtype=object))
    lookup = np.empty(len(uniques) + 1, dtype=object)
    lookup[:-1] = uniques
    lookup[-1] = getattr(s.dtype, "na_value", np.nan)
    return lookup[codes]


class AuditContext:
    """The graph ``g`` on the audit date ``as_of``, the full graph, and cached lookups.

    Attributes
    ----------
    full : LinkGraph
        The graph as given (every edge, whatever its dates).
    g : LinkGraph
        ``full.at(as_of)``: the edges active on the audit date (shared with the metrics
        through :func:`partylinks.graph.unitgraph.snapshot`).
    as_of : Timestamp
    lang : str
    """

    def __init__(self, g, as_of: pd.Timestamp, lang: str = "zh"):
        self.full = g
        self.as_of = pd.Timestamp(as_of)
        self.lang = lang
        self.g = snapshot(g, self.as_of)
        self.cache: dict = {}

    # -- node lookups ------------------------------------------------------------------
    @cached_property
    def node_ids(self) -> pd.Index:
        """The node ids (position = node code), the graph's own index when it holds plain
        strings: one hash table for every lookup by id."""
        ix = self.g.node_index
        if ix.dtype == object and ix.name == "id":
            return ix
        return pd.Index(ix.to_numpy(dtype=object), dtype=object, name="id")

    @cached_property
    def types(self) -> pd.Series:
        """Node id -> type (str)."""
        return pd.Series(self.g.nodes["type"].astype(object).to_numpy(), index=self.node_ids,
                         dtype=object)

    @cached_property
    def names(self) -> pd.Series:
        """Node id -> name (the id when the name is missing)."""
        if "name" not in self.g.nodes:
            return pd.Series(self.node_ids.to_numpy(), index=self.node_ids, dtype=object)
        col = self.g.nodes["name"]
        if isinstance(col.dtype, pd.StringDtype) and not col.isna().any():
            # the text as it is stored: only the few names looked up become objects
            return pd.Series(col.array, index=self.node_ids)
        n = col.astype(object).to_numpy()
        ids = self.node_ids.to_numpy()
        return pd.Series(np.where(pd.isna(n), ids, n), index=self.node_ids, dtype=object)

    @cached_property
    def zones(self) -> pd.Series:
        """Node id -> zone (object, None when missing)."""
        z = self.g.nodes["zone"].astype(object).to_numpy() if "zone" in self.g.nodes else None
        return pd.Series(z, index=self.node_ids, dtype=object)

    def attr(self, column: str) -> pd.Series:
        """Node id -> the value of a node column (all missing when there is no such column).
        Made once per column and audit: do not modify it."""
        key = ("attr", column)
        if key not in self.cache:
            if column in self.g.nodes:
                c = self.g.nodes[column]
                c = _plain(c) if isinstance(c.dtype, pd.StringDtype) else c.to_numpy()
                v = pd.Series(c, index=self.node_ids)
            else:
                v = pd.Series(pd.NA, index=self.node_ids, dtype=object)
            self.cache[key] = v
        return self.cache[key]

    def known(self, column: str, *types: str) -> bool:
        """Whether the data says anything in a node column: the column exists and holds at
        least one value among the nodes of ``types`` (any node when none are given)."""
        if column not in self.g.nodes:
            return False
        v = self.attr(column)
        if types:
            v = v[self.types.isin(types).to_numpy()]
        return bool(v.notna().any())

    def flag(self, column: str) -> pd.Series:
        """Node id -> True where a yes/no column is true (missing counts as false)."""
        v = self.attr(column)
        return v.astype("boolean").fillna(False).astype(bool)

    def of_type(self, *types: str) -> pd.Index:
        """Ids of the nodes of the given types."""
        return self.node_ids[self.types.isin(types).to_numpy()]

    def name_of(self, ids) -> list:
        """Names of a sequence of ids (the id itself when unknown)."""
        s = pd.Series(list(ids), dtype=object)
        out = s.map(self.names)
        return out.where(out.notna(), s).tolist()

    # -- edges and ties ------------------------------------------------------------------
    def edges_of(self, *types: str, full: bool = False) -> pd.DataFrame:
        """Edges of the given types (active on the audit date unless ``full``), with
        ``source`` and ``target`` as plain ids."""
        key = ("edges", types, full)
        if key not in self.cache:
            e = (self.full if full else self.g).edges
            pos = np.flatnonzero(e["type"].isin(types).to_numpy())

            def col(name: str) -> pd.Series:  # only the rows and columns wanted
                return e[name].take(pos)

            self.cache[key] = pd.DataFrame({
                "source": _obj(col("source").astype(object)),
                "target": _obj(col("target").astype(object)),
                "type": _obj(col("type").astype(object)),
                "role": _obj(col("role")),
                "start": e["start"].to_numpy()[pos], "end": e["end"].to_numpy()[pos],
            }, copy=False)  # fresh columns: no need to copy them again
        return self.cache[key]

    @cached_property
    def ties(self) -> pd.DataFrame:
        """The tie table on the audit date with ``u``, ``v``, types as plain strings."""
        return self.ties_of()

    def ties_of(self, *tie_types: str, roles=None) -> pd.DataFrame:
        """The rows of :attr:`ties` whose ``tie_type`` is one of ``tie_types`` (none
        given: any) and, when ``roles`` is given, whose ``role`` is one of them. Only
        those rows are converted to plain strings; the index is the row of the tie in
        the tie table, as in :attr:`ties`."""
        key = ("ties", tie_types, None if roles is None else tuple(roles))
        if key in self.cache:
            return self.cache[key]
        t = self.g.ties()
        sel = np.ones(len(t), dtype=bool)
        if tie_types:
            sel &= t["tie_type"].isin(tie_types).to_numpy()
        if roles is not None:
            sel &= t["role"].isin(list(roles)).to_numpy(dtype=bool, na_value=False)
        pos = np.flatnonzero(sel)
        t = t.take(pos) if len(pos) < len(t) else t
        out = pd.DataFrame({
            "u": _obj(t["u"].astype(object)), "v": _obj(t["v"].astype(object)),
            "tie_type": _obj(t["tie_type"].astype(object)),
            "via": _obj(t["via"]), "role": _obj(t["role"]),
            "u_type": _obj(t["u_type"].astype(object)),
            "v_type": _obj(t["v_type"].astype(object)),
        }, copy=False)
        out.index = pd.RangeIndex(len(out)) if len(pos) == len(sel) else pd.Index(pos)
        self.cache[key] = out
        return out

    @cached_property
    def home(self) -> pd.Series:
        """Cadre id -> home unit id on the audit date (as ``g.home_unit``)."""
        return self._unit_of_type("cadre", "home_unit")

    @cached_property
    def host(self) -> pd.Series:
        """Branch id -> host unit id on the audit date (as ``g.host_unit``)."""
        return self._unit_of_type("branch", "host_unit")

    def _unit_of_type(self, node_type: str, name: str) -> pd.Series:
        """Node id -> unit id of the nodes of ``node_type`` that have a unit, in node
        order, looked up by node position."""
        uo = self.g.projection.unit_of
        tcat = self.g.nodes["type"].cat
        code = list(tcat.categories).index(node_type) if node_type in tcat.categories else -2
        pos = np.flatnonzero((tcat.codes.to_numpy() == code) & (uo >= 0))
        ids = self.node_ids
        return pd.Series(ids.to_numpy()[uo[pos]], index=ids[pos], name=name, dtype=object)

    @cached_property
    def sector(self) -> pd.Series:
        """Unit id -> sector (as ``g.sector``), from the node types' codes."""
        tcat = self.g.nodes["type"].cat
        lookup = np.array([self.g.schema.sector(c) for c in tcat.categories] + [None],
                          dtype=object)
        units = [i for i, c in enumerate(tcat.categories) if c in self.g.schema.unit_types]
        codes = tcat.codes.to_numpy()
        pos = np.flatnonzero(np.isin(codes, units))
        return pd.Series(lookup[codes[pos]], index=self.node_ids[pos], name="sector")

    # -- labels ----------------------------------------------------------------------------
    def text(self, key: str, **fields) -> str:
        """A message of :data:`MESSAGES` in the report language."""
        return MESSAGES[key][self.lang].format(**fields)

    def label(self, prefix: str, value) -> str:
        """The label ``MESSAGES[prefix + value]`` (the value itself when there is none)."""
        entry = MESSAGES.get(f"{prefix}{value}")
        return entry[self.lang] if entry else str(value)

    def type_label(self, t: str) -> str:
        return self.g.schema.label(t, self.lang)

    def join(self, items) -> str:
        """Items joined with the language's list separator."""
        return ("、" if self.lang == "zh" else ", ").join(str(i) for i in items)

    def candidate(self, name) -> str:
        """The " (for example NAME)" fragment, or "" when there is no candidate."""
        if name is None or (isinstance(name, float) and np.isnan(name)):
            return ""
        return self.text("sugg_candidate", name=name)
