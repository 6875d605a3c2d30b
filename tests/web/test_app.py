"""HTTP-level tests of every page and download of the web app (Starlette TestClient)."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest
from web_helpers import MISSING, SKIP_REASON, csrf_of

import partylinks as pl

pytestmark = pytest.mark.skipif(bool(MISSING), reason=SKIP_REASON)


def sample_files(name="yongchun"):
    folder = pl.datasets.sample_path(name)
    return [("files", (p.name, p.read_bytes(), "text/csv")) for p in sorted(folder.glob("*.csv"))]


# -- pages ---------------------------------------------------------------------------------
def test_start_page_is_chinese_and_offers_the_samples(client):
    r = client.get("/")
    assert r.status_code == 200
    assert "导入台账或数据表" in r.text and "yongchun" in r.text
    assert "尚未导入数据" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_english_is_switchable_and_remembered(client):
    r = client.get("/?lang=en")
    assert "Bring your ledger or tables" in r.text
    assert "Bring your ledger or tables" in client.get("/").text


def test_pages_without_data_say_so(client):
    for url in ("/audit", "/network", "/downloads", "/download/xlsx"):
        r = client.get(url)
        assert r.status_code == 409, url
        assert "尚未导入数据" in r.text
        assert "Traceback" not in r.text


def test_sample_then_audit_page(sample_client):
    r = sample_client.get("/audit")
    assert r.status_code == 200
    assert "2025-06-30" in r.text                     # the sample's reference date
    assert "分片区概况" in r.text and "桃城片区" in r.text
    assert "错误 6 条" in r.text
    assert "names-pending" not in r.text
    assert ">isolated_units<" not in r.text            # rules by name, not by id
    assert pl.report.rule_name("isolated_units", "isolated", "zh") in r.text
    assert "93.3%" in r.text                           # shares as percentages
    assert r.text.count('<tr class="sev-') == 18


def test_findings_filter_by_zone_severity_and_rule(sample_client):
    report = pl.audit(pl.datasets.load_sample("yongchun"), as_of="2025-06-30")
    f = report.findings
    want = f[(f["zone"] == "桃城片区") & (f["severity"] == "warning")]
    r = sample_client.get("/audit", params={"zone": "桃城片区", "severity": "warning"})
    assert r.text.count('<tr class="sev-warning">') == len(want) > 0
    assert '<tr class="sev-error">' not in r.text
    rule = f["rule"].iloc[0]
    r = sample_client.get("/audit", params={"rule": rule})
    assert r.text.count('<tr class="sev-') == int((f["rule"] == rule).sum())
    assert f["suggestion"].iloc[0] in sample_client.get("/audit").text


def test_audit_date_changes_the_audit_and_a_bad_date_is_a_message(sample_client):
    r = sample_client.get("/audit", params={"as_of": "2024-06-30"})
    assert 'value="2024-06-30"' in r.text
    r = sample_client.get("/audit", params={"as_of": "not a date"})
    assert r.status_code == 400 and "无法识别日期" in r.text and "Traceback" not in r.text


def test_charts_are_png(sample_client):
    for kind in ("coverage", "score"):
        r = sample_client.get(f"/chart/{kind}.png")
        assert r.status_code == 200 and r.content[:4] == b"\x89PNG"
    assert sample_client.get("/chart/other.png").status_code == 404


def test_network_page_and_data(sample_client):
    r = sample_client.get("/network")
    assert r.status_code == 200 and "vis-network.min.js" in r.text
    data = sample_client.get("/network.json").json()
    from partylinks.web.adapters import unit_count

    assert len(data["nodes"]) == unit_count(pl.datasets.load_sample("yongchun")) == 102
    weak = {n["id"]: n["weak"] for n in data["nodes"]}
    assert weak["Y-E013"] == "isolated"
    assert any(e["bridge"] for e in data["edges"])
    one = sample_client.get("/network.json", params={"zone": "桃城片区"}).json()
    assert {n["zone"] for n in one["nodes"]} == {"桃城片区"}
    r = sample_client.get("/network", params={"zone": "no such zone"})
    assert r.status_code == 400 and "没有片区" in r.text


def test_large_regions_are_shown_one_zone_at_a_time():
    from partylinks.web.network import network_data

    g = pl.datasets.load_sample("yongchun")
    report = pl.audit(g, as_of="2025-06-30")
    d = network_data(g, report, limit=50)
    assert d["zone_forced"] and d["zone"] == d["zones"][0]
    assert {n["zone"] for n in d["nodes"]} == {d["zone"]} and len(d["nodes"]) < 50
    assert not network_data(g, report)["zone_forced"]
    shown = {n["id"] for n in d["nodes"]}
    assert all(e["from"] in shown and e["to"] in shown for e in d["edges"])
    with pytest.raises(KeyError):
        network_data(g, report, zone="no such zone")


def test_vendor_script_and_license_are_served(client):
    r = client.get("/static/vendor/vis-network/vis-network.min.js")
    assert r.status_code == 200 and len(r.content) > 100_000
    assert client.get("/static/vendor/vis-network/LICENSE-MIT").status_code == 200


# -- downloads -----------------------------------------------------------------------------
def test_excel_download_has_the_findings(sample_client):
    r = sample_client.get("/download/xlsx")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert "attachment" in r.headers["content-disposition"]
    sheets = pd.read_excel(io.BytesIO(r.content), sheet_name=None, engine="openpyxl")
    assert len(sheets) > 3


def test_html_and_json_downloads(sample_client):
    r = sample_client.get("/download/html")
    assert r.status_code == 200 and "<html" in r.text.lower()
    doc = json.loads(sample_client.get("/download/json").content)
    assert doc["format"] == "partylinks-audit" and doc["as_of"].startswith("2025-06-30")


def test_downloads_page_lists_what_the_report_offers(sample_client):
    r = sample_client.get("/downloads")
    assert "dl-xlsx" in r.text and "dl-json" in r.text
    report = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    if not hasattr(report, "to_docx"):
        assert "dl-docx" not in r.text
        assert sample_client.get("/download/docx").status_code == 404
    else:
        d = sample_client.get("/download/docx")
        assert d.status_code == 200 and d.content[:2] == b"PK"


def test_rectification_lists_zip_when_available(sample_client):
    from partylinks.web import adapters

    report = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    r = sample_client.get("/download/zip")
    if adapters.report_formats(report)["zip"]:
        assert r.status_code == 200
        assert zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    else:
        assert r.status_code == 404


def test_pseudonymised_download_hides_cadre_names(sample_client):
    g = pl.datasets.load_sample("yongchun")
    names = set(g.nodes.loc[g.nodes["type"] == "cadre", "name"])
    plain = sample_client.get("/download/json").content.decode("utf-8")
    anon = sample_client.get("/download/json", params={"anonymize": "1"}).content.decode()
    assert json.loads(anon)["anonymized"] is True
    assert any(n in plain for n in names)
    assert not any(n in anon for n in names)
    key = sample_client.get("/download/key")
    assert key.status_code == 200 and len(key.content.strip()) >= 16


# -- bringing and fixing data ----------------------------------------------------------------
def test_upload_tables_loads_and_audits(client):
    r = client.post("/upload", data={"csrf_token": client.csrf}, files=sample_files())
    assert r.status_code == 200 and r.url.path == "/audit"
    assert "桃城片区" in r.text
    assert "nodes.csv" in client.get("/").text


def test_upload_with_errors_shows_the_problems_table(client):
    nodes = "id,type,name,zone\nC1,community,甲社区,Z\nC1,社区,乙社区,Z\nK1,cadre,张三,Z\n"
    edges = "source,target,type\nK1,X9,works_at\nK1,C1,bad_type\n"
    files = [("files", ("nodes.csv", nodes.encode(), "text/csv")),
             ("files", ("edges.csv", edges.encode(), "text/csv"))]
    r = client.post("/upload", data={"csrf_token": client.csrf}, files=files)
    assert r.status_code == 422
    assert "duplicate" not in r.text                   # messages in Chinese
    assert "编号重复" in r.text                          # what to do
    assert "X9" in r.text and "edges.csv" in r.text
    r = client.get("/problems", params={"file": "edges.csv"})
    assert "X9" in r.text and "乙社区" not in r.text
    x = client.get("/problems.xlsx")
    table = pd.read_excel(io.BytesIO(x.content), engine="openpyxl")
    want = pl.validate(pl.datasets.sample_path("yongchun"))  # a valid dataset has none
    assert len(want[want["severity"] == "error"]) == 0
    assert len(table) >= 3 and "怎么改" in table.columns
    assert client.get("/audit").status_code == 409


def test_problems_are_escaped(client):
    evil = "<script>alert(1)</script>"
    nodes = f"id,type,name,zone\nC1,{evil},x,Z\n"
    edges = "source,target,type\n"
    files = [("files", ("nodes.csv", nodes.encode(), "text/csv")),
             ("files", ("edges.csv", edges.encode(), "text/csv"))]
    r = client.post("/upload", data={"csrf_token": client.csrf}, files=files)
    assert evil not in r.text and "&lt;script&gt;" in r.text


def test_upload_refuses_other_file_types_and_no_file(client):
    r = client.post("/upload", data={"csrf_token": client.csrf},
                    files=[("files", ("run.sh", b"echo", "text/plain"))])
    assert r.status_code == 400 and "不支持的文件" in r.text
    r = client.post("/upload", data={"csrf_token": client.csrf})
    assert r.status_code == 400 and "请选择" in r.text


def test_upload_is_size_limited(client):
    big = b"x" * (3 * 1024 * 1024)
    r = client.post("/upload", data={"csrf_token": client.csrf},
                    files=[("files", ("nodes.csv", big, "text/csv"))])
    assert r.status_code == 413 and "文件太大" in r.text


def test_uploads_stay_in_the_session_folder(client, app, tmp_path):
    files = [("files", ("../../escape.csv", b"id,type\n", "text/csv"))]
    client.post("/upload", data={"csrf_token": client.csrf}, files=files)
    assert not (tmp_path.parent / "escape.csv").exists()
    root = app.app.state.store.root
    assert root.is_relative_to(tmp_path)
    assert list(root.rglob("escape.csv"))


def test_session_folder_is_removed_on_exit(tmp_path):
    import warnings

    from starlette.testclient import TestClient

    from partylinks.web import create_app

    app = create_app(root=tmp_path)
    root = app.app.state.store.root
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with TestClient(app, base_url="http://127.0.0.1:8000") as c:
            c.post("/sample", data={"name": "yongchun", "csrf_token": csrf_of(c.get("/").text)})
            c.get("/download/xlsx")
            assert any(root.rglob("*.xlsx"))
    assert not root.exists()


# -- safety ----------------------------------------------------------------------------------
def test_post_without_csrf_token_is_refused(client):
    r = client.post("/sample", data={"name": "yongchun"})
    assert r.status_code == 403 and "表单已过期" in r.text
    r = client.post("/sample", data={"name": "yongchun", "csrf_token": "wrong"})
    assert r.status_code == 403


def test_cross_site_post_is_refused_even_with_the_token(client):
    r = client.post("/sample", data={"name": "yongchun", "csrf_token": client.csrf},
                    headers={"origin": "http://evil.example"})
    assert r.status_code == 403


def test_unknown_sample_and_unknown_page_are_messages(client):
    r = client.post("/sample", data={"name": "nope", "csrf_token": client.csrf})
    assert r.status_code == 400 and "没有样例" in r.text
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "没有这个页面" in r.text


def test_an_unexpected_error_is_a_message_not_a_traceback(sample_client, monkeypatch):
    from partylinks.web import pages_audit

    def boom(*a, **k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(pages_audit, "network_data", boom)
    r = sample_client.get("/network.json")
    assert r.status_code == 500
    assert "secret internals" not in r.text and "Traceback" not in r.text
    assert "RuntimeError" in r.text


# -- policy, names, compare ------------------------------------------------------------------
def test_default_policy_is_downloadable(sample_client):
    r = sample_client.get("/policy/default.toml")
    assert r.status_code == 200
    assert r.text == pl.default_policy_path().read_text(encoding="utf-8")


def test_policy_upload_and_bad_policy(sample_client):
    text = pl.default_policy_path().read_text(encoding="utf-8")
    r = sample_client.post("/policy", data={"csrf_token": sample_client.csrf},
                           files={"policy": ("mine.toml", text.encode(), "text/plain")})
    assert r.status_code == 200 and "mine.toml" in r.text and "policy-reset" in r.text
    r = sample_client.post("/policy", data={"csrf_token": sample_client.csrf, "reset": "1"})
    assert r.status_code == 200 and "mine.toml" not in r.text and "默认规则" in r.text
    bad = '[[rules]]\nid = "x"\nkind = "nope"\nseverity = "error"\n'
    r = sample_client.post("/policy", data={"csrf_token": sample_client.csrf},
                           files={"policy": ("bad.toml", bad.encode(), "text/plain")})
    assert r.status_code == 400 and "规则文件有误" in r.text


def test_names_page_without_name_resolution(sample_client):
    r = sample_client.get("/names")
    assert r.status_code == 200 and "没有名称解析信息" in r.text


def test_names_are_confirmed_and_saved(sample_client, monkeypatch):
    from partylinks.web import adapters

    table = pd.DataFrame({"kind": ["implied", "near"], "written": ["永兴纺织", "桃源社区居委会"],
                          "resolved": ["永兴纺织", "桃源社区"], "type": ["enterprise", "community"],
                          "file": ["台账.xlsx[兼职]", "台账.xlsx[结对共建]"], "row": [3, 5],
                          "column": ["兼职单位", "甲方"]})
    monkeypatch.setattr(adapters, "name_resolution", lambda g: table)
    r = sample_client.get("/names")
    assert "永兴纺织" in r.text and "推定单位" in r.text and "相近名称" in r.text
    r = sample_client.post("/names", data={
        "csrf_token": sample_client.csrf, "n": "2", "written_0": "永兴纺织",
        "choice_0": "永兴纺织有限公司", "written_1": "桃源社区居委会", "choice_1": "桃源社区"})
    assert "已保存 2 项" in r.text
    toml = sample_client.get("/names.toml")
    assert '"永兴纺织" = "永兴纺织有限公司"' in toml.text
    assert adapters.read_aliases(sample_client.app.app.state.store.root / "x") == {}
    # the saved choice is offered again on the next visit (and the next upload)
    assert 'value="永兴纺织有限公司"' in sample_client.get("/names").text


def ledger_with_implied_unit(tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(pl.datasets.sample_path("yongchun_ledger"))
    ws = wb["党员"]
    header = [c.value for c in ws[2]]
    ws.cell(3, header.index("所在单位") + 1).value = "永春新设科技有限公司"
    wb["兼职情况"].cell(3, 4).value = "永春鸿安电子科技有限公司"  # a near match
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    return path


def test_name_resolution_reads_the_ledger_provenance(tmp_path):
    import warnings

    from partylinks.web.adapters import name_resolution

    assert name_resolution(pl.datasets.house()) is None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pl.ValidationWarning)
        g = pl.load(ledger_with_implied_unit(tmp_path))
    t = name_resolution(g)
    row = t[t["written"] == "永春新设科技有限公司"].iloc[0]
    assert (row["kind"], row["type"], row["file"], row["sheet"], row["column"],
            int(row["row"])) == ("implied", "enterprise", "台账.xlsx", "党员", "所在单位", 3)


def test_upload_a_ledger_then_confirm_its_implied_units(client, tmp_path):
    path = ledger_with_implied_unit(tmp_path)
    files = [("files", (path.name, path.read_bytes(), "application/octet-stream"))]
    r = client.post("/upload", data={"csrf_token": client.csrf}, files=files)
    assert r.status_code == 200 and r.url.path == "/audit"
    assert 'id="names-pending"' in r.text
    r = client.get("/names")
    assert "永春新设科技有限公司" in r.text and "推定单位" in r.text and "所在单位" in r.text
    near = r.text[r.text.index('<tr class="name-near">'):]
    assert "永春鸿安电子科技有限公司" in near and 'value="永春鸿安电子有限公司"' in near


def test_ledger_problems_name_the_sheet_and_what_to_do(client, tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(pl.datasets.sample_path("yongchun_ledger"))
    wb["兼职情况"].cell(3, 4).value = "桃城新建示范企业有限公司"
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    files = [("files", (path.name, path.read_bytes(), "application/octet-stream"))]
    r = client.post("/upload", data={"csrf_token": client.csrf}, files=files)
    assert r.status_code == 422
    r = client.get("/problems", params={"severity": "error"})
    row = r.text[r.text.index('<tr class="sev-error">'):]
    row = row[:row.index("</tr>")]
    cells = [c.split("</td>")[0] for c in row.split("<td")[1:]]
    cells = [c.split(">", 1)[1] for c in cells]
    assert cells[1:6] == ["台账.xlsx", "兼职情况", "3", "兼职单位", "桃城新建示范企业有限公司"]
    assert "最接近的正式名称" in cells[7]
    info = client.get("/problems", params={"severity": "info"}).text
    assert "已自动跳过" in info


def test_compare_with_the_last_period(sample_client):
    before = pl.datasets.load_sample("yongchun").at("2024-06-30")
    folder = pl.datasets.sample_path("yongchun")
    nodes = (folder / "nodes.csv").read_bytes()
    edges = before.edges.copy()
    buf = io.StringIO()
    edges.to_csv(buf, index=False)
    files = [("files", ("nodes.csv", nodes, "text/csv")),
             ("files", ("edges.csv", buf.getvalue().encode("utf-8"), "text/csv"))]
    r = sample_client.post("/compare", data={"csrf_token": sample_client.csrf}, files=files)
    assert r.status_code == 200
    assert "compare-lines" in r.text and "新增问题" in r.text
    x = sample_client.get("/compare.xlsx")
    assert x.status_code == 200 and x.content[:2] == b"PK"


def test_compare_one_dataset_on_two_dates(sample_client):
    want = pl.compare(pl.datasets.load_sample("yongchun"), before="2024-06-30",
                      after="2025-06-30", lang="zh")
    r = sample_client.get("/compare", params={"before": "2024-06-30"})
    assert r.status_code == 200
    for line in want.lines():
        assert line in r.text
    assert f"新出现的孤立单位 ({len(want.units_isolated)})" in r.text
    lapsed = r.text[r.text.index("失效的联系"):r.text.index("新增问题")]
    assert "结对共建" in lapsed and "co_building" not in lapsed and "Y-C08" not in lapsed
    assert "2024-09-30" in lapsed and "00:00:00" not in lapsed
    r = sample_client.get("/compare", params={"before": "yesterday-ish"})
    assert r.status_code == 400 and "无法识别日期" in r.text


def test_template_button_follows_the_ledger_loader(client):
    from partylinks.web import adapters

    has = adapters.template_writer() is not None
    assert ("/template.xlsx" in client.get("/").text) is has
    if has:
        assert client.get("/template.xlsx").content[:2] == b"PK"


# -- command line ----------------------------------------------------------------------------
def test_serve_command_is_registered():
    from partylinks.cli import COMMANDS, build_parser

    assert "serve" in COMMANDS
    args = build_parser().parse_args(["serve", "--no-browser", "--port", "0"])
    assert args.host == "127.0.0.1" and args.no_browser and args.port == 0


def test_serve_listens_on_localhost_and_cleans_up_on_ctrl_c(tmp_path):
    import os
    import re
    import signal
    import subprocess
    import sys

    import httpx

    env = dict(os.environ, TMPDIR=str(tmp_path), PARTYLINKS_LANG="en")
    proc = subprocess.Popen([sys.executable, "-m", "partylinks", "serve", "--no-browser",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url, line + proc.stderr.read()
        assert list(tmp_path.glob("partylinks-web-*"))
        r = httpx.get(url.group(0), timeout=30)
        assert r.status_code == 200 and "Bring your ledger" in r.text
        # another host name pointing at this address (DNS rebinding) is refused
        r = httpx.get(url.group(0), headers={"host": "evil.example"}, timeout=30)
        assert r.status_code == 400
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert not list(tmp_path.glob("partylinks-web-*"))


def test_every_page_in_english(sample_client):
    for url in ("/", "/problems", "/names", "/audit", "/network", "/downloads", "/compare"):
        r = sample_client.get(url, params={"lang": "en"})
        assert r.status_code == 200, url
        assert 'lang="en"' in r.text and "web_" not in r.text, url
    assert "Summary by zone" in sample_client.get("/audit").text


def test_upload_a_workbook(client):
    book = pl.datasets.sample_path("shishi_pengtian")
    book = book if book.is_file() else next(book.glob("*.xlsx"))
    files = [("files", (book.name, book.read_bytes(), "application/octet-stream"))]
    r = client.post("/upload", data={"csrf_token": client.csrf}, files=files)
    assert r.status_code == 200 and r.url.path == "/audit"
    assert book.name in client.get("/").text


def test_body_without_length_is_cut_at_the_limit(app):
    import asyncio

    sent = []
    head = (b'--x\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n'
            b"Content-Type: text/csv\r\n\r\n")
    chunks = iter([head] + [b"x" * (1024 * 1024)] * 10)

    async def receive():
        return {"type": "http.request", "body": next(chunks), "more_body": True}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/upload", "raw_path": b"/upload",
             "query_string": b"", "headers": [(b"content-type", b"multipart/form-data; "
                                                b"boundary=x")], "server": ("127.0.0.1", 80),
             "scheme": "http", "root_path": "", "http_version": "1.1",
             "client": ("127.0.0.1", 1)}
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413
