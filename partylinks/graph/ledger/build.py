"""Turning recognized ledger sheets into node, edge and event tables, names resolved to ids.

Resolution, for a name in a cell (see :func:`read_ledger` for the whole definition):

1. **Exact**: the normalized name (:func:`~partylinks.graph.ledger.names.normalize_name`)
   equals a known node's of an allowed type. A person is told apart from others of the
   same name by their own unit (a ``本职单位``/``所在单位`` column, or ``张三（县发改局）``).
2. **Near match**: otherwise the closest known name of an allowed type with a similarity of
   at least :data:`NEAR_MATCH` (RapidFuzz ``fuzz.ratio`` of the normalized names, 0-100) and
   the same numbers in it (``片区005`` never matches ``片区008``, nor ``一号楼`` ``二号楼``:
   :func:`~partylinks.graph.ledger.names.same_numbers`) is used, and a warning says so
   ("did you mean") with the row: never silently. A column that names the node it declares
   (a council in its members sheet) is never near-matched.
3. **Implied node**: otherwise, in a column that may imply one (a person's 所在单位, a
   branch's 依托单位, an enterprise's 所在园区, a council's name, ...), a new node is made,
   typed from its name (:func:`~partylinks.graph.ledger.names.guess_type`) or from the
   column, and listed as a warning for the user to confirm.
4. Otherwise it is an **error** naming file, sheet, row, column and value, with the closest
   candidates.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..io import Table, _text_frame
from .layout import NODE_FIELDS, EdgeSpec, SheetSpec
from .names import guess_type, normalize_name, same_numbers, split_names, split_person, stable_id
from .sheets import SheetRead

__all__ = ["LedgerBuild", "build_tables", "NEAR_MATCH"]

NEAR_MATCH = 85
"""The least RapidFuzz ``fuzz.ratio`` (0-100) of two normalized names for a near match."""

_UNIT_SUFFIX = {"community": ("居民委员会", "村民委员会", "居委会", "村委会")}


@functools.lru_cache(maxsize=1 << 18)
def _key(name: str, node_type: str) -> str:
    k = normalize_name(name, node_type)
    for suffix in _UNIT_SUFFIX.get(node_type, ()):
        if k.endswith(suffix) and len(k) > len(suffix):
            k = k[: -len(suffix)]
    return k


@dataclass
class _Node:
    id: str
    type: str
    name: str
    attrs: dict
    origin: tuple  # (file label, row, {field: header})
    implied: bool = False
    home: str | None = None  # for cadres: the home unit's node id


@dataclass
class LedgerBuild:
    """What the ledger reader made and how: the tables for validation, and provenance."""

    nodes: Table
    edges: Table
    events: Table | None
    notes: list[dict]
    implied: pd.DataFrame
    matches: pd.DataFrame


@dataclass
class _Builder:
    schema: object
    notes: list[dict] = field(default_factory=list)
    nodes: dict[str, _Node] = field(default_factory=dict)
    by_key: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    cadres: dict[str, list[str]] = field(default_factory=dict)
    edges: list[tuple] = field(default_factory=list)
    edge_seen: set = field(default_factory=set)
    implied_rows: list[dict] = field(default_factory=list)
    match_rows: list[dict] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)

    def confirmed(self, name: str) -> str:
        """The name a user confirmed for ``name`` (an alias file), else ``name``."""
        if not self.aliases:
            return name
        return self.aliases.get(name) or self.aliases.get(normalize_name(name)) or name

    # ------------------------------------------------------------------ notes
    def note(self, code: str, severity: str, where: tuple, header, value, **fields) -> None:
        """A problem at ``where`` = (file[sheet], Excel row), in the column ``header``."""
        self.notes.append({"code": code, "severity": severity, "file": where[0],
                           "row": where[1], "column": header, "value": value, **fields})

    # ------------------------------------------------------------------ nodes
    def add_node(self, node_type: str, name: str, attrs: dict, where: tuple, heads: dict,
                 *, home: str | None = None, implied: bool = False, given_id: str | None = None,
                 duplicate_of_sheet: bool = False) -> str:
        key = _key(name, node_type)
        if node_type == "cadre":
            home_key = home or ""
            nid = given_id or stable_id("cadre", f"{key}|{home_key}")
            existing = [i for i in self.cadres.get(key, []) if self.nodes[i].home == home]
        else:
            nid = given_id or stable_id(node_type, key)
            existing = self.by_key.get((node_type, key), [])
        if existing:
            n = self.nodes[existing[0]]
            if duplicate_of_sheet and n.origin[0] == where[0] and not n.implied:
                self.note("ledger_duplicate_row", "warning", where, heads.get("name", "name"),
                          name, first=n.origin[1])
            for f, v in attrs.items():
                old = n.attrs.get(f)
                if old is None:
                    n.attrs[f] = v
                elif old != v:
                    self.note("ledger_conflict", "warning", where, heads.get(f, f), v,
                              name=name, kept=old, first=f"{n.origin[0]}:{n.origin[1]}")
            return n.id
        if given_id is None:  # two names with one generated id (rare): the later gets a suffix
            base, k = nid, 2
            while nid in self.nodes:
                nid, k = f"{base}-{k}", k + 1
        if nid in self.nodes:  # an id given in the ledger used twice
            self.note("ledger_duplicate_id", "error", where, heads.get("id", "id"), nid,
                      name=name, other=self.nodes[nid].name)
            return nid
        self.nodes[nid] = _Node(nid, node_type, name, dict(attrs), (where[0], where[1], heads),
                                implied, home)
        if node_type == "cadre":
            self.cadres.setdefault(key, []).append(nid)
        else:
            self.by_key.setdefault((node_type, key), []).append(nid)
        return nid

    # ------------------------------------------------------------------ resolution
    def closest(self, name: str, types, limit: int = 3) -> list[tuple[str, float]]:
        """The closest known names of ``types``, best first, as (name, score): RapidFuzz
        ``fuzz.ratio`` of the normalized names, each type's normalization on both sides."""
        from rapidfuzz import fuzz, process

        scored: dict[str, float] = {}
        if "cadre" in types:
            pools = {"cadre": {k: self.nodes[ids[0]].name for k, ids in self.cadres.items()}}
        else:
            pools = {}
            for (t, k), ids in self.by_key.items():
                if t in types:
                    pools.setdefault(t, {})[k] = self.nodes[ids[0]].name
        for t, pool in pools.items():
            for k, score, _ in process.extract(_key(name, t), list(pool), scorer=fuzz.ratio,
                                               limit=limit):
                scored[pool[k]] = max(scored.get(pool[k], 0.0), float(score))
        return sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def resolve_unit(self, name: str, types: tuple[str, ...], implies: str | None,
                     where: tuple, header: str, zone: str | None,
                     declares: bool = False) -> str | None:
        name = self.confirmed(name)
        found = []
        for t in types:
            found += self.by_key.get((t, _key(name, t)), [])
        found = list(dict.fromkeys(found))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            guess = guess_type(name)
            preferred = [i for i in found if guess and self.nodes[i].type == guess[0]]
            if len(preferred) == 1:
                return preferred[0]
            self.note("ambiguous_name", "error", where, header, name,
                      candidates="、".join(f"{self.nodes[i].name}（{self.nodes[i].type}）"
                                          for i in found))
            return None
        near = [] if declares else self.closest(name, types, limit=1)
        if near and near[0][1] >= NEAR_MATCH and same_numbers(name, near[0][0]):
            target = near[0][0]
            nid = next(i for t in types for i in self.by_key.get((t, _key(target, t)), []))
            self.note("near_match", "warning", where, header, name, match=target,
                      score=round(near[0][1]))
            self.match_rows.append({"file": where[0], "row": where[1], "column": header,
                                    "value": name, "match": target, "id": nid,
                                    "score": round(near[0][1], 1)})
            return nid
        if implies is not None:
            guess = guess_type(name)
            node_type, subtype = guess if guess and guess[0] in types else (implies, None)
            if node_type == "cadre":
                return None
            attrs = {"zone": zone} if zone else {}
            if subtype:
                attrs["subtype"] = subtype
            nid = self.add_node(node_type, name, attrs, where, {"name": header},
                                implied=not declares)
            if declares:  # the column names the node (a council in its members sheet)
                return nid
            self.note("implied_node", "warning", where, header, name, type=node_type,
                      label_zh=self.schema.label(node_type, "zh"),
                      label_en=self.schema.label(node_type, "en"), zone=zone or "-")
            self.implied_rows.append({"id": nid, "type": node_type, "name": name,
                                      "zone": zone, "file": where[0], "row": where[1],
                                      "column": header})
            return nid
        cands = self.closest(name, types)
        self.note("unknown_name", "error", where, header, name,
                  candidates="、".join(c for c, _ in cands) or "-")
        return None

    def resolve_person(self, text: str, home_text: str | None, where: tuple, header: str,
                       home_header: str | None, zone: str | None) -> str | None:
        name, paren_home = split_person(self.confirmed(text))
        home_text = home_text or paren_home
        key = _key(name, "cadre")
        cands = self.cadres.get(key, [])
        home_id = None
        if home_text:
            home_id = self.resolve_unit(home_text, ("community", "park", "enterprise",
                                                    "agency"), "agency", where,
                                        home_header or header, zone)
            same = [i for i in cands if self.nodes[i].home == home_id]
            if len(same) == 1:
                return same[0]
            if len(same) > 1:
                self.note("ambiguous_person", "error", where, header, name,
                          homes=home_text)
                return None
        elif len(cands) == 1:
            return cands[0]
        elif len(cands) > 1:
            self.note("ambiguous_person", "error", where, header, name,
                      homes="、".join(self.nodes[self.nodes[i].home].name
                                     if self.nodes[i].home in self.nodes else "?"
                                     for i in cands))
            return None
        if home_id is not None:  # a person's zone is their own unit's
            zone = self.nodes[home_id].attrs.get("zone") or zone
        attrs = {"zone": zone} if zone else {}
        nid = self.add_node("cadre", name, attrs, where, {"name": header}, home=home_id,
                            implied=True)
        if home_id is not None:
            self.add_edge(nid, home_id, "works_at", None, None, None, where,
                          (header, home_header or header, "start", "end", "weight"))
        self.note("implied_cadre", "warning", where, header, name,
                  home=self.nodes[home_id].name if home_id else "-")
        self.implied_rows.append({"id": nid, "type": "cadre", "name": name, "zone": zone,
                                  "file": where[0], "row": where[1], "column": header})
        return nid

    def resolve(self, text: str, types: tuple[str, ...], implies: str | None, where: tuple,
                header: str, zone: str | None, home_text: str | None = None,
                home_header: str | None = None, declares: bool = False) -> str | None:
        if types == ("cadre",):
            return self.resolve_person(text, home_text, where, header, home_header, zone)
        return self.resolve_unit(text, types, implies, where, header, zone, declares)

    # ------------------------------------------------------------------ edges
    def add_edge(self, source: str, target: str, edge: str, role, start, end, where: tuple,
                 heads: tuple, weight=None) -> None:
        key = (source, target, edge, role, start, end, weight)
        if key in self.edge_seen:  # the same cell value repeated down a sheet (a convenor)
            return
        self.edge_seen.add(key)
        self.edges.append((source, target, edge, role, start, end, weight, where[0], where[1],
                           heads))


