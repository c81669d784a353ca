"""Several workers at once, on PostgreSQL: one item per identity, no page-tree collision."""

import threading

import pytest
from django.db import connection, connections

from kiosque.newsroom.models import ArticlePage
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireItem, WireItemVersion
from tests.factories import build_newsroom
from tests.wires.helpers import ninjs, write_json

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
WORKERS = 6


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    return build_newsroom()


def run_at_once(target, arguments: list) -> list:
    barrier = threading.Barrier(len(arguments))
    results, errors = [None] * len(arguments), []

    def work(index, argument):
        try:
            barrier.wait()
            results[index] = target(argument)
        except Exception as error:  # reported below, with the thread's error
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=a) for a in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def test_same_item_by_several_workers_is_stored_once(postgres, tmp_path):
    path = write_json(tmp_path, "a.json", ninjs())
    results = run_at_once(lambda p: ingest_file(p)[0].outcome, [path] * WORKERS)
    assert sorted(results) == ["created"] + ["unchanged"] * (WORKERS - 1)
    assert WireItem.objects.count() == 1
    assert WireItemVersion.objects.count() == 1


def test_articles_into_one_section_from_several_workers(postgres, tmp_path):
    paths = [
        write_json(
            tmp_path, f"{n}.json", ninjs(uri=f"urn:kiosque-test:{n}", headline=f"Dépêche {n}")
        )
        for n in range(WORKERS)
    ]
    results = run_at_once(lambda p: ingest_file(p, publish=True)[0].outcome, paths)
    assert results == ["created"] * WORKERS
    articles = ArticlePage.objects.filter(wire_links__isnull=False)
    assert articles.count() == WORKERS and all(a.live for a in articles)
    monde = postgres.monde
    monde.refresh_from_db()
    assert monde.get_children().count() == monde.numchild
    assert len({a.path for a in articles}) == WORKERS
