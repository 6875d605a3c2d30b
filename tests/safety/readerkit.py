"""Independent readers: every file a writer produced is read back by another program's
parser, and what it says is checked."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx


def _no_constant(name: str):
    raise ValueError(f"not strict JSON: {name}")


def read_json(path: Path):
    """Strict JSON: ``NaN``, ``Infinity`` and ``-Infinity`` are errors."""
    return json.loads(Path(path).read_bytes().decode("utf-8"), parse_constant=_no_constant)


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def read_xlsx(path: Path) -> dict[str, list[tuple]]:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    finally:
        wb.close()


def read_docx(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def read_html(path: Path) -> _Tags:
    """The tags of an HTML file; no tag may carry an event handler attribute and no
    script may hold text from the data."""
    p = _Tags()
    p.feed(Path(path).read_text(encoding="utf-8"))
    p.close()
    for tag, attrs in p.tags:
        bad = [a for a in attrs if a.lower().startswith("on")]
        assert not bad, f"<{tag}> with {bad} in {path}"
        assert tag != "img" or str(attrs.get("src", "")).startswith("data:"), attrs
    assert not any("alert(1)" in s for s in p.scripts)
    return p


def read_svg(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def read_png(path: Path) -> bytes:
    data = Path(path).read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 100
    return data


def read_gexf(path: Path) -> nx.Graph:
    return nx.read_gexf(path)


def read_graphml(path: Path) -> nx.Graph:
    return nx.read_graphml(path)
