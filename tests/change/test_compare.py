"""compare: a tie that lapsed, a unit that became isolated, findings opened and closed."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import partylinks as pl
from partylinks.change import finding_key


@pytest.fixture
def g(graph_factory):
    # C1 community, E1 and E2 enterprises, W1 council, all in Z1; K1 works at C1, K2 at E1.
    # On 2024-06-30: K1 instructor C1->E1, K2 part-time member E1->C1 (mutual), E2-C1
    # co-building, C1 member of W1.  By 2025-06-30 K2's post and the co-building have
    # ended (2024-12-31) and E1 has joined W1 (2025-01-01).
    nodes = [("C1", "community", "Z1", "桃源社区"), ("E1", "enterprise", "Z1", "永兴纺织"),
             ("E2", "enterprise", "Z1", "兴业五金"), ("W1", "council", "Z1", "桃城协调委员会"),
             ("K1", "cadre", "Z1", "林堃"), ("K2", "cadre", "Z1", "陈玥")]
    edges = [("K1", "C1", "works_at"), ("K2", "E1", "works_at"),
             ("K1", "E1", "part_time_post", "instructor", "2024-01-01", None),
             ("K2", "C1", "part_time_post", "part_time_member", "2024-01-01", "2024-12-31"),
             ("E2", "C1", "co_building", None, "2023-01-01", "2024-12-31"),
             ("C1", "W1", "council_member"),
             ("E1", "W1", "council_member", None, "2025-01-01", None)]
    return graph_factory(nodes, edges)


def test_ties_new_and_lapsed(g):
    c = pl.compare(g, before="2024-06-30", after="2025-06-30", lang="en")
    assert c.before == "2024-06-30" and c.after == "2025-06-30"
    assert c.ties_new[["tie_type", "u", "v"]].values.tolist() == [["council_member", "E1", "W1"]]
    assert c.ties_new["via"].isna().all()
    lapsed = c.ties_lapsed[["tie_type", "u", "v", "via", "role"]].fillna("").values.tolist()
    assert lapsed == [["co_building", "E2", "C1", "", ""],
                      ["part_time_post", "E1", "C1", "K2", "part_time_member"]]
    counts = c.tie_counts.set_index("tie_type")
    assert counts.loc["part_time_post"].tolist() == [2, 1, 0, 1, -1]
    assert counts.loc["co_building"].tolist() == [1, 0, 0, 1, -1]
    assert counts.loc["council_member"].tolist() == [1, 2, 1, 0, 1]
    assert counts.loc["liaison"].tolist() == [0, 0, 0, 0, 0]


def test_unit_that_became_isolated(g):
    c = pl.compare(g, before="2024-06-30", after="2025-06-30", lang="en")
    assert c.units_isolated[["id", "ties_before", "ties_after"]].values.tolist() == [["E2", 1, 0]]
    assert c.units_tied_in.empty
    assert c.units_added.empty and c.units_removed.empty
    m = c.metrics.set_index("metric")
    assert m.loc["isolated"].tolist() == [0, 1, 1]
    assert m.loc["components"].tolist() == [1, 2, 1]
    assert m.loc["ties"].tolist() == [4, 3, -1]


def test_findings_opened_and_closed(g):
    c = pl.compare(g, before="2024-06-30", after="2025-06-30", lang="en")
    # E2 lost its only tie: isolated now. K2's post ended: C1 -> E1 is now one way.
    # W1 gained an enterprise member: the missing-enterprise-sector finding is gone (the
    # park sector and the convenor are still missing: same keys, not closed).
    assert c.findings_opened["key"].tolist() == [
        "isolated_units:E2", "mutual_appointments:C1[E1,K1]"]
    assert c.findings_closed["key"].tolist() == [
        "council_composition:W1{issue=missing_sector;missing_sector=enterprise}"]
    z = c.zone_scores.set_index("zone")
    assert z.loc["Z1", ["units_before", "units_after", "isolated_before",
                        "isolated_after"]].tolist() == [4, 4, 0, 1]
    assert z.loc["Z1", "change"] == pytest.approx(z.loc["Z1", "score_after"]
                                                  - z.loc["Z1", "score_before"])


def test_finding_key_is_exact():
    assert finding_key("r", "N1", ["b", "a", "a"]) == "r:N1[a,b]"
    assert finding_key("r", "N1", "b;a", {"count": 3, "issue": "x"}) == "r:N1[a,b]{issue=x}"
    assert finding_key("r", "N1", None, {"candidate": "K9"}) == "r:N1"


def test_two_graph_form(g, graph_factory):
    later = pl.from_frames(
        g.nodes[g.nodes["id"] != "E2"],
        g.edges[(g.edges["source"] != "E2").to_numpy()].assign(
            source=lambda e: e["source"].astype(object),
            target=lambda e: e["target"].astype(object)))
    c = pl.compare(g, other=later, before="2024-06-30", lang="en", findings=False)
    assert c.after == "2024-06-30"
    assert c.units_removed[["id", "ties_before", "ties_after"]].values.tolist() == [["E2", 1, 0]]
    assert c.ties_lapsed["tie_type"].tolist() == ["co_building"]
    assert c.findings_opened.empty and not c.findings_checked
    c2 = pl.compare(g, other=later, lang="zh", findings=False)
    assert (c2.before, c2.after) == ("原数据", "对比数据")


def test_one_graph_needs_a_date(g):
    with pytest.raises(ValueError, match="before"):
        pl.compare(g)


def test_repr_and_exports(g, tmp_path):
    c = pl.compare(g, before="2024-06-30", after="2025-06-30")
    text = repr(c)
    assert text.splitlines()[0] == "变化对比：2024-06-30 → 2025-06-30"
    assert "联系：新增 1 条，失效 2 条" in text and "审计问题：新增 2 个，解决 1 个" in text
    assert "<table" in c._repr_html_() and "新孤立单位" in c._repr_html_()
    book = c.to_excel(tmp_path / "c.xlsx")
    sheets = pd.read_excel(book, sheet_name=None)
    assert list(sheets)[:3] == ["总体指标", "按联系类型", "新增联系"]
    assert sheets["新孤立单位"]["编号"].tolist() == ["E2"]
    doc = json.loads(c.to_json(tmp_path / "c.json", lang="en").read_text(encoding="utf-8"))
    assert doc["meta"]["before"] == "2024-06-30"
    assert doc["ties_lapsed"][0]["end"] == "2024-12-31"
    assert [f["key"] for f in doc["findings_opened"]][0] == "isolated_units:E2"
    with pytest.raises(ValueError, match="xlsx"):
        c.write(tmp_path / "c.txt")


def test_yongchun_lapsed_ties_by_mechanism():
    g = pl.datasets.load_sample("yongchun")
    c = pl.compare(g, before="2024-06-30", after="2025-06-30", lang="en")
    # the README: the Y-C08/Y-E016 co-building ended 2024-09-30, Y-K0080's support
    # appointment on Y-J13 ended 2025-03-31; nothing else has an end date.
    assert c.ties_lapsed[["tie_type", "u", "v"]].values.tolist() == [
        ["co_building", "Y-C08", "Y-E016"], ["service_pairing", "Y-A15", "Y-J13"]]
    assert c.ties_new.empty
    assert "project_team:Y-J13[Y-K0080]{issue=expired_role;role=support}" in set(
        c.findings_opened["key"])
