"""A fresh demo has dispatches waiting on the wire desk: new, urgent and older ones."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kiosque.wires.models import WireItem
from tests.demo.conftest import DEMO_GROUP

pytestmark = [pytest.mark.django_db, DEMO_GROUP]


def test_the_desk_of_a_fresh_demo_has_new_and_urgent_dispatches(demo_build, client):
    items = WireItem.objects.order_by("-version_created")
    assert items.count() >= 4
    assert {item.agency.name for item in items} >= {"AFP", "Reuters"}
    assert items.filter(urgency__lte=2).exists()

    client.force_login(get_user_model().objects.get(username="admin"))
    desk = client.get(reverse("wires_admin:desk")).content.decode()
    assert "Crue de la Garonne" in desk
    assert 'class="wires-urgent wires-new"' in desk


def test_loading_the_demo_again_stores_no_dispatch_twice(demo_build):
    from django.utils import timezone

    from kiosque.demo.wires import ensure_demo_dispatches

    before = WireItem.objects.count()
    assert ensure_demo_dispatches(now=timezone.now()) == 0
    assert WireItem.objects.count() == before
