"""The scale benchmark: a synthetic region audited end to end by partylinks, next to the
same audit written with networkx and to igraph on the unit graph.

Run from the repository root (``pip install -e ".[bench]"`` first, for igraph)::

    python benchmarks/bench_audit.py --nodes 100000 1000000

For each size it generates the data once (``partylinks generate``, cached under
``benchmarks/data/``, which git ignores) and runs every system in its **own process**:

- **partylinks**: ``pl.load`` (read the CSVs, validate, build the graph, project) and
  ``pl.audit`` with the default policy (every rule and every metric table), then the
  findings written as CSV; each phase timed (``Progress.times`` plus timers here). Then,
  on a fresh snapshot whose unit graph is already built, ``components``, ``bridges`` and
  ``articulation_units`` each from a cold cache, for the comparison with igraph.
- **networkx** (``baseline_networkx.py``): the obvious audit, stopped at ``--nx-limit``
  seconds (it reports how far it got) or at ``--nx-memory`` GB of address space.
- **igraph** (``baseline_igraph.py``): components, bridges and articulation points of the
  very unit graph partylinks built (saved by the partylinks run).

**Peak memory** is the peak resident set size of each worker process, read by the worker
itself from ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` (Linux reports KiB). A fresh
process per system and size keeps the figures apart: ``RUSAGE_CHILDREN`` in this parent
would give the largest peak of *all* children waited for so far, not one system's. The
partylinks figure is read right after the findings are written (end to end) and again
at the end of the worker.

It prints one table (phase x system x size: seconds, peak MB, ratios), checks that the
three systems agree on the counts (components, bridges, articulation points, isolated
units), that the networkx baseline's metric tables and findings agree with partylinks' table
by table (rows and totals of every ``report.metrics`` table, findings per rule: equal work)
and that partylinks finds exactly the planted weak spots, and writes everything,
with the machine's CPU model and core count, to ``benchmarks/results/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
RESULTS = HERE / "results"
AS_OF = "2025-06-30"
SYSTEMS = ("partylinks", "networkx", "igraph")


def peak_mb() -> float:
    """Peak resident set size of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Recorder:
    """Collects a worker's phases and counts and rewrites its JSON file after each one."""

    def __init__(self, path: Path, system: str):
        self.path = path
        self.res = {"system": system, "status": "running", "phases": {}, "counts": {},
                    "peak_mb": 0.0}
        self.current = None

    def __call__(self, phase: str, seconds: float, counts: dict | None = None) -> None:
        self.res["phases"][phase] = round(seconds, 3)
        self.res["counts"].update(counts or {})
        self.save()

    def save(self) -> None:
        self.res["peak_mb"] = round(peak_mb(), 1)
        self.path.write_text(json.dumps(self.res, indent=1))


# -- workers (each in its own process) -----------------------------------------------------

