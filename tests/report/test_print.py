"""The printed report: Excel page setup, labels in Chinese, rectification lists, the Word
report, unreadable characters, and reports of hundreds of zones."""

from __future__ import annotations

import re

import docx
import pandas as pd
import pytest
from openpyxl import load_workbook
from reportkit import sample_report

import partylinks as pl
from partylinks.report.safetext import EXCEL_CELL_LIMIT

INTERNAL = [re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b"), re.compile(r"\bedge:\d+"),
            re.compile(r"^(TRUE|FALSE|True|False|true|false)$"), re.compile(r"[{\[]\s*['\"]")]


def internal_names(texts, allowed=()):
    """The texts that look like an internal identifier (snake_case id, edge:NN, a boolean
    literal, raw JSON)."""
    return [t for t in texts if isinstance(t, str) and t not in allowed
            and any(p.search(t) for p in INTERNAL)]


@pytest.fixture(scope="module")
def yc(tmp_path_factory):
    r = sample_report("yongchun")
    path = r.to_excel(tmp_path_factory.mktemp("x") / "r.xlsx")
    return r, load_workbook(path)


def test_every_sheet_is_set_up_for_a4_landscape(yc):
    r, wb = yc
    assert wb.sheetnames[:3] == ["封面", "概览", "问题清单"]
    assert wb.sheetnames[-1] == "说明"
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert (ps.orientation, int(ps.paperSize)) == ("landscape", 9), ws.title
        assert (int(ps.fitToWidth), int(ps.fitToHeight)) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.oddFooter.center.text == "第 &P 页，共 &N 页", ws.title
        assert ws.oddHeader.right.text == "审计日期: 2025-06-30", ws.title
        if ws.title != "封面":
            assert ws.print_title_rows == "$1:$1", ws.title
            assert ws.freeze_panes == "A2", ws.title
    assert wb["问题清单"].oddHeader.left.text == "跨组织党建联系覆盖审计报告·问题清单"


def test_cover_says_what_to_do_first(yc):
    r, wb = yc
    rows = [[c.value for c in row] for row in wb["封面"].iter_rows()]
    assert rows[0][0] == "跨组织党建联系覆盖审计报告"
    facts = {a: b for a, b in rows if a}
    assert facts["审计日期"] == "2025-06-30" and facts["审计策略"] == "default"
    assert facts["数据规模"] == "节点 502 个，关系 1071 条，单位 102 个，单位间联系 239 条"
    first = next(i for i, (a, _) in enumerate(rows) if a == "首先要做")
    f0 = r.findings.iloc[0]
    assert rows[first][1] == f"1. {f0['zone']} {f0['name']}：{f0['suggestion']}"


def test_numbers_are_rounded_and_shares_are_percentages(yc):
    r, wb = yc
    ws = wb["概览"]
    head = [c.value for c in ws[1]]
    share, score = head.index("最大连通块占比") + 1, head.index("薄弱度评分") + 1
    total = ws.max_row
    assert ws.cell(total, 1).value == "合计"
    assert ws.cell(total, share).number_format == "0.0%"
    assert ws.cell(total, score).number_format == "0.00"
    assert ws.cell(total, share).value == pytest.approx(r.summary["largest_share"].iloc[-1])


def test_no_internal_identifier_reaches_a_chinese_reader(yc):
    r, wb = yc
    source = r.graph["source"]
    texts = [ws.title for ws in wb.worksheets]
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "b", (ws.title, c.coordinate)
                texts.append(c.value)
    assert internal_names(texts, allowed={source}) == []
    # the pattern does catch what it is meant to
    assert internal_names(["isolated_units", "edge:44", "TRUE", '{"a": 1}', "孤立单位"]) == [
        "isolated_units", "edge:44", "TRUE", '{"a": 1}']
    assert "孤立单位" in texts and "重点项目“1+1+1”团队" in texts


def test_rule_sheets_are_not_repeated_and_empty_rules_are_listed_once(yc):
    r, wb = yc
    assert not set(r.rules["rule"]) & set(wb.sheetnames)
    cover = [c.value for row in wb["封面"].iter_rows() for c in row if c.value]
    empty = [t for t in cover if t.startswith("本次未发现问题的规则：")]
    assert len(empty) == 1 and "网格员配备" in empty[0]


