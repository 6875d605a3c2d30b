"""Coverage rules: a policy of built-in rule kinds, run on the graph on an audit date.

- :func:`load_policy` / :func:`parse_policy` read and check a TOML policy;
  :func:`default_policy_path` is the bundled default, which encodes the mechanisms of
  the source articles (see ``partylinks/policies/default.toml``).
- :func:`run_rules` runs it and returns the findings table (:data:`FINDING_COLUMNS`);
  :func:`check` runs one rule kind with given parameters (``check(g, "reciprocal")``).
- :data:`RULE_KINDS`: ``min_ties``, ``reciprocal``, ``team``, ``composition``,
  ``branch_coverage``, ``grid_coverage``, ``reach``, ``isolated``, ``fragile``,
  ``key_person``, ``meeting_frequency``, ``needs``; each is documented in its function.
- A finding with no ``node_id`` is about the data: a check that a column the data lacks
  would allow (``detail["issue"] == "unchecked"``, ``missing_columns``), severity info.

Most users call :func:`partylinks.audit`, which runs the rules and builds the report.
"""

from ._context import AuditContext
from .coverage import branch_coverage, enterprise_coverage, grid_coverage
from .engine import FINDING_COLUMNS, RULE_STATUS_COLUMNS, check, empty_findings, run_rules
from .meetings import meeting_frequency
from .needs import list_items, needs
from .policy import (
    RULE_KINDS,
    SEVERITIES,
    Policy,
    PolicyError,
    Rule,
    default_policy_path,
    load_policy,
    parse_policy,
    policy_from_dict,
)
from .policy_api import PolicyEditor, edit_policy, policy_to_toml
from .structure import fragile, isolated, key_person
from .teams import composition, team
from .ties import min_ties, reach, reciprocal

__all__ = [
    "AuditContext", "FINDING_COLUMNS", "RULE_STATUS_COLUMNS", "RULE_KINDS", "SEVERITIES",
    "Policy", "PolicyError", "Rule", "default_policy_path", "load_policy", "parse_policy",
    "run_rules", "empty_findings", "enterprise_coverage", "check", "policy_from_dict",
    "min_ties", "reciprocal", "reach", "team", "composition", "branch_coverage",
    "grid_coverage", "isolated", "fragile", "key_person", "meeting_frequency", "needs",
    "list_items",
]
__all__ += ["PolicyEditor", "edit_policy", "policy_to_toml"]
