"""Audit policies: TOML files of rules, loaded and checked strictly.

A policy is a list of rules. Each rule is a ``[[rules]]`` table::

    [[rules]]
    id = "mutual_appointments"     # unique name; the rule column of every finding
    kind = "reciprocal"            # one of the built-in rule kinds (RULE_KINDS)
    severity = "warning"           # error | warning | info
    enabled = true                 # optional, default true
    zones = ["桃城片区"]            # optional: only findings in these zones
    types = ["community", "enterprise"]   # the kind's own parameters

and an optional ``[policy]`` table with ``name`` and ``description``. Nothing is
evaluated: an unknown kind, an unknown parameter, a value of the wrong type or outside
its allowed values raises :class:`PolicyError` naming the file and the line.
"""

from __future__ import annotations

import copy
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from . import coverage, meetings, needs, structure, teams, ties
from ._params import Param

__all__ = ["Rule", "Policy", "PolicyError", "load_policy", "parse_policy", "policy_from_dict",
           "default_policy_path", "RULE_KINDS", "SEVERITIES"]

SEVERITIES = ("error", "warning", "info")

RULE_KINDS: dict[str, tuple] = {
    "min_ties": (ties.min_ties, ties.PARAMS["min_ties"]),
    "reciprocal": (ties.reciprocal, ties.PARAMS["reciprocal"]),
    "team": (teams.team, teams.PARAMS["team"]),
    "composition": (teams.composition, teams.PARAMS["composition"]),
    "branch_coverage": (coverage.branch_coverage, coverage.PARAMS["branch_coverage"]),
    "grid_coverage": (coverage.grid_coverage, coverage.PARAMS["grid_coverage"]),
    "reach": (ties.reach, ties.PARAMS["reach"]),
    "isolated": (structure.isolated, structure.PARAMS["isolated"]),
    "fragile": (structure.fragile, structure.PARAMS["fragile"]),
    "key_person": (structure.key_person, structure.PARAMS["key_person"]),
    "needs": (needs.needs, needs.PARAMS["needs"]),
    "meeting_frequency": (meetings.meeting_frequency,
                          meetings.PARAMS["meeting_frequency"]),
}
"""Rule kind -> (check function, declared parameters)."""

_COMMON = {"id", "kind", "severity", "enabled", "zones", "description"}
_REQUIRED = {"min_ties": ("node_type",)}


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the file and the line."""

    def __init__(self, source: str, line: int | None, text: str):
        self.source, self.line = source, line
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {text}")


@dataclass(frozen=True)
class Rule:
    """One rule of a policy, its parameters completed with the kind's defaults."""

    id: str
    kind: str
    severity: str
    enabled: bool = True
    zones: tuple[str, ...] | None = None
    description: str = ""
    params: dict = field(default_factory=dict)
    line: int | None = None

    def to_dict(self) -> dict:
        """The rule as plain data (as it would be written in TOML)."""
        d = {"id": self.id, "kind": self.kind, "severity": self.severity,
             "enabled": self.enabled}
        if self.zones is not None:
            d["zones"] = list(self.zones)
        if self.description:
            d["description"] = self.description
        return d | {k: v for k, v in self.params.items()}


@dataclass(frozen=True)
class Policy:
    """A checked policy: its rules in file order, where it came from and its text."""

    rules: tuple[Rule, ...]
    name: str = ""
    description: str = ""
    source: str = "<string>"
    text: str = ""

    def __repr__(self) -> str:
        on = sum(r.enabled for r in self.rules)
        return f"<Policy {self.name or self.source!r}: {len(self.rules)} rules, {on} enabled>"

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (KeyError when there is none)."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


def default_policy_path() -> Path:
    """Path of the bundled default policy (``partylinks/policies/default.toml``).

    Examples
    --------
    >>> default_policy_path().name
    'default.toml'
    """
    return Path(__file__).resolve().parents[1] / "policies" / "default.toml"


