"""`kiosque bench-data`: a bulk-loaded newsroom that Wagtail and readers cannot tell apart.

A small load (SQLite by default, PostgreSQL COPY in the postgres pass) is checked the
way an operator would: counts and counters, the page tree as treebeard checks it,
pages that render and list, an article that opens in the admin, and a refusal to load
twice.
"""

import os

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, F, Max, Q
from wagtail.models import Page

from kiosque.benchdata import reference
from kiosque.benchdata.checks import tree_problems
from kiosque.benchdata.models import BenchDataRun
from kiosque.benchdata.services import bench_data_create
from kiosque.discussion.models import Comment, CommentCount, CommentLike
from kiosque.newsroom.models import ArticlePage, ArticlePublication, SectionPage

ARTICLES, COMMENTS = 120, 900

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_pools(monkeypatch):
    # Fewer pictures (each drawn with its renditions), authors and dossiers: the load
    # itself is what these tests are about.
    from kiosque.benchdata import skeleton

    monkeypatch.setattr(skeleton, "PICTURES", 2)
    monkeypatch.setattr(skeleton, "AUTHORS", 6)
    monkeypatch.setattr(skeleton, "TOPICS", 4)


@pytest.fixture
def loaded(db):
    return bench_data_create(articles=ARTICLES, comments=COMMENTS, seed=7, index=False)


def test_the_load_creates_what_was_asked_and_keeps_counters_exact(loaded):
    assert loaded.articles == ARTICLES == ArticlePage.objects.live().count()
    assert loaded.comments == COMMENTS == Comment.objects.count()
    # Every article has its publication log; the updated ones have two entries.
    assert ArticlePublication.objects.values("article").distinct().count() == ARTICLES
    # The article's published-comment counter is the number of its published comments.
    published = dict(
        Comment.objects.filter(status=Comment.Status.PUBLISHED)
        .values_list("article_id")
        .annotate(n=Count("id"))
    )
    assert dict(CommentCount.objects.values_list("article_id", "published")) == published
    # A comment's like_count is the number of its likes.
    likes = dict(CommentLike.objects.values_list("comment_id").annotate(n=Count("id")))
    assert likes, "some comments are liked"
    for comment_id, like_count in Comment.objects.filter(like_count__gt=0).values_list(
        "id", "like_count"
    ):
        assert likes.pop(comment_id) == like_count
    assert not likes  # no like without its counted comment
    # Some comments are threaded, within their own article, no deeper than 3.
    replies = Comment.objects.filter(depth__gt=1)
    assert replies.exists()
    assert not replies.filter(Q(parent__isnull=True) | Q(thread__isnull=True)).exists()
    assert not replies.exclude(parent__article_id=F("article_id")).exists()
    assert not Comment.objects.filter(depth=1).exclude(thread_id=F("id")).exists()
    assert Comment.objects.aggregate(deepest=Max("depth"))["deepest"] <= 3


def test_the_page_tree_is_what_treebeard_would_have_built(loaded):
    assert tree_problems() == []
    assert Page.find_problems() == ([], [], [], [], [])
    # Sections count their new children; url_path follows the tree.
    reference_article = ArticlePage.objects.get(slug=reference.REFERENCE_SLUG)
    parent = reference_article.get_parent()
    assert parent.numchild == parent.get_children().count()
    assert reference_article.url == reference.REFERENCE_PATH
    # Wagtail's own writes still fit: a page added after the load gets a free path.
    extra = SectionPage(title="Après le chargement", slug="apres")
    parent.add_child(instance=extra)
    assert tree_problems() == []


def test_the_check_reports_what_treebeard_reports_on_a_damaged_tree(loaded):
    article = ArticlePage.objects.exclude(slug=reference.REFERENCE_SLUG).first()
    section = article.get_parent()
    Page.objects.filter(pk=section.pk).update(numchild=section.numchild + 1)
    Page.objects.filter(pk=article.pk).update(path=article.path[:-4] + "ZZZZ" + "0001")
    treebeard = Page.find_problems()
    ours = " ".join(tree_problems())
    assert section.pk in treebeard[4] and "wrong numchild" in ours
    assert article.pk in treebeard[2] and "orphans" in ours


