"""Gap repair: at most k new ties that close the most findings and join the most components.

The method, in order:

1. audit ``g`` on ``as_of`` (the open findings);
2. generate candidate edges for every finding a new tie can fix, and for the units of the
   small components (:mod:`partylinks.change._candidates`): each between nodes allowed by
   the schema's endpoint rules (``g.schema.edge_types``), qualified under the rule (the
   1+1+1 roles go to the right kind of cadre, pairings and appointments stay inside the
   zone), with spare capacity (:data:`DEFAULT_CAPACITY`, overridable), and never an edge
   whose source, target and type are already in the data;
3. **greedy**: repeatedly add the candidate of highest ``gain`` (the objective of
   :mod:`partylinks.change._objective`: findings it finishes fixing, minus findings it
   would open, plus ``w_join`` if it joins two components), recomputed after each pick
   against the plan so far, until ``budget`` edges or no candidate has a positive gain;
   equal gains are broken by generation order (same zone, fewest posts held, id);
4. **verify**: audit the graph with the plan added, and report for each edge the findings
   that are really closed (and opened); a closed finding is attributed to the edge that was
   meant to close it, else to the first edge touching one of its ids; an opened finding
   whose rule and node are those of a finding an edge closed (the same key person, now
   cutting off fewer units) is attributed to that edge, else to the first edge touching
   one of its ids.

``method="random"`` picks uniformly at random (with ``seed``) among the same valid
candidates, respecting capacity, for comparison.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..graph.dates import audit_date
from ..messages import MESSAGES, check_lang, msg
from ..rules import load_policy
from ._candidates import generate
from ._diff import components_of, unit_state
from ._findings import audit_findings, default_as_of, related_list
from ._objective import Plan
from ._world import DEFAULT_CAPACITY, World, check_capacity
from .simulate import add_edges_to

__all__ = ["suggest", "DEFAULT_CAPACITY", "PLAN_COLUMNS", "prepare", "run", "verify_plan",
           "plan_frame", "Prepared"]

PLAN_COLUMNS = ["source", "target", "type", "role", "zone", "closes", "joins_components",
                "gain", "reason", "opens", "source_name", "target_name"]


def _reason(w, c, closes, opens, joins, lang) -> str:
    role = c.role
    role_label = MESSAGES.get(f"role_{role}", {}).get(lang, role) if role else ""
    key = f"chg_act_{c.type}" if f"chg_act_{c.type}" in MESSAGES else "chg_act_other"
    act = msg(key, lang, source=w.name(c.source), target=w.name(c.target), role=role_label,
              type=w.g.schema.label(c.type, lang))
    from ..messages.names import rule_name

    def names(keys) -> str:
        rules = sorted({k.split(":", 1)[0] for k in keys})
        return msg("chg_sep", lang).join(rule_name(r, None, lang) for r in rules)

    eff = []
    if closes:
        eff.append(msg("chg_eff_closes", lang, n=len(closes), rules=names(closes)))
    if joins:
        eff.append(msg("chg_eff_joins", lang))
    if opens:
        eff.append(msg("chg_eff_opens", lang, n=len(opens), rules=names(opens)))
    if not eff:
        eff.append(msg("chg_eff_none", lang))
    return act + msg("chg_colon", lang) + msg("chg_sep", lang).join(eff)


def _pick(plan: Plan, cands: list, budget: int, method: str, seed: int) -> list:
    picks = []
    if method == "random":
        rng = np.random.default_rng(seed)
        for i in rng.permutation(len(cands)):
            if len(picks) == budget:
                break
            if plan.valid(cands[i]):
                picks.append((cands[i], *plan.apply(cands[i], int(i))))
        return picks
    while len(picks) < budget:
        best, best_i, best_v = None, -1, 0.0
        for i, c in enumerate(cands):
            if not plan.valid(c):
                continue
            v = plan.gain(c, i)[0]
            if v > best_v + 1e-12:
                best, best_i, best_v = c, i, v
        if best is None:
            break
        picks.append((best, *plan.apply(best, best_i)))
    return picks


def _stem(key: str) -> str:
    """``"<rule>:<node_id>"`` of a finding key."""
    return key.split("[", 1)[0].split("{", 1)[0]


def _attribute(w, picks, keys: set, findings: pd.DataFrame, predicted: list) -> list[list]:
    """Spread the verified ``keys`` over the picks (see the module docstring)."""
    out = [[] for _ in picks]
    stems = [{_stem(k) for k in pk} for pk in predicted]
    rows = findings.drop_duplicates("key").set_index("key")
    touch = []
    for c, *_ in picks:
        u, v, _c = w.projected(c.source, c.target)
        touch.append({c.source, c.target, u, v})
    for k in sorted(keys):
        owner = next((i for i, pk in enumerate(predicted) if k in pk), None)
        if owner is None:
            owner = next((i for i, st in enumerate(stems) if _stem(k) in st), None)
        if owner is None and k in rows.index:
            r = rows.loc[k]
            ids = {r["node_id"], w.unit.get(r["node_id"])} | set(related_list(r["related_ids"]))
            owner = next((i for i, t in enumerate(touch) if t & ids), None)
        if owner is not None:
            out[owner].append(k)
    return out


def suggest(g, budget: int = 5, policy=None, as_of=None, capacity: dict | None = None,
            seed: int = 0, *, lang: str = "zh", method: str = "greedy", w_join: float = 1.0,
            alternatives: int = 3, verify: bool = True) -> pd.DataFrame:
    """Propose at most ``budget`` new ties that close the most open findings and join the
    most components.

    The method (candidates, the greedy objective, the check against the audit) is
    defined in :mod:`partylinks.change.suggest`; the objective in
    :mod:`partylinks.change._objective`:
    ``gain = findings it finishes fixing - findings it opens + w_join * joins``.

    Parameters
    ----------
    g : LinkGraph
    budget : int
        The most edges to propose.
    policy : path, Policy or None
        The audit policy whose findings are to be closed (None: the default policy).
    as_of : date-like, optional
        The audit date (default: the latest date in the data).
    capacity : dict, optional
        Overrides of :data:`DEFAULT_CAPACITY`, e.g. ``{"instructor": 2}`` (a community
        secretary instructs at most 2 enterprises), ``{"service_pairing": 3}``.
    seed : int
        Random seed of ``method="random"``.
    lang : {"zh", "en"}
        Language of the ``reason`` column.
    method : {"greedy", "random"}
    w_join : float
        Weight of joining two components in the objective.
    alternatives : int
        Candidates generated per finding (the greedy chooses among them).
    verify : bool
        Re-run the audit with the plan and report the findings really closed and opened
        (True); False keeps the predicted ones.

    Returns
    -------
    DataFrame
        One row per proposed edge, in the order picked: ``source``, ``target``, ``type``,
        ``role``, ``zone`` (the target's zone, else the source's), ``closes`` (list of the
        finding keys it closes, see :func:`partylinks.change.finding_key`),
        ``joins_components`` (bool), ``gain`` (objective value when picked), ``reason``
        (what it does and fixes), ``opens`` (finding keys it opens), ``source_name``,
        ``target_name``. ``attrs["summary"]`` holds the totals (findings before and after,
        closed, opened, components before and after) and ``attrs["not_addressed"]`` the
        open findings the plan leaves open, each with ``why``.

    Examples
    --------
    >>> import partylinks as pl
    >>> plan = pl.suggest(pl.datasets.house(), budget=2, lang="en")
    >>> for row in plan[["source", "target", "type", "joins_components"]].values:
    ...     print(list(row))
    ['A1', 'W1', 'council_member', True]
    ['E1', 'W1', 'council_member', False]
    >>> plan["closes"].tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['isolated_units:A1'],
     ['council_composition:W1{issue=missing_sector;missing_sector=enterprise}']]
    >>> print(plan["reason"][0])
    县商务局 joins 桃城片区协调委员会: closes 1 finding(s) (isolated units); joins parts of the
    network that were apart
    """
    check_lang(lang)
    if method not in ("greedy", "random"):
        raise ValueError(f"method must be 'greedy' or 'random', got {method!r}")
    if isinstance(budget, bool) or not isinstance(budget, int) or budget < 0:
        raise ValueError(f"budget must be a whole number >= 0, got {budget!r}")
    prep = prepare(g, policy, as_of, capacity, lang, alternatives)
    picks = run(prep, budget, method, seed, w_join)
    return plan_frame(prep, picks, method, verify)


class Prepared:
    """Everything a plan is built from: the audit date, policy, open findings, the world
    and the candidates (shared by the greedy and any number of random plans)."""

    def __init__(self, g, policy, as_of, capacity, lang: str, alternatives: int):
        self.g, self.lang = g, lang
        self.day = audit_date(default_as_of(g) if as_of is None else as_of)
        self.policy = load_policy(policy)
        self.base = audit_findings(g, self.policy, self.day, lang)
        self.world = World(g, self.day, lang, check_capacity(capacity))
        self.cands, self.unfixable = generate(self.world, self.base, self.policy,
                                              m=alternatives)
        self.components = components_of(unit_state(g, self.day))["n_components"]


def prepare(g, policy=None, as_of=None, capacity=None, lang: str = "zh",
            alternatives: int = 3) -> Prepared:
    """Audit ``g`` and generate the candidates (steps 1 and 2 of the method)."""
    return Prepared(g, policy, as_of, capacity, lang, alternatives)


def run(prep: Prepared, budget: int, method: str = "greedy", seed: int = 0,
        w_join: float = 1.0) -> list:
    """Pick at most ``budget`` candidates (step 3): ``(candidate, gain, closes, opens,
    joins)`` per pick, in order."""
    plan = Plan(prep.world, prep.base, prep.policy, w_join)
    return _pick(plan, prep.cands, budget, method, seed)


def verify_plan(prep: Prepared, picks: list) -> tuple[list, list, dict, pd.DataFrame]:
    """Audit the graph with the picks added (step 4): per pick the verified closes and
    opens, the totals, and the findings after."""
    g2 = add_edges_to(prep.g, pd.DataFrame([{"source": c.source, "target": c.target,
                                             "type": c.type, "role": c.role}
                                            for c, *_ in picks],
                                           columns=["source", "target", "type", "role"]))
    after = audit_findings(g2, prep.policy, prep.day, prep.lang)
    kb, ka = set(prep.base["key"]), set(after["key"])
    closes = _attribute(prep.world, picks, kb - ka, prep.base, [p[2] for p in picks])
    opens = _attribute(prep.world, picks, ka - kb, after, closes)
    totals = {"findings_after": len(after), "closed": len(kb - ka), "opened": len(ka - kb),
              "components_before": prep.components,
              "components_after": components_of(unit_state(g2, prep.day))["n_components"]}
    return closes, opens, totals, after


def plan_frame(prep: Prepared, picks: list, method: str, verify: bool) -> pd.DataFrame:
    """The table :func:`suggest` returns."""
    w, lang, base = prep.world, prep.lang, prep.base
    closes, opens = [p[2] for p in picks], [p[3] for p in picks]
    summary = {"as_of": prep.day.date().isoformat(), "method": method,
               "candidates": len(prep.cands), "findings_before": len(base)}
    after = base
    if verify:
        closes, opens, totals, after = verify_plan(prep, picks)
        summary |= totals
    rows = []
    for (c, gain, _, _, joins), cl, op in zip(picks, closes, opens, strict=True):
        zone = w.zone(c.target) or w.zone(c.source)
        rows.append({"source": c.source, "target": c.target, "type": c.type, "role": c.role,
                     "zone": zone, "closes": cl, "joins_components": bool(joins),
                     "gain": round(float(gain), 4), "reason": _reason(w, c, cl, op, joins, lang),
                     "opens": op, "source_name": w.name(c.source),
                     "target_name": w.name(c.target)})
    out = pd.DataFrame(rows, columns=PLAN_COLUMNS)
    closed = {k for cl in closes for k in cl}
    targeted = {n for c in prep.cands for n in c.needs}
    left = base[~base["key"].isin(closed) & base["key"].isin(set(after["key"]))]
    why = [prep.unfixable.get(k) or ("chg_na_budget" if k in targeted else "chg_na_no_candidate")
           for k in left["key"]]
    na = left[["key", "rule", "kind", "node_id", "name", "zone"]].copy()
    na["why"] = [msg(k, lang) for k in why]
    out.attrs["summary"] = summary
    out.attrs["not_addressed"] = na.reset_index(drop=True)
    return out
