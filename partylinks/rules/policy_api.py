"""A policy edited from Python: copy, change a rule's parameter, enable, disable, save.

:class:`PolicyEditor` holds a policy as plain data and checks it after every change with
:func:`partylinks.rules.policy_from_dict`, the check a policy file gets: an unknown rule
or parameter, a wrong type or value raises :class:`partylinks.rules.PolicyError` at once,
naming the rule. :meth:`PolicyEditor.save` writes TOML that :func:`load_policy` reads
back to the same rules.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

from .policy import Policy, PolicyError, load_policy, policy_from_dict

__all__ = ["PolicyEditor", "edit_policy", "policy_to_toml"]


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {_toml_value(v)}"
                               for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {value!r} ({type(value).__name__}) in a policy file")


def policy_to_toml(policy: Policy) -> str:
    """The policy as TOML text: a ``[policy]`` table and one ``[[rules]]`` table per rule,
    every parameter written out (defaults included).

    Parameters
    ----------
    policy : Policy

    Returns
    -------
    str

    Examples
    --------
    >>> from partylinks.rules import parse_policy
    >>> p = parse_policy('[[rules]]\\nid = "iso"\\nkind = "isolated"\\nseverity = "error"\\n')
    >>> print(policy_to_toml(p))
    [[rules]]
    id = "iso"
    kind = "isolated"
    severity = "error"
    enabled = true
    node_types = []
    <BLANKLINE>
    """
    lines = []
    meta = {k: v for k, v in (("name", policy.name), ("description", policy.description)) if v}
    if meta:
        lines.append("[policy]")
        lines += [f"{k} = {_toml_value(v)}" for k, v in meta.items()]
        lines.append("")
    for rule in policy.rules:
        lines.append("[[rules]]")
        lines += [f"{k} = {_toml_value(v)}" for k, v in rule.to_dict().items()]
        lines.append("")
    return "\n".join(lines)


class PolicyEditor:
    """An editable copy of a policy, checked after every change like a policy file.

    Parameters
    ----------
    policy : str, Path, Policy or None
        A policy file, a loaded policy, or None for the bundled default.

    Attributes
    ----------
    policy : Policy
        The checked policy as it stands; pass it to :func:`partylinks.audit`.

    Examples
    --------
    >>> import partylinks as pl
    >>> ed = pl.rules.edit_policy()
    >>> ed = ed.set("compound_registration", min=10, severity="warning")
    >>> ed.policy.rule("compound_registration").params["min"]
    10
    >>> ed.disable("council_meetings").policy.rule("council_meetings").enabled
    False
    >>> ed.set("compound_registration", mni=3)
    Traceback (most recent call last):
    ...
    partylinks.rules.policy.PolicyError: <python>: rule 'compound_registration': unknown ...
    """

    def __init__(self, policy: str | Path | Policy | None = None):
        base = load_policy(policy)
        self._data = {"policy": {k: v for k, v in (("name", base.name),
                                                   ("description", base.description)) if v},
                      "rules": [r.to_dict() for r in base.rules]}
        self.policy: Policy = base
        self._source = "<python>"

    def __repr__(self) -> str:
        return f"PolicyEditor({self.policy!r})"

    def _commit(self, data: dict) -> PolicyEditor:
        self.policy = policy_from_dict(data, source=self._source)   # raises PolicyError
        self._data = data
        return self

    def _rule(self, data: dict, rule_id: str) -> dict:
        for r in data["rules"]:
            if r["id"] == rule_id:
                return r
        raise PolicyError(self._source, None, f"no rule {rule_id!r}; rules: "
                          f"{', '.join(r['id'] for r in data['rules'])}")

    def copy(self) -> PolicyEditor:
        """An independent copy (changes to one leave the other as it is)."""
        new = PolicyEditor.__new__(PolicyEditor)
        new._data, new.policy, new._source = copy.deepcopy(self._data), self.policy, self._source
        return new

    def set(self, rule_id: str, **params) -> PolicyEditor:
        """Set parameters of a rule (its kind's parameters, or ``severity``, ``enabled``,
        ``zones``, ``description``); nothing changes when the result is not valid.

        Returns the editor itself, so that calls chain.
        """
        data = copy.deepcopy(self._data)
        self._rule(data, rule_id).update(params)
        return self._commit(data)

    def reset(self, rule_id: str, *names: str) -> PolicyEditor:
        """Set parameters of a rule back to their default."""
        data = copy.deepcopy(self._data)
        rule = self._rule(data, rule_id)
        for name in names:
            rule.pop(name, None)
        return self._commit(data)

    def enable(self, *rule_ids: str) -> PolicyEditor:
        """Turn rules on."""
        data = copy.deepcopy(self._data)
        for rid in rule_ids:
            self._rule(data, rid)["enabled"] = True
        return self._commit(data)

    def disable(self, *rule_ids: str) -> PolicyEditor:
        """Turn rules off (they stay in the policy and in the report's list of rules)."""
        data = copy.deepcopy(self._data)
        for rid in rule_ids:
            self._rule(data, rid)["enabled"] = False
        return self._commit(data)

    def add(self, rule_id: str, kind: str, severity: str = "warning", **params) -> PolicyEditor:
        """Add a rule at the end of the policy."""
        data = copy.deepcopy(self._data)
        data["rules"].append({"id": rule_id, "kind": kind, "severity": severity, **params})
        return self._commit(data)

    def remove(self, *rule_ids: str) -> PolicyEditor:
        """Remove rules."""
        data = copy.deepcopy(self._data)
        for rid in rule_ids:
            data["rules"].remove(self._rule(data, rid))
        return self._commit(data)

    def rename(self, name: str, description: str | None = None) -> PolicyEditor:
        """Set the policy's name (and description)."""
        data = copy.deepcopy(self._data)
        data["policy"]["name"] = name
        if description is not None:
            data["policy"]["description"] = description
        return self._commit(data)

    def to_toml(self) -> str:
        """The policy as TOML text (see :func:`policy_to_toml`)."""
        return policy_to_toml(self.policy)

    def save(self, path: str | Path) -> Path:
        """Write the policy as a TOML file (UTF-8) and return its path."""
        path = Path(path)
        path.write_text(self.to_toml(), encoding="utf-8")
        return path


def edit_policy(policy: str | Path | Policy | None = None) -> PolicyEditor:
    """A :class:`PolicyEditor` on a policy file, a policy, or (None) the bundled default.

    Examples
    --------
    >>> ed = edit_policy()
    >>> ed.policy.rule("council_meetings").enabled
    True
    """
    return PolicyEditor(policy)