def test_bench_pages_render_and_list_their_articles(loaded, client):
    response = client.get(reference.REFERENCE_PATH)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Valmorin" in html
    assert "Set-Cookie" not in response.headers
    article = ArticlePage.objects.exclude(slug=reference.REFERENCE_SLUG).order_by("?").first()
    assert client.get(article.url).status_code == 200
    # The newest article opens its section's listing and la une.
    section = client.get(f"/{reference.REFERENCE_SECTION}/")
    assert section.status_code == 200
    assert reference.REFERENCE_TITLE in section.content.decode()
    assert reference.REFERENCE_TITLE in client.get("/").content.decode()
    topic, author = article_topic_and_author()
    assert client.get(topic.url).status_code == 200
    assert client.get(author.url).status_code == 200


def article_topic_and_author():
    article = ArticlePage.objects.filter(topic__isnull=False).first()
    return article.topic, article.article_authors.first().author


def test_a_bench_article_opens_in_the_admin_and_can_be_published_again(loaded, client):
    admin = get_user_model().objects.create_superuser("chef", "chef@example.invalid", "x" * 16)
    client.force_login(admin)
    article = ArticlePage.objects.get(slug=reference.REFERENCE_SLUG)
    assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200
    article.title = "Budget de Valmorin : le vote définitif"
    article.save_revision().publish()
    assert client.get(reference.REFERENCE_PATH).content.decode().count("le vote définitif") >= 1
    assert tree_problems() == []


def test_a_second_load_is_refused_and_changes_nothing(loaded):
    with pytest.raises(ValidationError, match="already holds bench data"):
        bench_data_create(articles=10, comments=0, index=False)
    assert ArticlePage.objects.count() == ARTICLES
    assert BenchDataRun.objects.count() == 1


def test_an_interrupted_load_is_refused_too(db):
    from django.utils import timezone

    BenchDataRun.objects.create(articles=5, comments=0, seed=1, started_at=timezone.now())
    with pytest.raises(ValidationError, match="interrupted"):
        bench_data_create(articles=5, comments=0, index=False)


@pytest.mark.parametrize(("articles", "comments"), [(0, 0), (-5, 10), (10, -1), (10_000_000, 0)])
def test_impossible_sizes_are_refused_before_anything_is_written(db, articles, comments):
    with pytest.raises(ValidationError):
        bench_data_create(articles=articles, comments=comments, index=False)
    assert not BenchDataRun.objects.exists()
    assert not ArticlePage.objects.exists()


def test_the_command_reports_the_load_and_refuses_a_second_one(db, capsys):
    call_command("bench-data", articles=15, comments=40, no_index=True)
    output = capsys.readouterr().out
    assert "15 articles and 40 comments" in output
    assert "page tree checked: no problem" in output
    with pytest.raises(CommandError, match="already holds bench data"):
        call_command("bench-data", articles=15, comments=40, no_index=True)


@pytest.mark.postgres
def test_the_copy_load_on_postgresql_is_consistent(loaded, client):
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL does not name PostgreSQL")
    assert connection.vendor == "postgresql"
    assert ArticlePage.objects.count() == ARTICLES
    assert Comment.objects.count() == COMMENTS
    assert tree_problems() == []
    assert Page.find_problems() == ([], [], [], [], [])
    # Rows created by the ORM after the load take ids after the reserved blocks.
    extra = SectionPage(title="Après", slug="apres")
    Page.objects.get(slug="politique", depth=3).add_child(instance=extra)
    assert extra.pk > ArticlePage.objects.order_by("-pk").first().pk
    assert client.get(reference.REFERENCE_PATH).status_code == 200
