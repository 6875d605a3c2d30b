"""A reproducible synthetic region of any size, with planted weak spots counted exactly.

:func:`synthetic` builds a region the way the bundled samples look, at any scale (a
million nodes in a few seconds, fully vectorized): most nodes are cadres, about 10% are
party branches, and the units (enterprises, communities, grids, agencies, projects,
parks, one council per zone) come in proportions like the samples. Every mechanism of
the schema is present: membership, hosting, a ``reports_to`` tree, containment, part-time
posts both ways (instructor / part-time member, and first secretaries), 1+1+1 teams,
council membership and convenors, liaisons by cadres and by agencies, grid staff,
co-building (joint branches included), dual registration. Edges are dated; some ended
before the audit date. About four edges per node.

A controlled share of weak spots is planted; :attr:`SyntheticRegion.planted` reports
their exact counts, computed from the generated edges with the definitions of the unit
projection, the metrics and the audit rules:

- **isolated units**: units with no cross-organization tie;
- **fragile units**: units with ties that are all carried by one carrier (one cadre, or
  one unit-to-unit edge); ``fragile_by_cadre`` of them by a cadre; **key persons**: the
  cadres who are such a sole carrier (their transfer isolates a unit);
- **one-way pairs**: community-enterprise pairs tied by a part-time post in one
  direction only;
- **incomplete teams**: projects whose 1+1+1 team, on the audit date, misses a role,
  has one cadre in two roles, or has an appointment that expired.

Isolation, fragility and one-way counts are the same with and without the audit date
(the planted spots do not depend on it); the team counts are on the audit date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import _synth_edges as se
from . import _synth_units as su
from ._synth_planted import count

__all__ = ["SyntheticRegion", "synthetic", "synthetic_graph"]

_LABEL = {"council": "协调委员会", "agency": "机关", "park": "园区", "community": "社区",
          "enterprise": "企业", "project": "重点项目", "grid": "网格", "branch": "党组织",
          "cadre": "党员"}
_KINDS = ("joint_meeting", "rotating_host", "review", "activity")


@dataclass
class SyntheticRegion:
    """A generated dataset: three tables and the planted weak spots.

    Unpacks as ``nodes, edges, events, planted = synthetic(...)``.

    Attributes
    ----------
    nodes : DataFrame
        ``id type name zone subtype level party_members above_scale rank is_young
        enterprise_facing``.
    edges : DataFrame
        ``source target type role start end``.
    events : DataFrame
        ``date kind units`` (unit ids separated by ``;``).
    planted : dict
        Parameters, counts by type, and the weak-spot counts and ids (module docstring).
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame
    events: pd.DataFrame
    planted: dict

    def __iter__(self):
        return iter((self.nodes, self.edges, self.events, self.planted))

    def __repr__(self) -> str:
        p = self.planted
        return (f"<SyntheticRegion: {len(self.nodes)} nodes, {len(self.edges)} edges, "
                f"{len(self.events)} events; {p['isolated_units']} isolated, "
                f"{p['fragile_units']} fragile, {p['one_way_pairs']} one-way, "
                f"{p['incomplete_teams']} incomplete teams>")

    def graph(self, validate: bool = True):
        """The region as a LinkGraph.

        With ``validate`` (default) it goes through :func:`partylinks.from_frames`, the
        same parsing and checks as a loaded file; without, the typed tables are wrapped
        directly (faster; the generator's output is valid by construction).
        """
        from ..graph.load import from_frames
        from ..graph.model import LinkGraph

        if validate:
            return from_frames(self.nodes, self.edges, self.events)
        ev = self.events.assign(units=self.events["units"].str.split(";").map(tuple))
        return LinkGraph(self.nodes.copy(), self.edges.copy(), events=ev)

    def write(self, out: str | Path, format: str = "csv") -> list[Path]:
        """Write ``nodes``, ``edges``, ``events`` (``.csv`` in UTF-8, or ``.parquet``) and
        ``planted.json`` into the folder ``out``; return the paths written."""
        if format not in ("csv", "parquet"):
            raise ValueError(f"format must be 'csv' or 'parquet', not {format!r}")
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in ("nodes", "edges", "events"):
            path = out / f"{name}.{format}"
            _write_table(getattr(self, name), path, format)
            paths.append(path)
        path = out / "planted.json"
        path.write_text(json.dumps(self.planted, ensure_ascii=False, indent=1), "utf-8")
        return paths + [path]


