"""Exact duplicate edge rows: a validation warning, and counted once by the metrics and
the rules (two identical co_building rows are one carrier, not two)."""

from __future__ import annotations

import warnings

import pandas as pd
from rulekit import build, ids, run_rule

import partylinks as pl

FRAGILE = """
[[rules]]
id = "fragile"
kind = "fragile"
severity = "warning"
cadre_only = false
"""


def twice(rows):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pl.ValidationWarning)
        g = build([("C1", "community", "Z1"), ("E1", "enterprise", "Z1"),
                   ("E2", "enterprise", "Z1")], rows)
        cols = ["source", "target", "type", "role", "start", "end"][:max(map(len, rows))]
        return pl.from_frames(g.nodes.astype(object), pd.DataFrame(rows, columns=cols),
                              lang="en")


def test_identical_rows_are_reported_once_each_against_the_first():
    g = twice([("C1", "E1", "co_building"), ("C1", "E1", "co_building"),
               ("C1", "E1", "co_building", None, "2024-01-01"),
               ("E1", "C1", "co_building")])  # the opposite direction: not an exact copy
    w = g.issues[g.issues["code"] == "duplicate_edge"]
    assert w["severity"].tolist() == ["warning", "warning"]
    assert w["row"].tolist() == [1, 2]  # rows of the in-memory table, 0-based labels
    assert w["message"].tolist() == [
        "repeats row 0 (same ends, type and role, overlapping dates); counted once"] * 2


def test_rows_with_other_role_or_disjoint_dates_are_not_duplicates():
    g = twice([("C1", "E1", "co_building", None, "2020-01-01", "2020-12-31"),
               ("C1", "E1", "co_building", None, "2021-01-01"),
               ("C1", "E2", "co_building", "a"), ("C1", "E2", "co_building", "b")])
    assert "duplicate_edge" not in set(g.issues["code"])


def test_duplicates_count_once_in_ties_fragility_and_strength():
    g = twice([("C1", "E1", "co_building"), ("C1", "E1", "co_building")])
    assert g.ties()["edge"].tolist() == [0]
    f = run_rule(g, FRAGILE)
    # one carrier: both ends stay fragile
    assert ids(f) == ["C1", "E1"]
    s = pl.metrics.tie_strength(g)
    assert s[["n_ties", "redundancy"]].values.tolist() == [[1, 1]]


def test_duplicate_rows_matches_a_brute_force_on_small_tables():
    import numpy as np

    from partylinks.graph.projection import duplicate_rows
    rng = np.random.default_rng(3)
    for _ in range(50):
        n = 8
        src, dst = rng.integers(0, 3, n), rng.integers(0, 3, n)
        et = rng.integers(0, 2, n)
        role = rng.choice(np.array(["x", None], dtype=object), n)
        st = np.array([rng.choice(["2024-01-01", "2024-06-01", "NaT"]) for _ in range(n)],
                      dtype="datetime64[ns]")
        en = np.array([rng.choice(["2024-03-01", "2024-12-01", "NaT"]) for _ in range(n)],
                      dtype="datetime64[ns]")
        sym = et == 1
        got = dict(zip(*[a.tolist() for a in duplicate_rows(src, dst, et, role, st, en, sym)],
                       strict=True))
        want = {}
        kept = []
        lo, hi = pd.Timestamp.min, pd.Timestamp.max
        for j in range(n):
            for i in kept:
                same = et[i] == et[j] and role[i] == role[j] and (
                    (src[i], dst[i]) == (src[j], dst[j])
                    or (sym[j] and (src[i], dst[i]) == (dst[j], src[j])))
                si = lo if np.isnat(st[i]) else pd.Timestamp(st[i])
                sj = lo if np.isnat(st[j]) else pd.Timestamp(st[j])
                ei = hi if np.isnat(en[i]) else pd.Timestamp(en[i])
                ej = hi if np.isnat(en[j]) else pd.Timestamp(en[j])
                if same and si <= ej and sj <= ei:
                    want[j] = i
                    break
            else:
                kept.append(j)
        assert got == want


def test_fragile_is_unchanged_without_duplicates():
    g = twice([("C1", "E1", "co_building"), ("C1", "E2", "co_building")])
    assert ids(run_rule(g, FRAGILE)) == ["E1", "E2"]
