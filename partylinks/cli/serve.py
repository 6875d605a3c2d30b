"""``partylinks serve``: the local web app in the browser."""

from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser(
        "serve", help="在浏览器中使用的本机网页版 / the local web app in the browser",
        description="启动本机网页版：上传台账、修改问题、查看审计与关系网络、下载报告；数据不离开本机。"
        "需要先安装 pip install \"partylinks[web]\"。 / Start the local web app: upload the "
        "ledger, fix problems, read the audit and the network, download the reports; the data "
        "never leaves this computer. Needs pip install \"partylinks[web]\".")
    p.add_argument("--host", default="127.0.0.1",
                   help="监听地址（默认 127.0.0.1，仅本机可访问）/ address to bind "
                   "(default 127.0.0.1: this computer only)")
    p.add_argument("--port", type=int, default=8000,
                   help="端口（默认 8000；0 为任选空闲端口）/ "
                   "port (default 8000; 0: any free port)")
    p.add_argument("--no-browser", action="store_true",
                   help="不自动打开浏览器 / do not open the browser")
    p.add_argument("--max-upload-mb", type=int, default=50, metavar="MB",
                   help="单次上传上限（MB，默认 50）/ largest upload in MB (default 50)")
    p.add_argument("--lang", choices=["zh", "en"], default=None,
                   help="页面默认语言 / default page language (default zh)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..web import require_web, serve

    try:
        require_web()
    except ImportError as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        return 2
    try:
        serve(host=args.host, port=args.port, open_browser=not args.no_browser,
              lang=args.lang, max_upload_mb=args.max_upload_mb)
    except OSError as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        return 2
    return 0
