"""Chart test helpers: a hand-drawn graph with rare name characters, glyph checks, artists."""

from __future__ import annotations

import contextlib
import warnings

MISSING = "missing from font"

# Zones 桃城片区 and 䶮山片区. Ties: a mutual appointment C1<->E1 (K1, K2); C1, C2, E1
# council members of W1; K5 (吴赟, of C2) the only tie of E2; K3 (王喆, of A1) and K4
# (朱䶮, of P1) on project J1's team; A1's liaison to G1 (a unit-to-unit tie); K3's
# liaison to E1 (from 2024) joins the two zones. So: E3 isolated; E2 (via K5) and P1
# (via K4) fragile, held by one cadre; bridges A1-E1, A1-G1, A1-J1, C2-E2, C2-W1, J1-P1;
# key persons K3, K4, K5. Tied unit pairs: 9.
RARE_NODES = [
    ("C1", "community", "桃城片区", "堃园社区"),
    ("C2", "community", "桃城片区", "喆里社区"),
    ("E1", "enterprise", "桃城片区", "赟达纺织有限公司"),
    ("E2", "enterprise", "桃城片区", "玥华电子"),
    ("W1", "council", "桃城片区", "桃城片区党建工作协调委员会"),
    ("E3", "enterprise", "䶮山片区", "䶮峰陶瓷"),
    ("P1", "park", "䶮山片区", "䶮山工业园"),
    ("A1", "agency", "䶮山片区", "县商务局"),
    ("J1", "project", "䶮山片区", "䶮山园区扩建项目"),
    ("G1", "grid", "䶮山片区", "䶮山一级网格"),
    ("B1", "branch", "桃城片区", "堃园社区党支部"),
    ("B2", "branch", "桃城片区", "赟达纺织党支部"),
    ("K1", "cadre", "桃城片区", "林堃"),
    ("K2", "cadre", "桃城片区", "陈玥"),
    ("K3", "cadre", "䶮山片区", "王喆"),
    ("K4", "cadre", "䶮山片区", "朱䶮"),
    ("K5", "cadre", "桃城片区", "吴赟"),
]
RARE_EDGES = [
    ("B1", "C1", "hosted_by"), ("B2", "E1", "hosted_by"),
    ("K1", "B1", "member_of"), ("K1", "C1", "works_at"), ("K2", "E1", "works_at"),
    ("K3", "A1", "works_at"), ("K4", "P1", "works_at"), ("K5", "C2", "works_at"),
    ("K1", "E1", "part_time_post", "instructor"),
    ("K2", "C1", "part_time_post", "part_time_member"),
    ("C1", "W1", "council_member"), ("C2", "W1", "council_member"),
    ("E1", "W1", "council_member"),
    ("K5", "E2", "part_time_post", "instructor"),
    ("K3", "J1", "service_pairing", "coordinator"),
    ("K4", "J1", "service_pairing", "policy"),
    ("A1", "G1", "liaison"),
    ("K3", "E1", "liaison", None, "2024-01-01"),
]
RARE_TEXT = "堃喆赟玥䶮"


@contextlib.contextmanager
def no_missing_glyphs():
    """Fail when matplotlib warns that a glyph is missing from the font used."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    missing = [str(w.message) for w in caught if MISSING in str(w.message)]
    assert not missing, missing


def save_everywhere(fig, tmp_path, stem: str = "chart") -> None:
    """Save ``fig`` as PNG, SVG and PDF outside any rc context, checking every glyph."""
    with no_missing_glyphs():
        for ext in ("png", "svg", "pdf"):
            path = tmp_path / f"{stem}.{ext}"
            fig.savefig(path)
            assert path.stat().st_size > 1000


def gids(ax) -> dict[str, object]:
    """The artists of ``ax`` that have an id, by id."""
    return {a.get_gid(): a for a in ax.get_children() if a.get_gid()}


def texts(ax) -> list[str]:
    """Every text drawn on ``ax``: texts, title, tick labels, legend entries."""
    out = [t.get_text() for t in ax.texts]
    out += [ax.get_title(loc=loc) for loc in ("left", "center", "right")]
    out += [ax.get_xlabel(), ax.get_ylabel()]
    out += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    leg = ax.get_legend()
    if leg is not None:
        out += [t.get_text() for t in leg.get_texts()]
    return [t for t in out if t]