def _write_table(df: pd.DataFrame, path: Path, format: str) -> None:
    df = df.copy()
    for col in df.columns:
        if isinstance(df[col].dtype, pd.CategoricalDtype):
            df[col] = df[col].astype(str).where(df[col].notna(), None)
    if format == "parquet":
        df.to_parquet(path, index=False)
        return
    try:
        import pyarrow as pa
        import pyarrow.csv as pacsv
    except ImportError:
        df.to_csv(path, index=False, date_format="%Y-%m-%d")
        return
    table = pa.Table.from_pandas(df, preserve_index=False)
    cols = [c.cast(pa.date32()) if pa.types.is_timestamp(c.type) else c
            for c in table.columns]
    with open(path, "wb") as fh:  # no generated value needs quotes
        fh.write((",".join(table.column_names) + "\n").encode("utf-8"))
        pacsv.write_csv(pa.table(cols, names=table.column_names), fh,
                        pacsv.WriteOptions(include_header=False, quoting_style="none"))


def _cat(codes: np.ndarray, labels) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=list(labels))


def _nullable(values: np.ndarray, mask: np.ndarray, kind: str):
    if kind == "int":
        return pd.arrays.IntegerArray(values.astype(np.int64), ~mask)
    return pd.arrays.BooleanArray(values.astype(bool), ~mask)


def _node_frame(r: su.Region, ids: pd.Series, zones: list[str]) -> pd.DataFrame:
    t = r.ntype
    local = np.arange(len(t)) - np.array([r.offset[x] for x in su.TYPES])[t]
    labels = np.array([_LABEL[x] for x in su.TYPES], dtype=object)
    name = pd.Series(labels[t]).str.cat(pd.Series(local + 1).astype(str))
    council = t == su.T["council"]
    name[council] = [f"{zones[z]}党建工作协调委员会" for z in r.zone[council]]
    return pd.DataFrame({
        "id": ids,
        "type": _cat(t, su.TYPES),
        "name": name,
        "zone": _cat(r.zone, zones),
        "subtype": _cat(r.subtype, su.SUBTYPES),
        "level": _nullable(r.level, t == su.T["grid"], "int"),
        "party_members": _nullable(r.party_members, t == su.T["enterprise"], "int"),
        "above_scale": _nullable(r.above_scale, t == su.T["enterprise"], "bool"),
        "rank": _cat(_cadre_col(r, r.rank, -1), su.RANKS),
        "is_young": _nullable(_cadre_col(r, r.young, False), t == su.T["cadre"], "bool"),
        "enterprise_facing": _nullable(r.ent_facing, t == su.T["agency"], "bool"),
    })


def _cadre_col(r: su.Region, values: np.ndarray, fill) -> np.ndarray:
    out = np.full(len(r.ntype), fill, dtype=values.dtype)
    out[r.offset["cadre"]:] = values
    return out


def _events(rng: np.random.Generator, r: su.Region, ids: np.ndarray, arrs, start, as_of):
    """Joint meetings and reviews each quarter, monthly rotating hosts (council plus
    member units) and activities of co-building pairs."""
    src, dst, et = arrs[0], arrs[1], arrs[2]
    z = r.n_zones
    cm = et == se.E["council_member"]
    mem, mem_c = src[cm], dst[cm] - r.offset["council"]
    rows: list[tuple[np.ndarray, int, list[np.ndarray]]] = []
    quarters = pd.date_range(pd.Timestamp(start), pd.Timestamp(as_of), freq="QS")
    months = pd.date_range(pd.Timestamp(start), pd.Timestamp(as_of), freq="MS")
    sectors = [su.T["community"], su.T["park"], su.T["enterprise"]]
    for kind, periods, pools in ((0, quarters, [None] * 3), (2, quarters, sectors),
                                 (1, months, [None])):
        council = np.tile(np.arange(z), len(periods))
        day = (np.repeat(periods.to_numpy().astype("datetime64[D]"), z)
               + rng.integers(5, 25 if kind == 1 else 80, len(council)))
        picks = []
        for sector in pools:  # a review has one member of each sector
            m = slice(None) if sector is None else r.ntype[mem] == sector
            picks.append(su.pick(rng, mem[m], mem_c[m], council, z, fallback=False))
        ok = (day <= as_of) & np.all([p_ >= 0 for p_ in picks], axis=0)
        rows.append((day[ok], kind, [r.offset["council"] + council[ok]]
                     + [p_[ok] for p_ in picks]))
    cb = np.flatnonzero(et == se.E["co_building"])
    cb = cb[rng.random(len(cb)) < 0.1]
    host = np.arange(len(r.ntype))
    host[r.offset["branch"]:r.offset["branch"] + len(r.b_host)] = r.b_host
    day = start + rng.integers(0, int((as_of - start).astype(int)) + 1, len(cb))
    rows.append((day, 3, [host[src[cb]], host[dst[cb]]]))
    frames = []
    for day, kind, cols in rows:
        units = pd.Series(ids[cols[0]]).str.cat([pd.Series(ids[c]) for c in cols[1:]], sep=";")
        frames.append(pd.DataFrame({"date": day.astype("datetime64[ns]"),
                                    "kind": _KINDS[kind], "units": units}))
    ev = pd.concat(frames, ignore_index=True)
    return ev.sort_values(["date", "kind", "units"], kind="stable").reset_index(drop=True)


