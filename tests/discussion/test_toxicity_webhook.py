"""The toxicity webhook: a real HTTP receiver that checks the signature and answers a score.

What an operator's classifier relies on: the body is `{"text": …}` in JSON, signed with
HMAC-SHA256 of the exact bytes under the shared secret in `X-Kiosque-Signature`, so the
receiver can refuse anything Kiosque did not send. A low score publishes, a high one
holds, and a receiver that refuses the signature holds too (never publishes unseen).
"""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosque.discussion.models import Comment
from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader

pytestmark = pytest.mark.django_db

RECEIVER_SECRET = "secret partagé du classifieur"


class Receiver(BaseHTTPRequestHandler):
    """Verifies the signature like an operator's classifier would, then scores."""

    seen: list[dict] = []

    def do_POST(self):
        raw = self.rfile.read(int(self.headers["Content-Length"]))
        expected = hmac.new(RECEIVER_SECRET.encode(), raw, hashlib.sha256).hexdigest()
        given = self.headers.get("X-Kiosque-Signature", "")
        valid = hmac.compare_digest(expected, given)
        text = json.loads(raw)["text"]
        self.seen.append({"text": text, "valid": valid, "type": self.headers["Content-Type"]})
        if not valid:
            self.send_response(401)
            self.end_headers()
            return
        answer = json.dumps({"score": 0.93 if "toxique" in text else 0.04}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    Receiver.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/score"
    server.shutdown()
    server.server_close()


def test_a_low_score_publishes_and_the_receiver_verifies_the_signature(article, settings, receiver):
    settings.DISCUSSION_TOXICITY = {"url": receiver, "secret": RECEIVER_SECRET, "timeout": 2}
    comment = comment_post(user=make_reader(), article=article, body="Un avis « nuancé » & poli.")
    assert comment.status == Comment.Status.PUBLISHED
    assert Receiver.seen == [
        {"text": "Un avis « nuancé » & poli.", "valid": True, "type": "application/json"}
    ]


def test_a_score_over_the_threshold_holds_with_the_score_as_reason(article, settings, receiver):
    settings.DISCUSSION_TOXICITY = {"url": receiver, "secret": RECEIVER_SECRET, "timeout": 2}
    comment = comment_post(user=make_reader(), article=article, body="Un message toxique.")
    assert comment.status == Comment.Status.HELD
    assert comment.status_reason == "toxicity 0.93"


def test_the_threshold_is_configurable(article, settings, receiver):
    settings.DISCUSSION_TOXICITY = {
        "url": receiver,
        "secret": RECEIVER_SECRET,
        "timeout": 2,
        "threshold": 0.99,
    }
    comment = comment_post(user=make_reader(), article=article, body="Un message toxique.")
    assert comment.status == Comment.Status.PUBLISHED


def test_a_wrong_secret_is_refused_by_the_receiver_and_the_comment_is_held(
    article, settings, receiver
):
    settings.DISCUSSION_TOXICITY = {"url": receiver, "secret": "un autre secret", "timeout": 2}
    comment = comment_post(user=make_reader(), article=article, body="Un avis tout à fait poli.")
    assert Receiver.seen[0]["valid"] is False
    assert comment.status == Comment.Status.HELD
    assert comment.status_reason == "classifier unavailable"
    assert Comment.objects.filter(pk=comment.pk).exists()  # held, not lost
