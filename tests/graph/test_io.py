"""Loaders: every encoding and container reads to the same graph."""

import pandas as pd
import pytest

import partylinks as pl

NODES = [["0012", "企业", "永兴纺织", "桃城片区", "5"],
         ["C1", "社区", "桃源社区", "桃城片区", ""],
         ["K1", "党员", "林堃", "桃城片区", ""]]
EDGES = [["K1", "C1", "任职", "", "2023-01-01", ""],
         ["K1", "0012", "党建指导员", "", "2024年3月1日", ""]]
NH = ["编号", "类型", "名称", "片区", "党员数"]
EH = ["起点", "终点", "关系", "角色", "开始", "结束"]


def _csv(path, header, rows, encoding):
    text = "\n".join(",".join(r) for r in [header] + rows) + "\n"
    path.write_bytes(text.encode(encoding))


def _check(g):
    assert g.nodes["id"].tolist() == ["0012", "C1", "K1"]  # leading zero kept
    assert g.nodes["type"].astype(str).tolist() == ["enterprise", "community", "cadre"]
    assert g.nodes.loc[0, "party_members"] == 5
    assert g.nodes.loc[0, "name"] == "永兴纺织"
    t = g.ties()
    assert t[["u", "v", "tie_type", "via", "role"]].astype(object).values.tolist() == [
        ["C1", "0012", "part_time_post", "K1", "instructor"]]
    assert str(t.loc[0, "start"].date()) == "2024-03-01"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(tmp_path, encoding):
    _csv(tmp_path / "nodes.csv", NH, NODES, encoding)
    _csv(tmp_path / "edges.csv", EH, EDGES, encoding)
    _check(pl.load(tmp_path))


def test_chinese_file_names(tmp_path):
    _csv(tmp_path / "节点.csv", NH, NODES, "gbk")
    _csv(tmp_path / "关系.csv", EH, EDGES, "utf-8")
    _check(pl.load(tmp_path))


def test_gb18030_rare_character(tmp_path):
    rows = [r[:] for r in NODES]
    rows[2][2] = "王䶮"  # CJK Extension A: in GB18030 but not in GBK
    _csv(tmp_path / "nodes.csv", NH, rows, "gb18030")
    _csv(tmp_path / "edges.csv", EH, EDGES, "gb18030")
    g = pl.load(tmp_path)
    assert g.nodes.loc[2, "name"] == "王䶮"


def test_undecodable_csv_is_reported(tmp_path):
    (tmp_path / "nodes.csv").write_bytes(b"id,type\n\xff\xfe\xfa\xfb,x\n\x81")
    _csv(tmp_path / "edges.csv", EH, EDGES, "utf-8")
    issues = pl.validate(tmp_path, lang="en")
    assert issues.loc[0, "code"] == "bad_encoding"
    assert "nodes.csv" in issues.loc[0, "file"] and issues.loc[0, "row"] == 2
    assert "line 2" in issues.loc[0, "message"]


def test_workbook_with_chinese_sheets(tmp_path):
    book = tmp_path / "book.xlsx"
    with pd.ExcelWriter(book) as xw:
        pd.DataFrame(NODES, columns=NH).to_excel(xw, sheet_name="节点", index=False)
        pd.DataFrame(EDGES, columns=EH).to_excel(xw, sheet_name="关系", index=False)
    _check(pl.load(book))


def test_workbook_typed_cells(tmp_path):
    """Numbers and dates typed as such in Excel are read back as ids and dates."""
    book = tmp_path / "book.xlsx"
    nodes = pd.DataFrame({"id": [101, 102, 103], "type": ["community", "enterprise", "cadre"],
                          "party_members": [None, 3, None]})
    edges = pd.DataFrame({"source": [103, 103], "target": [101, 102],
                          "type": ["works_at", "part_time_post"],
                          "start": [pd.Timestamp("2024-05-01"), pd.NaT]})
    with pd.ExcelWriter(book) as xw:
        nodes.to_excel(xw, sheet_name="nodes", index=False)
        edges.to_excel(xw, sheet_name="edges", index=False)
    g = pl.load(book)
    assert g.nodes["id"].tolist() == ["101", "102", "103"]
    assert g.nodes["party_members"].tolist()[1] == 3
    assert str(g.edges.loc[0, "start"].date()) == "2024-05-01"


def test_folder_of_xlsx_tables(tmp_path):
    pd.DataFrame(NODES, columns=NH).to_excel(tmp_path / "nodes.xlsx", index=False)
    pd.DataFrame(EDGES, columns=EH).to_excel(tmp_path / "edges.xlsx", index=False)
    _check(pl.load(tmp_path))


def test_parquet(tmp_path):
    pytest.importorskip("pyarrow")
    pd.DataFrame(NODES, columns=NH).to_parquet(tmp_path / "nodes.parquet")
    pd.DataFrame(EDGES, columns=EH).to_parquet(tmp_path / "edges.parquet")
    _check(pl.load(tmp_path))


def test_from_frames_matches_csv(tmp_path):
    _csv(tmp_path / "nodes.csv", NH, NODES, "utf-8")
    _csv(tmp_path / "edges.csv", EH, EDGES, "utf-8")
    a = pl.load(tmp_path)
    b = pl.from_frames(pd.DataFrame(NODES, columns=NH), pd.DataFrame(EDGES, columns=EH))
    _check(b)
    pd.testing.assert_frame_equal(a.ties(), b.ties())


def test_extra_columns_kept(tmp_path):
    _csv(tmp_path / "nodes.csv", NH + ["备注"], [r + ["x"] for r in NODES], "utf-8")
    _csv(tmp_path / "edges.csv", EH + ["文号"], [r + ["2024-1"] for r in EDGES], "utf-8")
    g = pl.load(tmp_path)
    assert g.nodes["备注"].tolist() == ["x", "x", "x"]
    assert g.edges["文号"].tolist() == ["2024-1", "2024-1"]


def test_blank_lines_keep_row_numbers(tmp_path):
    (tmp_path / "nodes.csv").write_text("id,type\nC1,community\n\nC1,community\n",
                                        encoding="utf-8")
    (tmp_path / "edges.csv").write_text("source,target,type\n", encoding="utf-8")
    issues = pl.validate(tmp_path, lang="en")
    assert issues[["code", "row"]].values.tolist() == [["duplicate_id", 4]]


def test_missing_tables(tmp_path):
    (tmp_path / "nodes.csv").write_text("id,type\nC1,community\n", encoding="utf-8")
    issues = pl.validate(tmp_path, lang="en")
    assert issues["code"].tolist() == ["missing_table"]
    with pytest.raises(pl.ValidationError, match="no edges table"):
        pl.load(tmp_path, lang="en")


def test_not_a_dataset(tmp_path):
    with pytest.raises(FileNotFoundError):
        pl.load(tmp_path / "nope")
    f = tmp_path / "x.json"
    f.write_text("hi")
    with pytest.raises(ValueError, match="folder"):
        pl.load(f)
    # a text table that is no ledger: the sheet and the reason are named
    f = tmp_path / "x.txt"
    f.write_text("hi")
    with pytest.raises(pl.ValidationError) as exc:
        pl.load(f, lang="en")
    assert exc.value.issues["code"].tolist() == ["no_ledger_sheets", "sheet_not_recognized"]
    assert "sheets found: x.txt" in exc.value.issues["message"][0]