def test_rectification_sheets_per_zone(yc):
    r, wb = yc
    by_zone = r.findings["zone"].value_counts()
    sheets = [s for s in wb.sheetnames if s.startswith("整改-")]
    assert sorted(sheets) == sorted(f"整改-{z}" for z in by_zone.index)
    ws = wb["整改-五里街片区"]
    head = [c.value for c in ws[1]]
    assert head[-3:] == ["责任人", "完成时限", "完成情况"]
    assert head[:2] == ["序号", "严重程度"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(rows) == by_zone["五里街片区"]
    assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
    assert all(row[-3:] == [None, None, None] for row in rows)
    yy = r.findings[r.findings["node_id"] == "Y-E013"].iloc[0]
    hit = [row for row in rows if row[3] == "永春嘉润纺织有限公司"]
    assert hit and hit[0][head.index("整改措施")] == yy["suggestion"]
    assert hit[0][head.index("建议人选/单位")] == "五里街片区党建工作协调委员会"


def test_split_by_zone_writes_one_file_per_zone(tmp_path):
    r = sample_report("quanzhou_etdz")
    files = r.to_rectification(tmp_path / "审计报告.xlsx")
    zones = r.findings["zone"].dropna().unique()
    assert sorted(p.name for p in files) == sorted(f"审计报告-{z}.xlsx" for z in zones)
    for p in files:
        wb = load_workbook(p)
        assert len(wb.sheetnames) == 1
        ws = wb.worksheets[0]
        zone = p.stem.split("-", 1)[1]
        assert ws.max_row - 1 == (r.findings["zone"] == zone).sum()
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"


def test_word_report(tmp_path):
    r = sample_report("yongchun")
    path = r.to_docx(tmp_path / "r.docx")
    doc = docx.Document(path)
    heads = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert heads[:2] == ["一、总体情况", "二、各片区情况"]
    assert "五、整改清单" in heads and "（1）错误（6 条）" in heads
    assert len(doc.inline_shapes) == 1
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    rect = [t for t in tables if t[0][-3:] == ["责任人", "完成时限", "完成情况"]]
    assert len(rect) == r.findings["zone"].nunique()
    assert sum(len(t) - 1 for t in rect) == len(r.findings)
    assert all(row[-3:] == ["", "", ""] for t in rect for row in t[1:])
    assert "五里街片区 整改清单" in heads
    zones = tables[0]
    assert zones[-1][0] == "合计" and "98.0%" in zones[-1]
    text = [p.text for p in doc.paragraphs] + [c for t in tables for row in t for c in row]
    assert internal_names(text, allowed={r.graph["source"]}) == []
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "共发现问题 18 条，其中错误 6 条、警告 10 条、提示 2 条。" in body
    assert doc.sections[0].page_width > doc.sections[0].page_height


def test_characters_xml_forbids_and_overlong_text(tmp_path):
    r = sample_report("shishi_pengtian")
    r.findings["message"] = r.findings["message"].astype(object)
    r.findings["suggestion"] = r.findings["suggestion"].astype(object)
    r.findings["name"] = r.findings["name"].astype(object)
    r.findings.loc[0, "message"] = "a\x00b\x1bc\ufffed\uffff"
    r.findings.loc[0, "name"] = "=lone\ud800surrogate"
    r.findings.loc[0, "suggestion"] = "长" * 40_000
    wb = load_workbook(r.to_excel(tmp_path / "r.xlsx"))
    ws = wb["问题清单"]
    head = [c.value for c in ws[1]]
    row = [c for c in ws[2]]
    assert row[head.index("问题")].value == "a\\x00b\\x1bc\ufffdd\ufffd"
    name = row[head.index("名称")]
    assert (name.value, name.quotePrefix) == ("=lone\ufffdsurrogate", True)
    sugg = row[head.index("建议")].value
    assert len(sugg) <= EXCEL_CELL_LIMIT and sugg.startswith("长" * 1000)
    assert sugg.endswith("……（内容过长，已截断，共 40000 字；完整内容见 JSON 报告）")
    doc = docx.Document(r.to_docx(tmp_path / "r.docx", charts=False))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "a\\x00b\\x1bc\ufffdd\ufffd" in cells


def many_zones(n: int = 420):
    """``n`` zones, each with one isolated enterprise and a community tied to a second
    enterprise by an instructor."""
    nodes, edges = [], []
    for i in range(n):
        z = f"第{i:03d}片区"
        nodes += [{"id": f"E{i}", "type": "enterprise", "name": f"企业{i}", "zone": z},
                  {"id": f"F{i}", "type": "enterprise", "name": f"工厂{i}", "zone": z},
                  {"id": f"C{i}", "type": "community", "name": f"社区{i}", "zone": z},
                  {"id": f"K{i}", "type": "cadre", "name": f"干部{i}", "zone": z}]
        edges += [(f"K{i}", f"C{i}", "works_at", None),
                  (f"K{i}", f"F{i}", "part_time_post", "instructor")]
    return pl.from_frames(pd.DataFrame(nodes),
                          pd.DataFrame(edges, columns=["source", "target", "type", "role"]))


@pytest.fixture(scope="module")
def big():
    return pl.audit(many_zones(), as_of="2025-06-30")


def test_html_of_hundreds_of_zones_shows_the_worst(big):
    from partylinks.report.html import MAX_HTML_ZONES, render_html

    assert (big.summary["zone"].str.endswith("片区")).sum() == 420
    text = render_html(big)
    body = text[text.index("<h2>按片区</h2>"):text.index("<h2>图表</h2>")]
    assert body.count("<tr>") == MAX_HTML_ZONES + 2   # header, zones, total
    assert f"个片区，图中只画问题最多的 {MAX_HTML_ZONES} 个" in body
    assert "完整表见 Excel 或 JSON 报告" in text
    assert "联系强度表" not in text or "完整表见 JSON 报告" in text


def test_coverage_chart_of_hundreds_of_zones_keeps_its_labels_apart(big):
    import matplotlib.pyplot as plt

    ax = pl.plot.plot_coverage(big, max_zones=40)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 41 and labels[-1] == "合计"
    fig = ax.figure
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.get_yticklabels()]
    assert all(a.y0 >= b.y1 - 0.5 or b.y0 >= a.y1 - 0.5 for a, b in
               zip(boxes, boxes[1:], strict=False))
    plt.close(fig)


