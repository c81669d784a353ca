"""Marks page views for the edge, or writes them down when no edge is in front.

Placed above ConditionalGetMiddleware, so it sees the final status (a 304 for a browser
that already has the page is a view too: the reader opened it again).

Behind Varnish, the response carries `X-Kiosque-Count`: the edge logs it for every copy
it serves and strips it. Varnish adds `X-Varnish` to every request it sends here. When
a request arrives without it and AUDIENCE_SERVER_LOG names a file (the default without
EDGE_URL: `make run`), the application writes the line itself and sends no header. A
request through an edge is never written here, whatever the settings: counting it twice
is the one mistake the two paths could make together.
"""

import logging
import logging.handlers
import os
import threading
from pathlib import Path

from django.conf import settings

from kiosque.audience.counting import COUNT_HEADER, counted_page_id, view_line

EDGE_REQUEST_HEADER = "X-Varnish"

_logger_lock = threading.Lock()


def _server_logger(path: str) -> logging.Logger:
    """A logger that appends bare lines to `path`, reopened after a rotation."""
    logger = logging.getLogger("kiosque.audience.server_log")
    with _logger_lock:
        for handler in logger.handlers:
            if getattr(handler, "baseFilename", None) == os.path.abspath(path):
                return logger
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        # WatchedFileHandler opens in append mode (one write per line, so several
        # gunicorn processes never interleave) and reopens the file when logrotate has
        # moved it away.
        handler = logging.handlers.WatchedFileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.handlers = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False  # the lines go to their file, never to the console
    return logger


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page_id = counted_page_id(request, response)
        if page_id is None:
            return response
        server_log = getattr(settings, "AUDIENCE_SERVER_LOG", "")
        if server_log and EDGE_REQUEST_HEADER not in request.headers:
            if request.method == "GET":
                _server_logger(server_log).info(view_line(request, response.status_code, page_id))
            return response
        response[COUNT_HEADER] = str(page_id)
        return response
