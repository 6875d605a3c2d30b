"""The HTML report: self-contained, printable, every user string escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import matplotlib.pyplot as plt
from reportkit import FORMULA, SCRIPT, hostile_graph, sample_report

import partylinks as pl
from partylinks.report import html as html_mod


def test_user_strings_are_escaped(tmp_path):
    r = pl.audit(hostile_graph(), as_of="2025-06-30")
    text = r.to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    assert SCRIPT not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert FORMULA not in text
    assert "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)" in text
    assert "<script" not in text.lower()


def test_self_contained_and_printable(tmp_path):
    r = sample_report("yongchun")
    text = r.to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in text
    assert "@media print" in text and "table-header-group" in text
    # no external resource: nothing is fetched from a network or another file
    assert not re.search(r'(src|href)\s*=\s*"(?!data:)', text)
    assert "<link" not in text and "@import" not in text
    for words in ("跨组织党建联系覆盖审计报告", "按片区", "问题清单", "2025-06-30",
                  "永春嘉润纺织有限公司没有任何跨组织联系"):
        assert words in text

    class Check(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open = []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br", "img"):
                self.open.append(tag)

        def handle_endtag(self, tag):
            assert self.open.pop() == tag

    c = Check()
    c.feed(text)
    assert c.open == []


def test_chart_hook_embeds_a_png(tmp_path, monkeypatch):
    calls = []

    def fake_plot(report):
        calls.append(report)
        fig, ax = plt.subplots()
        ax.bar(["a"], [1])
        return ax

    import partylinks.plot

    monkeypatch.setattr(partylinks.plot, "plot_coverage", fake_plot, raising=False)
    r = pl.audit(hostile_graph(), as_of="2025-06-30")
    assert [t for t, _ in html_mod.chart_images(r)] == ["图表"]
    text = r.to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'src="data:image/png;base64,iVBOR' in text
    assert calls == [r, r]


def test_no_chart_without_plot_coverage(monkeypatch):
    import partylinks.plot

    monkeypatch.delattr(partylinks.plot, "plot_coverage", raising=False)
    assert html_mod.chart_images(pl.audit(hostile_graph(), as_of="2025-06-30")) == []


def test_long_metric_tables_are_cut_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setattr(html_mod, "MAX_METRIC_ROWS", 2)
    r = pl.audit(hostile_graph(), as_of="2025-06-30", lang="en")
    text = r.to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    n = len(r.metrics["isolated"])
    assert f"{n} rows, the first 2 shown; see the Excel or JSON report for all" in text
