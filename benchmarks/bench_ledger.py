"""How fast a ledger (台账) workbook loads, against the same data as CSV.

For each size, a synthetic region (``pl.datasets.synthetic``) is written three ways:

- ``ledger.xlsx``: the office layout, one sheet per kind, by name, no ids
  (``data/make_ledger_sample.py``'s converter);
- ``ledger_csv/``: the same sheets, one UTF-8 CSV file each (the same ledger, read as text);
- ``tables/``: the node/edge CSV tables the region was generated as.

Each is loaded by ``pl.load`` in a fresh process (time and peak RSS of the process), and the
workbook's cells are also read alone (python-calamine) against pandas reading the same sheets
as CSV. Figures are printed with the load average; ratios are within one run.

    python benchmarks/bench_ledger.py --nodes 20000 100000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time, warnings
t0 = time.perf_counter()
kind, path = sys.argv[1], sys.argv[2]
if kind == "load":
    import partylinks as pl
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = pl.load(path)
    out = {"nodes": int(g.n_nodes), "edges": int(len(g.edges)),
           "errors": int((g.issues["severity"] == "error").sum())}
elif kind == "cells":
    from partylinks.graph.ledger.cells import read_grids
    grids = read_grids(path)
    out = {"cells": sum(len(r) for g in grids for r in g.rows)}
elif kind == "csv":
    import pathlib, pandas as pd
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False)
              for f in sorted(pathlib.Path(path).glob("*.csv"))]
    out = {"cells": sum(f.size + len(f.columns) for f in frames)}
out["seconds"] = time.perf_counter() - t0
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def _run(kind: str, path: Path) -> dict:
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", _CHILD, kind, str(path)], capture_output=True,
                       text=True, cwd=ROOT)
    if r.returncode:
        raise RuntimeError(r.stderr[-2000:])
    out = json.loads(r.stdout.strip().splitlines()[-1])
    out["process_seconds"] = time.perf_counter() - t0
    return out


def write_region(n: int, seed: int, folder: Path) -> dict:
    """Write the three editions of a synthetic region; return their row counts."""
    import pandas as pd
    from openpyxl import Workbook

    import partylinks as pl

    sys.path.insert(0, str(ROOT / "data"))
    from make_ledger_sample import build_sheets

    region = pl.datasets.synthetic(n, seed=seed)
    tables = folder / "tables"
    tables.mkdir(parents=True)
    region.nodes.to_csv(tables / "nodes.csv", index=False)
    region.edges.to_csv(tables / "edges.csv", index=False)
    region.events.to_csv(tables / "events.csv", index=False)
    sheets = build_sheets(tables)
    wb = Workbook(write_only=True)
    csv_dir = folder / "ledger_csv"
    csv_dir.mkdir()
    rows = 0
    for title, (headers, body) in sheets.items():
        ws = wb.create_sheet(title)
        ws.append(headers)
        for row in body:
            ws.append([v if v not in ("", "nan") else None for v in row])
        rows += len(body)
        pd.DataFrame(body, columns=headers).replace("nan", "").to_csv(
            csv_dir / f"{title}.csv", index=False)
    wb.save(folder / "ledger.xlsx")
    return {"ledger_rows": rows, "sheets": len(sheets)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, nargs="+", default=[20000, 100000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = ap.parse_args(argv)
    results = []
    for n in args.nodes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            info = write_region(n, args.seed, folder)
            load_before = os.getloadavg()[0]
            res = {"nodes": n, **info,
                   "xlsx_mb": round((folder / "ledger.xlsx").stat().st_size / 2**20, 1),
                   "load_xlsx": _run("load", folder / "ledger.xlsx"),
                   "load_ledger_csv": _run("load", folder / "ledger_csv"),
                   "load_tables_csv": _run("load", folder / "tables"),
                   "cells_xlsx": _run("cells", folder / "ledger.xlsx"),
                   "cells_csv": _run("csv", folder / "ledger_csv"),
                   "loadavg": [round(load_before, 2), round(os.getloadavg()[0], 2)]}
        lx, lc, lt = (res[k]["process_seconds"] for k in
                      ("load_xlsx", "load_ledger_csv", "load_tables_csv"))
        cx, cc = res["cells_xlsx"]["seconds"], res["cells_csv"]["seconds"]
        print(f"{n:>9,} nodes  {info['ledger_rows']:>9,} ledger rows in {info['sheets']} sheets "
              f"({res['xlsx_mb']} MB xlsx), load average {res['loadavg']}")
        print(f"  pl.load ledger .xlsx      {lx:7.2f} s  peak {res['load_xlsx']['peak_mb']:7.0f} MB"
              f"  errors {res['load_xlsx']['errors']}")
        print(f"  pl.load ledger as CSV     {lc:7.2f} s  peak "
              f"{res['load_ledger_csv']['peak_mb']:7.0f} MB   xlsx/CSV = {lx / lc:.2f}")
        print(f"  pl.load node/edge CSV     {lt:7.2f} s  peak "
              f"{res['load_tables_csv']['peak_mb']:7.0f} MB   ledger xlsx/tables = {lx / lt:.2f}")
        print(f"  cells: calamine .xlsx     {cx:7.2f} s   pandas CSV {cc:.2f} s   ratio "
              f"{cx / cc:.2f}")
        results.append(res)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d_%H%M%S")
    (args.out / f"bench_ledger_{stamp}.json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
