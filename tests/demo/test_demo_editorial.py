"""`kiosque demo` shows the editorial side: corrections, update notes, a withdrawn
article (410), a scheduled one, one waiting for review, every policy page; twice
run, it adds nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from kiosque.demo.content import editorial as content
from kiosque.editorial.models import Correction, PolicySettings, Withdrawal
from kiosque.newsroom.models import ArticlePage
from tests.demo.conftest import DEMO_GROUP

pytestmark = [pytest.mark.django_db, DEMO_GROUP]


def test_the_demo_shows_the_editorial_states_and_stays_idempotent(demo_build, client):

    corrected = ArticlePage.objects.live().filter(corrections__isnull=False).distinct()
    assert corrected.count() >= 3
    article = corrected.first()
    html = client.get(article.url).content.decode()
    assert 'class="corrections"' in html
    listing = client.get("/rectificatifs/").content.decode()
    assert all(c.text[:40] in listing for c in Correction.objects.all()[:3])

    noted = ArticlePage.objects.live().exclude(update_note="").exclude(major_update_at=None)
    assert noted.count() >= 3
    note_page = client.get(noted.first().url).content.decode()
    assert noted.first().update_note in note_page

    withdrawn = Withdrawal.objects.get(article__slug=content.WITHDRAWN["slug"])
    response = client.get(withdrawn.path)
    assert response.status_code == 410
    assert "Article retiré" in response.content.decode()

    scheduled = ArticlePage.objects.get(slug=content.SCHEDULED["slug"])
    assert not scheduled.live
    revision = Revision.objects.get(object_id=str(scheduled.pk), approved_go_live_at__isnull=False)
    assert (
        timezone.now() < revision.approved_go_live_at < timezone.now() + timezone.timedelta(hours=1)
    )

    in_review = ArticlePage.objects.get(slug=content.IN_REVIEW["slug"])
    assert not in_review.live
    state = WorkflowState.objects.get(object_id=str(in_review.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.username == "journaliste"

    policies = PolicySettings.objects.get()
    footer = client.get("/").content.decode()
    for page in (
        policies.ownership_page,
        policies.contact_page,
        policies.legal_notice_page,
        policies.accessibility_page,
    ):
        assert page is not None and f'href="{page.url}"' in footer
    statement = client.get(policies.accessibility_page.url).content.decode()
    assert "partiellement conforme" in statement

    counts = (Correction.objects.count(), Withdrawal.objects.count(), ArticlePage.objects.count())
    call_command("demo", stdout=io.StringIO())
    assert (
        Correction.objects.count(),
        Withdrawal.objects.count(),
        ArticlePage.objects.count(),
    ) == counts
