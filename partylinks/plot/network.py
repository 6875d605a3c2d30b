"""The network chart: units grouped by zone, ties styled by type, weak spots in red."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from scipy.sparse.csgraph import dijkstra

from ..graph.unitgraph import snapshot, unit_graph
from ..messages import msg, resolve_lang
from ._frame import add_source, chart_title
from ._labels import plain_texts
from ._quotient import draw_quotient
from ._units import draw_units
from .layout import zone_of_units
from .style import chart_rc, fixed_axes, label

__all__ = ["plot_network", "NETWORK_LIMIT"]


#: Above this many units, and without ``zone`` or ``ego``, the zone overview is drawn.
NETWORK_LIMIT = 400


def _select(g, ug, zone, ego, radius: int, as_of,
            lang: str | None = None) -> tuple[np.ndarray, int | None]:
    """Mask of the units to draw, and the unit index of the ego (or None)."""
    keep = np.ones(ug.n, dtype=bool)
    if zone is not None:
        wanted = [zone] if isinstance(zone, str) else list(zone)
        zones = zone_of_units(g, as_of).to_numpy()
        unknown = [z for z in wanted if z not in set(zones)]
        if unknown:
            raise ValueError(msg("unknown_zones", lang, zones="、".join(map(str, unknown)),
                                 known="、".join(map(str, pd.unique(zones)))))
        keep &= np.isin(zones, wanted)
    center = None
    if ego is not None:
        if ego not in g.node_index:
            raise KeyError(msg("unknown_node_id", lang, value=ego))
        unit = snapshot(g, as_of).unit_of.get(ego)
        if unit is None or pd.isna(unit):
            raise ValueError(msg("node_not_a_unit", lang, value=ego))
        center = int(np.flatnonzero(ug.ids == unit)[0])
        dist = dijkstra(ug.adj, indices=center, unweighted=True, limit=radius + 0.5)
        keep &= np.isfinite(dist)
        keep[center] = True
    return keep, center


def _name(g, node_id: str) -> str:
    name = g.nodes["name"].iloc[g.node_codes([node_id])[0]] if "name" in g.nodes else None
    return str(name) if name is not None and pd.notna(name) else node_id


def _title(g, ug, zone, ego, center, radius, n_units, n_pairs, lang, as_of) -> str:
    if ego is not None:
        name = _name(g, ego)
        unit = ug.ids[center]
        if unit != ego:
            name = f"{name}（{_name(g, unit)}）" if lang == "zh" else f"{name} ({_name(g, unit)})"
        text = label("ego_title", lang, name=name, radius=radius, n_units=n_units)
    elif zone is not None:
        zones = "、".join([zone] if isinstance(zone, str) else list(zone))
        text = label("zone_title", lang, zone=zones, n_units=n_units, n_pairs=n_pairs)
    else:
        text = label("network_title", lang, n_units=n_units, n_pairs=n_pairs)
    if as_of is not None:
        text += label("as_of", lang, date=pd.Timestamp(as_of).date().isoformat())
    else:   # as for every metric: None is every tie whatever its dates, not today
        text += label("all_dates", lang)
    return text


def _own_title(title: str | bool | None, default: str) -> str:
    return default if title is None or title is True else (title or "")


def plot_network(g, ax: Axes | None = None, *, zone: str | Iterable[str] | None = None,
                 ego: str | None = None, radius: int = 1, quotient: bool | None = None,
                 show_cadres: bool = False, highlight: bool = True, report=None,
                 labels: bool | str | Iterable[str] = "auto", lang: str | None = None,
                 seed: int = 0, as_of=None, node_size=None, node_color=None, cmap=None,
                 palette: dict[str, str] | None = None, legend: str | bool = "auto",
                 title: str | bool | None = None, source: str | None = None) -> Axes:
    """Draw the unit graph grouped by zone, with the weak spots highlighted.

    Every unit is a marker colored by its sector and shaped by its type, placed by
    :func:`partylinks.plot.zone_layout` (each zone's units together in a disc, the units
    with no tie inside their zone on the rim). Every unit pair joined by at least one tie
    is one line in the style of its tie type, or dark and thicker when several tie types
    join the pair; lines between zones are lighter. Weak spots of the whole graph (on
    ``as_of``) are highlighted: isolated units (no tie) with a red ring, units whose ties
    all run through one cadre with an orange dashed ring and that cadre's name, bridges
    (unit pairs whose tie is the only link between two parts) as thick red lines, and
    with ``show_cadres`` the key-person cadres in red.

    With more than :data:`NETWORK_LIMIT` units to draw and neither ``zone`` nor ``ego``,
    the zone overview is drawn instead (``quotient=True`` forces it): one circle per zone
    (area = units, color = share of isolated units) and one line per pair of zones (width
    and number = ties between them); the title says so.

    Parameters
    ----------
    g : LinkGraph
    ax : Axes, optional
        Axes to draw on; a new figure is created when None.
    zone : str or list of str, optional
        Draw only the units of these zones.
    ego : str, optional
        Draw only the units within ``radius`` ties of this node (a unit, or a cadre or
        branch, which stands for its home or host unit).
    radius : int, default 1
        Number of tie steps around ``ego``.
    quotient : bool, optional
        Draw the zone overview (True), the units (False), or decide by size (None).
    show_cadres : bool, default False
        Draw the cadres who carry ties as small dots between their home unit and the
        units they are tied to.
    highlight : bool, default True
        Highlight the weak spots.
    report : AuditReport, optional
        An audit of ``g`` (:func:`partylinks.audit`): its date is used when ``as_of`` is
        not given, the weak spots are taken from its metric tables (on its date), and each
        unit with errors or warnings gets a small disc with their number (red when one is
        an error); a finding about a branch or cadre counts for its host or home unit.
    labels : "auto", bool or list of str
        "auto" labels the weak spots, the ego and as many well-connected units as fit
        without overlapping; True labels every unit, False none, a list those ids.
    lang : {"zh", "en"}
        Language of the title and legend.
    seed : int, default 0
        Seed of the layout.
    as_of : date-like, optional
        Use the ties active on this date; None uses every tie whatever its dates (the
        title then says nothing of a date).
    node_size : Series, optional
        A number per unit (indexed by unit id, e.g. a column of :func:`partylinks.unit_table`
        or ``pl.metrics.constraint(g)``): marker areas from 0.25 to 2.5 times the usual
        median area, linear in the value; the legend gives the smallest and largest.
    node_color : Series, optional
        A value per unit: numbers are colored with ``cmap`` and explained by a colorbar;
        other values (e.g. a community detection) by ``palette`` or the tab10 colors, in
        the legend. Units without a value are grey. Without it units are colored by sector.
    cmap : str or Colormap, optional
        Colormap of a numeric ``node_color`` ("viridis" by default), or of the zone
        overview's share of isolated units ("OrRd" by default).
    palette : dict, optional
        Sector -> color (overriding :data:`partylinks.plot.style.SECTOR_COLORS`), or with a
        categorical ``node_color`` value -> color.
    legend : {"auto", "right", "below"} or False
        Where the legend goes: "auto" puts it right of the drawing when the chart makes its
        own figure and under it when drawn on a given ``ax`` (so that a panel of a
        ``plt.subplots`` grid keeps its width); False draws none.
    title : str or False, optional
        The chart's title instead of its own; False or "" for none.
    source : str, optional
        A note under the chart (e.g. the data source).

    Returns
    -------
    Axes

    Notes
    -----
    "Fragile" here means what the audit's ``fragile`` rule and its legend say: a unit whose
    ties all run through one **cadre** (a unit held by one unit-to-unit edge hangs on a
    bridge, drawn as such). Text sizes follow ``rcParams["font.size"]`` (nominal at 10).

    Examples
    --------
    >>> import partylinks as pl
    >>> ax = pl.plot.plot_network(pl.datasets.house(), lang="en")
    >>> ax.get_title(loc="left")
    'Unit network: 4 units, 2 tied pairs (ties of all dates)'
    """
    lang = resolve_lang(lang)
    if as_of is None and report is not None:
        as_of = getattr(report, "as_of", None)
    ug = unit_graph(g, as_of)
    if quotient and (zone is not None or ego is not None):
        raise ValueError("quotient=True draws every zone; leave out zone= and ego=")
    keep, center = _select(g, ug, zone, ego, radius, as_of, lang)
    limit = None
    if quotient is None:
        quotient = zone is None and ego is None and int(keep.sum()) > NETWORK_LIMIT
        limit = NETWORK_LIMIT
    with chart_rc():
        if quotient:
            ax = fixed_axes(ax, 8.0, 7.75, right=1.3, top=0.45, bottom=0.05, left=0.05)
            draw_quotient(g, ax, lang=lang, as_of=as_of, limit=limit, cmap=cmap)
            if title is not None:
                chart_title(ax, "", title, size=11)
            add_source(ax, source)
            return plain_texts(ax)
        return draw_units(
            g, ug, ax, keep, center, show_cadres=show_cadres, highlight=highlight,
            labels=labels, lang=lang, seed=seed, as_of=as_of, report=report,
            node_size=node_size, node_color=node_color, cmap=cmap, palette=palette,
            legend=legend, source=source,
            title=lambda n_units, n_pairs: _own_title(
                title, _title(g, ug, zone, ego, center, radius, n_units, n_pairs, lang,
                              as_of)))