def load_policy(path: str | Path | Policy | None = None) -> Policy:
    """Read and check a policy file; None gives the bundled default policy.

    Raises
    ------
    PolicyError
        For invalid TOML, an unknown kind or parameter, a wrong type or value, or a
        duplicate rule id, naming the file and the line.

    Examples
    --------
    >>> p = load_policy()
    >>> p.rule("mutual_appointments").kind
    'reciprocal'
    """
    if isinstance(path, Policy):
        return path
    p = default_policy_path() if path is None else Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PolicyError(str(p), None, f"cannot read the policy file: {exc}") from exc
    return parse_policy(text, source=str(p))


def _lines(text: str) -> tuple[list[int], list[dict[str, int]], dict[str, int]]:
    """Line numbers: of each ``[[rules]]`` header, of each key inside each rule, and of
    the top-level keys and tables."""
    headers, keys, top = [], [], {}
    current: dict[str, int] | None = None
    for no, line in enumerate(text.splitlines(), start=1):
        s = line.strip()
        if re.match(r"^\[\[\s*rules\s*\]\]", s):
            current = {}
            headers.append(no)
            keys.append(current)
        elif s.startswith("["):
            current = None
            name = s.strip("[] ").split(".")[0].strip('"')
            top.setdefault(name, no)
        else:
            m = re.match(r'^("[^"]+"|\'[^\']+\'|[A-Za-z0-9_-]+)\s*=', s)
            if m:
                key = m.group(1).strip("\"'")
                (current if current is not None else top).setdefault(key, no)
    return headers, keys, top


def _non_finite(value):
    """The first NaN or infinite float inside ``value`` (lists and tables too), else None."""
    if isinstance(value, float) and not math.isfinite(value):
        return value
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for v in items:
        bad = _non_finite(v)
        if bad is not None:
            return bad
    return None


def _check(value, spec: Param, where: str, source: str, line: int | None):
    def fail(what: str):
        raise PolicyError(source, line, f"{where}: {what}")

    bad = _non_finite(value)
    if bad is not None:
        fail(f"{bad} is not a number a rule can use (NaN and infinity are refused)")
    t = spec.type
    if t == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            fail(f"expected a whole number, got {value!r}")
        if spec.minimum is not None and value < spec.minimum:
            fail(f"must be at least {spec.minimum}, got {value}")
    elif t == "bool":
        if not isinstance(value, bool):
            fail(f"expected true or false, got {value!r}")
    elif t == "str":
        if not isinstance(value, str):
            fail(f"expected a text value, got {value!r}")
        if spec.choices and value not in spec.choices:
            fail(f"must be one of {list(spec.choices)}, got {value!r}")
    elif t in ("list[str]", "list[int]"):
        item = str if t == "list[str]" else int
        if not isinstance(value, list) or any(
                not isinstance(v, item) or isinstance(v, bool) for v in value):
            fail(f"expected a list of {'text values' if item is str else 'whole numbers'}, "
                 f"got {value!r}")
        if spec.choices:
            bad = [v for v in value if v not in spec.choices]
            if bad:
                fail(f"unknown value(s) {bad}; allowed: {list(spec.choices)}")
    elif t == "table":
        if not isinstance(value, dict):
            fail(f"expected an inline table such as {{party_members = 3}}, got {value!r}")
        for k, v in value.items():
            vals = v if isinstance(v, list) else [v]
            if not all(isinstance(x, str | int | float | bool) for x in vals):
                fail(f"column {k!r}: expected a value or a list of values, got {v!r}")
    return value


