"""Real-browser tests: headless Chromium (the Debian package) driven by Playwright.

They upload a sample, filter the findings, open the network view and click a unit, and
download the Excel report. Skipped, with the reason, where there is no browser.
"""

from __future__ import annotations

import io
import shutil
import socket
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from web_helpers import MISSING, SKIP_REASON

import partylinks as pl

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _why_not() -> str | None:
    if MISSING:
        return SKIP_REASON
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright; no browser download needed)"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


pytestmark = pytest.mark.skipif(_why_not() is not None, reason=str(_why_not()))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from partylinks.web import create_app

    app = create_app(lang="zh", root=tmp_path_factory.mktemp("web"))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(100):  # at most 10 s
        if srv.started:
            break
        time.sleep(0.1)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True, base_url=server,
                                  viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def upload_sample(page):
    folder = pl.datasets.sample_path("yongchun")
    page.goto("/")
    page.set_input_files("#files", [str(p) for p in sorted(folder.glob("*.csv"))])
    page.click("#upload")
    page.wait_for_url("**/audit")


def test_upload_and_filter_findings(page):
    upload_sample(page)
    assert "分片区概况" in page.content()
    total = page.locator("#findings tbody tr").count()
    assert total == 18
    page.select_option("#f-severity", "error")
    page.select_option("#f-zone", "桃城片区")
    page.click("#apply-filters")
    page.wait_for_url("**severity=error**")
    rows = page.locator("#findings tbody tr")
    report = pl.audit(pl.datasets.load_sample("yongchun"), as_of="2025-06-30")
    f = report.findings
    want = int(((f["severity"] == "error") & (f["zone"] == "桃城片区")).sum())
    assert rows.count() == want < total
    for i in range(rows.count()):
        assert rows.nth(i).locator("td").nth(1).inner_text() == "桃城片区"


def test_network_view_click_a_unit(page, server):
    upload_sample(page)
    urls = []
    page.on("request", lambda req: urls.append(req.url))
    page.goto("/network")
    page.wait_for_selector("#network[data-ready='1']")
    assert page.locator("#network canvas").count() == 1
    # search and select an isolated unit: its panel says it has no tie
    page.fill("#search", "永春嘉润纺织有限公司")
    page.click("#search-button")
    page.wait_for_function("document.getElementById('panel-body').dataset.unit === 'Y-E013'")
    panel = page.inner_text("#panel")
    assert "永春嘉润纺织有限公司" in panel and "没有任何跨组织联系" in panel
    # a real click on the canvas, at the drawn position of another unit
    pos = page.evaluate("""() => {
        const net = window.partylinksNetwork;
        const id = 'Y-A20';
        net.moveTo({position: net.getPosition(id), scale: 1.0});
        const p = net.canvasToDOM(net.getPosition(id));
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y};
    }""")
    page.wait_for_timeout(300)
    page.mouse.click(pos["x"], pos["y"])
    page.wait_for_function("document.getElementById('panel-body').dataset.unit === 'Y-A20'")
    assert "县科学技术协会" in page.inner_text("#panel")
    assert "曹玲俊" in page.inner_text("#panel")
    # everything the page needs comes from this computer: no CDN
    assert urls and all(u.startswith(server) or u.startswith("data:") for u in urls), urls


def test_download_the_excel(page, tmp_path):
    upload_sample(page)
    page.goto("/downloads")
    with page.expect_download() as info:
        page.click("#dl-xlsx")
    path = tmp_path / "report.xlsx"
    info.value.save_as(path)
    sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    assert len(sheets) > 3
    findings = [df for name, df in sheets.items() if "问题" in name]
    assert findings and len(findings[0]) >= 18


def test_pseudonymise_switch_changes_the_links(page):
    upload_sample(page)
    page.goto("/downloads")
    assert "anonymize" not in page.get_attribute("#dl-json", "href")
    page.check("#anonymize")
    assert page.get_attribute("#dl-json", "href").endswith("&anonymize=1")
    with page.expect_download() as info:
        page.click("#dl-json")
    data = io.BytesIO(Path(info.value.path()).read_bytes())
    assert b'"anonymized": true' in data.getvalue()
