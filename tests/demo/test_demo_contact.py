"""The demo's contact page: its address is a `mailto:` link, not text to copy."""

import pytest

from kiosque.demo.builder import linked_addresses
from kiosque.editorial.models import PolicySettings
from tests.demo.conftest import DEMO_GROUP


def test_addresses_become_mailto_links_and_the_rest_stays_escaped():
    html = linked_addresses("Écrivez à redaction@kiosque.invalid. <b>Merci</b> & à bientôt")
    assert html == (
        'Écrivez à <a href="mailto:redaction@kiosque.invalid">redaction@kiosque.invalid</a>. '
        "&lt;b&gt;Merci&lt;/b&gt; &amp; à bientôt"
    )


@pytest.mark.django_db
@DEMO_GROUP
def test_the_demo_contact_page_links_its_address(demo_build, client):
    contact = PolicySettings.objects.get().contact_page
    html = client.get(contact.url).content.decode()
    assert '<a href="mailto:redaction@kiosque.invalid">redaction@kiosque.invalid</a>' in html
