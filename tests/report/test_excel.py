"""The Excel report: sheets, frozen headers, filters, widths, formula-safe text cells."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook
from reportkit import FORMULA, HOSTILE, hostile_graph, sample_report

import partylinks as pl
from partylinks.report import excel
from partylinks.report.excel import ExcelRowLimitError, sheet_names


def test_sheets_of_a_sample_report(tmp_path):
    r = sample_report("yongchun")
    path = r.to_excel(tmp_path / "r.xlsx")
    wb = load_workbook(path)
    zones = ["五里街片区", "达埔片区", "石鼓片区", "蓬壶片区", "桃城片区", "岵山片区"]
    assert wb.sheetnames[:3 + len(zones) + 1] == (
        ["封面", "概览", "问题清单"] + [f"整改-{z}" for z in zones] + ["规则"])
    assert wb.sheetnames[-1] == "说明"
    assert "指标-孤立单位" in wb.sheetnames and "指标-联系强度" not in wb.sheetnames
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert ws.column_dimensions["A"].width >= 5, ws.title
        assert len(ws.title) <= 31
    f = wb["问题清单"]
    assert [c.value for c in f[1]] == ["序号", "严重程度", "规则", "片区", "名称", "类型", "编号",
                                       "问题", "建议", "详情"]
    assert f.max_row == len(r.findings) + 1
    assert f.auto_filter.ref == f"A1:J{len(r.findings) + 1}"
    assert [c.value for c in f[2]][:7] == [1, "错误", "孤立单位", "五里街片区",
                                          "永春嘉润纺织有限公司", "企业", "Y-E013"]
    assert f["J2"].value == "建议人选/单位：五里街片区党建工作协调委员会"
    s = wb["概览"]
    assert s.cell(row=s.max_row, column=1).value == "合计"
    assert s.max_row == len(r.summary) + 1
    rules = wb["规则"]
    assert [c.value for c in rules[2]] == ["孤立单位", "孤立单位", "错误", "是", "已运行", 2]
    bridges = [[c.value for c in row] for row in wb["指标-桥"].iter_rows(min_row=2)]
    assert ["县科学技术协会", "永春康泰五金有限公司", 1, "挂钩联系", "曹玲俊"] in bridges


def test_english_headers(tmp_path):
    r = sample_report("shishi_pengtian", lang="en")
    wb = load_workbook(r.to_excel(tmp_path / "r.xlsx"))
    assert wb.sheetnames[:3] == ["Cover", "Summary", "Findings"]
    assert [c.value for c in wb["Findings"][1]][:3] == ["No.", "severity", "rule"]
    assert [c.value for c in wb["Findings"][2]][1:3] == ["error", "isolated units"]
    assert wb["Findings"].oddFooter.center.text == "Page &P of &N"


def test_hostile_text_is_written_as_text_cells(tmp_path):
    r = pl.audit(hostile_graph(), as_of="2025-06-30")
    r.findings.loc[0, "message"] = "\tcmd"      # a loader strips blanks from names
    r.findings.loc[1, "suggestion"] = "\r=1+1"
    wb = load_workbook(r.to_excel(tmp_path / "r.xlsx"))
    ws = wb["问题清单"]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")]
    names = {c.value for c in risky}
    assert {n for n in HOSTILE if n[:1] in "=+-@"} <= names
    assert "\tcmd" in names and "\r=1+1" in names
    for c in risky:
        assert c.data_type == "s", c.value
        assert c.quotePrefix, c.value
    # the cell holds the original text: no apostrophe, nothing lost
    assert FORMULA in names and "'" + FORMULA not in names
    # the zone "=Z1" in the summary is safe too
    zone = wb["概览"]["A2"]
    assert (zone.value, zone.data_type, zone.quotePrefix) == ("=Z1", "s", True)
    assert not any(c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows()
                   for c in row)


def test_row_limit_raises_and_leaves_no_file(tmp_path, monkeypatch):
    r = pl.audit(hostile_graph(), as_of="2025-06-30")
    monkeypatch.setattr(excel, "EXCEL_MAX_ROWS", len(r.findings))   # one row short
    with pytest.raises(ExcelRowLimitError, match="超过 Excel"):
        r.to_excel(tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()


def test_metric_tables_too_long_are_left_out_with_a_note(tmp_path, monkeypatch):
    r = pl.audit(hostile_graph(), as_of="2025-06-30", lang="en")
    r.metrics["score"] = pd.DataFrame({"id": ["a"] * 40})
    monkeypatch.setattr(excel, "EXCEL_MAX_ROWS", 30)
    wb = load_workbook(r.to_excel(tmp_path / "r.xlsx"))
    assert "metric-score" not in wb.sheetnames and "metric-isolated" in wb.sheetnames
    notes = [c.value for row in wb["About"].iter_rows() for c in row if c.value]
    assert "metric table 'weak-linkage score' has 40 rows, more than Excel's limit; it is not " \
           "in this workbook: see the JSON report" in notes


def test_tie_strength_per_pair_is_left_to_json(tmp_path):
    r = pl.audit(hostile_graph(), as_of="2025-06-30", lang="en")
    assert "tie_strength" in r.metrics
    assert "metric-tie_strength" not in load_workbook(r.to_excel(tmp_path / "r.xlsx")).sheetnames


def test_sheet_names_are_valid_and_unique():
    got = sheet_names(["a:b", "A:B", "x" * 31, "x" * 31 + "y", "Rules", "rules"])
    assert got == ["a_b", "A_B~2", "x" * 31, "x" * 29 + "~2", "Rules", "rules~2"]