def synthetic(n_nodes: int, seed: int = 0, zones: int | None = None,
              weak_share: float = 0.02, start: str = "2023-01-01",
              as_of: str = "2025-06-30", edges_per_node: float = 4.0) -> SyntheticRegion:
    """Generate a synthetic region (see the module docstring for what it contains).

    Parameters
    ----------
    n_nodes : int
        Number of nodes (at least 1,000 per zone).
    seed : int
        Random seed: the same arguments give identical tables.
    zones : int, optional
        Number of zones (片区), each with its township, council and grids; default one
        per 2,500 nodes.
    weak_share : float
        Share of weak spots: about ``weak_share / 2`` of the enterprises, communities and
        level-3 grids are isolated and as many fragile; ``weak_share`` of the mutual
        appointments are one-way and of the projects have a defective team (at least one
        of each kind).
    start, as_of : str
        Ties start between ``start`` and 90 days before ``as_of``, the audit date of
        the planted counts.
    edges_per_node : float
        Target number of edges per node (extra registrations, liaisons and grid posts
        are added up to it).

    Returns
    -------
    SyntheticRegion
        ``nodes``, ``edges``, ``events``, ``planted`` (unpacks as a 4-tuple).

    Examples
    --------
    >>> nodes, edges, events, planted = synthetic(3000, seed=1)
    >>> len(nodes), int((nodes["type"] == "cadre").sum()) > len(nodes) // 2
    (3000, True)
    >>> planted["isolated_units"] == planted["undated"]["isolated_units"]
    True
    """
    zones = zones or max(1, round(n_nodes / 2500))
    if n_nodes < 1000 * zones:
        raise ValueError(f"n_nodes={n_nodes} is too small: use at least 1000 per zone")
    rng = np.random.default_rng(seed)
    d0, d1 = np.datetime64(start, "D"), np.datetime64(as_of, "D")
    r, extra = su.build_units(rng, n_nodes, zones, weak_share)
    su.build_branches(rng, r, extra["n_groups"])
    su.build_cadres(rng, r)
    ed = se.Edges(rng, d0, d1)
    se.structure(ed, r)
    se.ties(ed, r, weak_share, edges_per_node)
    arrs = ed.arrays()
    prefix = np.array([su.PREFIX[t] for t in su.TYPES], dtype=object)
    local = np.arange(len(r.ntype)) - np.array([r.offset[t] for t in su.TYPES])[r.ntype]
    ids = pd.Series(prefix[r.ntype]).str.cat(pd.Series(local + 1).astype(str))
    id_arr = ids.to_numpy(dtype=object)
    zone_names = [f"片区{i + 1:03d}" for i in range(zones)]
    nodes = _node_frame(r, ids, zone_names)
    src, dst, et, role, s_, e_ = arrs
    edges = pd.DataFrame({
        "source": ids.take(src).reset_index(drop=True),
        "target": ids.take(dst).reset_index(drop=True),
        "type": _cat(et, se.EDGE_TYPES),
        "role": _cat(role, se.ROLES),
        "start": s_.astype("datetime64[ns]"),
        "end": e_.astype("datetime64[ns]"),
    })
    events = _events(rng, r, id_arr, arrs, d0, d1)
    planted = _planted(r, id_arr, arrs, d1)
    planted.update({"n_nodes": n_nodes, "seed": seed, "zones": zones,
                    "weak_share": weak_share, "start": start, "as_of": as_of,
                    "counts": {"nodes": len(nodes), "edges": len(edges),
                               "events": len(events),
                               "nodes_by_type": _counts(nodes["type"]),
                               "edges_by_type": _counts(edges["type"])}})
    return SyntheticRegion(nodes, edges, events, planted)


def _counts(s: pd.Series) -> dict[str, int]:
    return {str(k): int(v) for k, v in s.value_counts(sort=False).items()}


def _planted(r: su.Region, ids: np.ndarray, arrs, day) -> dict:
    dated = count(ids, r.ntype, *arrs, day)
    undated = count(ids, r.ntype, *arrs, None)
    dated["ids"]["incomplete_teams"] = dated.pop("team_ids")
    undated.pop("ids")
    dated["undated"] = undated
    return dated


def synthetic_graph(n_nodes: int, seed: int = 0, *, validate: bool = True, **kwargs):
    """:func:`synthetic` as a LinkGraph (keyword arguments go to :func:`synthetic`).

    Examples
    --------
    >>> g = synthetic_graph(2000, seed=3)
    >>> g.n_nodes, g.issues.empty
    (2000, True)
    """
    return synthetic(n_nodes, seed, **kwargs).graph(validate=validate)
