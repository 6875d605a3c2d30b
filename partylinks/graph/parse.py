"""Typed parsing of the raw tables, with every problem recorded, never guessed away.

Each check is vectorized (it works on whole columns, mapping only the distinct values
through Python), so a table of millions of rows is checked in seconds. Problems are
collected as rows ``(severity, code, table, file, row, column, value, fields)``; the
public :func:`partylinks.validate` turns them into a DataFrame with messages.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from .io import RawDataset, Table
from .schema import _FALSE, _TRUE, BOOLEAN_COLUMNS, INTEGER_COLUMNS, Schema

__all__ = ["parse_dataset", "parse_dates", "Problems"]

_EVENT_KIND_ALIASES = {
    "联席会议": "joint_meeting", "轮值商办": "rotating_host", "三方共评": "review",
    "活动": "activity", "主题党日": "activity", "共建活动": "activity",
}
_UNIT_SPLIT = re.compile(r"[;；,，、|\s]+")


class Problems:
    """Collects problems as column batches; cheap even for millions of rows."""

    def __init__(self) -> None:
        self.batches: list[pd.DataFrame] = []

    def add(self, code: str, table: Table | str, rows, column, values, *, severity="error",
            fields: list[dict] | dict | None = None, file: str | None = None) -> None:
        rows = np.atleast_1d(np.asarray(rows, dtype=object))
        n = len(rows)
        if n == 0:
            return
        if isinstance(table, Table):
            tname, tfile = getattr(table, "name", ""), table.file
        else:
            tname, tfile = table, ""
        if isinstance(fields, dict) or fields is None:
            fields = [fields or {}] * n
        vals = np.atleast_1d(np.asarray(values, dtype=object))
        if len(vals) == 1 and n > 1:
            vals = np.repeat(vals, n)
        self.batches.append(pd.DataFrame({
            "severity": severity, "code": code, "table": tname, "file": file or tfile,
            "row": rows, "column": column, "value": vals, "fields": fields,
        }))

    def add_dict(self, d: dict) -> None:
        d = dict(d)
        extra = {k: d.pop(k) for k in list(d) if k not in
                 ("severity", "code", "table", "file", "row", "column", "value")}
        d["fields"] = extra
        self.batches.append(pd.DataFrame([d]))

    def frame(self) -> pd.DataFrame:
        cols = ["severity", "code", "table", "file", "row", "column", "value", "fields"]
        if not self.batches:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
        return pd.concat(self.batches, ignore_index=True)[cols]

    @property
    def n_errors(self) -> int:
        return int(sum((b["severity"] == "error").sum() for b in self.batches))


def _map_unique(s: pd.Series, fn) -> pd.Series:
    """Apply ``fn`` to each distinct non-null value only (fast on repetitive columns)."""
    uniq = pd.unique(s.dropna())
    table = {u: fn(u) for u in uniq}
    return s.map(table)


def parse_dates(s: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Parse a text column of dates; return ``(datetime64 Series, bad mask)``.

    Accepted: ``2024-06-30``, ``2024/6/30``, ``2024.6.30``, ``20240630``,
    ``2024年6月30日``, and any of these followed by a time of day (dropped). Empty cells
    are missing (NaT) and not bad; anything else that does not parse is bad.

    Examples
    --------
    >>> d, bad = parse_dates(pd.Series(["2024年6月30日", "2024/7/1", None, "30/06/2024"]))
    >>> [str(x.date()) if pd.notna(x) else None for x in d], bad.tolist()
    (['2024-06-30', '2024-07-01', None, None], [False, False, False, True])
    """
    def one(v: str):
        t = str(v).strip()
        t = re.sub(r"[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", t)
        t = t.replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-")
        t = t.replace(".", "-")
        if re.fullmatch(r"\d{8}", t):
            t = f"{t[:4]}-{t[4:6]}-{t[6:]}"
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
        if not m:
            return pd.NaT
        try:
            return pd.Timestamp(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return pd.NaT
    s = s.astype(object)
    parsed = pd.to_datetime(_map_unique(s, one), errors="coerce")
    bad = (s.notna() & parsed.isna()).to_numpy()
    return parsed.astype("datetime64[ns]"), bad


def _require(t: Table, cols: tuple[str, ...], schema: Schema, p: Problems) -> bool:
    ok = True
    for c in cols:
        if c not in t.frame.columns:
            aliases = [a for a, v in schema.column_aliases.items() if v == c and a != c.lower()]
            p.add("missing_column", t, [1], c, [None],
                  fields={"column": c, "aliases": ", ".join([c] + aliases[:6])})
            ok = False
    return ok


def _missing(t: Table, col: str, p: Problems) -> np.ndarray:
    miss = t.frame[col].isna().to_numpy()
    if miss.any():
        p.add("missing_value", t, t.rows[miss], t.header(col), None, fields={"column": col})
    return miss


def _ints(t: Table, col: str, p: Problems) -> pd.Series:
    s = t.frame[col]
    num = pd.to_numeric(s, errors="coerce")
    bad = (s.notna() & (num.isna() | (num % 1 != 0))).to_numpy()
    if bad.any():
        p.add("bad_integer", t, t.rows[bad], t.header(col), s[bad].to_numpy(),
              fields=[{"value": v} for v in s[bad]])
    return num.where(~bad).astype("Int64")


def _bools(t: Table, col: str, p: Problems) -> pd.Series:
    s = t.frame[col]

    def one(v):
        x = str(v).strip().lower()
        return True if x in _TRUE else False if x in _FALSE else None
    out = _map_unique(s, one)
    bad = (s.notna() & out.isna()).to_numpy()
    if bad.any():
        p.add("bad_boolean", t, t.rows[bad], t.header(col), s[bad].to_numpy(),
              fields=[{"value": v} for v in s[bad]])
    return out.astype("boolean")


def _with_fields(p: Problems, code: str, t: Table, mask: np.ndarray, col: str,
                 values: pd.Series, **common) -> None:
    if mask.any():
        vals = values[mask].to_numpy()
        p.add(code, t, t.rows[mask], t.header(col), vals,
              fields=[{"value": v, **common} for v in vals])


def _parse_nodes(t: Table, schema: Schema, p: Problems) -> pd.DataFrame | None:
    t.name = "nodes"
    if not _require(t, ("id", "type"), schema, p):
        return None
    if len(t.frame) == 0:
        p.add("empty_file", t, [1], None, [None])
        return None
    f = t.frame
    _missing(t, "id", p)
    miss_type = _missing(t, "type", p)
    mapped = _map_unique(f["type"], schema.node_type_of)
    unknown = (~miss_type) & mapped.isna().to_numpy()
    _with_fields(p, "unknown_node_type", t, unknown, "type", f["type"],
                 allowed=" ".join(schema.node_types))
    ok = mapped.notna()
    types = pd.Series([None] * len(f), dtype=object)
    implied = pd.Series([None] * len(f), dtype=object)
    types[ok] = [m[0] for m in mapped[ok]]
    implied[ok] = [m[1] for m in mapped[ok]]
    ids = f["id"]
    dup = ids.duplicated(keep=False).to_numpy() & ids.notna().to_numpy()
    if dup.any():
        first_row = pd.Series(t.rows, index=f.index).groupby(ids).transform("first")
        later = dup & ids.duplicated(keep="first").to_numpy()
        vals = ids[later]
        p.add("duplicate_id", t, t.rows[later], t.header("id"), vals.to_numpy(),
              fields=[{"value": v, "first": r} for v, r in zip(vals, first_row[later])])
    out = pd.DataFrame({"id": ids.to_numpy(dtype=object)})
    out["type"] = pd.Categorical(types, categories=list(schema.node_types))
    for col in ("name", "zone"):
        out[col] = f[col].to_numpy(dtype=object) if col in f else None
    sub = f["subtype"].copy() if "subtype" in f else pd.Series([None] * len(f), dtype=object)
    sub = _map_unique(sub, lambda v: schema.value_of("subtype", v)).astype(object)
    sub = sub.where(sub.notna(), implied)
    out["subtype"] = sub.to_numpy(dtype=object)
    for col in INTEGER_COLUMNS:
        if col in f:
            out[col] = _ints(t, col, p).to_numpy()
    for col in BOOLEAN_COLUMNS:
        if col in f:
            out[col] = _bools(t, col, p).to_numpy()
    if "rank" in f:
        out["rank"] = _map_unique(f["rank"], lambda v: schema.value_of("rank", v)).to_numpy(
            dtype=object)
    for col in f.columns:
        if col not in out.columns:
            out[col] = f[col].to_numpy(dtype=object)
    out["zone"] = out["zone"].astype("category")
    return out


def _parse_edges(t: Table, schema: Schema, node_types: pd.Series | None,
                 p: Problems) -> pd.DataFrame | None:
    t.name = "edges"
    if not _require(t, ("source", "target", "type"), schema, p):
        return None
    f = t.frame
    if len(f) == 0:
        return _empty_edges(schema)
    _missing(t, "source", p)
    _missing(t, "target", p)
    miss_type = _missing(t, "type", p)
    mapped = _map_unique(f["type"], schema.edge_type_of)
    unknown = (~miss_type) & mapped.isna().to_numpy()
    _with_fields(p, "unknown_edge_type", t, unknown, "type", f["type"],
                 allowed=" ".join(schema.edge_types))
    ok = mapped.notna()
    etype = pd.Series([None] * len(f), dtype=object)
    implied = pd.Series([None] * len(f), dtype=object)
    etype[ok] = [m[0] for m in mapped[ok]]
    implied[ok] = [m[1] for m in mapped[ok]]
    role = f["role"] if "role" in f else pd.Series([None] * len(f), dtype=object)
    role = _map_unique(role, schema.role_of).astype(object)
    role = role.where(role.notna(), implied)
    out = pd.DataFrame({"source": f["source"].to_numpy(dtype=object),
                        "target": f["target"].to_numpy(dtype=object)})
    out["type"] = pd.Categorical(etype, categories=list(schema.edge_types))
    out["role"] = role.to_numpy(dtype=object)
    for col in ("start", "end"):
        if col in f:
            d, bad = parse_dates(f[col])
            _with_fields(p, "bad_date", t, bad, col, f[col])
            out[col] = d.to_numpy()
        else:
            out[col] = pd.Series(pd.NaT, index=range(len(f)), dtype="datetime64[ns]").to_numpy()
    late = (out["end"] < out["start"]).to_numpy()
    if late.any():
        vals = f["end"][late]
        p.add("end_before_start", t, t.rows[late], t.header("end"), vals.to_numpy(),
              fields=[{"value": v, "start": s} for v, s in zip(vals, f["start"][late])])
    if "weight" in f:
        w = pd.to_numeric(f["weight"], errors="coerce")
        bad = (f["weight"].notna() & w.isna()).to_numpy()
        _with_fields(p, "bad_number", t, bad, "weight", f["weight"])
        out["weight"] = w.to_numpy(dtype=float)
    for col in f.columns:
        if col not in out.columns:
            out[col] = f[col].to_numpy(dtype=object)
    if node_types is not None:
        _check_endpoints(t, out, node_types, schema, p)
    return out


def _empty_edges(schema: Schema) -> pd.DataFrame:
    return pd.DataFrame({
        "source": pd.Series(dtype=object), "target": pd.Series(dtype=object),
        "type": pd.Categorical([], categories=list(schema.edge_types)),
        "role": pd.Series(dtype=object),
        "start": pd.Series(dtype="datetime64[ns]"), "end": pd.Series(dtype="datetime64[ns]"),
    })


def _check_endpoints(t: Table, e: pd.DataFrame, node_types: pd.Series, schema: Schema,
                     p: Problems) -> None:
    st = e["source"].map(node_types)
    tt = e["target"].map(node_types)
    for col, typ in (("source", st), ("target", tt)):
        dangling = (e[col].notna() & ~e[col].isin(node_types.index)).to_numpy()
        _with_fields(p, "dangling_endpoint", t, dangling, col, e[col])
    loop = (e["source"].notna() & (e["source"] == e["target"])).to_numpy()
    _with_fields(p, "self_loop", t, loop, "target", e["target"])
    known = e["type"].notna() & st.notna() & tt.notna()
    if known.any():
        # allowed (edge type, source type, target type) triples, checked on the distinct ones
        combos = pd.DataFrame({"e": e["type"].astype(object), "s": st.astype(object),
                               "t": tt.astype(object)})[known.to_numpy()]
        keys = combos.drop_duplicates()
        bad_keys = set()
        for et, s_, t_ in keys.itertuples(index=False):
            spec = schema.edge_types[et]
            if s_ not in spec.sources or t_ not in spec.targets:
                bad_keys.add((et, s_, t_))
        if bad_keys:
            idx = pd.MultiIndex.from_frame(combos)
            bad = np.zeros(len(e), dtype=bool)
            bad[np.flatnonzero(known.to_numpy())[idx.isin(list(bad_keys))]] = True
            rows = np.flatnonzero(bad)
            fields = []
            for i in rows:
                spec = schema.edge_types[e["type"].iat[i]]
                fields.append({
                    "edge_type": spec.name, "source_type": st.iat[i], "target_type": tt.iat[i],
                    "allowed": f"{'/'.join(sorted(spec.sources))} -> "
                               f"{'/'.join(sorted(spec.targets))}"})
            p.add("forbidden_endpoint", t, t.rows[bad], t.header("type"),
                  e["type"].astype(object)[bad].to_numpy(), fields=fields)
    for et, spec in schema.edge_types.items():
        if spec.acyclic:
            _check_cycles(t, e, et, p)


def _check_cycles(t: Table, e: pd.DataFrame, etype: str, p: Problems) -> None:
    sel = np.flatnonzero(((e["type"] == etype) & e["source"].notna()
                          & e["target"].notna()).to_numpy())
    if len(sel) == 0:
        return
    s, d = e["source"].to_numpy()[sel], e["target"].to_numpy()[sel]
    codes, uniq = pd.factorize(np.concatenate([s, d]))
    n = len(uniq)
    a, b = codes[: len(sel)], codes[len(sel):]
    m = csr_matrix((np.ones(len(sel)), (a, b)), shape=(n, n))
    _, comp = connected_components(m, directed=True, connection="strong")
    size = np.bincount(comp)
    in_cycle = (comp[a] == comp[b]) & (size[comp[a]] > 1)
    in_cycle |= a == b
    if in_cycle.any():
        rows = sel[in_cycle]
        labels = [" -> ".join(sorted(uniq[comp == c])) for c in comp[a[in_cycle]]]
        p.add("reports_to_cycle", t, t.rows[rows], t.header("target"), labels,
              fields=[{"value": v} for v in labels])


def _parse_events(t: Table, node_ids: pd.Index, schema: Schema, p: Problems) -> pd.DataFrame:
    t.name = "events"
    if not _require(t, ("date", "units"), schema, p):
        return None
    f = t.frame
    d, bad = parse_dates(f["date"])
    _with_fields(p, "bad_date", t, bad, "date", f["date"])
    kind = f["kind"] if "kind" in f else pd.Series([None] * len(f), dtype=object)
    kind = _map_unique(kind, lambda v: _EVENT_KIND_ALIASES.get(v, v)).astype(object)
    units = f["units"].map(lambda v: tuple(u for u in _UNIT_SPLIT.split(v) if u)
                           if isinstance(v, str) else ())
    out = pd.DataFrame({"date": d.to_numpy(), "kind": kind.to_numpy(dtype=object),
                        "units": units.to_numpy(dtype=object)})
    for col in f.columns:
        if col not in ("date", "kind", "units"):
            out[col] = f[col].to_numpy(dtype=object)
    long = out["units"].explode()
    unknown = long.notna() & ~long.isin(node_ids)
    if unknown.any():
        pos = unknown[unknown].index.to_numpy()
        p.add("events_unknown_unit", t, t.rows[pos], t.header("units"),
              long[unknown].to_numpy(), fields=[{"value": v} for v in long[unknown]])
    return out


def parse_dataset(raw: RawDataset, schema: Schema):
    """Parse and check a raw dataset.

    Returns
    -------
    nodes, edges, events : DataFrame or None
        Typed tables (None where a table could not be parsed at all).
    problems : Problems
        Every problem found, all at once.
    """
    p = Problems()
    for d in raw.problems:
        p.add_dict(d)
    nodes = _parse_nodes(raw.nodes, schema, p) if raw.nodes is not None else None
    node_types = None
    if nodes is not None:
        valid = nodes["id"].notna()
        node_types = pd.Series(nodes["type"].astype(object).to_numpy()[valid.to_numpy()],
                               index=pd.Index(nodes["id"][valid]))
        node_types = node_types[~node_types.index.duplicated()]
    edges = (_parse_edges(raw.edges, schema, node_types, p)
             if raw.edges is not None else None)
    events = None
    if raw.events is not None and node_types is not None:
        events = _parse_events(raw.events, node_types.index, schema, p)
    return nodes, edges, events, p
