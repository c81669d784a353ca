"""The French relevance cases again, on PostgreSQL (`french_unaccent`, tsvector)."""

import pytest

from tests.search.test_bad_input import *  # noqa: F403
from tests.search.test_relevance import *  # noqa: F403
from tests.search.test_visibility import *  # noqa: F403
from tests.search.test_wagtail_backend import *  # noqa: F403

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("on_postgresql")]


def test_the_french_unaccent_configuration_folds_and_stems(on_postgresql):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('french_unaccent', 'Sécurité des élections')::text")
        assert cursor.fetchone()[0] == "'elect':3 'securit':1"
