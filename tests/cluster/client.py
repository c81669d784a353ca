"""A small HTTP client for the cluster tests: no proxy, cookies kept by hand.

The cluster speaks plain HTTP (TLS would end in front of the edges) with production
settings, so the application's cookies are marked Secure; a browser behind a TLS edge
sends them back, and so does this client (the standard library's cookie jar would not,
over http://). Requests go to an address with the site's name as Host header, as a
reader's request reaches an application host through a load balancer.
"""

from __future__ import annotations

import http.client
import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

TIMEOUT_SECONDS = 10


@dataclass
class Answer:
    status: int
    headers: dict
    body: str


@dataclass
class Client:
    site_host: str
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, url: str, data: dict | None = None, headers: dict | None = None) -> Answer:
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port or 80, timeout=TIMEOUT_SECONDS
        )
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        sent = {"Host": self.site_host, "Connection": "close", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request("POST" if data is not None else "GET", path, body, sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Answer(response.status, dict(response.headers), text)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token in the form"
    return match.group(1)
