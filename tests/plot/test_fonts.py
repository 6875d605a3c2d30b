"""Chinese text, including rare name characters, renders in PNG, SVG and PDF charts."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from partylinks.plot import _fonts  # noqa: E402
from partylinks.plot._fonts import (  # noqa: E402
    chinese_rc,
    cjk_font_families,
    clear_font_cache,
    font_properties,
)

LABEL = "社区 园区 企业 堃 喆 赟 玥 䶮 −1"
RARE = "堃喆赟玥䶮"
MISSING = "missing from font"


@pytest.fixture(autouse=True)
def _fresh_choice():
    """Every test chooses the font family anew, and leaves no choice behind."""
    clear_font_cache()
    yield
    clear_font_cache()
    plt.close("all")


def draw_chart(ax) -> None:
    """Chart code under test: title, axis labels, tick labels, free text, legend."""
    ax.plot([-2, -1, 0, 1], [1, -1, 2, 0], label="企业 堃")
    ax.set_title(LABEL)
    ax.set_xlabel("园区 赟 玥")
    ax.set_ylabel("社区 −1")
    ax.set_xticks([-2, -1, 0, 1], ["−2", "喆", "䶮", "1"])
    ax.text(0.5, 0.5, LABEL, transform=ax.transAxes)
    ax.legend()


def render_all(tmp_path) -> list[str]:
    """Draw the chart and save it as PNG, SVG and PDF; return the warning messages."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots(figsize=(6, 4))
        draw_chart(ax)
        for ext in ("png", "svg", "pdf"):
            fig.savefig(tmp_path / f"chart.{ext}")
        plt.close(fig)
    return [str(w.message) for w in caught]


def ink_fraction(tmp_path) -> float:
    """Fraction of non-white pixels of the rare characters alone, as drawn to PNG."""
    fig = plt.figure(figsize=(3, 1), dpi=100)
    fig.text(0.05, 0.3, RARE, fontsize=24)
    path = tmp_path / "rare.png"
    fig.savefig(path)
    plt.close(fig)
    rgb = plt.imread(path)[..., :3]
    return float(np.mean(rgb.min(axis=-1) < 0.5))


def assert_rendered(tmp_path) -> None:
    messages = render_all(tmp_path)
    assert not [m for m in messages if MISSING in m], messages
    for ext in ("png", "svg", "pdf"):
        assert (tmp_path / f"chart.{ext}").stat().st_size > 1000
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ink = ink_fraction(tmp_path)
    assert not [w for w in caught if MISSING in str(w.message)]
    assert ink > 0.01, "the rare characters left the PNG blank"
    # Every chart-wide rcParam took effect inside the context.
    assert matplotlib.rcParams["font.family"] == cjk_font_families()


def test_chinese_text_renders_in_png_svg_pdf(tmp_path):
    with chinese_rc():
        assert_rendered(tmp_path)
        assert matplotlib.rcParams["axes.unicode_minus"] is False
        assert matplotlib.rcParams["svg.fonttype"] == "path"
        assert matplotlib.rcParams["pdf.fonttype"] == 42
    assert cjk_font_families()[-1] == "DejaVu Sans"


def test_bundled_font_used_when_no_installed_family_qualifies(tmp_path, monkeypatch):
    monkeypatch.setattr(_fonts, "KNOWN_CJK_FAMILIES", [])
    families = cjk_font_families()
    assert families == ["Noto Sans CJK SC Subset", "DejaVu Sans"]
    # matplotlib resolves the family to the file shipped in the package.
    found = font_manager.findfont(
        font_manager.FontProperties(family=families[0]), fallback_to_default=False
    )
    assert str(found) == str(_fonts.bundled_font_path())
    with chinese_rc():
        assert_rendered(tmp_path)


def test_bundled_font_used_when_installed_family_lacks_rare_chars(tmp_path, monkeypatch):
    # DejaVu Sans is installed with matplotlib but has no CJK glyphs: it must be skipped.
    monkeypatch.setattr(_fonts, "KNOWN_CJK_FAMILIES", ["DejaVu Sans"])
    assert cjk_font_families() == ["Noto Sans CJK SC Subset", "DejaVu Sans"]


def test_prefer_bundled_and_font_properties(tmp_path):
    assert cjk_font_families(prefer_bundled=True) == ["Noto Sans CJK SC Subset", "DejaVu Sans"]
    prop = font_properties(size=12)
    assert prop.get_family() == cjk_font_families()
    # Explicit font properties (as networkx label drawing needs) render the rare characters.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.text(0.1, 0.5, LABEL, fontproperties=prop)
        fig.savefig(tmp_path / "explicit.png")
        plt.close(fig)
    assert not [w for w in caught if MISSING in str(w.message)]


def test_bundled_font_covers_required_and_chart_characters():
    font = font_manager.get_font(str(_fonts.bundled_font_path()))
    for char in RARE + "社区园区企业−0123456789:%（），。·":
        assert font.get_char_index(ord(char)) != 0, char


def test_global_rcparams_unchanged(tmp_path):
    before = {
        key: matplotlib.rcParams[key]
        for key in ("font.family", "axes.unicode_minus", "svg.fonttype", "pdf.fonttype")
    }
    family_before = list(matplotlib.rcParams["font.family"])
    with chinese_rc({"font.size": 7}):
        assert matplotlib.rcParams["font.size"] == 7
        fig, ax = plt.subplots()
        draw_chart(ax)
        fig.savefig(tmp_path / "chart.png")
        plt.close(fig)
    assert list(matplotlib.rcParams["font.family"]) == family_before
    assert {key: matplotlib.rcParams[key] for key in before} == before


def test_detection_catches_missing_glyphs_without_cjk_font(tmp_path):
    """Without a CJK family the same chart warns: the checks above can fail."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        messages = render_all(tmp_path)
    missing = [m for m in messages if MISSING in m]
    assert missing, messages
    assert any("䶮" in m or "19886" in m for m in missing), missing
