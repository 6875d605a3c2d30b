"""CITATION.cff names the software and every method reference the docstrings cite."""

from pathlib import Path

import partylinks as pl

ROOT = Path(__file__).resolve().parents[1]


def test_citation_file_lists_the_method_references():
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert text.startswith("cff-version: 1.2.0\n")
    assert f"version: {pl.__version__}\n" in text
    for family, year in (("Krackhardt", "1988"), ("Stern", "1988"), ("Gould", "1989"),
                         ("Fernandez", "1989"), ("Burt", "1992")):
        assert f"family-names: {family}" in text and f"year: {year}" in text


def test_docstrings_cite_their_definitions():
    m = pl.metrics
    assert "Gould, R. V. and Fernandez, R. M. (1989)" in m.brokerage_z.__doc__
    assert "Krackhardt, D. and Stern, R. N. (1988)" in m.unit_ei.__doc__
    assert "Krackhardt, D. (1988)" in m.linkage_test.__doc__
    assert "Burt, R. S. (1992)" in m.burt.__doc__
    assert "Krackhardt, D. and Stern, R. N. (1988)" in m.mixing.__doc__
