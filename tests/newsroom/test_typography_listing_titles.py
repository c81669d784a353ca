"""French spacing on the listing pages' own words too: dossiers, sections, authors,
the breadcrumb and the cards' dossier labels (issue 16: every text path)."""

import pytest

from kiosque.newsroom.models import SectionPage, TopicPage
from tests.factories import add_page, days_ago, make_article

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"
NNBSP = "\u202f"


def test_dossier_section_and_breadcrumb_titles_are_typeset(client, newsroom):
    topic = add_page(
        newsroom.topics,
        TopicPage(title="Budget : les 3 000 amendements", slug="budget", intro="Vote ? Mardi."),
    )
    section = add_page(newsroom.monde, SectionPage(title="Asie : dépêches", slug="asie"))
    article = make_article(section, title="Le sommet", topic=topic, published_at=days_ago(1))

    dossier = client.get(topic.url).content.decode()
    assert f"<h1>Budget{NBSP}: les 3\u202f000 amendements</h1>" in dossier
    assert f"Vote{NNBSP}? Mardi." in dossier
    assert f">Budget{NBSP}: les 3\u202f000 amendements</a>" in dossier  # the card's label

    assert f"<h1>Asie{NBSP}: dépêches</h1>" in client.get(section.url).content.decode()
    page = client.get(article.url).content.decode()
    trail = page[
        page.index('class="breadcrumb"') : page.index("</nav>", page.index('class="breadcrumb"'))
    ]
    assert f">Asie{NBSP}: dépêches</a>" in trail
