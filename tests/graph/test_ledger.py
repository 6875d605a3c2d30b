"""The ledger front door, piece by piece: dates, names, encodings, sheets, headers, CLI.

Every expected value is written out by hand from the input shown in the test.
"""

import shutil
import subprocess
import warnings
import zipfile

import numpy as np
import openpyxl
import pandas as pd
import pytest

import partylinks as pl
from partylinks.cli import main
from partylinks.graph.ledger import (
    guess_type,
    load_layout,
    normalize_name,
    read_ledger,
    stable_id,
    write_template,
)
from partylinks.graph.ledger.cells import LedgerReadError, decode_text
from partylinks.graph.parse import parse_date_text


def _d(v, end=False):
    x = parse_date_text(v, end)
    return None if np.isnat(x) else str(x)[:10]


# ---------------------------------------------------------------------------- dates
@pytest.mark.parametrize("text, start, end", [
    ("2024-06-30", "2024-06-30", "2024-06-30"),
    ("2024/6/30", "2024-06-30", "2024-06-30"),
    ("2024.6.30", "2024-06-30", "2024-06-30"),
    ("2024年6月30日", "2024-06-30", "2024-06-30"),
    ("二〇二四年六月三十日", "2024-06-30", "2024-06-30"),
    ("2024年6月", "2024-06-01", "2024-06-30"),
    ("2024.6", "2024-06-01", "2024-06-30"),
    ("2024-6", "2024-06-01", "2024-06-30"),
    ("2024.02", "2024-02-01", "2024-02-29"),
    ("2023年2月", "2023-02-01", "2023-02-28"),
    ("45473", "2024-06-30", "2024-06-30"),      # an Excel serial
    ("45473.0", "2024-06-30", "2024-06-30"),
    ("2024-06-30 08:30:00", "2024-06-30", "2024-06-30"),
])
def test_dates_as_offices_write_them(text, start, end):
    assert _d(text) == start
    assert _d(text, end=True) == end


@pytest.mark.parametrize("text", ["2024", "2024.13", "2024-02-30", "下月", "30/06/2024", "6月"])
def test_dates_that_are_not_dates(text):
    assert _d(text) is None


# ---------------------------------------------------------------------------- names
def test_normalization():
    assert normalize_name("中共桃源社区委员会", "branch") == "桃源社区委员会"
    assert normalize_name("永兴纺织有限责任公司", "enterprise") == "永兴纺织"
    assert normalize_name("永兴纺织股份有限公司", "enterprise") == "永兴纺织"
    assert normalize_name("０１０４号楼") == "0104号楼"
    assert normalize_name("桃源 社区（东区）") == "桃源社区(东区)"
    assert normalize_name("C1\u200b") == "c1"


@pytest.mark.parametrize("name, expected", [
    ("桃城镇人民政府", ("agency", "township")),
    ("五里街街道办事处", ("agency", "township")),
    ("县市场监督管理局", ("agency", "department")),
    ("县委组织部", ("agency", "department")),
    ("永春工业园区", ("park", None)),
    ("桃源社区", ("community", None)),
    ("东门村", ("community", None)),
    ("幸福里小区", ("community", "compound")),
    ("永兴纺织有限公司", ("enterprise", None)),
    ("桃源社区党委", ("branch", None)),
    ("桃城片区党建工作协调委员会", ("council", None)),
    ("桃源社区第一网格", ("grid", None)),
    ("县工商联商会", ("agency", "chamber")),
    ("张三", None),
])
def test_type_from_name(name, expected):
    assert guess_type(name) == expected


def test_stable_ids_depend_on_type_and_key_only():
    assert stable_id("enterprise", "永兴纺织") == stable_id("enterprise", "永兴纺织")
    assert stable_id("enterprise", "永兴纺织") != stable_id("community", "永兴纺织")
    assert stable_id("cadre", "张三|A-1").startswith("K-")


# ---------------------------------------------------------------------------- encodings
def test_utf16_with_bom_tab_separated(tmp_path):
    text = "姓名\t所在单位\r\n张三\t桃源社区\r\n"
    assert decode_text(text.encode("utf-16"), "x.txt") == (text, "utf-16")


def test_mixed_encoding_names_the_line():
    data = "姓名,单位\n张三,桃源社区\n".encode("gbk") + "李四,东门村\n".encode()
    with pytest.raises(LedgerReadError) as exc:
        decode_text(data, "x.csv")
    assert exc.value.code == "mixed_encoding" and exc.value.fields == {"line": 3}
    data = "姓名,单位\n张三,桃源社区\n".encode() + "李四,东门村\n".encode("gbk")
    with pytest.raises(LedgerReadError) as exc:
        decode_text(data, "x.csv")
    assert exc.value.fields == {"line": 3}


