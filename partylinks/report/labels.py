"""Report tables for people: every internal name (rule ids, node and tie types, roles,
yes/no, ``edge:<id>`` carriers, detail dicts) replaced by words in the reader's language.

The audit keeps, beside its tables, a small dictionary of labels (:func:`report_labels`):
the names of the nodes the report mentions, the labels of the schema's node and edge types,
and one sentence per unit-to-unit tie that carries a tie (``"edge:44"`` -> ``结对共建（A—B）``).
:func:`people_frame` turns any report table into the table a department prints.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..messages import MESSAGES, msg, resolve_lang
from ..messages.names import rule_name
from .safetext import xml_text

__all__ = ["report_labels", "rule_name", "detail_text", "people_frame", "column_header",
           "PERCENT_COLUMNS", "DECIMAL_COLUMNS"]

PERCENT_COLUMNS = frozenset({"largest_share", "branch_coverage", "isolated_share",
                             "fragile_share"})
"""Shares shown as percentages (``0.5`` -> ``50.0%``)."""
DECIMAL_COLUMNS = frozenset({"score", "strength", "mean_strength", "mean_score"})
"""Scores shown with two decimals."""

_IDENT = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$|^[a-z]+$")
_ID_LIST = {"related_ids", "isolates"}
_ID_ONE = {"u", "v", "home_unit", "sole_carrier", "candidate", "partner", "cadre_id", "who"}
_JOINED_IDS = {"carriers"}
_SCAN = _ID_LIST | _ID_ONE | _JOINED_IDS | {"detail"}


def _entry(key: str, lang: str) -> str | None:
    e = MESSAGES.get(key)
    return e[lang] if e else None


def report_labels(g, tables) -> dict:
    """The labels a report needs to speak without internal names.

    Returns ``{"names": {node id: name}, "types": {type: label_zh/label_en pair},
    "carriers": {"edge:<id>": (tie type, u name, v name)}}`` for the node ids and
    ``edge:<id>`` carriers found in ``tables`` (an iterable of DataFrames).

    Examples
    --------
    >>> import partylinks as pl
    >>> g = pl.datasets.house()
    >>> t = pl.metrics.bridges(g)
    >>> labs = report_labels(g, [t])
    >>> sorted(labs["names"])[:2], len(labs["carriers"]) > 0
    (['C1', 'E1'], True)
    """
    wanted: set[str] = set()
    for t in tables:
        for col in t.columns:
            s = t[col]
            if col not in _SCAN:
                continue
            for v in s.dropna().unique() if s.dtype != object else s:
                if isinstance(v, str):
                    wanted.update(v.split(";") if col in _JOINED_IDS else [v])
                elif isinstance(v, list | tuple | np.ndarray):
                    wanted.update(str(x) for x in v)
                elif isinstance(v, dict):
                    for x in v.values():
                        if isinstance(x, str):
                            wanted.add(x)
                        elif isinstance(x, list | tuple):
                            wanted.update(str(y) for y in x)
    ids = g.nodes["id"].astype(str)
    hit = ids.isin(wanted).to_numpy()
    names = dict(zip(ids[hit], g.nodes["name"].astype(object).where(
        g.nodes["name"].notna(), ids)[hit].astype(str), strict=True))
    types = {}
    for d in (g.schema.node_types, g.schema.edge_types):
        for k, t in d.items():
            types[k] = {"zh": t.label_zh, "en": t.label_en}
    carriers = {}
    edge_ids = sorted(int(w[5:]) for w in wanted if w.startswith("edge:") and w[5:].isdigit())
    if edge_ids:
        pos = pd.Index(g.edge_ids).get_indexer(edge_ids)
        all_names = pd.Series(g.nodes["name"].astype(object).to_numpy(),
                              index=ids.to_numpy())
        for e, p in zip(edge_ids, pos, strict=True):
            if p < 0:
                continue
            row = g.edges.iloc[p]
            u, v = str(row["source"]), str(row["target"])
            carriers[f"edge:{e}"] = (str(row["type"]), str(all_names.get(u, u)),
                                     str(all_names.get(v, v)))
    return {"names": names, "types": types, "carriers": carriers}


class _Speaker:
    """Turns values into words with one report's labels."""

    def __init__(self, lang: str, labels: dict | None, kinds: dict | None = None):
        self.lang = lang
        labels = labels or {}
        self.names = labels.get("names", {})
        self.types = labels.get("types", {})
        self.carriers = labels.get("carriers", {})
        self.kinds = kinds or {}
        self.sep = msg("rpt_list_sep", lang)

    def type_label(self, t) -> str:
        t = str(t)
        if t in self.types:
            return self.types[t][self.lang]
        return (_entry(f"sector_{t}", self.lang) or _entry(f"role_{t}", self.lang)
                or _entry(f"rpt_issue_{t}", self.lang) or _entry(f"kind_{t}", self.lang) or t)

    def name(self, v) -> str:
        v = str(v)
        if v in self.carriers:
            tie, u, w = self.carriers[v]
            return msg("rpt_carrier_edge", self.lang, tie=self.type_label(tie), u=u, v=w)
        if v.startswith("edge:"):
            return msg("rpt_carrier_edge_unknown", self.lang)
        return self.names.get(v, v)

    def word(self, v):
        """A value inside a detail or a list: a name, a label, or itself."""
        if isinstance(v, bool | np.bool_):
            return msg("rpt_yes" if v else "rpt_no", self.lang)
        if isinstance(v, list | tuple | np.ndarray):
            return self.sep.join(str(self.word(x)) for x in v)
        if not isinstance(v, str):
            return v
        if v in self.names or v.startswith("edge:"):
            return self.name(v)
        if "->" in v:
            return "→".join(self.type_label(p) for p in v.split("->"))
        if _IDENT.match(v):
            return self.type_label(v)
        return v

    def detail(self, d: dict) -> str:
        items = []
        for k, v in d.items():
            key = _entry(f"rpt_detail_{k}", self.lang) or (
                msg("rpt_detail_other", self.lang) if self.lang == "zh" else str(k))
            items.append(msg("rpt_detail_item", self.lang, key=key, value=self.word(v)))
        return msg("rpt_detail_sep", self.lang).join(items)

    def cell(self, col: str, v):
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, dict):
            return self.detail(v) or None
        if col in _ID_LIST or isinstance(v, list | tuple | np.ndarray):
            return self.sep.join(str(self.name(x)) if col in _ID_LIST else str(self.word(x))
                                 for x in v) or None
        if isinstance(v, bool | np.bool_):
            return msg("rpt_yes" if v else "rpt_no", self.lang)
        if not isinstance(v, str):
            return v
        v = xml_text(v)
        if col == "rule":
            return rule_name(v, self.kinds.get(v), self.lang)
        if col == "metric":
            return column_header(v, self.lang)
        if col in ("severity", "status"):
            return _entry(f"{col}_{v}", self.lang) or v
        if col in ("kind", "kind_label"):
            return _entry(f"kind_{v}", self.lang) or v
        if col in ("type", "node_type", "sector", "sole_carrier_kind", "tie_type", "role"):
            if col == "sole_carrier_kind" and v == "edge":
                return msg("rpt_carrier_edge_unknown", self.lang)
            return self.type_label(v)
        if col in ("tie_types", "sectors"):
            return self.sep.join(self.type_label(x) for x in v.split(";") if x)
        if col == "zones":
            return self.sep.join(x for x in v.split(";") if x)
        if col in _JOINED_IDS:
            return self.sep.join(self.name(x) for x in v.split(";") if x)
        if col in _ID_ONE:
            return self.name(v)
        return v


