"""Loading a dataset into a :class:`LinkGraph`: ``load``, ``from_frames``, ``validate``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..messages import resolve_lang
from ..progress import Progress, as_progress
from .io import RawDataset, Table, read_dataset, table_from_frame
from .model import LinkGraph
from .parse import Problems, parse_dataset
from .schema import Schema, load_schema
from .validate import ValidationError, issues_frame, warn_issues

__all__ = ["load", "from_frames", "validate"]


def _projection_problems(g: LinkGraph, nodes: Table, edges: Table, p: Problems) -> None:
    """Warnings that need the graph: no home unit, no host, several hosts or homes."""
    proj = g.projection
    rows = nodes.rows
    ids = g.node_index.to_numpy()
    t = g.nodes["type"].to_numpy()
    nodes.name = "nodes"
    for code, mask in (("no_home_unit", (t == "cadre") & (proj.unit_of < 0)),
                       ("no_host", (t == "branch") & (proj.unit_of < 0))):
        if mask.any():
            p.add(code, nodes, rows[mask], nodes.header("id"), ids[mask], severity="warning",
                  fields=[{"value": v} for v in ids[mask]])
    _, dst = g.edge_codes()
    # several hosts is how a joint branch is written (a notice); several open jobs is a warning
    for code, multi, chosen, sev in (("multiple_hosts", proj.multi_host, proj.host, "info"),
                                     ("multiple_home_units", proj.multi_home, proj.home,
                                      "warning")):
        if len(multi):
            picked = ids[dst[chosen[multi]]]
            p.add(code, nodes, rows[multi], nodes.header("id"), ids[multi], severity=sev,
                  fields=[{"value": v, "chosen": c}
                          for v, c in zip(ids[multi], picked, strict=True)])


def _build(raw: RawDataset, schema: Schema, lang: str | None, *, raise_errors: bool,
           progress: Progress | None = None):
    lang = resolve_lang(lang)
    prog = progress or as_progress(None)
    with prog.phase("validate"):
        nodes, edges, events, p = parse_dataset(raw, schema)
    g = None
    if p.n_errors == 0 and nodes is not None and edges is not None:
        g = LinkGraph(nodes, edges, schema=schema, events=events,
                      provenance={"nodes": raw.nodes, "edges": raw.edges, "events": raw.events,
                                  "source": raw.source, "ledger": raw.ledger})
        with prog.phase("project"):
            _projection_problems(g, raw.nodes, raw.edges, p)
    issues = issues_frame(p.frame(), lang)
    if raw.ledger is not None:
        issues.attrs["ledger"] = raw.ledger
    if g is None:
        if raise_errors:
            raise ValidationError(issues, lang)
        return None, issues
    g.issues = issues
    return g, issues


def load(path: str | Path, *, schema: str | Path | Schema | None = None,
         layout: str | Path | None = None, aliases=None, lang: str | None = None,
         progress: bool | Progress | None = None) -> LinkGraph:
    """Load a dataset: node/edge tables, or a ledger (台账) in the office layout.

    **Node/edge format**: a folder holds ``nodes`` and ``edges`` tables (``.csv``,
    ``.xlsx``, ``.xls``, ``.ods`` or ``.parquet``; the Chinese names ``节点`` and ``关系``
    work too) and optionally ``events`` (``活动``); a workbook holds them as sheets.

    **Ledger** (any workbook or folder without nodes/edges tables): one sheet per kind of
    thing (社区, 企业, 党组织, 党员, ...) and per mechanism (兼职情况, 1+1+1挂钩服务, 结对共建,
    协调委员会成员单位, 网格, 双报到, 活动), everything referenced by name; sheets are
    recognized from their names and headers by the ``layout`` file and names are resolved
    to nodes (see :func:`partylinks.graph.ledger.read_ledger`). How each sheet and header
    was read is in ``g.provenance["ledger"]``.

    Text tables may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK,
    separated by commas, tabs or semicolons; headers and type values may be Chinese.

    Every row is checked; when any error is found, one :class:`ValidationError` lists
    them all (the first 20 in its message, every one in ``.issues``). Warnings (a
    cadre with no home unit, a branch with no host) do not stop loading: they are
    emitted as one :class:`ValidationWarning` and kept in ``g.issues``.

    Parameters
    ----------
    path : str or Path
        The dataset.
    schema : str, Path or Schema, optional
        A TOML file extending the built-in schema, or a Schema.
    layout : str or Path, optional
        A ledger layout TOML file (default: ``partylinks/layouts/default.toml``).
    aliases : dict or path, optional
        For a ledger: confirmed names, a name as written -> the name it means (a dict, or a
        TOML file with an ``[aliases]`` table, as the web app saves the user's choices).
    lang : {"zh", "en"}, optional
        Language of the problem messages (default: ``PARTYLINKS_LANG``, else Chinese).
    progress : bool or Progress, optional
        Report the read, validate and project phases on stderr.

    Returns
    -------
    LinkGraph

    Examples
    --------
    >>> import partylinks as pl
    >>> g = pl.load(pl.datasets.sample_path("yongchun"))
    >>> int(g.summary().nodes_by_type["council"])
    6
    """
    schema = load_schema(schema)
    prog = as_progress(progress)
    with prog.phase("read"):
        raw = read_dataset(path, schema, layout=layout, aliases=aliases, lang=lang)
    g, _ = _build(raw, schema, lang, raise_errors=True, progress=prog)
    warn_issues(g.issues)
    return g


def from_frames(nodes: pd.DataFrame, edges: pd.DataFrame, events: pd.DataFrame | None = None,
                *, schema: str | Path | Schema | None = None,
                lang: str | None = None) -> LinkGraph:
    """Build a LinkGraph from DataFrames, with the same aliases and checks as :func:`load`.

    Rows are named by the DataFrames' index labels in problem reports.

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> nodes = pd.DataFrame({"编号": ["C1", "E1", "K1"], "类型": ["社区", "企业", "党员"],
    ...                       "片区": ["桃城", "桃城", "桃城"]})
    >>> edges = pd.DataFrame({"起点": ["K1", "K1"], "终点": ["C1", "E1"],
    ...                       "关系": ["任职", "党建指导员"]})
    >>> g = pl.from_frames(nodes, edges)
    >>> g.ties()[["u", "v", "tie_type", "via", "role"]].values.tolist()
    [['C1', 'E1', 'part_time_post', 'K1', 'instructor']]
    """
    schema = load_schema(schema)
    raw = RawDataset(
        table_from_frame(nodes, "<nodes>", schema), table_from_frame(edges, "<edges>", schema),
        table_from_frame(events, "<events>", schema) if events is not None else None,
        source="<frames>")
    g, _ = _build(raw, schema, lang, raise_errors=True)
    warn_issues(g.issues)
    return g


def validate(data, edges: pd.DataFrame | None = None, events: pd.DataFrame | None = None, *,
             schema: str | Path | Schema | None = None, layout: str | Path | None = None,
             aliases=None, lang: str | None = None) -> pd.DataFrame:
    """Check a dataset and return every problem as a DataFrame (empty when all is well).

    Parameters
    ----------
    data : str, Path or DataFrame
        A dataset path (as for :func:`load`), or the nodes DataFrame (then pass
        ``edges`` and optionally ``events`` too).
    lang : {"zh", "en"}
        Language of the messages.

    Returns
    -------
    DataFrame
        ``severity`` (error / warning), ``code``, ``table``, ``file``, ``row`` (the row
        number a user sees in Excel, header = row 1; index labels for DataFrames),
        ``column`` (as written in the file), ``value``, ``message``. Codes: errors
        ``unreadable_file missing_table missing_column empty_file missing_value
        duplicate_id unknown_node_type unknown_edge_type dangling_endpoint
        forbidden_endpoint self_loop reports_to_cycle bad_date end_before_start
        bad_integer bad_number bad_boolean events_unknown_unit``; warnings
        ``no_home_unit no_host multiple_hosts multiple_home_units``.

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> nodes = pd.DataFrame({"id": ["C1", "C1", "K1"], "type": ["community", "社区", "cadre"]})
    >>> edges = pd.DataFrame({"source": ["K1"], "target": ["X9"], "type": ["works_at"]})
    >>> pl.validate(nodes, edges, lang="en")[["code", "row", "column", "value"]]
                    code  row  column value
    0       duplicate_id    1      id    C1
    1  dangling_endpoint    0  target    X9
    """
    schema = load_schema(schema)
    if isinstance(data, pd.DataFrame):
        if edges is None:
            raise TypeError("validate(nodes_df, edges_df): pass the edges DataFrame too")
        raw = RawDataset(
            table_from_frame(data, "<nodes>", schema), table_from_frame(edges, "<edges>", schema),
            table_from_frame(events, "<events>", schema) if events is not None else None,
            source="<frames>")
    else:
        raw = read_dataset(data, schema, layout=layout, aliases=aliases, lang=lang)
    _, issues = _build(raw, schema, lang, raise_errors=False)
    return issues
