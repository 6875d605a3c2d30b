"""``audit``: run a policy on a graph and build the :class:`AuditReport`."""

from __future__ import annotations

from ..graph.dates import audit_date
from ..messages import resolve_lang
from ..progress import Progress, as_progress
from ..rules import AuditContext, Policy, load_policy, run_rules
from .anonymize import anonymize_graph, key_bytes, new_key
from .labels import report_labels
from .model import AuditReport
from .summary import collect_metrics, coverage_params, zone_summary

__all__ = ["audit", "audit_date"]


def audit(g, policy: str | Policy | None = None, as_of=None, lang: str | None = None,
          progress: bool | Progress | None = None, anonymize: bool = False,
          key: str | bytes | None = None, compare_to=None) -> AuditReport:
    """Audit a graph against a policy: every finding, a per-zone summary and the metrics.

    Every rule is evaluated on the graph as it stood on ``as_of``: only edges with
    ``start <= as_of <= end`` count (missing dates are open), except the ``team`` rule,
    which reads the full graph to tell an expired appointment from a missing one. The
    metric tables are computed on the same date.

    Parameters
    ----------
    g : LinkGraph
    policy : str, Path, Policy or None
        A policy TOML file, or a Policy; None uses the bundled default policy
        (:func:`partylinks.default_policy_path`).
    as_of : date-like or None
        The audit date (``"2025-06-30"``, ``"2025年6月30日"``, a Timestamp); None means
        today (local date). It is recorded in the report.
    lang : {"zh", "en"} or None
        Language of messages, suggestions and exported headers; None means the library's
        default (:func:`partylinks.messages.resolve_lang`: ``PARTYLINKS_LANG``, else zh).
    progress : bool or Progress, optional
        Report each phase (snapshot, each rule, metrics, summary) on stderr.
    anonymize : bool
        Replace cadre ids and names by keyed pseudonyms (HMAC-SHA256 of the cadre id, see
        :mod:`partylinks.report.anonymize`) everywhere in the report.
    key : str or bytes, optional
        The pseudonym key. When ``anonymize`` and no key is given, a random key is
        generated; the report keeps it and writes it beside the report file as
        ``<report>.key`` (mode 0600).
    compare_to : date-like, optional
        An earlier date: the report also holds ``comparison``, what changed from that
        date to ``as_of`` (:func:`partylinks.compare` on the same graph and policy).

    Returns
    -------
    AuditReport

    Examples
    --------
    >>> import partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")
    >>> r.as_of.date().isoformat(), r.counts
    ('2025-06-30', {'error': 1, 'warning': 3, 'info': 0})
    >>> r.findings[["rule", "severity", "node_id"]].head(2).values.tolist()
    [['isolated_units', 'error', 'A1'], ['council_composition', 'warning', 'W1']]
    """
    lang = resolve_lang(lang)
    prog = as_progress(progress)
    day = audit_date(as_of)
    pol = load_policy(policy)
    generated = False
    if anonymize:
        if key is None:
            key, generated = new_key(), True
        key_bytes(key)  # refuses an empty key; bytes keys stay bytes (never collapsed)
        with prog.phase("anonymize"):
            g = anonymize_graph(g, key, lang)
    with prog.phase("snapshot"):
        ctx = AuditContext(g, day, lang)
        n_ties = len(ctx.g.ties())
    findings, status = run_rules(ctx, pol, prog)
    with prog.phase("metrics"):
        metrics = collect_metrics(ctx, coverage_params(pol))
    with prog.phase("summary"):
        summary = zone_summary(ctx, findings, metrics, lang)
        labels = report_labels(g, [findings, *(t for k, t in metrics.items()
                                               if k != "tie_strength")])
    graph = {
        "source": str(g.provenance.get("source", "") or ""),
        "n_nodes": int(len(g.nodes)), "n_edges": int(len(g.edges)),
        "n_units": int(g.nodes["type"].isin(g.schema.unit_types).sum()), "n_ties": int(n_ties),
    }
    report = AuditReport(findings=findings, summary=summary, metrics=metrics, rules=status,
                       policy=pol, as_of=day, lang=lang, graph=graph,
                       anonymized=bool(anonymize), key=key if anonymize else None,
                       key_generated=generated, labels=labels)
    if compare_to is not None:
        from ..change import compare

        with prog.phase("compare"):
            report.comparison = compare(g, before=compare_to, after=day, policy=pol,
                                        lang=lang)
    return report
