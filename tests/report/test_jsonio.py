"""The JSON report (documented, stable fields) and the formula-safe CSV."""

from __future__ import annotations

import csv
import json

from reportkit import FORMULA, hostile_graph, sample_report

import partylinks as pl
from partylinks.rules import FINDING_COLUMNS

TOP_FIELDS = ["format", "format_version", "partylinks_version", "as_of", "lang", "anonymized",
              "graph", "policy", "counts", "rules", "summary", "findings", "metrics"]


def test_json_fields(tmp_path):
    r = sample_report("yongchun", lang="en")
    d = json.loads(r.to_json(tmp_path / "r.json").read_text(encoding="utf-8"))
    assert list(d) == TOP_FIELDS
    assert (d["format"], d["format_version"], d["as_of"], d["lang"]) == (
        "partylinks-audit", 1, "2025-06-30", "en")
    assert d["graph"] == {"source": r.graph["source"], "n_nodes": 502, "n_edges": 1071,
                          "n_units": 102, "n_ties": 239}
    assert d["counts"] == r.counts
    assert [x["id"] for x in d["policy"]["rules"]] == r.rules["rule"].tolist()
    assert len(d["findings"]) == len(r.findings)
    first = d["findings"][0]
    assert list(first) == FINDING_COLUMNS
    assert first == {**r.findings.iloc[0].to_dict(), "related_ids": [], "detail": {
        "candidate": "Y-U02"}}
    team = [f for f in d["findings"] if f["node_id"] == "Y-J07"][0]
    assert team["related_ids"] == ["Y-K0025"] and team["detail"]["roles"] == [
        "coordinator", "policy"]
    assert [z["zone"] for z in d["summary"]][-1] == "Total"
    assert set(d["metrics"]) == set(r.metrics)
    assert d["metrics"]["isolated"][0]["id"] == "Y-E013"


def test_json_nulls(tmp_path):
    r = pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")
    d = json.loads(r.to_json(tmp_path / "r.json").read_text(encoding="utf-8"))
    z2 = [z for z in d["summary"] if z["zone"] == "Z2"][0]
    assert z2["branch_coverage"] is None      # no enterprise in Z2


def test_csv_neutralises_formulas(tmp_path):
    r = pl.audit(hostile_graph(), as_of="2025-06-30")
    path = r.to_csv(tmp_path / "r.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")          # BOM: Excel reads UTF-8
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["规则", "规则类型", "严重程度", "编号", "类型", "名称", "片区", "相关编号",
                       "详情", "问题", "建议"]
    cells = [c for row in rows[1:] for c in row]
    assert "'" + FORMULA in cells and FORMULA not in cells
    assert not any(c[:1] in ("=", "+", "-", "@") for c in cells)
    summary = list(csv.reader((tmp_path / "r.summary.csv").read_text(
        encoding="utf-8-sig").splitlines()))
    assert summary[1][0] == "'=Z1" and summary[-1][0] == "合计"