def _node_attrs(spec: SheetSpec, row: dict) -> dict:
    return {f: row[f] for f in NODE_FIELDS if f in row and f not in ("id", "name")}


def _edge_from(b: _Builder, spec: SheetSpec, e: EdgeSpec, read: SheetRead, excel_row: int,
               row: dict, row_id: str | None) -> None:
    where = (read.grid.label, excel_row)
    heads = {f: h for f, (_, h) in read.columns.items()}
    zone = row.get("zone") or (b.nodes[row_id].attrs.get("zone") if row_id else None)

    def ends(ref, types, home_field, implies, declares=False):
        if ref == "@row":
            return [row_id] if row_id else []
        cell = row.get(ref)
        if not cell:
            return []
        out = []
        for part in split_names(cell):
            nid = b.resolve(part, types or tuple(b.schema.unit_types), implies, where,
                            heads.get(ref, ref), zone,
                            row.get(home_field) if home_field else None,
                            heads.get(home_field) if home_field else None, declares)
            if nid is not None:
                out.append(nid)
        return out

    sources = ends(e.source, e.source_types, e.source_home, e.implies_source)
    if not sources:
        return
    targets = ends(e.target, e.target_types, None, e.implies_target, declares=e.declares)
    role = e.role_value or (row.get(e.role) if e.role else None)
    start = row.get(e.start) if e.start else None
    end = row.get(e.end) if e.end else None
    weight = row.get(e.weight) if e.weight else None
    for s in sources:
        for t in targets:
            b.add_edge(s, t, e.edge, role, start, end, where,
                       (heads.get(e.source, e.source), heads.get(e.target, e.target),
                        heads.get(e.start, "start"), heads.get(e.end, "end"),
                        heads.get(e.weight, "weight")), weight)


