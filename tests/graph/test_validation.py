"""Every validation problem kind, with the row number a user sees in Excel."""

import pandas as pd
import pytest

import partylinks as pl


def write(tmp_path, nodes: str, edges: str, events: str | None = None):
    (tmp_path / "nodes.csv").write_text(nodes, encoding="utf-8")
    (tmp_path / "edges.csv").write_text(edges, encoding="utf-8")
    if events is not None:
        (tmp_path / "events.csv").write_text(events, encoding="utf-8")
    return tmp_path


GOOD_NODES = "id,type,zone\nC1,community,Z\nE1,enterprise,Z\nK1,cadre,Z\nB1,branch,Z\nB2,branch,Z\n"


def codes(issues):
    return issues[["code", "row", "column", "value"]].astype(object).values.tolist()


def test_clean_dataset_has_no_issues(tmp_path):
    d = write(tmp_path, GOOD_NODES,
              "source,target,type\nK1,C1,works_at\nB1,C1,hosted_by\nB2,E1,hosted_by\n")
    assert pl.validate(d).empty


@pytest.mark.parametrize("nodes,expected", [
    ("id,type\nC1,community\nC1,community\n", [["duplicate_id", 3, "id", "C1"]]),
    ("id,type\nC1,alien\n", [["unknown_node_type", 2, "type", "alien"]]),
    ("id,type\n,community\n", [["missing_value", 2, "id", None]]),
    ("id,type\nC1,\n", [["missing_value", 2, "type", None]]),
    ("id,type,party_members\nE1,enterprise,3.5\n", [["bad_integer", 2, "party_members", "3.5"]]),
    ("id,type,above_scale\nE1,enterprise,maybe\n", [["bad_boolean", 2, "above_scale", "maybe"]]),
    ("id,name\nC1,x\n", [["missing_column", 1, "type", None]]),
    ("id,type\n", [["empty_file", 1, None, None]]),
])
def test_node_problems(tmp_path, nodes, expected):
    d = write(tmp_path, nodes, "source,target,type\n")
    assert codes(pl.validate(d)) == expected


@pytest.mark.parametrize("edges,expected", [
    ("source,target,type\nK1,X9,works_at\n", [["dangling_endpoint", 2, "target", "X9"]]),
    ("source,target,type\nQ,C1,works_at\n", [["dangling_endpoint", 2, "source", "Q"]]),
    ("source,target,type\nK1,C1,flies_to\n", [["unknown_edge_type", 2, "type", "flies_to"]]),
    ("source,target,type\nC1,K1,works_at\n", [["forbidden_endpoint", 2, "type", "works_at"]]),
    ("source,target,type\nC1,C1,co_building\n", [["self_loop", 2, "target", "C1"]]),
    ("source,target,type,start\nK1,C1,works_at,2024-02-30\n",
     [["bad_date", 2, "start", "2024-02-30"]]),
    ("source,target,type,start,end\nK1,C1,works_at,2024-02-01,2023-01-01\n",
     [["end_before_start", 2, "end", "2023-01-01"]]),
    ("source,target,type,weight\nK1,C1,works_at,heavy\n", [["bad_number", 2, "weight", "heavy"]]),
    ("source,type\nK1,works_at\n", [["missing_column", 1, "target", None]]),
    ("source,target,type\nK1,,works_at\n", [["missing_value", 2, "target", None]]),
])
def test_edge_problems(tmp_path, edges, expected):
    d = write(tmp_path, GOOD_NODES, edges)
    got = pl.validate(d)
    assert codes(got[got["severity"] == "error"]) == expected


def test_reports_to_cycle_rows(tmp_path):
    d = write(tmp_path, GOOD_NODES + "B3,branch,Z\n",
              "source,target,type\nB1,B2,reports_to\nB3,B1,reports_to\nB2,B3,reports_to\n"
              "B1,C1,hosted_by\n")
    got = pl.validate(d)
    errors = got[got["severity"] == "error"]
    assert errors["code"].unique().tolist() == ["reports_to_cycle"]
    assert errors["row"].tolist() == [2]  # each cycle once, at its first edge row
    assert errors["value"].iloc[0] == "B1 -> B2 -> B3"


def test_acyclic_chain_is_fine(tmp_path):
    d = write(tmp_path, GOOD_NODES, "source,target,type\nB2,B1,reports_to\nB1,C1,hosted_by\n"
                                    "B2,E1,hosted_by\nK1,C1,works_at\n")
    assert pl.validate(d).empty


