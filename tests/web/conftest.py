"""Fixtures of the web app tests: an app on a temporary root and a client with a session."""

from __future__ import annotations

import pytest
from web_helpers import MISSING, SKIP_REASON, csrf_of


@pytest.fixture
def app(tmp_path):
    if MISSING:
        pytest.skip(SKIP_REASON)
    from partylinks.web import create_app

    return create_app(lang="zh", root=tmp_path, max_upload_mb=2)


@pytest.fixture
def client(app):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from starlette.testclient import TestClient

        with TestClient(app, base_url="http://127.0.0.1:8000") as c:
            c.csrf = csrf_of(c.get("/").text)
            yield c


@pytest.fixture
def sample_client(client):
    r = client.post("/sample", data={"name": "yongchun", "csrf_token": client.csrf})
    assert r.status_code == 200 and r.url.path == "/audit"
    return client
