"""The per-zone summary, computed by hand on the house graph."""

from __future__ import annotations

import numpy as np
import pytest

import partylinks as pl
from partylinks.report import SUMMARY_COLUMNS


def test_house_summary_by_hand():
    r = pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")
    s = r.summary
    assert list(s.columns) == SUMMARY_COLUMNS
    assert s["zone"].tolist() == ["Z1", "Z2", "Total"]
    cols = ["units", "community", "park", "enterprise", "government", "isolated", "fragile",
            "components", "findings_error", "findings_warning", "findings_info"]
    assert s[cols].values.tolist() == [
        [3, 1, 0, 1, 1, 0, 0, 1, 0, 3, 0],   # C1, E1, W1: one component; 3 council findings
        [1, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0],   # A1 alone, isolated
        [4, 1, 0, 1, 2, 1, 0, 2, 1, 3, 0],   # two components in the whole graph
    ]
    assert s["largest_share"].tolist() == [1.0, 1.0, 0.75]
    # E1 hosts its own branch B2; Z2 has no enterprise
    assert s["branch_coverage"][0] == 1.0 and np.isnan(s["branch_coverage"][1])
    score = pl.metrics.weak_linkage_score(pl.datasets.house(), as_of="2025-06-30")
    assert s["score"][0] == pytest.approx(score.loc[score["zone"] == "Z1", "score"].mean())
    assert s["score"][2] == pytest.approx(score["score"].mean())


def test_units_without_zone_get_their_own_row_and_zh_labels(graph_factory):
    g = graph_factory([("C1", "community", "Z1"), ("E1", "enterprise", None)], [])
    s = pl.audit(g, as_of="2025-06-30", lang="zh").summary
    assert s["zone"].tolist() == ["Z1", "（无片区）", "合计"]
    assert s["isolated"].tolist() == [1, 1, 2]
    assert s["branch_coverage"].iloc[1] == 0.0


def test_coverage_counts_joint_branches(graph_factory):
    nodes = [("E1", "enterprise"), ("E2", "enterprise"), ("E3", "enterprise"),
             ("P1", "park"), ("B1", "branch"), ("B2", "branch")]
    edges = [("B1", "E1", "hosted_by"), ("B2", "P1", "hosted_by"), ("B2", "E2", "co_building")]
    s = pl.audit(graph_factory(nodes, edges), as_of="2025-06-30").summary
    assert s["branch_coverage"].tolist() == [pytest.approx(2 / 3)] * 2
