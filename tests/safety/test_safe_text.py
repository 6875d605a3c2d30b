"""``partylinks.safe``: visible escapes for terminals, XML and charts."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import matplotlib.text as mtext
import pytest
from hostilekit import NASTY, examples
from hypothesis import given
from hypothesis import strategies as st

from partylinks.cli._common import VisibleWriter, error_line, format_table
from partylinks.safe import INVISIBLE, chart_text, visible_text, xml_text


@pytest.mark.parametrize("raw, shown", [
    ("C1\u200b", "C1\\u200b"), ("\x1b[2J", "\\x1b[2J"), ("a\u202eb", "a\\u202eb"),
    ("\ufeffx", "\\ufeffx"), ("\x85", "\\x85"), ("a\nb", "a\\nb"), ("桃源社区", "桃源社区"),
    ("\ud800", "\\ud800"), ("\U000e0041", "\\U000e0041"),
])
def test_visible_text(raw, shown):
    assert visible_text(raw) == shown


@examples(300)
@given(st.text() | st.sampled_from(NASTY))
def test_escaped_text_has_nothing_invisible_and_is_stable(s):
    v = visible_text(s)
    assert not INVISIBLE.search(v)
    assert visible_text(v) == v
    assert visible_text(s, keep="\n").count("\n") == s.count("\n")


@examples(300)
@given(st.text(st.characters(codec=None, exclude_categories=())) | st.sampled_from(NASTY))
def test_xml_text_is_always_well_formed(s):
    value = xml_text(s).replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    doc = f'<a b="{value}"/>'
    ET.fromstring(doc.encode("utf-8", "strict"))


@pytest.mark.parametrize("s", ["$\\foo$", "$$", "$x^2$", "a$b$c$d", "\\$x$"])
def test_chart_text_is_never_mathtext(s):
    shown, math = mtext.Text()._preprocess_math(chart_text(s))
    assert math is False and shown == s


def test_terminal_stream_and_tables_escape_data():
    raw = io.StringIO()
    VisibleWriter(raw).write("ok\n\x1b]0;t\x07\u202e\n")
    assert raw.getvalue() == "ok\n\\x1b]0;t\\x07\\u202e\n"
    import pandas as pd

    t = format_table(pd.DataFrame({"id\x1b": ["C1\u200b", "C1"]}))
    assert "C1\\u200b" in t and "id\\x1b" in t and "\x1b" not in t


def test_error_line_shows_invisible_characters_and_speaks_chinese():
    assert error_line(ValueError("id 'C1\u200b'"), "zh") == "partylinks：id 'C1\\u200b'"
    assert error_line(FileNotFoundError(2, "No such file", "x.csv"), "en") == \
        "partylinks: cannot read 'x.csv': No such file"
    assert "内部错误 KeyError" in error_line(KeyError("k"), "zh")