def test_node_edge_csv_in_utf16_and_semicolons(tmp_path):
    (tmp_path / "nodes.csv").write_bytes("编号\t类型\t片区\r\nC1\t社区\tZ\r\nE1\t企业\tZ\r\n"
                                         .encode("utf-16"))
    (tmp_path / "edges.csv").write_bytes("起点;终点;关系\nC1;E1;结对共建\n".encode("utf-8-sig"))
    g = pl.load(tmp_path)
    assert g.nodes["id"].tolist() == ["C1", "E1"]
    assert g.edges["type"].astype(str).tolist() == ["co_building"]


def test_gbk_file_with_one_utf8_row_is_refused(tmp_path):
    (tmp_path / "nodes.csv").write_bytes("编号,类型,名称\nC1,社区,桃源社区\n".encode("gbk")
                                         + "E1,企业,永兴纺织\n".encode())
    (tmp_path / "edges.csv").write_text("source,target,type\n", encoding="utf-8")
    issues = pl.validate(tmp_path, lang="en")
    row = issues[issues["code"] == "mixed_encoding"].iloc[0]
    assert row["row"] == 3 and row["file"].endswith("nodes.csv")


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path):
    f = tmp_path / "big.xlsx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/sharedStrings.xml", b"\0" * (300 << 20))  # 300 MB of zeros: ~300 KB
    issues = pl.validate(f, lang="en")
    assert issues["code"].tolist()[0] == "workbook_too_large"
    assert "xl/sharedStrings.xml" in issues["message"].tolist()[0]


# ---------------------------------------------------------------------------- sheets
def _book(path, sheets, merged=None, hidden=()):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        for rng in (merged or {}).get(name, []):
            ws.merge_cells(rng)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def test_office_layout_with_title_serial_footer_and_merged_zone(tmp_path):
    f = _book(tmp_path / "台账.xlsx", {
        "社区情况": [["XX镇三区联创党建台账（2024年6月）"], ["序号", "社区名称", "片区", "党员数"],
                 [1, "桃源社区", "桃城片区", 86], [2, "东门村", None, 41], [],
                 [3, "西门社区", "石鼓片区", 12], [],
                 ["填表人：张三", None, "审核人：李四"]],
        "非公企业": [["企业名称", "所在园区", "党员数", "片区"],
                 ["永兴纺织有限公司", "桃城工业园区", 5, "桃城片区"]],
        "互派兼职": [["姓名", "本职单位", "兼职单位", "兼职职务", "兼职时间"],
                 ["林晓峰", "桃源社区", "永兴纺织有限责任公司", "党建指导员", "2024年3月"]],
        "说明": [["本表由镇党委组织办填报"]],
    }, merged={"社区情况": ["A1:D1", "C3:C4"]})
    raw = read_ledger(f)
    notes = {(p["code"], p["file"], p["row"]) for p in raw.problems}
    sheet = "台账.xlsx[社区情况]"
    assert ("title_row_skipped", sheet, 1) in notes
    assert ("serial_column_skipped", sheet, 2) in notes
    assert ("blank_rows_skipped", sheet, 5) in notes  # row 5 only: row 7 is before the footer
    assert ("footer_row_skipped", sheet, 8) in notes
    assert ("merged_filled", sheet, 3) in notes
    assert ("implied_node", "台账.xlsx[非公企业]", 2) in notes     # the park
    assert ("implied_node", "台账.xlsx[互派兼职]", 2) not in notes  # 有限责任公司 = 有限公司
    assert ("implied_cadre", "台账.xlsx[互派兼职]", 2) in notes
    g = pl.load(f)
    nodes = g.nodes.set_index("name")
    assert nodes.loc["东门村", "zone"] == "桃城片区"        # filled down from the merge
    assert nodes.loc["西门社区", "zone"] == "石鼓片区"
    assert nodes.loc["桃城工业园区", "type"] == "park"
    assert nodes.loc["林晓峰", "zone"] == "桃城片区"        # the zone of his own unit
    ties = g.ties()
    assert ties[["tie_type", "role"]].values.tolist() == [["part_time_post", "instructor"]]
    assert str(ties["start"][0].date()) == "2024-03-01"
    kinds = g.provenance["ledger"].sheets.set_index("sheet")["kind"]
    assert kinds["社区情况"] == "community" and kinds["非公企业"] == "enterprise"
    assert kinds["互派兼职"] == "part_time" and pd.isna(kinds["说明"])


def test_unknown_name_is_an_error_with_candidates(tmp_path):
    f = _book(tmp_path / "t.xlsx", {
        "社区": [["社区名称", "片区"], ["桃源社区", "Z"], ["东门村", "Z"]],
        "结对共建": [["甲方", "乙方"], ["桃源社区", "桃园小学"]],
    })
    issues = pl.validate(f, lang="en")
    e = issues[issues["code"] == "unknown_name"].iloc[0]
    where = (e["file"], e["row"], e["column"], e["value"])
    assert where == ("t.xlsx[结对共建]", 2, "乙方", "桃园小学")
    assert "桃源社区" in e["message"]


