"""Time the web app on a synthetic region: upload, audit page, network view, Excel download.

Generates a region with ``pl.datasets.synthetic`` sized to about UNITS units (communities,
parks, enterprises, agencies, councils, projects, grids; cadres and branches come on top),
writes it as CSV, starts the app on 127.0.0.1 with uvicorn, and times with an HTTP client,
as a browser would ask:

- upload: POST the three CSV files (read, validate, project) and follow to the audit page
  (the full audit with every rule, the summary and the findings table);
- network: the network page and its data for one zone (above 2,000 units the view shows
  one zone at a time), with the number of units and pairs drawn;
- excel: the Excel report download.

Run::

    python benchmarks/bench_web.py                 # about 10,000 units
    python benchmarks/bench_web.py --units 2000

Not a test: it prints a table. The target is upload + audit under 10 s.
"""

from __future__ import annotations

import argparse
import re
import socket
import tempfile
import threading
import time
from pathlib import Path

import partylinks as pl

UNIT_SHARE = 0.147  # units per node in the synthetic region (the rest: cadres and branches)


def start(root: Path):
    import uvicorn

    from partylinks.web import create_app

    app = create_app(root=root, max_upload_mb=500)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{sock.getsockname()[1]}"


def browser_times(url: str, session: str | None):
    """Seconds to draw the network page in headless Chromium, and to zoom and click a unit;
    None when Playwright or Chromium is missing."""
    import shutil

    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None or session is None:
        return None
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"]
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=args)
        ctx = b.new_context(viewport={"width": 1280, "height": 900})
        ctx.add_cookies([{"name": "partylinks_session", "value": session, "url": url}])
        page = ctx.new_page()
        t = time.perf_counter()
        page.goto(url + "/network")
        page.wait_for_selector("#network[data-ready='1']", timeout=120_000)
        page.wait_for_function("document.getElementById('network-status').textContent !== ''")
        drawn = time.perf_counter() - t
        t = time.perf_counter()
        page.evaluate("""() => {
            const net = window.partylinksNetwork; const id = net.body.nodeIndices[0];
            net.moveTo({position: net.getPosition(id), scale: 2.0});
            net.selectNodes([id]); return id; }""")
        box = page.locator("#network canvas").bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_function("document.getElementById('panel-body').dataset.unit")
        click = time.perf_counter() - t
        b.close()
    return drawn, click


def main(argv=None) -> None:
    import httpx

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    n_nodes = int(round(args.units / UNIT_SHARE, -3))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        region = pl.datasets.synthetic(n_nodes, seed=args.seed)
        paths = region.write(tmp / "data")
        csvs = [p for p in paths if p.suffix == ".csv"]
        size = sum(p.stat().st_size for p in csvs) / 1e6
        server, thread, url = start(tmp)
        rows = []
        try:
            with httpx.Client(base_url=url, timeout=120, headers={"origin": url}) as c:
                token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/").text)[1]
                files = [("files", (p.name, p.read_bytes(), "text/csv")) for p in csvs]
                t = time.perf_counter()
                r = c.post("/upload", data={"csrf_token": token}, files=files,
                           follow_redirects=True)
                upload = time.perf_counter() - t
                assert r.status_code == 200 and "/audit" in str(r.url), r.status_code
                n_findings = r.text.count('<tr class="sev-')
                t = time.perf_counter()
                c.get("/audit", params={"severity": "error"})
                filt = time.perf_counter() - t
                t = time.perf_counter()
                c.get("/network")
                data = c.get("/network.json").json()
                net = time.perf_counter() - t
                browser = browser_times(url, c.cookies.get("partylinks_session"))
                t = time.perf_counter()
                x = c.get("/download/xlsx")
                excel = time.perf_counter() - t
                assert x.status_code == 200
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    units = data["units"]
    print(f"synthetic region: {n_nodes:,} nodes, {len(region.edges):,} edges, {units:,} units, "
          f"{size:.1f} MB of CSV")
    rows = [("upload + validate + audit page", upload, f"{n_findings} findings shown"),
            ("findings filtered (cached audit)", filt, ""),
            ("network view, one zone", net, f"zone {data['zone']}: {len(data['nodes'])} units, "
             f"{len(data['edges'])} pairs"),
            ("Excel report download", excel, f"{len(x.content) / 1e6:.1f} MB")]
    if browser:
        rows += [("network view drawn in Chromium", browser[0], "page load to laid out"),
                 ("zoom + click a unit in Chromium", browser[1], "panel shows its ties")]
    for name, sec, note in rows:
        print(f"  {name:<34} {sec:6.2f} s  {note}")
    verdict = "met" if upload < 10 else "MISSED"
    print(f"target upload + audit < 10 s: {verdict} ({upload:.2f} s)")


if __name__ == "__main__":
    main()