def detail_text(detail: dict, lang: str | None = None, labels: dict | None = None) -> str:
    """A finding's ``detail`` as words: ``key：value`` items joined by ``；``, ids replaced
    by names and internal values (issues, roles, sectors, directions) by their labels.

    Examples
    --------
    >>> detail_text({"issue": "missing_role", "missing_role": "support",
    ...              "candidate": "K9"}, "zh", {"names": {"K9": "林堃"}})
    '问题类型：缺少角色；缺少角色：提供保障；建议人选/单位：林堃'
    >>> detail_text({"present": "community->enterprise", "count": 6}, "en")
    'existing direction: community→enterprise; count: 6'
    """
    lang = resolve_lang(lang)
    return _Speaker(lang, labels).detail(detail)


def column_header(column: str, lang: str | None = None) -> str:
    """The header of a report column in ``lang`` (the column name when none is known).

    Examples
    --------
    >>> column_header("largest_share", "zh"), column_header("tie_types", "zh")
    ('最大连通块占比', '联系类型')
    >>> column_header("largest_share", "en")
    'largest share'

    """
    lang = resolve_lang(lang)
    text = _entry(f"col_{column}", lang) or _entry(f"rpt_col_{column}", lang) or str(column)
    return text.replace("_", " ") if lang == "en" and _IDENT.match(text) else text


def people_frame(df: pd.DataFrame, lang: str | None = None, labels: dict | None = None,
                 kinds: dict | None = None) -> pd.DataFrame:
    """``df`` as people read it: headers in ``lang``, every text value in words (rule
    names, type and role labels, yes/no, names for ids, details as ``key：value`` items);
    numbers are kept as numbers (see :data:`PERCENT_COLUMNS`, :data:`DECIMAL_COLUMNS` for
    how writers show them). ``kinds`` maps rule ids to their kinds.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"rule": ["isolated_units"], "enabled": [True],
    ...                   "type": ["enterprise"], "u": ["E1"]})
    >>> people_frame(t, "zh", {"names": {"E1": "永兴纺织"}}).iloc[0].tolist()
    ['孤立单位', '是', '企业', '永兴纺织']
    >>> list(people_frame(t, "zh").columns)
    ['规则', '启用', '类型', '单位甲']
    """
    lang = resolve_lang(lang)
    sp = _Speaker(lang, labels, kinds)
    out = {}
    for col in df.columns:
        s = df[col]
        if s.dtype == object or pd.api.types.is_string_dtype(s.dtype) or s.dtype == bool:
            vals = pd.Series([sp.cell(col, v) for v in s.astype(object)], dtype=object,
                             index=df.index)
        else:
            vals = s
        head = column_header(col, lang)
        while head in out:
            head += " "
        out[head] = vals
    return pd.DataFrame(out, index=df.index)