def test_near_match_is_used_with_a_warning(tmp_path):
    f = _book(tmp_path / "t.xlsx", {
        "企业": [["企业名称", "片区"], ["永春县鸿安电子科技有限公司", "Z"], ["永兴纺织", "Z"]],
        "结对共建": [["甲方", "乙方"], ["永春县鸿安电子技术有限公司", "永兴纺织"]],
    })
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = pl.load(f, lang="en")
    w = g.issues[g.issues["code"] == "near_match"].iloc[0]
    assert (w["row"], w["column"], w["value"]) == (2, "甲方", "永春县鸿安电子技术有限公司")
    assert "永春县鸿安电子科技有限公司" in w["message"]
    m = g.provenance["ledger"].matches
    assert m["match"].tolist() == ["永春县鸿安电子科技有限公司"] and m["score"][0] >= 85
    assert len(g.ties()) == 1


def test_people_of_the_same_name(tmp_path):
    f = _book(tmp_path / "t.xlsx", {
        "机关": [["单位名称", "片区"], ["县发展和改革局", "Z"], ["县商务局", "Z"]],
        "社区": [["社区名称", "片区"], ["桃源社区", "Z"]],
        "党员": [["姓名", "所在单位"], ["张伟", "县发展和改革局"], ["张伟", "县商务局"]],
        "兼职情况": [["姓名", "本职单位", "兼职单位"], ["张伟", "县商务局", "桃源社区"],
                 ["张伟（县发展和改革局）", None, "桃源社区"], ["张伟", None, "桃源社区"]],
    })
    issues = pl.validate(f, lang="en")
    amb = issues[issues["code"] == "ambiguous_person"]
    assert amb[["row", "column", "value"]].values.tolist() == [[4, "姓名", "张伟"]]
    f2 = _book(tmp_path / "t2.xlsx", {
        "机关": [["单位名称", "片区"], ["县发展和改革局", "Z"], ["县商务局", "Z"]],
        "社区": [["社区名称", "片区"], ["桃源社区", "Z"]],
        "党员": [["姓名", "所在单位"], ["张伟", "县发展和改革局"], ["张伟", "县商务局"]],
        "兼职情况": [["姓名", "本职单位", "兼职单位"], ["张伟", "县商务局", "桃源社区"],
                 ["张伟（县发展和改革局）", None, "桃源社区"]],
    })
    g = pl.load(f2)
    home = g.nodes.set_index("id")["name"]
    via = g.ties()["u"].map(home).tolist()
    assert sorted(via) == ["县发展和改革局", "县商务局"]


def test_hidden_sheet_and_renamed_sheets_in_node_edge_workbook(tmp_path):
    f = _book(tmp_path / "d.xlsx", {
        "旧数据": [["编号", "类型"], ["X1", "社区"]],
        "节点": [["某镇节点表"], ["编号", "类型", "片区"], ["C1", "社区", "Z"], ["E1", "企业", "Z"],
               ["合计：2"]],
        "关系": [["起点", "终点", "关系"], ["C1", "E1", "结对共建"]],
    }, hidden=("旧数据",))
    g = pl.load(f)
    assert g.nodes["id"].tolist() == ["C1", "E1"]
    codes = g.issues.set_index("code")["row"]
    assert codes["title_row_skipped"] == 1 and codes["footer_row_skipped"] == 5


def test_missing_table_lists_the_sheets_found(tmp_path):
    f = _book(tmp_path / "d.xlsx", {"节点": [["编号", "类型"], ["C1", "社区"]],
                                    "联系情况表": [["a", "b"], [1, 2]], "edges": [["x"]]})
    (tmp_path / "d.xlsx").unlink()
    f = _book(tmp_path / "d.xlsx", {"nodes": [["id", "type"], ["C1", "community"]],
                                    "联系情况表": [["a", "b"], [1, 2]], "edge": [["x"]]})
    issues = pl.validate(f, lang="en")
    assert "missing_column" in set(issues["code"])


def test_grid_level_and_rank_decided_by_content(tmp_path):
    (tmp_path / "nodes.csv").write_text(
        "编号,类型,级别,职级\nG1,网格,3,\nK1,党员,,科级\n", encoding="utf-8")
    (tmp_path / "edges.csv").write_text("起点,终点,关系\n", encoding="utf-8")
    g = pl.load(tmp_path)
    assert g.nodes.set_index("id").loc["G1", "level"] == 3
    assert g.nodes.set_index("id").loc["K1", "rank"] == "section"
    note = g.issues[g.issues["code"] == "header_by_content"].iloc[0]
    assert note["column"] == "级别" and note["severity"] == "info"


