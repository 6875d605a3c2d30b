"""AuditReport: repr, notebook display, writing by suffix."""

from __future__ import annotations

import re

import pytest

import partylinks as pl


@pytest.fixture(scope="module")
def report():
    return pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")


def test_repr_and_counts(report):
    assert repr(report) == ("<AuditReport as of 2025-06-30, policy 'default': 4 findings "
                            "(1 error, 3 warning, 0 info) in 2 zones>")
    assert report.counts == {"error": 1, "warning": 3, "info": 0}
    assert report.exit_severity == "error"


def test_repr_html_shows_summary_and_first_findings(report):
    h = report._repr_html_()
    assert "findings: 1 error(s), 3 warning(s), 0 info" in h
    assert "<table" in h and "branch coverage" in h and "100.0%" in h
    assert "Top findings (first 4)" in h and "has no cross-organization tie" in h
    zh = pl.audit(pl.datasets.house(), as_of="2025-06-30")._repr_html_()
    assert "企业党组织覆盖率" in zh and "合计" in zh and "75.0%" in zh
    assert "县商务局没有任何跨组织联系" in zh and "孤立单位" in zh
    assert "isolated_units" not in zh and not re.search(r"\d\.\d{3,}", zh)


@pytest.mark.parametrize("name, first", [("r.xlsx", b"PK"), ("r.html", b"<!DOCTYPE"),
                                         ("r.json", b"{"), ("r.csv", b"\xef\xbb\xbf"),
                                         ("r.docx", b"PK")])
def test_write_by_suffix(report, tmp_path, name, first):
    path = report.write(tmp_path / name)
    assert path == tmp_path / name
    assert path.read_bytes().startswith(first)


def test_write_with_format_and_unknown_format(report, tmp_path):
    assert report.write(tmp_path / "out.txt", "json").read_bytes().startswith(b"{")
    with pytest.raises(ValueError, match="unknown report format 'txt'"):
        report.write(tmp_path / "out.txt")