def worker_partylinks(data: Path, rec: Recorder, as_of: str) -> None:
    import numpy as np

    import partylinks as pl
    from partylinks.graph.unitgraph import unit_graph
    from partylinks.progress import Progress

    t0 = time.perf_counter()
    prog = Progress(enabled=True)  # stderr goes to the log: what a user sees
    g = pl.load(data, progress=prog)
    load_s = time.perf_counter() - t0
    for k in ("read", "validate", "project"):
        rec(k, prog.times[k])
    rec("build graph", load_s - sum(prog.times[k] for k in ("read", "validate", "project")))
    t = time.perf_counter()
    aprog = Progress(enabled=True)
    report = pl.audit(g, as_of=as_of, progress=aprog)
    audit_s = time.perf_counter() - t
    rules = {k[5:]: v for k, v in aprog.times.items() if k.startswith("rule ")}
    rec.res["rules"] = {k: round(v, 3) for k, v in sorted(rules.items(), key=lambda x: -x[1])}
    rec("snapshot", aprog.times.get("snapshot", 0.0))
    rec("rules", sum(rules.values()))
    rec("metrics", aprog.times.get("metrics", 0.0))
    rec("summary", audit_s - sum(rules.values()) - aprog.times.get("snapshot", 0.0)
        - aprog.times.get("metrics", 0.0))
    t = time.perf_counter()
    report.to_csv(data / "findings_partylinks.csv")
    rec("write findings", time.perf_counter() - t)
    rec.res["end_to_end"] = round(time.perf_counter() - t0, 3)
    rec.res["peak_mb_end_to_end"] = round(peak_mb(), 1)
    f = report.findings
    by_rule = f.groupby("rule").size()
    detail = f["detail"]
    kp = f[f["rule"] == "key_persons"]
    rec.res["counts"].update({
        "findings": len(f),
        "isolated_findings": int(by_rule.get("isolated_units", 0)),
        "fragile_by_cadre": int(by_rule.get("fragile_units", 0)),
        "key_persons": int(sum(d.get("n_isolated", 0) > 0 for d in detail[kp.index])),
        "one_way": int(by_rule.get("mutual_appointments", 0)),
        "incomplete_teams": int(f.loc[f["rule"] == "project_team", "node_id"].nunique()),
    })
    rec.res["findings_by_rule"] = {k: int(v) for k, v in by_rule.items()}
    rec.res["counts"].update(table_counts(report.metrics))
    rec.res["counts"].update({f"rule_{k}": int(v) for k, v in by_rule.items()})

    # components, bridges and articulation from a cold cache (the unit graph prebuilt)
    snap = g.at(as_of)
    t = time.perf_counter()
    ug = unit_graph(snap)
    rec("unit graph", time.perf_counter() - t, {"units": ug.n, "pairs": len(ug.pairs)})
    np.savez(data / "unit_pairs.npz", n=ug.n, a=ug.pairs["a"].to_numpy(),
             b=ug.pairs["b"].to_numpy())

    def cold(name, fn, key):
        for k in [k for k in snap.cache if k != "unit_graph"]:
            del snap.cache[k]
        t = time.perf_counter()
        out = fn(snap)
        rec(name, time.perf_counter() - t, {key: out})

    cold("isolated and fragile", lambda s: len(pl.metrics.isolated_units(s)), "isolated")
    cold("components", lambda s: int(pl.metrics.components(s).nunique()), "components")
    cold("bridges", lambda s: len(pl.metrics.bridges(s)), "bridges")
    cold("articulation points", lambda s: len(pl.metrics.articulation_units(s)),
         "articulation_points")
    # the algorithm alone (both answers from one pass), without building the tables
    from partylinks.metrics._biconnected import analyze

    t = time.perf_counter()
    bc = analyze(ug.adj)
    rec("bridges + articulation (algorithm)", time.perf_counter() - t,
        {"bridges_algorithm": int(bc.is_bridge.sum()),
         "articulation_algorithm": int((bc.blocks >= 2).sum())})


def table_counts(m: dict) -> dict:
    """Rows and totals of every metric table of ``report.metrics``: the figures the
    networkx baseline must reproduce (same keys as ``baseline_networkx.py`` reports)."""
    kp, zones, st, sc, cov = (m["key_person"], m["zones"], m["tie_strength"], m["score"],
                              m["coverage"])
    return {
        "t_isolated_rows": len(m["isolated"]), "t_fragile_rows": len(m["fragile"]),
        "t_key_person_rows": len(kp), "t_key_person_isolated": int(kp["n_isolated"].sum()),
        "t_key_person_added": int(kp["components_added"].sum()),
        "t_components_rows": len(m["components"]),
        "t_components_councils": int(m["components"]["has_council"].sum()),
        "t_zones_rows": len(zones), "t_zones_components": int(zones["components"].sum()),
        "t_zones_reach": int(zones[["community_park", "community_enterprise",
                                    "park_enterprise"]].to_numpy().sum()),
        "t_bridges_rows": len(m["bridges"]), "t_bridges_ties": int(m["bridges"]["n_ties"].sum()),
        "t_tie_strength_rows": len(st), "t_tie_strength_activity": int(st["activity"].sum()),
        "t_tie_strength_mean": round(float(st["strength"].mean()), 4),
        "t_score_rows": len(sc), "t_score_mean": round(float(sc["score"].mean()), 4),
        "t_score_on_bridge": int(sc["on_bridge"].sum()),
        "t_coverage_rows": len(cov), "t_coverage_own": int(cov["own"].sum()),
        "t_coverage_joint": int(cov["joint"].sum()),
        "t_coverage_instructor": int(cov["instructor"].sum()),
    }


