"""The ledger layout: which sheet, recognized by name and headers, makes which nodes and edges.

The default layout ships as ``partylinks/layouts/default.toml``; a department copies and
edits it (``partylinks template --layout-out my.toml`` writes a copy) and passes it with
``--layout`` / ``layout=``. It is data read with :mod:`tomllib`: nothing in it is executed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .names import normalize_name

__all__ = ["Layout", "SheetSpec", "LinkSpec", "EdgeSpec", "load_layout", "default_layout_path",
           "LayoutError", "NODE_FIELDS"]

NODE_FIELDS = ("id", "name", "zone", "subtype", "level", "party_members", "above_scale", "rank",
               "is_young", "enterprise_facing")
"""Fields of a sheet's columns that fill the row's node."""


class LayoutError(ValueError):
    """A layout file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class LinkSpec:
    """An edge between the row's node and the node named in ``field``."""

    field: str
    edge: str
    types: tuple[str, ...]
    implies: str | None = None
    reverse: bool = False
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class EdgeSpec:
    """An edge between names in two columns (or the row's node, ``"@row"``)."""

    edge: str
    source: str
    target: str
    source_types: tuple[str, ...] = ()
    target_types: tuple[str, ...] = ()
    source_home: str | None = None
    role: str | None = None
    role_value: str | None = None
    start: str | None = None
    end: str | None = None
    implies_source: str | None = None
    implies_target: str | None = None
    weight: str | None = None
    declares: bool = False


@dataclass
class SheetSpec:
    """One kind of sheet."""

    kind: str
    names: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    node: str | None = None
    events: bool = False
    links: list[LinkSpec] = field(default_factory=list)
    edges: list[EdgeSpec] = field(default_factory=list)

    def field_of(self, header: str) -> str | None:
        """The field a header means in this kind of sheet, or None (the first field that
        lists the header, in the order of ``columns``)."""
        lookup = self.__dict__.get("_lookup")
        if lookup is None:
            lookup = {}
            for f, variants in self.columns.items():
                for v in variants:
                    lookup.setdefault(_header_key(v), f)
            self.__dict__["_lookup"] = lookup
        return lookup.get(_header_key(header))

    def name_score(self, sheet_name: str) -> int:
        """2 when the sheet's name is one of ``names``, 1 when it contains one, else 0."""
        key = _header_key(sheet_name)
        best = 0
        for n in self.names:
            k = _header_key(n)
            if key == k:
                return 2
            if k and k in key:
                best = 1
        return best


@dataclass
class Layout:
    """Every kind of sheet the ledger reader knows, and the file they came from."""

    sheets: list[SheetSpec]
    source: str = "<default>"

    def kind(self, name: str) -> SheetSpec:
        """The sheet kind called ``name``."""
        for s in self.sheets:
            if s.kind == name:
                return s
        raise KeyError(name)


def _header_key(text: str) -> str:
    """Headers are compared without blanks, case, width, asterisks or a trailing colon."""
    return normalize_name(str(text)).strip("*＊:：").replace("\n", "")


def default_layout_path() -> Path:
    """The shipped default layout file.

    Examples
    --------
    >>> default_layout_path().name
    'default.toml'
    """
    return Path(str(resources.files("partylinks") / "layouts" / "default.toml"))


_SHEET_KEYS = {"kind", "names", "node", "events", "columns", "links", "edges"}
_LINK_KEYS = {"field", "edge", "types", "implies", "reverse", "start", "end"}
_EDGE_KEYS = {"edge", "source", "target", "source_types", "target_types", "source_home", "role",
              "role_value", "start", "end", "implies_source", "implies_target", "weight",
              "declares"}


def _strs(v, where: str) -> tuple[str, ...]:
    if isinstance(v, str):
        return (v,)
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise LayoutError(f"{where}: expected a list of texts, got {v!r}")
    return tuple(v)


def _check(d: dict, allowed: set[str], where: str) -> None:
    extra = set(d) - allowed
    if extra:
        raise LayoutError(f"{where}: unknown key(s) {sorted(extra)}; allowed: {sorted(allowed)}")


def _parse(spec: dict, source: str, schema) -> Layout:
    sheets = []
    node_types = set(schema.node_types) if schema is not None else None
    edge_types = set(schema.edge_types) if schema is not None else None
    for i, s in enumerate(spec.get("sheet", [])):
        where = f"{source}: [[sheet]] #{i + 1} ({s.get('kind', '?')})"
        _check(s, _SHEET_KEYS, where)
        cols = {k: _strs(v, f"{where} columns.{k}") for k, v in s.get("columns", {}).items()}
        node = s.get("node")
        if node is not None and node_types is not None and node not in node_types:
            raise LayoutError(f"{where}: unknown node type {node!r}")
        links, edges = [], []
        for j, ln in enumerate(s.get("links", [])):
            w = f"{where} links #{j + 1}"
            _check(ln, _LINK_KEYS, w)
            if node is None:
                raise LayoutError(f"{w}: links need `node` on the sheet")
            if ln.get("field") not in cols:
                raise LayoutError(f"{w}: field {ln.get('field')!r} is not in columns")
            links.append(LinkSpec(ln["field"], ln["edge"], _strs(ln.get("types", []), w),
                                  ln.get("implies"), bool(ln.get("reverse", False)),
                                  ln.get("start"), ln.get("end")))
        for j, e in enumerate(s.get("edges", [])):
            w = f"{where} edges #{j + 1}"
            _check(e, _EDGE_KEYS, w)
            for end in ("source", "target"):
                ref = e.get(end)
                if ref is None or (ref != "@row" and ref not in cols):
                    raise LayoutError(f"{w}: {end} {ref!r} is neither '@row' nor in columns")
                if ref == "@row" and node is None:
                    raise LayoutError(f"{w}: '@row' needs `node` on the sheet")
            edges.append(EdgeSpec(
                e["edge"], e["source"], e["target"], _strs(e.get("source_types", []), w),
                _strs(e.get("target_types", []), w), e.get("source_home"), e.get("role"),
                e.get("role_value"), e.get("start"), e.get("end"), e.get("implies_source"),
                e.get("implies_target"), e.get("weight"), bool(e.get("declares", False))))
        if edge_types is not None:
            for e in [*links, *edges]:
                if e.edge not in edge_types:
                    raise LayoutError(f"{where}: unknown edge type {e.edge!r}")
        sheets.append(SheetSpec(str(s["kind"]), _strs(s.get("names", []), where), cols, node,
                                bool(s.get("events", False)), links, edges))
    if not sheets:
        raise LayoutError(f"{source}: no [[sheet]] entries")
    return Layout(sheets, source)


def load_layout(path: str | Path | Layout | None = None, schema=None) -> Layout:
    """Read a layout file (or the default), checking every entry.

    Parameters
    ----------
    path : str, Path, Layout or None
        A TOML layout file; None for the shipped default.
    schema : Schema, optional
        Checks node and edge type names against it.

    Raises
    ------
    LayoutError
        An unreadable file or an entry that is not understood, naming the file and entry.

    Examples
    --------
    >>> lay = load_layout()
    >>> lay.kind("part_time").field_of("兼职单位"), lay.kind("grid").field_of("级别")
    ('unit', 'level')
    >>> lay.kind("cadre").field_of("级别")
    'rank'
    """
    if isinstance(path, Layout):
        return path
    p = Path(path) if path is not None else default_layout_path()
    try:
        spec = tomllib.loads(p.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LayoutError(f"{p}: {exc}") from None
    return _parse(spec, str(p), schema)