def test_notebook_views_speak_percentages_and_show_findings():
    r = sample_report("yongchun")
    h = r._repr_html_()
    assert "98.0%" in h and "主要问题（前 10 条）" in h and r.findings["message"][0] in h
    assert "0.98" not in h
    s = pl.datasets.load_sample("yongchun").summary(lang="zh")
    assert str(s).startswith("节点 502 个，关系 1071 条")
    assert "%" in s._repr_html_()


def test_network_overview_of_hundreds_of_zones_names_only_some():
    import matplotlib.pyplot as plt
    from matplotlib.text import Annotation

    from partylinks.plot._quotient import MAX_ZONE_LABELS

    ax = pl.plot.plot_network(many_zones(), as_of="2025-06-30")
    names = [t for t in ax.texts if isinstance(t, Annotation)]
    assert len(names) == MAX_ZONE_LABELS
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert f"共 420 个片区，只标注孤立单位最多的 {MAX_ZONE_LABELS} 个" in legend
    plt.close(ax.figure)


def test_word_report_keeps_pseudonyms(tmp_path):
    from reportkit import hostile_graph

    r = pl.audit(hostile_graph(), as_of="2025-06-30", anonymize=True, key="k")
    doc = docx.Document(r.to_docx(tmp_path / "r.docx", charts=False))
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables
                                                          for row in t.rows for c in row.cells])
    assert "林堃" not in text and "陈玥" not in text
    assert "干部-" in text and "干部姓名已替换为密钥化假名" in text


def test_comparison_sheets_speak_chinese_too(tmp_path):
    r = sample_report("yongchun", compare_to="2024-06-30")
    wb = load_workbook(r.to_excel(tmp_path / "r.xlsx"))
    change = [ws for ws in wb.worksheets if ws.title.startswith("变化-")]
    assert len(change) == 11
    texts = [c.value for ws in change for row in ws.iter_rows() for c in row]
    assert internal_names(texts) == []
    lapsed = [[c.value for c in row] for row in wb["变化-失效联系"].iter_rows()]
    assert (lapsed[1][0], lapsed[1][2], lapsed[1][4]) == ("结对共建", "桃场社区",
                                                          "永春远盛智能装备有限公司")


def test_hundreds_of_zones_share_one_rectification_sheet_a_page_each(big, tmp_path):
    from partylinks.report.excel import MAX_ZONE_SHEETS

    wb = load_workbook(big.to_excel(tmp_path / "r.xlsx"))
    assert not [s for s in wb.sheetnames if s.startswith("整改-")]
    ws = wb["整改清单"]
    zones = [row[1].value for row in ws.iter_rows(min_row=2)]
    n_zones = len(set(zones))
    assert n_zones > MAX_ZONE_SHEETS and len(zones) == len(big.findings)
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    starts = [i + 2 for i in range(1, len(zones)) if zones[i] != zones[i - 1]]
    assert breaks == [s - 1 for s in starts] and len(breaks) == n_zones - 1
    about = [c.value for row in wb["说明"].iter_rows() for c in row if c.value]
    assert f"片区较多（{n_zones} 个），整改清单合并在一个工作表中，每个片区分页打印" in about
    doc = docx.Document(big.to_docx(tmp_path / "r.docx", charts=False))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert sum(h.endswith("整改清单") for h in heads) == 30
    assert f"另有 {n_zones - 30} 个片区，见 Excel 报告。" in [p.text for p in doc.paragraphs]


def test_html_text_has_no_internal_identifier_in_chinese():
    import html as htmllib

    from partylinks.report.html import render_html

    r = sample_report("yongchun")
    text = re.sub(r"<style>.*?</style>", "", render_html(r), flags=re.S)
    text = re.sub(r'src="data:[^"]+"', "", text)
    shown = [htmllib.unescape(t).strip() for t in re.findall(r">([^<]+)<", text)]
    assert "孤立单位" in shown
    assert internal_names(shown, allowed={r.graph["source"]}) == []