def worker_networkx(data: Path, rec: Recorder, as_of: str) -> None:
    sys.path.insert(0, str(HERE))
    import baseline_networkx

    baseline_networkx.run(data, as_of, rec)
    rec.res["end_to_end"] = round(sum(rec.res["phases"].values()), 3)


def worker_igraph(data: Path, rec: Recorder, as_of: str) -> None:
    sys.path.insert(0, str(HERE))
    import baseline_igraph

    baseline_igraph.run(data / "unit_pairs.npz", rec)


def run_worker(args) -> int:
    rec = Recorder(Path(args.result), args.worker)
    fn = {"partylinks": worker_partylinks, "networkx": worker_networkx,
          "igraph": worker_igraph}[args.worker]
    if args.limit:
        def stop(signum, frame):
            raise TimeoutError(f"time limit of {args.limit:.0f} s")
        signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, args.limit)
    if args.memory:
        cap = int(args.memory * 2 ** 30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        fn(Path(args.data), rec, args.as_of)
        rec.res["status"] = "ok"
    except (TimeoutError, MemoryError) as exc:
        done = list(rec.res["phases"])
        rec.res["status"] = (f"stopped after {done[-1] if done else 'nothing'}: "
                             f"{type(exc).__name__} {exc}")
    rec.save()
    return 0


# -- the driver ----------------------------------------------------------------------------

def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30, 1)
    except (ValueError, OSError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem,
            "python": platform.python_version(), "platform": platform.platform()}


def versions() -> dict:
    out = {}
    for name in ("partylinks", "numpy", "scipy", "pandas", "pyarrow", "networkx", "igraph"):
        try:
            out[name] = __import__(name).__version__
        except ImportError:
            out[name] = None
    return out


def ensure_data(n: int, seed: int, fmt: str) -> tuple[Path, dict, float | None]:
    folder = DATA / f"n{n}_seed{seed}_{fmt}"
    planted = folder / "planted.json"
    if planted.exists():
        return folder, json.loads(planted.read_text("utf-8")), None
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "partylinks.cli", "generate", "--nodes", str(n),
                    "--seed", str(seed), "--out", str(folder), "--format", fmt],
                   check=True, stdout=subprocess.DEVNULL)
    return folder, json.loads(planted.read_text("utf-8")), time.perf_counter() - t


def launch(system: str, folder: Path, as_of: str, limit: float | None,
           memory: float | None) -> dict:
    result = folder / f"result_{system}.json"
    result.unlink(missing_ok=True)
    cmd = [sys.executable, __file__, "--worker", system, "--data", str(folder),
           "--result", str(result), "--as-of", as_of]
    if limit:
        cmd += ["--limit", str(limit)]
    if memory:
        cmd += ["--memory", str(memory)]
    load_before = os.getloadavg()
    t = time.perf_counter()
    with open(folder / f"{system}.log", "w") as log:
        try:
            proc = subprocess.run(cmd, stdout=log, stderr=log,
                                  timeout=(limit + 120) if limit else None)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            code = "killed"
    wall = time.perf_counter() - t
    res = (json.loads(result.read_text()) if result.exists()
           else {"system": system, "phases": {}, "counts": {}, "peak_mb": None})
    if code != 0:
        res["status"] = f"worker exit {code} (see {folder / (system + '.log')})"
    res["process_wall"] = round(wall, 2)
    res["load_average"] = {"before": [round(x, 2) for x in load_before],
                           "after": [round(x, 2) for x in os.getloadavg()]}
    return res