def parse_policy(text: str, source: str = "<string>") -> Policy:
    """Check a policy given as TOML text (see :func:`load_policy`).

    Examples
    --------
    >>> p = parse_policy('[[rules]]\\nid = "iso"\\nkind = "isolated"\\nseverity = "error"\\n')
    >>> p.rules[0].params
    {'node_types': []}
    >>> parse_policy('[[rules]]\\nid = "x"\\nkind = "isolatd"\\nseverity = "error"\\n')
    Traceback (most recent call last):
    ...
    partylinks.rules.policy.PolicyError: <string>, line 3: rule 'x': unknown kind 'isolatd'; ...
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(source, None, f"not valid TOML: {exc}") from exc
    return policy_from_dict(data, source=source, text=text)


def policy_from_dict(data: dict, source: str = "<dict>", text: str = "") -> Policy:
    """Check a policy given as plain data: ``{"policy": {...}, "rules": [{...}, ...]}``,
    the structure of the TOML file (see :func:`parse_policy`); lines are found in
    ``text`` when it is given.

    Examples
    --------
    >>> p = policy_from_dict({"rules": [{"id": "m", "kind": "reciprocal",
    ...                                  "severity": "warning"}]})
    >>> p.rules[0].params["types"]
    ['community', 'enterprise']
    """
    headers, keys, top = _lines(text)
    for k in data:
        if k not in ("policy", "rules"):
            raise PolicyError(source, top.get(k), f"unknown top-level key {k!r}; a policy has "
                              "a [policy] table and [[rules]] tables")
    meta = data.get("policy", {})
    if not isinstance(meta, dict):
        raise PolicyError(source, top.get("policy"), "[policy] must be a table")
    for k, v in meta.items():
        if k not in ("name", "description") or not isinstance(v, str):
            raise PolicyError(source, top.get(k, top.get("policy")),
                              f"[policy]: unknown key or non-text value {k!r}; allowed: "
                              "name, description")
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list) or not all(isinstance(r, dict) for r in raw_rules):
        raise PolicyError(source, top.get("rules"), "'rules' must be [[rules]] tables")
    rules, seen = [], {}
    for i, r in enumerate(raw_rules):
        kl = keys[i] if i < len(keys) else {}
        head = headers[i] if i < len(headers) else None

        def line_of(key: str, kl=kl, head=head) -> int | None:
            return kl.get(key, kl.get("id", head))

        rid = r.get("id")
        if not isinstance(rid, str) or not rid.strip():
            raise PolicyError(source, head, f"rule #{i + 1}: 'id' (a non-empty text) is missing")
        where = f"rule {rid!r}"
        if rid in seen:
            raise PolicyError(source, line_of("id"), f"{where}: duplicate id (first at line "
                              f"{seen[rid]})")
        seen[rid] = line_of("id")
        kind = r.get("kind")
        if kind not in RULE_KINDS:
            raise PolicyError(source, line_of("kind"), f"{where}: unknown kind {kind!r}; "
                              f"known kinds: {', '.join(RULE_KINDS)}")
        sev = r.get("severity")
        if sev not in SEVERITIES:
            raise PolicyError(source, line_of("severity"), f"{where}: severity must be one of "
                              f"{list(SEVERITIES)}, got {sev!r}")
        spec = RULE_KINDS[kind][1]
        unknown = [k for k in r if k not in _COMMON and k not in spec]
        if unknown:
            raise PolicyError(source, line_of(unknown[0]), f"{where}: unknown parameter "
                              f"{unknown[0]!r} for kind {kind!r}; allowed: "
                              f"{', '.join(sorted(_COMMON | set(spec)))}")
        enabled = _check(r.get("enabled", True), Param("bool", True), f"{where}: 'enabled'",
                         source, line_of("enabled"))
        zones = r.get("zones")
        if zones is not None:
            _check(zones, Param("list[str]", []), f"{where}: 'zones'", source, line_of("zones"))
        desc = _check(r.get("description", ""), Param("str", ""), f"{where}: 'description'",
                      source, line_of("description"))
        params = {}
        for name, ps in spec.items():
            if name in r:
                params[name] = _check(r[name], ps, f"{where}: {name!r}", source, line_of(name))
            elif name in _REQUIRED.get(kind, ()):
                raise PolicyError(source, line_of("kind"), f"{where}: kind {kind!r} needs "
                                  f"the parameter {name!r} ({ps.doc})")
            else:
                params[name] = copy.deepcopy(ps.default)
        rules.append(Rule(rid, kind, sev, enabled, tuple(zones) if zones is not None else None,
                          desc, params, line_of("id")))
    return Policy(tuple(rules), meta.get("name", ""), meta.get("description", ""), source, text)
