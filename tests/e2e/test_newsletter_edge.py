"""The sign-up form through the real edge: a cached page carries it, and posting it from
there (no cookie, no token) answers the neutral page and mails the confirmation."""

import re
import secrets
import time

from tests.e2e.test_edge import anonymous, cached_copy, shell

# The worker sends the confirmation (a task): it polls for tasks about once a second,
# slower on a machine busy with the rest of the suite.
MAIL_LIMIT_SECONDS = 60

# A French digest when the demo has no list to offer yet (made once, as an editor would;
# the change purges the edge like any change of the site's lists).
ENSURE_A_LIST = (
    "from kiosque.newsletters.models import NewsletterList as L; "
    "L.objects.filter(kind__in=['digest', 'alert'], language='fr', active=True).exists() "
    "or L.objects.create(name=\"L'essentiel du matin\", slug='essentiel-e2e', "
    "kind='digest', language='fr')"
)


def _mail_to(mail_dir, address: str) -> str | None:
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
        text = path.read_text(errors="replace")
        if address in text:
            return text
    return None


FOOTER_FORM = 'class="newsletter-signup newsletter-signup--footer"'


def test_the_cached_form_subscribes_through_the_edge(live_site):
    page = cached_copy(live_site, "/")
    if FOOTER_FORM not in page.body:  # a demo without lists: one more Django start-up
        shell(live_site, ENSURE_A_LIST)
        page = cached_copy(live_site, "/")
    assert "Set-Cookie" not in page.headers
    assert "csrfmiddlewaretoken" not in page.body
    form = page.body[page.body.index(FOOTER_FORM) :]
    form = form[: form.index("</form>")]
    assert 'action="/lettres/inscription/"' in form
    newsletter_id = re.search(r'name="newsletter" value="(\d+)"', form).group(1)

    address = f"lectrice-{secrets.token_hex(4)}@example.org"
    answer = anonymous(
        live_site.edge("/lettres/inscription/"),
        data={"email": address, "newsletter": newsletter_id, "source": "footer"},
        headers={"Referer": live_site.edge("/")},
    )
    assert answer.status == 200, answer.body[-2000:]
    assert answer.headers["X-Cache"] == "MISS"
    assert "no-store" in answer.headers["Cache-Control"]
    assert address in answer.body and 'role="status"' in answer.body

    deadline = time.monotonic() + MAIL_LIMIT_SECONDS
    message = _mail_to(live_site.var_dir / "mail", address)
    while message is None and time.monotonic() < deadline:
        time.sleep(0.5)
        message = _mail_to(live_site.var_dir / "mail", address)
    assert message is not None, f"no confirmation mail to {address} in {MAIL_LIMIT_SECONDS} s"
    assert "/lettres/confirmation/" in message
