"""The typed schema: node types, edge types with their allowed endpoints, roles and aliases.

A :class:`Schema` says which node and edge types exist, which node types each edge
type may join, which edge types are *ties* between organizations (as opposed to
structure such as membership or hosting), and how Chinese (or any other) column
headers and values map onto the canonical English names.

The built-in schema follows the design card; users extend it with a TOML file::

    [node_types.school]
    unit = true
    sector = "government"
    label_zh = "学校"

    [edge_types.mentors]
    sources = ["cadre"]
    targets = ["enterprise"]
    tie = true
    label_zh = "帮带"

    [aliases.node_type]
    "中学" = "school"

    [aliases.column]
    "单位编号" = "id"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = [
    "NodeType",
    "EdgeType",
    "Schema",
    "default_schema",
    "load_schema",
    "UNIT_TYPES",
    "TIE_EDGE_TYPES",
    "STRUCTURE_EDGE_TYPES",
    "SECTORS",
]


@dataclass(frozen=True)
class NodeType:
    """One node type.

    Attributes
    ----------
    name : str
        Canonical name (``"enterprise"``).
    unit : bool
        True for organizations that the audit is about (community, park, enterprise,
        agency, council, project, grid); False for branches and cadres, which tie units.
    sector : str or None
        The sector a unit belongs to for mixing and reach metrics.
    label_zh, label_en : str
        Labels for reports and charts.
    """

    name: str
    unit: bool
    sector: str | None
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class EdgeType:
    """One edge type with the node types allowed at each end.

    Attributes
    ----------
    name : str
        Canonical name (``"part_time_post"``).
    sources, targets : frozenset of str
        Node types allowed as source and as target.
    tie : bool
        True if the edge ties two organizations (it enters the unit projection);
        False for structure (membership, hosting, containment, reporting lines).
    symmetric : bool
        True if direction carries no meaning (``co_building``).
    acyclic : bool
        True if the edges of this type must not form a directed cycle (``reports_to``).
    roles : tuple of str
        Known roles (others are kept, never rejected).
    """

    name: str
    sources: frozenset[str]
    targets: frozenset[str]
    tie: bool
    label_zh: str
    label_en: str
    symmetric: bool = False
    acyclic: bool = False
    roles: tuple[str, ...] = ()


_UNITS = ("community", "park", "enterprise", "agency", "council", "project", "grid")
_HOSTS = ("community", "park", "enterprise", "agency")

UNIT_TYPES: tuple[str, ...] = _UNITS
"""Node types that are units (organizations the audit is about)."""

SECTORS: dict[str, str] = {
    "community": "community",
    "park": "park",
    "enterprise": "enterprise",
    "agency": "government",
    "council": "government",
    "project": "project",
    "grid": "grid",
}
"""Unit type -> sector."""

_NODE_LABELS = {
    "community": ("社区", "community"),
    "park": ("园区", "park"),
    "enterprise": ("企业", "enterprise"),
    "agency": ("机关", "agency"),
    "branch": ("党组织", "party branch"),
    "cadre": ("党员干部", "cadre"),
    "council": ("协调委员会", "council"),
    "project": ("重点项目", "project"),
    "grid": ("网格", "grid"),
}


def _edge(name, sources, targets, tie, zh, en, **kw) -> EdgeType:
    return EdgeType(name, frozenset(sources), frozenset(targets), tie, zh, en, **kw)


_DEFAULT_EDGES = [
    _edge("member_of", ["cadre"], ["branch"], False, "组织关系", "member of"),
    _edge("works_at", ["cadre"], _HOSTS, False, "工作单位", "works at"),
    _edge("hosted_by", ["branch"], _HOSTS + ("grid",), False, "依托单位", "hosted by"),
    _edge("reports_to", ["branch"], ["branch"], False, "上级党组织", "reports to", acyclic=True),
    # a joint branch (联合党支部) -> each unit it covers besides its host
    _edge("covers", ["branch"], _HOSTS, False, "覆盖单位", "covers"),
    _edge(
        "located_in",
        ["community", "enterprise", "agency", "park", "grid"],
        ["park", "grid", "community"],
        False,
        "位于",
        "located in",
    ),
    _edge(
        "part_time_post",
        ["cadre"],
        _UNITS + ("branch",),
        True,
        "兼职",
        "part-time post",
        roles=("instructor", "part_time_member", "first_secretary"),
    ),
    _edge(
        "service_pairing",
        ["cadre"],
        ["project"],
        True,
        "挂钩服务",
        "1+1+1 service pairing",
        roles=("coordinator", "policy", "support"),
    ),
    _edge("council_member", _UNITS, ["council"], True, "成员单位", "council member"),
    _edge("convenes", ["cadre"], ["council"], True, "召集人", "convenes"),
    _edge(
        "liaison",
        ["cadre", "agency"],
        ["grid", "enterprise", "community", "project"],
        True,
        "挂钩联系",
        "liaison",
    ),
    _edge(
        "grid_staff",
        ["cadre"],
        ["grid"],
        True,
        "网格员",
        "grid staff",
        roles=("head", "full_time", "part_time"),
    ),
    _edge(
        "co_building",
        _UNITS + ("branch",),
        _UNITS + ("branch",),
        True,
        "结对共建",
        "co-building",
        symmetric=True,
    ),
    _edge("registers_at", ["cadre", "branch"], ["community"], True, "双报到", "dual registration"),
]

TIE_EDGE_TYPES: tuple[str, ...] = tuple(e.name for e in _DEFAULT_EDGES if e.tie)
"""Built-in edge types that are cross-organization ties."""
STRUCTURE_EDGE_TYPES: tuple[str, ...] = tuple(e.name for e in _DEFAULT_EDGES if not e.tie)
"""Built-in edge types that are structure, not ties."""

# Column headers: alias -> canonical. Matching ignores case and surrounding blanks.
_COLUMN_ALIASES = {
    # nodes
    "编号": "id", "id": "id", "代码": "id", "单位编号": "id", "节点编号": "id",
    "名称": "name", "名字": "name", "姓名": "name", "单位名称": "name",
    "类型": "type", "类别": "type", "节点类型": "type", "关系类型": "type", "关系": "type",
    "片区": "zone", "区域": "zone", "街道": "zone", "镇": "zone", "乡镇": "zone",
    "所属片区": "zone",
    "子类型": "subtype", "细分类型": "subtype", "性质": "subtype",
    "层级": "level", "网格层级": "level",
    "党员数": "party_members", "党员人数": "party_members", "正式党员数": "party_members",
    "规上": "above_scale", "是否规上": "above_scale", "规上企业": "above_scale",
    "职级": "rank", "级别": "rank",
    "年轻干部": "is_young", "是否年轻干部": "is_young",
    "涉企部门": "enterprise_facing", "是否涉企部门": "enterprise_facing",
    "需求": "needs", "需求清单": "needs", "资源": "resources", "资源清单": "resources",
    # edges
    "起点": "source", "源": "source", "来源": "source", "起点编号": "source", "from": "source",
    "终点": "target", "目标": "target", "终点编号": "target", "to": "target",
    "角色": "role", "职务": "role",
    "开始": "start", "开始日期": "start", "起始日期": "start", "起始": "start",
    "结束": "end", "结束日期": "end", "终止日期": "end", "截止日期": "end",
    "权重": "weight",
    # events
    "日期": "date", "活动日期": "date",
    "活动": "kind", "活动类型": "kind",
    "参与单位": "units", "参加单位": "units",
}

# Node type values: alias -> (type, default subtype or None)
_NODE_TYPE_ALIASES: dict[str, tuple[str, str | None]] = {
    "社区": ("community", None), "村": ("community", "village"), "行政村": ("community", "village"),
    "小区": ("community", "compound"), "居委会": ("community", None),
    "园区": ("park", None), "产业园": ("park", None), "工业园区": ("park", None),
    "企业": ("enterprise", None), "厂区": ("enterprise", None), "公司": ("enterprise", None),
    "国企": ("enterprise", "soe"), "非公企业": ("enterprise", "private"),
    "机关": ("agency", None), "部门": ("agency", "department"), "单位": ("agency", None),
    "县直单位": ("agency", "county_unit"), "乡镇": ("agency", "township"),
    "街道": ("agency", "township"), "商会": ("agency", "chamber"), "学校": ("agency", "school"),
    "党组织": ("branch", None), "党委": ("branch", "committee"),
    "党总支": ("branch", "general_branch"), "党支部": ("branch", "branch"),
    "支部": ("branch", "branch"), "党小组": ("branch", "group"),
    "党工委": ("branch", "committee"),
    "党员": ("cadre", None), "干部": ("cadre", None), "人员": ("cadre", None),
    "协调委员会": ("council", None), "大党委": ("council", None), "大党工委": ("council", None),
    "联席会议": ("council", None), "党建联盟": ("council", None), "联盟": ("council", None),
    "项目": ("project", None), "重点项目": ("project", None),
    "网格": ("grid", None),
}

# Edge type values: alias -> (type, default role or None)
_EDGE_TYPE_ALIASES: dict[str, tuple[str, str | None]] = {
    "隶属": ("member_of", None), "组织关系": ("member_of", None), "党员隶属": ("member_of", None),
    "任职": ("works_at", None), "工作单位": ("works_at", None), "就职": ("works_at", None),
    "设立于": ("hosted_by", None), "依托": ("hosted_by", None), "依托单位": ("hosted_by", None),
    "上级": ("reports_to", None), "上级党组织": ("reports_to", None),
    "覆盖": ("covers", None), "覆盖单位": ("covers", None), "联合覆盖": ("covers", None),
    "纳入联合党支部": ("covers", None),
    "位于": ("located_in", None), "所在": ("located_in", None), "属于": ("located_in", None),
    "兼职": ("part_time_post", None), "互派兼职": ("part_time_post", None),
    "党建指导员": ("part_time_post", "instructor"), "指导员": ("part_time_post", "instructor"),
    "兼职委员": ("part_time_post", "part_time_member"),
    "第一书记": ("part_time_post", "first_secretary"),
    "挂钩服务": ("service_pairing", None), "1+1+1": ("service_pairing", None),
    "首席服务专员": ("service_pairing", None),
    "成员单位": ("council_member", None), "成员": ("council_member", None),
    "召集人": ("convenes", None), "召集": ("convenes", None),
    "挂钩联系": ("liaison", None), "挂钩": ("liaison", None), "包联": ("liaison", None),
    "网格员": ("grid_staff", None),
    "结对共建": ("co_building", None), "共建": ("co_building", None), "联建": ("co_building", None),
    "双报到": ("registers_at", None), "报到": ("registers_at", None),
}

_ROLE_ALIASES = {
    "党建指导员": "instructor", "指导员": "instructor",
    "兼职委员": "part_time_member", "第一书记": "first_secretary",
    "统筹协调": "coordinator", "协调": "coordinator",
    "对接政策": "policy", "政策": "policy",
    "提供保障": "support", "保障": "support",
    "网格长": "head", "片长": "head", "专职": "full_time", "专职网格员": "full_time",
    "兼职网格员": "part_time",
}

# Attribute values: column -> alias -> canonical
_VALUE_ALIASES = {
    "rank": {"县处级": "county", "处级": "county", "科级": "section", "一般": "staff",
             "一般干部": "staff"},
    "subtype": {"部门": "department", "乡镇": "township", "街道": "township",
                "县直单位": "county_unit", "学校": "school", "商会": "chamber",
                "国企": "soe", "非公": "private", "民企": "private", "村": "village",
                "小区": "compound", "社区": "community", "党委": "committee",
                "党总支": "general_branch", "党支部": "branch", "党小组": "group"},
}

CANONICAL_COLUMNS = frozenset({
    "id", "type", "name", "zone", "subtype", "level", "party_members", "above_scale", "rank",
    "is_young", "enterprise_facing", "source", "target", "role", "start", "end", "weight",
    "date", "kind", "units", "needs", "resources",
})
BOOLEAN_COLUMNS = ("above_scale", "is_young", "enterprise_facing")
INTEGER_COLUMNS = ("level", "party_members")
_TRUE = {"true", "1", "yes", "y", "t", "是", "有", "√", "✓"}
_FALSE = {"false", "0", "no", "n", "f", "否", "无", "×"}


@dataclass(frozen=True)
class Schema:
    """Node types, edge types and aliases.

    Use :func:`default_schema` for the built-in one and :func:`load_schema` to extend it
    from a TOML file.

    Examples
    --------
    >>> s = default_schema()
    >>> s.node_type_of("小区")
    ('community', 'compound')
    >>> s.edge_type_of("党建指导员")
    ('part_time_post', 'instructor')
    >>> s.column("起点")
    'source'
    >>> sorted(s.edge_types["liaison"].sources)
    ['agency', 'cadre']
    """

    node_types: dict[str, NodeType]
    edge_types: dict[str, EdgeType]
    column_aliases: dict[str, str] = field(default_factory=dict)
    node_type_aliases: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    edge_type_aliases: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    role_aliases: dict[str, str] = field(default_factory=dict)
    value_aliases: dict[str, dict[str, str]] = field(default_factory=dict)

    # -- lookups -------------------------------------------------------------------
    @property
    def unit_types(self) -> tuple[str, ...]:
        """Node types that are units, in schema order."""
        return tuple(n for n, t in self.node_types.items() if t.unit)

    @property
    def tie_types(self) -> tuple[str, ...]:
        """Edge types that are ties, in schema order."""
        return tuple(n for n, t in self.edge_types.items() if t.tie)

    def sector(self, node_type: str) -> str | None:
        """Sector of a node type (None for branches and cadres)."""
        t = self.node_types.get(node_type)
        return t.sector if t else None

    def column(self, header: str) -> str:
        """Canonical column name for a header (unchanged when it is not an alias)."""
        key = str(header).strip()
        if key.lower() in CANONICAL_COLUMNS:
            return key.lower()
        return self.column_aliases.get(key, self.column_aliases.get(key.lower(), key))

    def node_type_of(self, value: str) -> tuple[str, str | None] | None:
        """``(type, implied subtype)`` for a type value, or None when unknown."""
        v = str(value).strip()
        if v in self.node_types:
            return v, None
        if v.lower() in self.node_types:
            return v.lower(), None
        return self.node_type_aliases.get(v)

    def edge_type_of(self, value: str) -> tuple[str, str | None] | None:
        """``(type, implied role)`` for an edge type value, or None when unknown."""
        v = str(value).strip()
        if v in self.edge_types:
            return v, None
        if v.lower() in self.edge_types:
            return v.lower(), None
        return self.edge_type_aliases.get(v)

    def role_of(self, value: str) -> str:
        """Canonical role for a role value (unknown roles are kept as given)."""
        v = str(value).strip()
        return self.role_aliases.get(v, v)

    def value_of(self, column: str, value: str) -> str:
        """Canonical attribute value (``rank``, ``subtype``), unchanged when not an alias."""
        v = str(value).strip()
        return self.value_aliases.get(column, {}).get(v, v)

    def label(self, type_name: str, lang: str = "zh") -> str:
        """Display label of a node or edge type in ``lang`` ("zh" or "en")."""
        t = self.node_types.get(type_name) or self.edge_types.get(type_name)
        if t is None:
            return type_name
        return t.label_zh if lang == "zh" else t.label_en

    # -- extension -----------------------------------------------------------------
    def extend(self, spec: dict, source: str = "<dict>") -> Schema:
        """Return a new schema with node types, edge types and aliases added from ``spec``.

        ``spec`` has the structure of the TOML file described in the module docstring.
        Unknown sections or keys raise ``ValueError`` naming ``source``.

        Examples
        --------
        >>> s = default_schema().extend({"node_types": {"school": {"unit": True,
        ...     "sector": "government", "label_zh": "学校"}},
        ...     "aliases": {"node_type": {"中学": "school"}}})
        >>> s.node_type_of("中学"), s.node_types["school"].unit
        (('school', None), True)
        """
        allowed = {"node_types", "edge_types", "aliases"}
        bad = set(spec) - allowed
        if bad:
            raise ValueError(
                f"{source}: unknown section(s) {sorted(bad)}; allowed: {sorted(allowed)}")
        nodes = dict(self.node_types)
        for name, d in spec.get("node_types", {}).items():
            _check_keys(d, {"unit", "sector", "label_zh", "label_en"},
                        f"{source}: [node_types.{name}]")
            unit = bool(d.get("unit", True))
            nodes[name] = NodeType(
                name, unit, d.get("sector", name if unit else None),
                d.get("label_zh", name), d.get("label_en", name),
            )
        edges = dict(self.edge_types)
        for name, d in spec.get("edge_types", {}).items():
            where = f"{source}: [edge_types.{name}]"
            _check_keys(d, {"sources", "targets", "tie", "symmetric", "acyclic", "roles",
                            "label_zh", "label_en"}, where)
            old = edges.get(name)
            if old is None and ("sources" not in d or "targets" not in d):
                raise ValueError(f"{where}: a new edge type needs 'sources' and 'targets'")
            for end in ("sources", "targets"):
                for t in d.get(end, []):
                    if t not in nodes:
                        raise ValueError(f"{where}: {end} names unknown node type {t!r}")
            new = EdgeType(
                name,
                frozenset(d["sources"]) if "sources" in d else old.sources,
                frozenset(d["targets"]) if "targets" in d else old.targets,
                bool(d.get("tie", old.tie if old else True)),
                d.get("label_zh", old.label_zh if old else name),
                d.get("label_en", old.label_en if old else name),
                bool(d.get("symmetric", old.symmetric if old else False)),
                bool(d.get("acyclic", old.acyclic if old else False)),
                tuple(d.get("roles", old.roles if old else ())),
            )
            edges[name] = new
        al = spec.get("aliases", {})
        _check_keys(al, {"column", "node_type", "edge_type", "role", "value"},
                    f"{source}: [aliases]")
        col = dict(self.column_aliases)
        col.update({str(k).strip(): v for k, v in al.get("column", {}).items()})
        nta = dict(self.node_type_aliases)
        for k, v in al.get("node_type", {}).items():
            nta[k] = _pair(v, nodes, f"{source}: [aliases.node_type] {k!r}")
        eta = dict(self.edge_type_aliases)
        for k, v in al.get("edge_type", {}).items():
            eta[k] = _pair(v, edges, f"{source}: [aliases.edge_type] {k!r}")
        roles = dict(self.role_aliases)
        roles.update(al.get("role", {}))
        values = {k: dict(v) for k, v in self.value_aliases.items()}
        for column, mapping in al.get("value", {}).items():
            values.setdefault(column, {}).update(mapping)
        return replace(self, node_types=nodes, edge_types=edges, column_aliases=col,
                       node_type_aliases=nta, edge_type_aliases=eta, role_aliases=roles,
                       value_aliases=values)


def _check_keys(d: dict, allowed: set[str], where: str) -> None:
    bad = set(d) - allowed
    if bad:
        raise ValueError(f"{where}: unknown key(s) {sorted(bad)}; allowed: {sorted(allowed)}")


def _pair(v, known: dict, where: str) -> tuple[str, str | None]:
    # "type" or ["type", "subtype-or-role"]
    if isinstance(v, str):
        v = [v, None]
    if not isinstance(v, list | tuple) or not 1 <= len(v) <= 2:
        raise ValueError(f"{where}: expected a type name or [type, subtype/role], got {v!r}")
    if v[0] not in known:
        raise ValueError(f"{where}: {v[0]!r} is not a known type")
    return str(v[0]), (v[1] if len(v) > 1 else None)


def default_schema() -> Schema:
    """The built-in schema of the design card.

    Returns
    -------
    Schema
        Nine node types (``community park enterprise agency branch cadre council project
        grid``), thirteen edge types with their endpoint rules, and the Chinese aliases.

    Examples
    --------
    >>> s = default_schema()
    >>> s.unit_types
    ('community', 'park', 'enterprise', 'agency', 'council', 'project', 'grid')
    >>> s.tie_types[:3]
    ('part_time_post', 'service_pairing', 'council_member')
    """
    nodes = {}
    for name in ("community", "park", "enterprise", "agency", "branch", "cadre", "council",
                 "project", "grid"):
        zh, en = _NODE_LABELS[name]
        unit = name in _UNITS
        nodes[name] = NodeType(name, unit, SECTORS.get(name), zh, en)
    cols = dict(_COLUMN_ALIASES)
    cols.update({k.lower(): v for k, v in _COLUMN_ALIASES.items()})
    return Schema(
        node_types=nodes,
        edge_types={e.name: e for e in _DEFAULT_EDGES},
        column_aliases=cols,
        node_type_aliases=dict(_NODE_TYPE_ALIASES),
        edge_type_aliases=dict(_EDGE_TYPE_ALIASES),
        role_aliases=dict(_ROLE_ALIASES),
        value_aliases={k: dict(v) for k, v in _VALUE_ALIASES.items()},
    )


def load_schema(path: str | Path | Schema | None = None) -> Schema:
    """The default schema, extended by a TOML file when ``path`` is given.

    Parameters
    ----------
    path : str, Path, Schema or None
        A TOML file with optional ``[node_types.*]``, ``[edge_types.*]`` and
        ``[aliases.column|node_type|edge_type|role|value]`` tables; a ``Schema`` is
        returned unchanged; None gives the default schema.

    Examples
    --------
    >>> load_schema().node_types["grid"].label_zh
    '网格'
    """
    if path is None:
        return default_schema()
    if isinstance(path, Schema):
        return path
    p = Path(path)
    try:
        with p.open("rb") as fh:
            spec = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{p}: not valid TOML: {exc}") from exc
    return default_schema().extend(spec, source=str(p))