ROWS = ["read", "validate", "build graph", "project", "snapshot", "rules", "metrics",
        "summary", "write findings", "metrics: key persons", "metrics: components and zones",
        "metrics: bridges, strength, score", "END TO END", "unit graph", "isolated and fragile",
        "components", "bridges", "articulation points", "bridges + articulation (algorithm)"]
CHECKS = [("components", "components"), ("bridges", "bridges"),
          ("articulation_points", "articulation_points"), ("isolated", "isolated_units")]


def _fmt(x, nd=2) -> str:
    return "-" if x is None else f"{x:.{nd}f}"


def table(runs: list[dict]) -> str:
    head = (f"{'nodes':>9} {'phase':<34} {'partylinks s':>12} {'networkx s':>11} "
            f"{'igraph s':>9} {'nx/pl':>7} {'pl/igraph':>9}")
    lines = [head, "-" * len(head)]
    for run in runs:
        r = run["systems"]
        for row in ROWS:
            vals = {}
            for s in SYSTEMS:
                res = r.get(s) or {}
                ph = res.get("phases", {})
                if row == "END TO END":
                    v = res.get("end_to_end")
                    if s == "networkx" and res.get("status") != "ok":
                        v = None
                else:
                    v = ph.get(row)
                vals[s] = v
            if all(v is None for v in vals.values()):
                continue
            pl_, nx_, ig = vals["partylinks"], vals["networkx"], vals["igraph"]
            lines.append(
                f"{run['nodes']:>9} {row:<34} {_fmt(pl_):>12} {_fmt(nx_):>11} {_fmt(ig, 3):>9}"
                f" {_fmt(nx_ / pl_ if nx_ and pl_ else None, 1):>7}"
                f" {_fmt(pl_ / ig if ig and pl_ else None, 1):>9}")
        peaks = [(r.get(s) or {}).get("peak_mb_end_to_end", (r.get(s) or {}).get("peak_mb"))
                 for s in SYSTEMS]
        lines.append(f"{run['nodes']:>9} {'peak RSS MB':<34} {_fmt(peaks[0], 0):>12} "
                     f"{_fmt(peaks[1], 0):>11} {_fmt(peaks[2], 0):>9}")
        nx_status = (r.get("networkx") or {}).get("status")
        if nx_status and nx_status != "ok":
            lines.append(f"{'':>9} networkx: {nx_status}")
        lines.append("")
    return "\n".join(lines)


