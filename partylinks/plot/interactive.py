"""The interactive network: zoom, pan, hover a unit, see its ties and findings.

:func:`interactive` builds one self-contained HTML page (its script and style inline, no
file loaded from a network: it works offline) that shows in Jupyter and is saved as a
file to share or to put beside a report. A region with more than
:data:`partylinks.plot.NETWORK_LIMIT` units is shown one zone at a time.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd

from ..messages import msg, resolve_lang
from ._viewer import page
from .layout import zone_layout
from .network import NETWORK_LIMIT
from .style import MULTI_TIE_STYLE, OTHER_COLOR, SECTOR_COLORS, sector_label, tie_style

__all__ = ["InteractiveNetwork", "interactive", "network_html"]


class InteractiveNetwork:
    """An interactive network page: shown in Jupyter, saved with :meth:`save`.

    Attributes
    ----------
    html : str
        The whole page.
    data : dict
        What the page shows: ``nodes``, ``edges``, ``zones`` and the labels.
    height : int
        Height in pixels of the frame it is shown in, in Jupyter.
    """

    def __init__(self, html_text: str, data: dict, graph=None, height: int = 640):
        self.html = html_text
        self.data = data
        self.height = height
        self._graph = graph

    def __repr__(self) -> str:
        return (f"<InteractiveNetwork: {len(self.data['nodes'])} units, "
                f"{len(self.data['edges'])} tied pairs, {len(self.data['zones'])} zones>")

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
                'sandbox="allow-scripts"></iframe>')

    def save(self, path: str | Path) -> Path:
        """Write the page as one HTML file (UTF-8) that opens offline; return its path."""
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path

    def to_widget(self, **kwargs):
        """The same unit graph as an ipysigma widget (Jupyter only; needs the extra
        ``interactive``: ``pip install "partylinks[interactive]"``).

        The widget's own standalone HTML loads its scripts from the internet; use
        :meth:`save` for a file that works offline. ``kwargs`` go to ``ipysigma.Sigma``.
        """
        try:
            from ipysigma import Sigma
        except ImportError as err:
            raise ImportError('the Jupyter widget needs ipysigma: pip install '
                              '"partylinks[interactive]"') from err
        import networkx as nx

        G = nx.Graph()
        for n in self.data["nodes"]:
            G.add_node(n["id"], label=n["name"], sector=n["sector_label"], zone=n["zone"],
                       type=n["type_label"], isolated=n["isolated"])
        for e in self.data["edges"]:
            G.add_edge(e["a"], e["b"], weight=e["n"], tie_types=e["types"])
        kwargs.setdefault("node_color", "sector")
        kwargs.setdefault("node_size", G.degree)
        kwargs.setdefault("edge_size", "weight")
        return Sigma(G, **kwargs)


def _findings(g, report, lang: str) -> dict[str, list[str]]:
    if report is None:
        return {}
    f = report.findings
    unit = g.unit_of.reindex(f["node_id"].astype(str)).to_numpy(dtype=object)
    sev = {"error": msg("severity_error", lang), "warning": msg("severity_warning", lang),
           "info": msg("severity_info", lang)}
    out: dict[str, list[str]] = {}
    for u, s, m in zip(unit, f["severity"].astype(str), f["message"].astype(str),
                       strict=True):
        if isinstance(u, str):
            out.setdefault(u, []).append(f"[{sev.get(s, s)}] {m}")
    return out


def _data(g, *, as_of, report, lang: str, limit: int, seed: int, zone) -> dict:
    from ..graph.unitgraph import unit_graph
    from ..metrics import bridges, fragile_units, isolated_units

    ug = unit_graph(g, as_of)
    pos = zone_layout(g, units=ug.ids, seed=seed, as_of=as_of)
    nodes_t = g.nodes.set_index("id")
    deg = ug.degree()
    iso = set(isolated_units(g, as_of=as_of)["id"].astype(str))
    fr = fragile_units(g, as_of=as_of)
    fr = fr[fr["sole_carrier_kind"] == "cadre"]
    names = nodes_t["name"].astype(object) if "name" in nodes_t else pd.Series(dtype=object)

    def name_of(i):
        v = names.get(i)
        return str(v) if v is not None and pd.notna(v) else str(i)

    fragile = {str(u): msg("interactive_fragile", lang, name=name_of(c))
               for u, c in zip(fr["id"], fr["sole_carrier"], strict=True)}
    found = _findings(g, report, lang)
    schema = g.schema
    no_zone = msg("chart_no_zone", lang)
    nodes = []
    for i, uid in enumerate(ug.ids.tolist()):
        t = str(nodes_t.at[uid, "type"])
        sector = schema.sector(t)
        z = pos.at[uid, "zone"]
        z = None if z is None or (isinstance(z, float) and np.isnan(z)) else str(z)
        nm = name_of(uid)
        nodes.append({
            "id": uid, "name": nm, "label": nm if len(nm) <= 10 else nm[:9] + "…",
            "type_label": schema.label(t, lang), "sector": sector or "",
            "sector_label": sector_label(sector, lang), "zone": z or "",
            "zone_label": z or no_zone, "x": round(float(pos.at[uid, "x"]), 5),
            "y": round(float(pos.at[uid, "y"]), 5), "degree": int(deg[i]),
            "r": round(1.2 + 0.5 * float(np.sqrt(deg[i])), 3),
            "color": SECTOR_COLORS.get(sector or "", OTHER_COLOR),
            "isolated": uid in iso, "fragile": fragile.get(uid, ""),
            "weak": int(uid in iso or uid in fragile), "findings": found.get(uid, []),
        })
    br = bridges(g, as_of=as_of)
    bridge_set = {frozenset(p) for p in zip(br["u"].astype(str), br["v"].astype(str),
                                            strict=True)}
    t = ug.ties
    carrier_name = {c: name_of(c) if not str(c).startswith("edge:") else "" for c in
                    pd.unique(t["carrier"].astype(str))}
    df = pd.DataFrame({"lo": np.minimum(t["a"], t["b"]), "hi": np.maximum(t["a"], t["b"]),
                       "type": t["tie_type"].astype(str), "carrier": t["carrier"].astype(str)})
    edges = []
    for (lo, hi), grp in df.groupby(["lo", "hi"], sort=True):
        types = sorted(set(grp["type"]))
        carriers = sorted({carrier_name[c] for c in grp["carrier"]} - {""})
        a, b = str(ug.ids[lo]), str(ug.ids[hi])
        edges.append({
            "a": a, "b": b, "n": len(grp),
            "types": "、".join(schema.label(x, lang) for x in types) if lang == "zh"
            else ", ".join(schema.label(x, lang) for x in types),
            "carriers": "、".join(carriers) if lang == "zh" else ", ".join(carriers),
            "color": (tie_style(types[0]) if len(types) == 1 else MULTI_TIE_STYLE)["color"],
            "bridge": frozenset((a, b)) in bridge_set,
        })
    counts = pd.Series([n["zone"] for n in nodes], dtype=object).value_counts()
    zones = [{"zone": z, "label": z or no_zone, "units": int(counts[z])}
             for z in sorted(counts.index, key=lambda v: (v == "", v))]
    allow_all = len(nodes) <= limit
    if zone is not None:
        if zone not in counts.index:
            raise ValueError(msg("unknown_zones", lang, zones=str(zone),
                                 known="、".join(map(str, counts.index))))
        start = zone
    else:
        start = "" if allow_all else (max(zones, key=lambda z: z["units"])["zone"]
                                      if zones else "")
    when = (msg("interactive_as_of", lang, date=pd.Timestamp(as_of).date().isoformat())
            if as_of is not None else msg("interactive_all_dates", lang))
    used = sorted({n["sector"] for n in nodes} - {""},
                  key=lambda s: list(SECTOR_COLORS).index(s) if s in SECTOR_COLORS else 99)
    legend = [{"label": sector_label(s, lang), "color": SECTOR_COLORS.get(s, OTHER_COLOR)}
              for s in used]
    legend += [{"label": msg("interactive_isolated", lang), "color": "#d62728"}]
    keys = ("hint", "search", "zone", "all_zones", "ties", "findings", "none", "isolated")
    return {
        "title": msg("interactive_title", lang, n_units=len(nodes), n_pairs=len(edges))
        + "，" * (lang == "zh") + ", " * (lang != "zh") + when,
        "subtitle": msg("interactive_title", lang, n_units=len(nodes), n_pairs=len(edges)),
        "nodes": nodes, "edges": edges, "zones": zones, "allow_all": allow_all,
        "start_zone": start, "label_count": 25, "has_findings": report is not None,
        "legend": legend, "text": {k: msg(f"interactive_{k}", lang) for k in keys},
    }


def interactive(g, *, as_of=None, report=None, zone: str | None = None,
                lang: str | None = None, limit: int = NETWORK_LIMIT, seed: int = 0,
                height: int = 640) -> InteractiveNetwork:
    r"""An interactive view of the unit network, for Jupyter and as a standalone HTML file.

    Every unit is a disc colored by sector (sized by its number of tied units) at its
    place in :func:`partylinks.plot.zone_layout`; every tied unit pair a line (the color
    of its tie type, dark for several types, red for a bridge). Isolated units have a red
    ring and units whose ties all run through one cadre an orange one (the meaning of the
    audit's ``fragile`` rule). Scroll to zoom, drag to pan; hovering or clicking a unit
    dims everything but its ties and lists them (the other unit, the tie types, the
    cadres who carry them) with, given ``report``, its findings. A zone menu shows one
    zone at a time; above ``limit`` units there is no "all zones" entry and the largest
    zone is shown first. A search box finds a unit by name or id.

    The page is one file with its script and style inline: nothing is loaded from a
    network, so it opens offline. Unit names are written as text, never as markup.

    Parameters
    ----------
    g : LinkGraph
    as_of : date-like, optional
        Only ties active on this date; None uses every tie whatever its dates (the page
        says so). A report's date is used when ``report`` is given and ``as_of`` is not.
    report : AuditReport, optional
        An audit of ``g``: each unit lists its findings (a finding about a branch or a
        cadre counts for its host or home unit).
    zone : str, optional
        The zone shown first.
    lang : {"zh", "en"}, optional
        Language of the labels (:func:`partylinks.messages.resolve_lang` when None).
    limit : int, default :data:`partylinks.plot.NETWORK_LIMIT`
        Above this many units, one zone at a time.
    seed : int, default 0
        Seed of the layout.
    height : int, default 640
        Height of the frame in Jupyter, in pixels.

    Returns
    -------
    InteractiveNetwork
        Shown in Jupyter; ``.save("network.html")`` writes the file; ``.html`` is the
        page; ``.to_widget()`` gives an ipysigma widget (extra ``interactive``).

    Examples
    --------
    >>> import partylinks as pl
    >>> view = pl.plot.interactive(pl.datasets.house(), lang="en")
    >>> view
    <InteractiveNetwork: 4 units, 2 tied pairs, 2 zones>
    >>> import re   # the only address in the page is the SVG namespace, never fetched
    >>> sorted(set(re.findall(r"https?://[\w./-]+", view.html)))
    ['http://www.w3.org/2000/svg']
    """
    lang = resolve_lang(lang)
    if as_of is None and report is not None:
        as_of = getattr(report, "as_of", None)
    data = _data(g, as_of=as_of, report=report, lang=lang, limit=limit, seed=seed, zone=zone)
    return InteractiveNetwork(page(data, lang), data, graph=g, height=height)


def network_html(g, **kwargs) -> str:
    """The page of :func:`interactive` as text (e.g. to put in a report)."""
    return interactive(g, **kwargs).html
