"""The interactive network page: offline, escaped, and checked in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from chart_helpers import RARE_EDGES, RARE_NODES

import partylinks as pl

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
needs_browser = pytest.mark.skipif(
    CHROMIUM is None, reason="no headless Chromium (install the chromium package) to load "
                             "the page in a real browser")


class _Tags(HTMLParser):
    """The elements of a page, in order (the text of a script is not parsed)."""

    def __init__(self):
        super().__init__()
        self.seen: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)


def dump_dom(path, tmp_path) -> str:
    """The DOM after the page's scripts ran, in headless Chromium with no network at all
    (a proxy that does not exist: any fetch would fail)."""
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--no-first-run", "--disable-extensions",
         "--proxy-server=127.0.0.1:9", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=3000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_page_loads_nothing_from_outside(rare):
    view = pl.plot.interactive(rare, lang="en")
    page = view.html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert sorted(set(re.findall(r"https?://[\w./-]+", page))) == ["http://www.w3.org/2000/svg"]
    assert len(view.data["nodes"]) == 10 and len(view.data["edges"]) == 9
    frame = view._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and "<script>" not in frame   # escaped


def test_data_by_hand(rare, graph_factory):
    view = pl.plot.interactive(rare, report=pl.audit(rare, as_of="2025-06-30"))
    nodes = {n["id"]: n for n in view.data["nodes"]}
    assert nodes["E3"]["isolated"] and not nodes["E2"]["isolated"]
    assert nodes["E2"]["fragile"] == "仅靠一名干部联系：吴赟"
    assert nodes["P1"]["fragile"] == "仅靠一名干部联系：朱䶮"
    assert any("E3" == k and v for k, v in ((n["id"], n["findings"]) for n in nodes.values()))
    edges = {frozenset((e["a"], e["b"])): e for e in view.data["edges"]}
    assert edges[frozenset(("C1", "E1"))]["carriers"] == "林堃、陈玥"
    assert edges[frozenset(("A1", "G1"))]["bridge"] and edges[frozenset(("A1", "G1"))]["n"] == 1
    assert view.data["allow_all"] and view.data["start_zone"] == ""
    # a region above the limit: one zone at a time, the largest first (both zones have
    # five units: the first in sorted order, 䶮 U+4DAE before 桃 U+6843)
    big = pl.plot.interactive(rare, limit=5)
    assert not big.data["allow_all"] and big.data["start_zone"] == "䶮山片区"
    assert pl.plot.interactive(rare, zone="䶮山片区").data["start_zone"] == "䶮山片区"
    with pytest.raises(ValueError, match="no such zone"):
        pl.plot.interactive(rare, zone="nowhere", lang="en")
    # as_of: a tie that starts in 2024 is not there in 2023
    early = pl.plot.interactive(rare, as_of="2023-06-30")
    assert len(early.data["edges"]) == 8 and "2023-06-30" in early.data["title"]


@needs_browser
def test_browser_renders_every_unit_and_the_ties_on_click(rare, tmp_path):
    view = pl.plot.interactive(rare, lang="zh")
    page = view.html.replace("</body>", (
        "<script>document.querySelector('circle[data-id=\"C1\"]')"
        ".dispatchEvent(new MouseEvent('click', {bubbles: false}));</script></body>"))
    path = tmp_path / "net.html"
    path.write_text(page, encoding="utf-8")
    dom = dump_dom(path, tmp_path)
    assert 'data-rendered="10"' in dom
    assert len(re.findall(r"<circle[^>]*data-id=", dom)) == 10
    assert len(re.findall(r"<line[^>]*class=\"tie", dom)) == 9
    info = re.search(r'<aside id="info"[^>]*data-unit="C1"[^>]*>(.*?)</aside>', dom, re.S)
    assert info is not None
    text = re.sub(r"<[^>]+>", " ", info.group(1))
    # C1's three tied units (E1 twice over, W1 by council membership, none other)
    assert "堃园社区" in text and "赟达纺织有限公司" in text and "林堃、陈玥" in text
    assert "桃城片区党建工作协调委员会" in text


@needs_browser
def test_browser_one_zone_at_a_time(rare, tmp_path):
    path = pl.plot.interactive(rare, limit=5).save(tmp_path / "big.html")
    dom = dump_dom(path, tmp_path)
    assert 'data-zone="䶮山片区"' in dom and 'data-rendered="5"' in dom
    assert len(re.findall(r"<option[^>]*>", dom)) == 2 + 10   # two zones, ten names


@needs_browser
def test_browser_shows_hostile_names_as_text(graph_factory, tmp_path):
    evil = '</script><img src=x onerror="document.title=1">$x^2$'
    g = graph_factory([("C1", "community", "Z1", evil), ("E1", "enterprise", "Z1", "企业")],
                      [("C1", "E1", "co_building")])
    path = pl.plot.interactive(g).save(tmp_path / "evil.html")
    dom = dump_dom(path, tmp_path)
    tags = _Tags()
    tags.feed(dom)
    assert "img" not in tags.seen and tags.seen.count("script") == 2   # data and code only
    assert 'data-rendered="2"' in dom
    assert "&lt;/script&gt;&lt;img" in dom     # shown as text in the name list


def test_widget_needs_the_extra(rare):
    view = pl.plot.interactive(rare)
    try:
        import ipysigma  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="partylinks\\[interactive\\]"):
            view.to_widget()
        return
    w = view.to_widget()
    assert type(w).__name__ == "Sigma"


def test_rare_graph_fixture_matches_helpers():
    assert len(RARE_NODES) == 17 and len(RARE_EDGES) == 18