def checks(run: dict) -> list[str]:
    out = []
    r, planted = run["systems"], run["planted"]
    for key, _ in CHECKS:
        got = {s: (r.get(s) or {}).get("counts", {}).get(key) for s in SYSTEMS}
        known = {s: v for s, v in got.items() if v is not None}
        ok = len(set(known.values())) <= 1
        if key == "isolated":
            ok &= known.get("partylinks") == planted["isolated_units"]
        if key == "components":
            ok &= known.get("partylinks") == planted["components"]
        out.append(f"{'ok ' if ok else 'MISMATCH'} {key}: {known}")
    pl_counts = (r.get("partylinks") or {}).get("counts", {})
    for key, pkey in (("isolated_findings", "isolated_units"),
                      ("fragile_by_cadre", "fragile_by_cadre"), ("key_persons", "key_persons"),
                      ("one_way", "one_way_pairs"), ("incomplete_teams", "incomplete_teams")):
        got = pl_counts.get(key)
        nx_got = (r.get("networkx") or {}).get("counts", {}).get(
            {"isolated_findings": "isolated"}.get(key, key))
        ok = got == planted[pkey] and nx_got in (None, planted[pkey])
        out.append(f"{'ok ' if ok else 'MISMATCH'} planted {pkey} = {planted[pkey]}: "
                   f"partylinks {got}, networkx {nx_got}")
    # equal work: every metric table and every rule, table by table
    nx_counts = (r.get("networkx") or {}).get("counts", {})
    keys = sorted(k for k in set(pl_counts) | set(nx_counts)
                  if k.startswith(("t_", "rule_")))
    for key in keys:
        a, b = pl_counts.get(key), nx_counts.get(key)
        if b is None and (r.get("networkx") or {}).get("status") != "ok":
            continue  # the networkx run stopped before this table
        ok = a == b or (a is None and b == 0) or (b is None and a == 0)
        out.append(f"{'ok ' if ok else 'MISMATCH'} table {key}: partylinks {a}, networkx {b}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--format", choices=["csv", "parquet"], default="csv")
    ap.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    ap.add_argument("--nx-limit", type=float, default=600.0,
                    help="seconds before the networkx run is stopped (default 600)")
    ap.add_argument("--nx-memory", type=float, default=12.0,
                    help="GB of address space the networkx run may use (default 12)")
    ap.add_argument("--as-of", default=AS_OF)
    ap.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--memory", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return run_worker(args)

    runs = []
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    for n in args.nodes:
        folder, planted, gen_s = ensure_data(n, args.seed, args.format)
        print(f"[bench] {n} nodes: {planted['counts']['edges']} edges"
              + (f" (generated in {gen_s:.1f} s)" if gen_s else " (cached)"), flush=True)
        systems = {}
        for s in ("partylinks", "igraph", "networkx"):
            if s not in args.systems or (s == "igraph" and "partylinks" not in systems):
                continue
            limit = args.nx_limit if s == "networkx" else None
            memory = args.nx_memory if s == "networkx" else None
            systems[s] = launch(s, folder, args.as_of, limit, memory)
            print(f"[bench]   {s}: {systems[s].get('status')} in "
                  f"{systems[s]['process_wall']:.1f} s", flush=True)
        runs.append({"nodes": n, "edges": planted["counts"]["edges"], "seed": args.seed,
                     "format": args.format, "planted": {k: v for k, v in planted.items()
                                                        if k not in ("ids", "undated")},
                     "systems": systems})
    print()
    print(table(runs))
    summary = {}
    for run in runs:
        for line in checks(run):
            print(f"{run['nodes']:>9} {line}")
        r = run["systems"]
        pl_ = (r.get("partylinks") or {}).get("end_to_end")
        nx_ = r.get("networkx") or {}
        if pl_ and nx_.get("status") == "ok":
            summary[f"nx_over_pl_{run['nodes']}"] = round(nx_["end_to_end"] / pl_, 1)
    e2e = {run["nodes"]: (run["systems"].get("partylinks") or {}).get("end_to_end")
           for run in runs}
    sizes = sorted(k for k, v in e2e.items() if v)
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        summary[f"time_{hi}_over_{lo}"] = round(e2e[hi] / e2e[lo], 2)
        print(f"\npartylinks end to end: time({hi}) / time({lo}) = {e2e[hi] / e2e[lo]:.2f} "
              f"for {hi / lo:.0f}x the nodes")
    print(f"machine: {machine()}; load average now {os.getloadavg()[0]:.2f} "
          "(each worker's before/after is in the JSON)")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"bench_audit_{time.strftime('%Y%m%d_%H%M%S')}.json"
    out.write_text(json.dumps({
        "command": "python benchmarks/bench_audit.py " + " ".join(argv or sys.argv[1:]),
        "started": started, "as_of": args.as_of, "machine": machine(),
        "versions": versions(), "summary": summary, "runs": runs}, indent=1,
        ensure_ascii=False))
    print(f"results: {out.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
