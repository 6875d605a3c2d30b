"""Typed parsing of the raw tables, with every problem recorded, never guessed away.

Each check is vectorized (it works on whole columns, mapping only the distinct values
through Python), so a table of millions of rows is checked in seconds. Problems are
collected as rows ``(severity, code, table, file, row, column, value, fields)``; the
public :func:`partylinks.validate` turns them into a DataFrame with messages.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from .io import RawDataset, Table
from .schema import _FALSE, _TRUE, BOOLEAN_COLUMNS, INTEGER_COLUMNS, Schema

__all__ = ["parse_dataset", "parse_dates", "parse_date_text", "Problems"]

_EVENT_KIND_ALIASES = {
    "联席会议": "joint_meeting", "轮值商办": "rotating_host", "三方共评": "review",
    "活动": "activity", "主题党日": "activity", "共建活动": "activity",
}
_UNIT_SPLIT = re.compile(r"[;；,，、|\s]+")
_NAT = np.datetime64("NaT", "ns")


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
            origin = table.origin
            if (origin is not None and "file" in origin and n
                    and all(isinstance(r, (int, np.integer)) and 0 <= r < len(origin)
                            for r in rows)):
                # a table built from a ledger: rows are positions; name the ledger's cell
                pos = rows.astype(np.int64)
                tfile = origin["file"].to_numpy(dtype=object)[pos]
                heads = origin.get(f"h:{column}")
                column = (heads.to_numpy(dtype=object)[pos] if heads is not None
                          else column)
                rows = origin["row"].to_numpy(dtype=object)[pos]
        else:
            tname, tfile = table, ""
        if isinstance(fields, dict) or fields is None:
            fields = [fields or {}] * n
        vals = np.atleast_1d(np.asarray(values, dtype=object))
        if len(vals) == 1 and n > 1:
            vals = np.repeat(vals, n)
        self.batches.append(pd.DataFrame({
            "severity": severity, "code": code, "table": tname,
            "file": file if file else tfile,
            "row": rows, "column": column, "value": vals, "fields": fields,
        }))

    def add_dict(self, d: dict) -> None:
        self.add_dicts([d])

    def add_dicts(self, ds: list[dict]) -> None:
        """Problems given as dicts (the reader's), in one batch."""
        rows = []
        for d in ds:
            d = dict(d)
            extra = {k: d.pop(k) for k in list(d) if k not in
                     ("severity", "code", "table", "file", "row", "column", "value")}
            d["fields"] = extra
            rows.append(d)
        if rows:
            cols = ["severity", "code", "table", "file", "row", "column", "value", "fields"]
            self.batches.append(pd.DataFrame(rows, columns=cols).astype(object))

    def frame(self) -> pd.DataFrame:
        cols = ["severity", "code", "table", "file", "row", "column", "value", "fields"]
        if not self.batches:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
        return pd.concat(self.batches, ignore_index=True)[cols]

    @property
    def n_errors(self) -> int:
        return int(sum((b["severity"] == "error").sum() for b in self.batches))


def _factor(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, uniques)`` of a column: ``s[i] == uniques[codes[i]]``, code -1 for a
    missing cell. A Categorical column (the raw tables) gives them for free."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        return (s.cat.codes.to_numpy().astype(np.int64),
                np.asarray(s.cat.categories, dtype=object))
    codes, uniq = pd.factorize(s)
    return codes.astype(np.int64), np.asarray(uniq, dtype=object)


def _take(values, codes: np.ndarray, missing=None) -> np.ndarray:
    """``values[codes]`` as an object array, ``missing`` where the code is -1."""
    v = np.empty(len(values) + 1, dtype=object)
    for i, x in enumerate(values):  # element by element: values may be tuples
        v[i] = x
    v[-1] = missing
    return v[codes]