def build_tables(reads: list[SheetRead], schema,
                 aliases: dict[str, str] | None = None) -> LedgerBuild:
    """Nodes, edges and events from recognized sheets (see the module's definition).

    ``aliases`` maps a name as written to the name a user confirmed for it (a near match
    accepted, a typo corrected): it is applied before matching, exactly or on the
    normalized name."""
    b = _Builder(schema)
    b.aliases = {**{normalize_name(k): v for k, v in (aliases or {}).items()},
                 **(aliases or {})}
    row_ids: dict[tuple[int, int], str] = {}
    # 1. the nodes each row declares, so that later references find them
    # people last: a person is known by name and own unit, so units are declared first
    order = sorted(range(len(reads)), key=lambda k: reads[k].spec.node == "cadre")
    for k in order:
        read = reads[k]
        spec = read.spec
        if spec.node is None or spec.events:
            continue
        heads = {f: h for f, (_, h) in read.columns.items()}
        for excel_row, row in read.rows:
            where = (read.grid.label, excel_row)
            name = row.get("name")
            if not name:
                b.note("missing_value", "error", where, heads.get("name", "name"), None,
                       column=heads.get("name", "name"))
                continue
            attrs = _node_attrs(spec, row)
            node_type = spec.node
            if "subtype" not in attrs:
                g = guess_type(name)
                if g and g[0] == node_type and g[1]:
                    attrs["subtype"] = g[1]
            home = None
            if node_type == "cadre" and row.get("home"):
                home = b.resolve_unit(row["home"], ("community", "park", "enterprise", "agency"),
                                      "agency", where, heads.get("home", "home"),
                                      row.get("zone"))
            # a node sheet that declares the same node twice (not a sheet of ties, where a
            # project may have one row per term) is told so
            row_ids[(k, excel_row)] = b.add_node(node_type, name, attrs, where, heads,
                                                 home=home, given_id=row.get("id"),
                                                 duplicate_of_sheet=not spec.edges)
    # a person's zone, when the people sheet gives none, is their own unit's
    for n in b.nodes.values():
        if n.type == "cadre" and not n.attrs.get("zone") and n.home in b.nodes:
            z = b.nodes[n.home].attrs.get("zone")
            if z:
                n.attrs["zone"] = z
    # 2. links and edges
    for k, read in enumerate(reads):
        spec = read.spec
        if spec.events:
            continue
        heads = {f: h for f, (_, h) in read.columns.items()}
        for excel_row, row in read.rows:
            rid = row_ids.get((k, excel_row))
            if spec.node is not None and rid is None:
                continue
            where = (read.grid.label, excel_row)
            for ln in spec.links:
                cell = row.get(ln.field)
                if not cell:
                    continue
                start = row.get(ln.start) if ln.start else None
                end = row.get(ln.end) if ln.end else None
                lheads = (heads["name"], heads[ln.field], heads.get(ln.start, "start"),
                          heads.get(ln.end, "end"), "weight")
                if ln.edge == "works_at" and spec.node == "cadre":
                    home = b.nodes[rid].home
                    if home is not None:
                        b.add_edge(rid, home, "works_at", None, start, end, where, lheads)
                    continue
                zone = row.get("zone") or b.nodes[rid].attrs.get("zone")
                for part in split_names(cell):
                    other = b.resolve(part, ln.types, ln.implies, where, heads[ln.field], zone)
                    if other is None:
                        continue
                    s, t = (other, rid) if ln.reverse else (rid, other)
                    b.add_edge(s, t, ln.edge, None, start, end, where, lheads)
            for e in spec.edges:
                _edge_from(b, spec, e, read, excel_row, row, rid)
    # 3. events
    ev_rows, ev_origin = [], []
    for read in reads:
        if not read.spec.events:
            continue
        heads = {f: h for f, (_, h) in read.columns.items()}
        for excel_row, row in read.rows:
            where = (read.grid.label, excel_row)
            ids = []
            for part in split_names(row.get("units", "")):
                nid = b.resolve_unit(part, tuple(schema.unit_types), None, where,
                                     heads["units"], row.get("zone"))
                if nid is not None:
                    ids.append(nid)
            ev_rows.append({"date": row.get("date"), "kind": row.get("kind"),
                            "units": ";".join(ids) or None})
            ev_origin.append({"file": where[0], "row": excel_row,
                              "h:date": heads.get("date", "date"),
                              "h:kind": heads.get("kind", "kind"),
                              "h:units": heads.get("units", "units")})
    return LedgerBuild(_nodes_table(b), _edges_table(b), _events_table(ev_rows, ev_origin),
                       b.notes, pd.DataFrame(b.implied_rows,
                                             columns=["id", "type", "name", "zone", "file", "row",
                                                      "column"]),
                       pd.DataFrame(b.match_rows, columns=["file", "row", "column", "value",
                                                           "match", "id", "score"]))


