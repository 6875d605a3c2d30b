"""Shared chart style: every type and tie type distinguishable and labelled; labels that
do not overlap."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from partylinks.graph import SECTORS, TIE_EDGE_TYPES, UNIT_TYPES, default_schema
from partylinks.messages import LANGS
from partylinks.plot._labels import place_labels, short_name
from partylinks.plot.style import (
    OTHER_COLOR,
    SECTOR_COLORS,
    TYPE_MARKERS,
    WEAK_COLOR,
    fixed_axes,
    get_axes,
    sector_color,
    sector_label,
    tie_label,
    tie_style,
    type_label,
)


def test_every_sector_type_and_tie_type_is_styled_and_labelled():
    schema = default_schema()
    assert set(SECTORS.values()) == set(SECTOR_COLORS)
    assert WEAK_COLOR not in SECTOR_COLORS.values() and OTHER_COLOR not in SECTOR_COLORS.values()
    assert set(UNIT_TYPES) <= set(TYPE_MARKERS)
    # the (marker, color) of two unit types never coincide
    looks = {(TYPE_MARKERS[t], sector_color(SECTORS[t])) for t in UNIT_TYPES}
    assert len(looks) == len(UNIT_TYPES)
    styles = {(s["color"], str(s["linestyle"])) for s in map(tie_style, TIE_EDGE_TYPES)}
    assert len(styles) == len(TIE_EDGE_TYPES)
    assert all(tie_style(t)["color"] != WEAK_COLOR for t in TIE_EDGE_TYPES)
    for lang in LANGS:
        sectors = [sector_label(s, lang) for s in SECTOR_COLORS]
        assert len(set(sectors)) == len(sectors)
        ties = [tie_label(schema, t, lang) for t in TIE_EDGE_TYPES] + [tie_label(schema, None,
                                                                                   lang)]
        assert len(set(ties)) == len(ties)
        types = [type_label(schema, t, lang) for t in UNIT_TYPES]
        assert len(set(types)) == len(types)
    assert tie_style("a_users_own_tie")["color"] == "#7f7f7f"
    assert sector_color("school") == OTHER_COLOR


def test_short_name():
    assert short_name("泉州瑞润汽车配件股份有限公司") == "泉州瑞润汽车配件"
    assert short_name("有限公司") == "有限公司"
    assert short_name("石鼓镇隆达陶瓷仓储物流中心项目", limit=6) == "石鼓镇隆达…"
    assert short_name("Y-E001") == "Y-E001"


def test_axes_helpers_make_figures_only_when_asked():
    fig, ax = plt.subplots()
    assert get_axes(ax, (1, 1)) is ax and fixed_axes(ax, 1, 1) is ax
    new = fixed_axes(None, 5, 4, right=3, top=1, bottom=0, left=0)
    assert new.figure.get_size_inches().tolist() == [8, 5]
    assert np.allclose(new.get_position().bounds, (0, 0, 5 / 8, 4 / 5))


def _overlaps(boxes) -> int:
    n = 0
    for i in range(len(boxes)):
        for j in range(i):
            a, b = boxes[i], boxes[j]
            n += a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1
    return n


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_labels_never_overlap_unless_forced(seed):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 1, (80, 2))
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    names = [f"单位{i}堃" for i in range(80)]
    drawn = place_labels(ax, xy, names, priority=np.arange(80), offsets_pt=np.full(80, 3.0),
                         obstacles=xy, obstacle_pt=np.full(80, 2.0))
    assert 0 < len(drawn) < 80
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in drawn]
    assert _overlaps(boxes) == 0
    assert all(fig.bbox.x0 <= b.x0 and b.x1 <= fig.bbox.x1 for b in boxes)
    # without markers in the way the highest priority label is always drawn
    first = place_labels(ax, xy, names, np.arange(80), np.full(80, 3.0))
    assert first[0].get_text() == names[79]
    # forced labels are all drawn, overlapping if they must
    fig, ax = plt.subplots(figsize=(2, 2))
    forced = place_labels(ax, np.full((5, 2), 0.5), names[:5], np.zeros(5), np.full(5, 3.0),
                          force=np.ones(5, bool))
    assert len(forced) == 5
    limited = place_labels(ax, xy, names, np.arange(80), np.full(80, 3.0), limit=3)
    assert len(limited) == 3
