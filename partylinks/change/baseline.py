"""Is the greedy plan better than chance? The greedy plan against seeded random plans.

Every plan is drawn from the same valid candidates (schema endpoint rules, qualification,
zones, capacity; see :mod:`partylinks.change.suggest`) and has the same budget; each one is
then checked by re-running the audit with its edges added, so the comparison rests on the
audit's findings, not on the objective's predictions.
"""

from __future__ import annotations

import pandas as pd

from .suggest import prepare, run, verify_plan

__all__ = ["compare_plans"]


def compare_plans(g, budget: int = 5, runs: int = 20, policy=None, as_of=None,
                  capacity: dict | None = None, w_join: float = 1.0) -> pd.DataFrame:
    """The greedy plan of :func:`partylinks.suggest` and ``runs`` random plans of the same
    budget, each verified by the audit.

    For each plan: ``closed`` = findings of the audit on ``as_of`` that are gone once the
    plan's edges are added, ``opened`` = findings that appear, ``net_closed`` = closed -
    opened, ``components_joined`` = components of the unit graph before minus after. A
    random plan picks candidates uniformly at random (``numpy.random.default_rng(seed)``,
    seeds 0 .. runs-1), skipping those a node's capacity no longer allows.

    Parameters
    ----------
    g : LinkGraph
    budget : int
    runs : int
        Number of random plans.
    policy, as_of, capacity, w_join
        As in :func:`partylinks.suggest`.

    Returns
    -------
    DataFrame
        ``method`` ("greedy" first, then "random"), ``seed`` (None for greedy), ``edges``,
        ``closed``, ``opened``, ``net_closed``, ``components_joined``.

    Examples
    --------
    >>> import partylinks as pl
    >>> t = compare_plans(pl.datasets.house(), budget=1, runs=2)
    >>> t[["method", "seed", "edges", "closed", "components_joined"]].values.tolist()
    [['greedy', <NA>, 1, 1, 1], ['random', 0, 1, 1, 1], ['random', 1, 1, 1, 1]]
    """
    prep = prepare(g, policy, as_of, capacity, "en")
    rows = []
    for method, seed in [("greedy", None)] + [("random", s) for s in range(runs)]:
        picks = run(prep, budget, method, seed or 0, w_join)
        _, _, t, _ = verify_plan(prep, picks)
        rows.append({"method": method, "seed": seed, "edges": len(picks),
                     "closed": t["closed"], "opened": t["opened"],
                     "net_closed": t["closed"] - t["opened"],
                     "components_joined": t["components_before"] - t["components_after"]})
    out = pd.DataFrame(rows)
    out["seed"] = pd.array(out["seed"].tolist(), dtype="Int64")
    return out