def _table(df: pd.DataFrame, origin: pd.DataFrame, label: str) -> Table:
    frame = _text_frame(df) if len(df.columns) else df
    t = Table(frame, label, np.arange(len(df)), {c: c for c in df.columns})
    t.origin = origin.reset_index(drop=True)
    return t


def _nodes_table(b: _Builder) -> Table:
    rows, origin = [], []
    for n in b.nodes.values():
        rows.append({"id": n.id, "type": n.type, "name": n.name, **n.attrs})
        o = {"file": n.origin[0], "row": n.origin[1]}
        o.update({f"h:{f}": h for f, h in n.origin[2].items()})
        origin.append(o)
    cols = ["id", "type", "name"] + [f for f in NODE_FIELDS if f not in ("id", "name")]
    df = pd.DataFrame(rows)
    for c in cols:
        if c not in df:
            df[c] = None
    extra = [c for c in df.columns if c not in cols]
    return _table(df[cols + extra].astype(object), pd.DataFrame(origin), "<ledger nodes>")


def _edges_table(b: _Builder) -> Table:
    cols = ["source", "target", "type", "role", "start", "end", "weight"]
    df = pd.DataFrame([e[:7] for e in b.edges], columns=cols).astype(object)
    origin = pd.DataFrame({
        "file": [e[7] for e in b.edges], "row": [e[8] for e in b.edges],
        **{f"h:{c}": [e[9][i] for e in b.edges]
           for i, c in enumerate(["source", "target", "start", "end", "weight"])}})
    return _table(df, origin, "<ledger edges>")


def _events_table(rows: list[dict], origin: list[dict]) -> Table | None:
    if not rows:
        return None
    return _table(pd.DataFrame(rows, columns=["date", "kind", "units"]).astype(object),
                  pd.DataFrame(origin), "<ledger events>")