def test_two_headers_for_one_meaning_warn(tmp_path):
    (tmp_path / "nodes.csv").write_text("编号,代码,类型\nC1,X,社区\n", encoding="utf-8")
    (tmp_path / "edges.csv").write_text("起点,终点,关系\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = pl.load(tmp_path, lang="en")
    w = g.issues[g.issues["code"] == "header_competes"].iloc[0]
    assert (w["column"], w["severity"]) == ("代码", "warning")
    assert "编号" in w["message"]


def test_zero_padded_ids_keep_their_zeros(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "社区"
    ws.append(["编号", "社区名称", "片区"])
    ws.append([817, "桃源社区", "Z"])
    ws["A2"].number_format = "0000"
    wb.save(tmp_path / "t.xlsx")
    g = pl.load(tmp_path / "t.xlsx")
    assert g.nodes["id"].tolist() == ["0817"]


# ---------------------------------------------------------------------------- formats
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_xls_and_ods_read_like_xlsx(tmp_path, fmt):
    f = write_template(tmp_path / "t.xlsx", example=True)
    r = subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", str(tmp_path),
                        str(f)], capture_output=True, timeout=180)
    assert r.returncode == 0, r.stderr
    a, b = pl.load(f), pl.load(tmp_path / f"t.{fmt}")
    assert a.nodes["id"].tolist() == b.nodes["id"].tolist()
    assert len(a.edges) == len(b.edges) == 26


def test_template_loads_back_with_no_problems(tmp_path):
    f = write_template(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(f)
    assert wb.sheetnames[0] == "填表说明" and "兼职情况" in wb.sheetnames
    dv = wb["党员"].data_validations.dataValidation
    assert any('"县处级,科级,一般"' == v.formula1 for v in dv)
    f = write_template(tmp_path / "e.xlsx", example=True)
    issues = pl.validate(f)
    assert issues.empty


def test_layout_file_errors_name_the_entry(tmp_path):
    bad = tmp_path / "l.toml"
    bad.write_text('[[sheet]]\nkind = "x"\nnames = ["x"]\n[sheet.columns]\na = ["甲"]\n'
                   '[[sheet.edges]]\nedge = "co_building"\nsource = "a"\ntarget = "nope"\n',
                   encoding="utf-8")
    with pytest.raises(pl.graph.ledger.LayoutError, match="target 'nope'"):
        load_layout(bad)


def test_edited_layout_recognizes_a_new_sheet_name(tmp_path):
    text = load_layout().source
    layout = tmp_path / "my.toml"
    layout.write_text(open(text, encoding="utf-8").read().replace(
        'names = ["兼职", ', 'names = ["派驻情况", "兼职", '), encoding="utf-8")
    f = _book(tmp_path / "t.xlsx", {
        "社区": [["社区名称", "片区"], ["桃源社区", "Z"]],
        "企业": [["企业名称", "片区"], ["永兴纺织", "Z"]],
        "派驻情况": [["姓名", "本职单位", "派驻单位"], ["林晓峰", "桃源社区", "永兴纺织"]]})
    assert len(pl.load(f, layout=layout).ties()) == 1


# ---------------------------------------------------------------------------- command line
def test_template_command_and_audit_of_it(tmp_path, capsys):
    out = tmp_path / "台账模板.xlsx"
    assert main(["template", "--out", str(out), "--example", "--layout-out",
                 str(tmp_path / "版式.toml")]) == 0
    assert out.exists() and (tmp_path / "版式.toml").read_text(encoding="utf-8").startswith("#")
    assert main(["template", "--out", str(out)]) == 2       # exists: --force needed
    assert main(["validate", str(out)]) == 0
    text = capsys.readouterr().out
    assert "台账各表的读取方式" in text and "兼职情况" in text
    assert main(["audit", str(out), "--as-of", "2024-07-01"]) in (0, 1)


def test_confirmed_names_are_reused(tmp_path):
    """A name that matched nothing is an error; once the user confirms what it means (an
    aliases file, as the web app saves it), it resolves with no problem."""
    f = _book(tmp_path / "t.xlsx", {
        "社区": [["社区名称", "片区"], ["桃源社区", "Z"]],
        "企业": [["企业名称", "片区"], ["永兴纺织有限公司", "Z"]],
        "结对共建": [["甲方", "乙方"], ["桃园社区", "永兴纺织"]],
    })
    assert pl.validate(f)["code"].tolist() == ["unknown_name"]
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[aliases]\n"桃园社区" = "桃源社区"\n', encoding="utf-8")
    g = pl.load(f, aliases=aliases)
    names = g.nodes.set_index("id")["name"]
    assert g.ties()[["u", "v"]].apply(lambda c: c.map(names)).values.tolist() == [
        ["桃源社区", "永兴纺织有限公司"]]
    assert g.issues.empty