def _map_unique(s: pd.Series, fn) -> pd.Series:
    """Apply ``fn`` to each distinct non-null value only (fast on repetitive columns)."""
    codes, uniq = _factor(s)
    return pd.Series(_take([fn(u) for u in uniq], codes), index=s.index, dtype=object)


def _type_codes(s: pd.Series, lookup, names: list[str]) -> tuple[np.ndarray, np.ndarray,
                                                                  np.ndarray]:
    """Map a type column through ``lookup`` (value -> ``(type, implied)`` or None):
    ``(type codes into names, -1 when missing or unknown; implied values; unknown mask)``."""
    codes, uniq = _factor(s)
    found = [lookup(u) for u in uniq]
    pos = {n: i for i, n in enumerate(names)}
    tcode = np.array([pos[m[0]] if m else -1 for m in found] + [-1], dtype=np.int64)
    unknown = np.array([m is None for m in found] + [False], dtype=bool)
    implied = _take([m[1] if m else None for m in found], codes)
    return tcode[codes], implied, unknown[codes]


def _numbers(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(float values, NaN when missing or not a number; not-a-number mask)``."""
    codes, uniq = _factor(s)
    # full-width digits (８６) as typed with a Chinese input method are digits too
    text = [unicodedata.normalize("NFKC", u) if isinstance(u, str) else u for u in uniq]
    num = pd.to_numeric(pd.Series(text, dtype=object), errors="coerce")
    vals = np.append(num.to_numpy(dtype=float, na_value=np.nan), np.nan)[codes]
    return vals, (codes >= 0) & np.isnan(vals)


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9, "十": 10}
_CN_NUMBER = re.compile(r"[〇零一二两三四五六七八九十]+")
_EXCEL_EPOCH = date(1899, 12, 30)


def _cn_number(m: re.Match) -> str:
    """``二〇二四`` -> ``2024`` (digit by digit), ``十二`` -> ``12``, ``三十一`` -> ``31``."""
    t = m.group(0)
    if "十" not in t:
        return "".join(str(_CN_DIGITS[c]) for c in t)
    tens, _, ones = t.partition("十")
    return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0))


def _month_end(y: int, m: int) -> int:
    return (date(y + m // 12, m % 12 + 1, 1) - date(y, m, 1)).days


def parse_date_text(v: object, end: bool = False) -> np.datetime64:
    """One date as offices write it, or NaT when it is not one.

    Accepted: ``2024-06-30``, ``2024/6/30``, ``2024.6.30``, ``20240630``, ``2024年6月30日``
    (also in Chinese numerals, ``二〇二四年六月三十日``), any of these followed by a time of day
    (dropped); an Excel date serial (``45473``, a whole number from 15,000 to 109,574, i.e.
    1941-01-25 to 2199-12-31, counted from 1899-12-30 as Excel does; a smaller number such as
    ``2024`` is a year, not a date, and is refused); and **month
    precision** ``2024年6月``, ``2024-6``, ``2024/06``, ``2024.6`` (also the number 2024.6
    as Excel stores it), which stands for the first day of the month, or the last day when
    ``end`` is true (an end date written as a month means "until the end of that month").

    Examples
    --------
    >>> days = ["2024年6月", "2024.6", "45473", "二〇二四年六月三十日"]
    >>> [str(parse_date_text(x))[:10] for x in days]
    ['2024-06-01', '2024-06-01', '2024-06-30', '2024-06-30']
    >>> str(parse_date_text("2024-2", end=True))[:10], str(parse_date_text("2024.13"))
    ('2024-02-29', 'NaT')
    """
    t = str(v).strip()
    if _CN_NUMBER.search(t) and ("年" in t or "月" in t):
        t = _CN_NUMBER.sub(_cn_number, t)
    t = re.sub(r"[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", t)
    if re.fullmatch(r"\d{1,6}(\.0+)?", t) and not re.fullmatch(r"\d{8}", t):
        n = int(float(t))
        if 15000 <= n <= 109574:
            d = _EXCEL_EPOCH + pd.Timedelta(days=n).to_pytimedelta()
            return np.datetime64(d.isoformat(), "ns")
        return _NAT
    t = t.replace("年", "-").replace("月", "-").replace("日", "").replace("号", "")
    t = t.replace("/", "-").replace(".", "-").rstrip("-")
    if re.fullmatch(r"\d{8}", t):
        t = f"{t[:4]}-{t[4:6]}-{t[6:]}"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", t)
    if not m or not 1678 <= int(m[1]) <= 2261:  # the datetime64[ns] range
        return _NAT
    y, mo = int(m[1]), int(m[2])
    if not 1 <= mo <= 12:
        return _NAT
    if m[3] is None:
        day = _month_end(y, mo) if end else 1
    else:
        day = int(m[3])
    try:
        date(y, mo, day)
    except ValueError:
        return _NAT
    return np.datetime64(f"{y}-{mo:02d}-{day:02d}", "ns")


def parse_dates(s: pd.Series, end: bool = False) -> tuple[pd.Series, np.ndarray]:
    """Parse a text column of dates; return ``(datetime64 Series, bad mask)``.

    Each distinct value is parsed once by :func:`parse_date_text` (full dates, Chinese
    dates, Excel serials, and month precision: the first day of the month, or the last
    when ``end`` is true). Empty cells are missing (NaT) and not bad; anything else that
    does not parse is bad.

    Examples
    --------
    >>> d, bad = parse_dates(pd.Series(["2024年6月30日", "2024/7/1", None, "30/06/2024"]))
    >>> [str(x.date()) if pd.notna(x) else None for x in d], bad.tolist()
    (['2024-06-30', '2024-07-01', None, None], [False, False, False, True])
    >>> d, _ = parse_dates(pd.Series(["2024年6月"]), end=True)
    >>> str(d[0].date())
    '2024-06-30'
    """
    codes, uniq = _factor(s)
    vals = np.array([parse_date_text(u, end) for u in uniq] + [_NAT],
                    dtype="datetime64[ns]")[codes]
    return pd.Series(vals, index=s.index), (codes >= 0) & np.isnat(vals)


def _require(t: Table, cols: tuple[str, ...], schema: Schema, p: Problems) -> bool:
    ok = True
    for c in cols:
        if c not in t.frame.columns:
            aliases = [a for a, v in schema.column_aliases.items() if v == c and a != c.lower()]
            p.add("missing_column", t, [t.header_row], c, [None],
                  fields={"column": c, "aliases": ", ".join([c] + aliases[:6])})
            ok = False
    return ok


def _missing(t: Table, col: str, p: Problems) -> np.ndarray:
    miss = t.frame[col].isna().to_numpy()
    if miss.any():
        p.add("missing_value", t, t.rows[miss], t.header(col), None, fields={"column": col})
    return miss


_INT_LIMIT = 2.0 ** 53
"""Whole numbers are kept exactly up to 2**53 (a float holds every integer up to there)."""


def _ints(t: Table, col: str, p: Problems) -> pd.Series:
    """A whole-number column (``party_members``, ``level``): not a number, not finite,
    not whole, beyond +-2**53 or (a count) negative is an error with row and value."""
    s = t.frame[col]
    num, nan = _numbers(s)
    present = ~np.isnan(num)
    inf = present & ~np.isfinite(num)
    huge = present & ~inf & (np.abs(np.where(inf, 0, num)) > _INT_LIMIT)
    frac = present & ~inf & ~huge & (np.where(inf | huge, 0, num) % 1 != 0)
    bad = nan | frac
    if bad.any():
        p.add("bad_integer", t, t.rows[bad], t.header(col), s[bad].to_numpy(dtype=object),
              fields=[{"value": v} for v in s[bad]])
    _with_fields(p, "not_finite", t, inf, col, s)
    _with_fields(p, "number_out_of_range", t, huge, col, s, low=f"{-_INT_LIMIT:.0f}",
                 high=f"{_INT_LIMIT:.0f}")
    bad |= inf | huge
    if col == "party_members":
        neg = present & ~bad & (num < 0)
        _with_fields(p, "negative_count", t, neg, col, s)
        bad |= neg
    return pd.Series(np.where(bad, np.nan, num)).astype("Int64")


def _bools(t: Table, col: str, p: Problems) -> pd.Series:
    s = t.frame[col]

    def one(v):
        x = str(v).strip().lower()
        return True if x in _TRUE else False if x in _FALSE else None
    out = _map_unique(s, one)
    bad = (s.notna() & out.isna()).to_numpy()
    if bad.any():
        p.add("bad_boolean", t, t.rows[bad], t.header(col), s[bad].to_numpy(dtype=object),
              fields=[{"value": v} for v in s[bad]])
    return out.astype("boolean")


def _with_fields(p: Problems, code: str, t: Table, mask: np.ndarray, col: str,
                 values: pd.Series, **common) -> None:
    if mask.any():
        vals = values[mask].to_numpy(dtype=object)
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
    _missing(t, "type", p)
    names = list(schema.node_types)
    tcode, implied, unknown = _type_codes(f["type"], schema.node_type_of, names)
    _with_fields(p, "unknown_node_type", t, unknown, "type", f["type"],
                 allowed=" ".join(schema.node_types))
    ids = f["id"]
    # an id typed with full-width characters (０１０４) is a different text from 0104: say so on
    # its own row, not only on the rows of edges that fail to find it
    codes, uniq = _factor(ids)
    wide = np.array([unicodedata.normalize("NFKC", u) != u for u in uniq] + [False])[codes]
    if wide.any():
        vals = ids[wide]
        p.add("fullwidth_id", t, t.rows[wide], t.header("id"), vals.to_numpy(dtype=object),
              severity="warning",
              fields=[{"value": v, "narrow": unicodedata.normalize("NFKC", v)} for v in vals])
    dup = ids.duplicated(keep=False).to_numpy() & ids.notna().to_numpy()
    if dup.any():
        first_row = pd.Series(t.rows, index=f.index).groupby(ids).transform("first")
        later = dup & ids.duplicated(keep="first").to_numpy()
        vals = ids[later]
        p.add("duplicate_id", t, t.rows[later], t.header("id"), vals.to_numpy(dtype=object),
              fields=[{"value": v, "first": r}
                      for v, r in zip(vals, first_row[later], strict=True)])
    out = pd.DataFrame({"id": ids.to_numpy(dtype=object)})
    out["type"] = pd.Categorical.from_codes(tcode, categories=names)
    for col in ("name", "zone"):
        out[col] = f[col].to_numpy(dtype=object) if col in f else None
    if "subtype" in f:
        sub = _map_unique(f["subtype"], lambda v: schema.value_of("subtype", v)).to_numpy()
        out["subtype"] = np.where(pd.isna(sub), implied, sub)
    else:
        out["subtype"] = implied
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


def _lookup(s: pd.Series, index: pd.Index) -> np.ndarray:
    """Position of each cell's value in ``index`` (-1 when missing or absent), looking up
    each distinct value once."""
    codes, uniq = _factor(s)
    return np.append(index.get_indexer(uniq), -1)[codes].astype(np.int64)


def _parse_edges(t: Table, schema: Schema, node_index: pd.Index | None,
                 node_type: np.ndarray | None, p: Problems) -> pd.DataFrame | None:
    t.name = "edges"
    if not _require(t, ("source", "target", "type"), schema, p):
        return None
    f = t.frame
    if len(f) == 0:
        return _empty_edges(schema)
    _missing(t, "source", p)
    _missing(t, "target", p)
    _missing(t, "type", p)
    names = list(schema.edge_types)
    ecode, implied, unknown = _type_codes(f["type"], schema.edge_type_of, names)
    _with_fields(p, "unknown_edge_type", t, unknown, "type", f["type"],
                 allowed=" ".join(schema.edge_types))
    if "role" in f:
        role = _map_unique(f["role"], schema.role_of).to_numpy()
        role = np.where(pd.isna(role), implied, role)
    else:
        role = implied
    if node_index is not None:
        src, dst = _lookup(f["source"], node_index), _lookup(f["target"], node_index)
        out = pd.DataFrame({"source": pd.Categorical.from_codes(src, categories=node_index),
                            "target": pd.Categorical.from_codes(dst, categories=node_index)})
    else:
        out = pd.DataFrame({"source": f["source"].to_numpy(dtype=object),
                            "target": f["target"].to_numpy(dtype=object)})
    out["type"] = pd.Categorical.from_codes(ecode, categories=names)
    out["role"] = role
    for col in ("start", "end"):
        if col in f:
            d, bad = parse_dates(f[col], end=col == "end")
            _with_fields(p, "bad_date", t, bad, col, f[col])
            out[col] = d.to_numpy()
        else:
            out[col] = pd.Series(pd.NaT, index=range(len(f)), dtype="datetime64[ns]").to_numpy()
    late = out["end"].to_numpy() < out["start"].to_numpy()
    if late.any():
        vals = f["end"][late]
        p.add("end_before_start", t, t.rows[late], t.header("end"), vals.to_numpy(),
              fields=[{"value": v, "start": s}
                      for v, s in zip(vals, f["start"][late], strict=True)])
    if "weight" in f:
        w, bad = _numbers(f["weight"])
        _with_fields(p, "bad_number", t, bad, "weight", f["weight"])
        inf = np.isinf(w)
        _with_fields(p, "not_finite", t, inf, "weight", f["weight"])
        w = np.where(inf, np.nan, w)
        out["weight"] = w
    for col in f.columns:
        if col not in out.columns:
            out[col] = f[col].to_numpy(dtype=object)
    if node_index is not None:
        _check_endpoints(t, f, src, dst, ecode, node_type, schema, p)
        _check_duplicate_rows(t, out, src, dst, ecode, schema, p)
    return out


def _check_duplicate_rows(t: Table, out: pd.DataFrame, src: np.ndarray, dst: np.ndarray,
                          ecode: np.ndarray, schema: Schema, p: Problems) -> None:
    """Warn about rows that exactly repeat an earlier row (same source, target, type, role
    and overlapping dates; :func:`partylinks.graph.projection.duplicate_rows`): counted
    once."""
    from .projection import duplicate_rows

    ok = (src >= 0) & (dst >= 0) & (ecode >= 0)
    pos = np.flatnonzero(ok)
    dup, first = duplicate_rows(src[pos], dst[pos], ecode[pos],
                                out["role"].to_numpy(dtype=object)[pos],
                                out["start"].to_numpy(dtype="datetime64[ns]")[pos],
                                out["end"].to_numpy(dtype="datetime64[ns]")[pos])
    if len(dup):
        rows = np.asarray(t.rows)
        shown = rows[pos[first]]
        if t.origin is not None:  # a ledger: rows are positions; name the ledger's row
            shown = t.origin["row"].to_numpy(dtype=object)[shown.astype(np.int64)]
        p.add("duplicate_edge", t, rows[pos[dup]], t.header("type"),
              out["type"].to_numpy(dtype=object)[pos[dup]], severity="warning",
              fields=[{"first": r} for r in shown])


def _empty_edges(schema: Schema) -> pd.DataFrame:
    return pd.DataFrame({
        "source": pd.Series(dtype=object), "target": pd.Series(dtype=object),
        "type": pd.Categorical([], categories=list(schema.edge_types)),
        "role": pd.Series(dtype=object),
        "start": pd.Series(dtype="datetime64[ns]"), "end": pd.Series(dtype="datetime64[ns]"),
    })


def _check_endpoints(t: Table, f: pd.DataFrame, src: np.ndarray, dst: np.ndarray,
                     ecode: np.ndarray, node_type: np.ndarray, schema: Schema,
                     p: Problems) -> None:
    """Dangling ends, self loops, endpoint types the schema forbids, cycles; ``src``,
    ``dst`` are node positions (-1 when absent), ``ecode`` edge type codes (-1 unknown),
    ``node_type`` the type code of each node position (-1 unknown)."""
    for col, code in (("source", src), ("target", dst)):
        dangling = f[col].notna().to_numpy() & (code < 0)
        _with_fields(p, "dangling_endpoint", t, dangling, col, f[col])
    loop = (src >= 0) & (src == dst)
    both = np.flatnonzero((src < 0) & (dst < 0) & f["source"].notna().to_numpy())
    if len(both):  # two absent ends can still be the same text
        same = (f["source"].to_numpy(dtype=object)[both]
                == f["target"].to_numpy(dtype=object)[both])
        loop[both[same]] = True
    _with_fields(p, "self_loop", t, loop, "target", f["target"])
    nt = len(schema.node_types)
    names = list(schema.edge_types)
    padded = np.append(node_type, -1)  # position -1 (absent end): type -1, even with no nodes
    st = padded[np.where(src >= 0, src, -1)]
    tt = padded[np.where(dst >= 0, dst, -1)]
    known = (ecode >= 0) & (st >= 0) & (tt >= 0)
    key = (ecode * nt + st) * nt + tt
    ntypes = list(schema.node_types)
    bad_keys = []
    for k in np.flatnonzero(np.bincount(key[known])):  # each (edge, source, target) type
        spec = schema.edge_types[names[k // (nt * nt)]]
        if ntypes[(k // nt) % nt] not in spec.sources or ntypes[k % nt] not in spec.targets:
            bad_keys.append(k)
    if bad_keys:
        bad = known & np.isin(key, bad_keys)
        fields = []
        for k in key[bad]:
            spec = schema.edge_types[names[k // (nt * nt)]]
            s_, t_ = ntypes[(k // nt) % nt], ntypes[k % nt]

            def zh(types) -> str:
                return "/".join(schema.label(x, "zh") for x in sorted(types))
            fields.append({
                "edge_type": spec.name, "source_type": s_, "target_type": t_,
                "allowed": f"{'/'.join(sorted(spec.sources))} -> "
                           f"{'/'.join(sorted(spec.targets))}",
                "edge_type_zh": schema.label(spec.name, "zh"),
                "source_type_zh": schema.label(s_, "zh"), "target_type_zh": schema.label(t_, "zh"),
                "allowed_zh": f"{zh(spec.sources)} -> {zh(spec.targets)}"})
        p.add("forbidden_endpoint", t, t.rows[bad], t.header("type"),
              np.asarray(names, dtype=object)[ecode[bad]], fields=fields)
    for et, spec in schema.edge_types.items():
        if spec.acyclic:
            _check_cycles(t, f, ecode == names.index(et), p)


def _check_cycles(t: Table, f: pd.DataFrame, of_type: np.ndarray, p: Problems) -> None:
    sel = np.flatnonzero(of_type & f["source"].notna().to_numpy()
                         & f["target"].notna().to_numpy())
    if len(sel) == 0:
        return
    s = f["source"].to_numpy(dtype=object)[sel]
    d = f["target"].to_numpy(dtype=object)[sel]
    codes, uniq = pd.factorize(np.concatenate([s, d]))
    n = len(uniq)
    a, b = codes[: len(sel)], codes[len(sel):]
    m = csr_matrix((np.ones(len(sel)), (a, b)), shape=(n, n))
    _, comp = connected_components(m, directed=True, connection="strong")
    size = np.bincount(comp)
    in_cycle = (comp[a] == comp[b]) & (size[comp[a]] > 1)
    loops = np.flatnonzero(a == b)
    if not in_cycle.any() and not len(loops):
        return
    # each cycle (a strongly connected part) once, at its first edge row
    first = np.flatnonzero(in_cycle)
    first = first[~pd.Series(comp[a[first]]).duplicated().to_numpy()]
    order = np.argsort(comp, kind="stable")
    starts = np.searchsorted(comp[order], np.arange(len(size)))
    labels = [_cycle_label(uniq[order[starts[c]: starts[c] + size[c]]])
              for c in comp[a[first]]]
    labels += [_cycle_label(uniq[[a[i]]]) for i in loops]
    rows = sel[np.concatenate([first, loops]).astype(np.int64)]
    p.add("reports_to_cycle", t, t.rows[rows], t.header("target"), labels,
          fields=[{"value": v} for v in labels])


_CYCLE_SHOWN = 5


def _cycle_label(members) -> str:
    """``B1 -> B2 -> B3`` for a short cycle; the first few members and the length of a
    long one (``B1, B2, B3, B4, B5, ... (10000)``), so that a long cycle is one line."""
    m = sorted(str(x) for x in members)
    if len(m) == 1:
        return f"{m[0]} -> {m[0]}"
    if len(m) <= _CYCLE_SHOWN:
        return " -> ".join(m)
    return f"{', '.join(m[:_CYCLE_SHOWN])}, ... ({len(m)})"


def _parse_events(t: Table, node_ids: pd.Index, schema: Schema, p: Problems) -> pd.DataFrame:
    t.name = "events"
    if not _require(t, ("date", "units"), schema, p):
        return None
    f = t.frame
    d, bad = parse_dates(f["date"])
    _with_fields(p, "bad_date", t, bad, "date", f["date"])
    kind = f["kind"] if "kind" in f else pd.Series([None] * len(f), dtype=object)
    kind = _map_unique(kind, lambda v: _EVENT_KIND_ALIASES.get(v, v)).astype(object)
    codes, uniq = _factor(f["units"])
    units = pd.Series(_take([tuple(u for u in _UNIT_SPLIT.split(str(v)) if u) for v in uniq],
                            codes, missing=()), index=f.index, dtype=object)
    no_date = f["date"].isna().to_numpy()  # a date or units cell that is empty: reported
    if no_date.any():
        p.add("event_missing_date", t, t.rows[no_date], t.header("date"), None)
    no_units = (units.map(len) == 0).to_numpy()
    if no_units.any():
        p.add("event_no_units", t, t.rows[no_units], t.header("units"),
              f["units"][no_units].to_numpy(dtype=object))
    out = pd.DataFrame({"date": d.to_numpy(), "kind": kind.to_numpy(dtype=object),
                        "units": units.to_numpy(dtype=object)})
    for col in f.columns:
        if col not in ("date", "kind", "units"):
            out[col] = f[col].to_numpy(dtype=object)
    long = out["units"].explode()
    vals = long.to_numpy(dtype=object)
    unknown = pd.Series(pd.notna(vals) & (node_ids.get_indexer(vals) < 0), index=long.index)
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
    p.add_dicts(raw.problems)
    nodes = _parse_nodes(raw.nodes, schema, p) if raw.nodes is not None else None
    index = node_type = None
    if nodes is not None:
        valid = nodes["id"].notna().to_numpy()
        ids = nodes["id"].to_numpy(dtype=object)[valid]
        first = ~pd.Index(ids).duplicated()
        index = pd.Index(ids[first], dtype=object, name="id")  # first occurrence of each
        node_type = nodes["type"].cat.codes.to_numpy().astype(np.int64)[valid][first]
    edges = (_parse_edges(raw.edges, schema, index, node_type, p)
             if raw.edges is not None else None)
    events = None
    if raw.events is not None and index is not None:
        events = _parse_events(raw.events, index, schema, p)
    return nodes, edges, events, p