def test_all_problems_at_once_and_error_message(tmp_path):
    d = write(tmp_path, "id,type\nC1,community\nC1,community\nX,alien\n",
              "source,target,type,start\nC1,Q,co_building,\nC1,C1,co_building,soon\n")
    issues = pl.validate(d, lang="en")
    assert sorted(issues["code"]) == sorted(
        ["duplicate_id", "unknown_node_type", "dangling_endpoint", "self_loop", "bad_date"])
    with pytest.raises(pl.ValidationError) as exc:
        pl.load(d, lang="en")
    text = str(exc.value)
    assert "5 error(s)" in text
    assert "nodes.csv:3 [id]" in text and "edges.csv:3 [start]" in text
    assert len(exc.value.issues) == 5


def test_error_message_lists_twenty_then_counts(tmp_path):
    rows = "".join("C1,community\n" for _ in range(30))
    d = write(tmp_path, "id,type\n" + rows, "source,target,type\n")
    with pytest.raises(pl.ValidationError) as exc:
        pl.load(d, lang="en")
    lines = str(exc.value).splitlines()
    assert len(lines) == 1 + 20 + 1 and lines[-1].strip() == "... and 9 more"


def test_chinese_messages_and_headers(tmp_path):
    (tmp_path / "节点.csv").write_text("编号,类型\nC1,社区\nC1,社区\n", encoding="utf-8")
    (tmp_path / "关系.csv").write_text("起点,终点,关系\n", encoding="utf-8")
    issues = pl.validate(tmp_path)
    assert issues.loc[0, "column"] == "编号"
    assert issues.loc[0, "message"] == "编号“C1”重复（首次出现在第 2 行）"


def test_warnings_no_home_no_host(tmp_path):
    d = write(tmp_path, GOOD_NODES + "K2,cadre,Z\n",
              "source,target,type\nK1,C1,works_at\nB1,C1,hosted_by\nK2,B2,member_of\n"
              "K2,E1,part_time_post\n")
    issues = pl.validate(d, lang="en")
    assert codes(issues) == [["no_host", 6, "id", "B2"], ["no_home_unit", 7, "id", "K2"]]
    assert set(issues["severity"]) == {"warning"}
    with pytest.warns(pl.ValidationWarning, match="no_home_unit x1"):
        g = pl.load(d)
    assert g.cadres_without_home == ["K2"] and g.branches_without_host == ["B2"]
    assert g.unresolved_ties[["source", "target", "reason"]].values.tolist() == [
        ["K2", "E1", "source has no unit"]]
    assert len(g.ties()) == 0


def test_multiple_hosts_warning_picks_latest(tmp_path):
    d = write(tmp_path, GOOD_NODES,
              "source,target,type,start,end\nB1,C1,hosted_by,2020-01-01,\n"
              "B1,E1,hosted_by,2023-01-01,\nB2,E1,hosted_by,,\nB2,C1,hosted_by,,2021-01-01\n")
    issues = pl.validate(d, lang="en")
    assert codes(issues) == [["no_home_unit", 4, "id", "K1"], ["multiple_hosts", 5, "id", "B1"]]
    assert "(E1)" in issues.loc[1, "message"]


def test_events_problems(tmp_path):
    d = write(tmp_path, GOOD_NODES, "source,target,type\nK1,C1,works_at\nB1,C1,hosted_by\n"
                                    "B2,E1,hosted_by\n",
              "date,kind,units\n2024-01-05,联席会议,C1;E1\nlater,activity,C1\n2024-02-01,,C1;ZZ\n")
    issues = pl.validate(d, lang="en")
    assert codes(issues) == [["bad_date", 3, "date", "later"],
                             ["events_unknown_unit", 4, "units", "ZZ"]]


def test_events_loaded(tmp_path):
    d = write(tmp_path, GOOD_NODES, "source,target,type\nK1,C1,works_at\nB1,C1,hosted_by\n"
                                    "B2,E1,hosted_by\n",
              "日期,活动,参与单位\n2024-01-05,联席会议,C1；E1\n")
    g = pl.load(d)
    assert g.events["kind"].tolist() == ["joint_meeting"]
    assert g.events["units"].tolist() == [("C1", "E1")]


def test_frames_rows_are_index_labels():
    nodes = pd.DataFrame({"id": ["C1", "C1"], "type": ["community", "community"]},
                         index=[10, 11])
    edges = pd.DataFrame({"source": [], "target": [], "type": []})
    issues = pl.validate(nodes, edges)
    assert codes(issues) == [["duplicate_id", 11, "id", "C1"]]
