"""Print and journals: TrueType fonts in PDF, real <text> in SVG, on request only."""

from __future__ import annotations

import re

import matplotlib
import pytest

import partylinks as pl


def _pdf_font_kinds(data: bytes) -> set[bytes]:
    return set(re.findall(rb"/Subtype\s*/(Type3|Type0|TrueType|CIDFontType2|CIDFontType0|"
                          rb"Type1)", data))


@pytest.fixture
def chart(rare):
    return pl.plot.plot_linkage_matrix(rare, title="堃喆赟玥䶮 联系矩阵")


def test_default_is_matplotlib_default(chart, tmp_path):
    chart.figure.savefig(tmp_path / "a.pdf")
    chart.figure.savefig(tmp_path / "a.svg")
    assert b"Type3" in _pdf_font_kinds((tmp_path / "a.pdf").read_bytes())
    assert (tmp_path / "a.svg").read_text(encoding="utf-8").count("<text") == 0


def test_editable_text_context(chart, tmp_path):
    before = dict(matplotlib.rcParams)
    with pl.plot.editable_text():
        chart.figure.savefig(tmp_path / "a.pdf")
        chart.figure.savefig(tmp_path / "a.svg")
    assert dict(matplotlib.rcParams) == before
    kinds = _pdf_font_kinds((tmp_path / "a.pdf").read_bytes())
    assert b"Type3" not in kinds and kinds & {b"CIDFontType2", b"TrueType"}
    svg = (tmp_path / "a.svg").read_text(encoding="utf-8")
    texts = re.findall(r"<text\b[^>]*>(.*?)</text>", svg, re.S)
    assert any("堃喆赟玥䶮" in t for t in texts)
    family = pl.plot.cjk_font_families()[0]
    assert f"font-family: '{family}'" in svg or f'font-family="{family}' in svg or \
        family in svg


def test_save_helper(chart, tmp_path):
    p = pl.plot.save(chart, tmp_path / "m.svg")
    assert p.read_text(encoding="utf-8").count("<text") > 5
    p = pl.plot.save(chart.figure, tmp_path / "m_paths.svg", text="paths")
    assert p.read_text(encoding="utf-8").count("<text") == 0
    p = pl.plot.save(chart, tmp_path / "m.pdf")
    assert b"Type3" not in _pdf_font_kinds(p.read_bytes())
    with pytest.raises(ValueError, match="editable"):
        pl.plot.save(chart, tmp_path / "x.pdf", text="outline")
