"""comment_post: who may post, what is refused, held or published, and threads."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kiosque.discussion.models import Comment, DiscussionSettings, ThreadOverride, WordRule
from kiosque.discussion.services import comment_post
from tests.discussion.helpers import make_reader
from tests.factories import days_ago, make_article

pytestmark = pytest.mark.django_db


def test_a_verified_reader_publishes_at_once_in_post_moderation(article):
    comment = comment_post(user=make_reader(), article=article, body="  Bien vu.  ")
    assert comment.status == Comment.Status.PUBLISHED
    assert comment.body == "Bien vu."
    assert comment.thread_id == comment.pk and comment.depth == 1


def test_unverified_readers_cannot_post(article):
    with pytest.raises(PermissionDenied):
        comment_post(user=make_reader(verified=False), article=article, body="Bonjour")
    assert not Comment.objects.exists()


@pytest.mark.parametrize("body", ["", "   \n  "])
def test_empty_bodies_are_refused(article, body):
    with pytest.raises(ValidationError) as refused:
        comment_post(user=make_reader(), article=article, body=body)
    assert refused.value.code == "empty"


def test_3000_characters_pass_and_3001_are_refused(article):
    reader = make_reader()
    comment_post(user=reader, article=article, body="a" * 3000)
    with pytest.raises(ValidationError) as refused:
        comment_post(user=reader, article=article, body="b" * 3001)
    assert refused.value.code == "too_long"


def test_markup_is_kept_as_text(article):
    body = '<script>alert("x")</script> & "guillemets" \'simples\' <b>gras</b>'
    comment = comment_post(user=make_reader(), article=article, body=body)
    assert Comment.objects.get(pk=comment.pk).body == body


def test_replies_nest_to_the_configured_depth_then_stay_at_the_last_level(article, config):
    reader, other = make_reader(), make_reader()
    top = comment_post(user=reader, article=article, body="Premier")
    second = comment_post(user=other, article=article, body="Deuxième", parent=top)
    third = comment_post(user=reader, article=article, body="Troisième", parent=second)
    fourth = comment_post(user=other, article=article, body="Quatrième", parent=third)
    assert [c.depth for c in (top, second, third, fourth)] == [1, 2, 3, 3]
    assert fourth.parent_id == second.pk  # a sibling of the third, not a fourth level
    assert {c.thread_id for c in (second, third, fourth)} == {top.pk}


def test_replies_to_deleted_or_other_articles_comments_are_refused(article, newsroom):
    reader = make_reader()
    other_article = make_article(newsroom.sport, slug="autre", published_at=days_ago(1))
    elsewhere = comment_post(user=reader, article=other_article, body="Ailleurs")
    with pytest.raises(ValidationError) as refused:
        comment_post(user=make_reader(), article=article, body="Réponse", parent=elsewhere)
    assert refused.value.code == "parent"
    deleted = comment_post(user=reader, article=article, body="Effacé bientôt")
    deleted.status = Comment.Status.DELETED
    deleted.save()
    with pytest.raises(ValidationError):
        comment_post(user=make_reader(), article=article, body="Réponse", parent=deleted)


def test_closed_articles_refuse_comments_and_replies(newsroom, config):
    old = make_article(newsroom.europe, slug="ancien", published_at=days_ago(40))
    with pytest.raises(ValidationError) as refused:
        comment_post(user=make_reader(), article=old, body="Trop tard")
    assert refused.value.code == "closed"


def test_a_per_article_override_reopens_or_closes_a_thread(newsroom, config):
    old = make_article(newsroom.europe, slug="ancien", published_at=days_ago(40))
    ThreadOverride.objects.create(page=old, close_after_days=0)
    assert comment_post(user=make_reader(), article=old, body="Toujours ouvert").pk
    fresh = make_article(newsroom.europe, slug="frais", published_at=days_ago(3))
    ThreadOverride.objects.create(page=fresh, close_after_days=2)
    with pytest.raises(ValidationError):
        comment_post(user=make_reader(), article=fresh, body="Déjà fermé")


def test_banned_words_are_refused_whatever_the_case_and_accents(article):
    WordRule.objects.create(word="crétin", kind=WordRule.Kind.BANNED)
    reader = make_reader()
    with pytest.raises(ValidationError) as refused:
        comment_post(user=reader, article=article, body="Quel CRETIN, franchement.")
    assert refused.value.code == "banned_word"
    assert "cretin" in refused.value.messages[0]
    # Word boundaries: a longer word that contains it is fine.
    assert comment_post(user=reader, article=article, body="Les crétinismes du débat").pk


def test_suspect_words_and_many_links_hold_the_comment(article, config):
    WordRule.objects.create(word="arnaque", kind=WordRule.Kind.SUSPECT)
    reader = make_reader()
    held = comment_post(user=reader, article=article, body="C'est une Arnaque !")
    assert held.status == Comment.Status.HELD
    links = " ".join(f"https://exemple{n}.org" for n in range(config.max_links + 1))
    assert comment_post(user=reader, article=article, body=links).status == Comment.Status.HELD


def test_identical_posts_are_refused(article):
    reader = make_reader()
    comment_post(user=reader, article=article, body="Même texte")
    with pytest.raises(ValidationError) as refused:
        comment_post(user=reader, article=article, body="Même texte")
    assert refused.value.code == "duplicate"


def test_one_comment_per_20_seconds_and_50_a_day(article, config):
    config.min_seconds_between_comments = 20
    config.save()
    reader = make_reader()
    comment_post(user=reader, article=article, body="Un")
    with pytest.raises(ValidationError) as refused:
        comment_post(user=reader, article=article, body="Deux")
    assert refused.value.code == "rate"
    config.min_seconds_between_comments = 0
    config.max_comments_per_day = 3
    config.save()
    other = make_reader()
    for n in range(3):
        comment_post(user=other, article=article, body=f"Message {n}")
    with pytest.raises(ValidationError):
        comment_post(user=other, article=article, body="Message de trop")
    assert Comment.objects.filter(author=other).count() == 3


def test_new_accounts_are_pre_moderated_until_enough_approvals(article, config):
    config.trusted_after_approved = 1
    config.save()
    reader = make_reader()
    first = comment_post(user=reader, article=article, body="Premier message")
    assert first.status == Comment.Status.PENDING
    first.status = Comment.Status.PUBLISHED
    first.save()
    assert comment_post(user=reader, article=article, body="Second").status == "published"


def test_pre_moderation_per_section(article, newsroom):
    ThreadOverride.objects.create(page=newsroom.europe, moderation_mode="pre")
    assert comment_post(user=make_reader(), article=article, body="Attente").status == "pending"


def test_the_toxicity_hook_holds_high_scores_and_failures(article, settings):
    settings.DISCUSSION_TOXICITY = {"callable": "tests.discussion.classifiers.by_keyword"}
    reader = make_reader()
    assert comment_post(user=reader, article=article, body="Très poli").status == "published"
    assert comment_post(user=reader, article=article, body="toxique ici").status == "held"
    crashing = comment_post(user=reader, article=article, body="panne du service")
    assert crashing.status == "held"  # never published unseen, never lost
    assert "classifier unavailable" in crashing.status_reason


def test_the_toxicity_webhook_times_out_into_the_held_queue(article, settings):
    # A port nobody listens on: the connection fails at once, like a timeout would.
    settings.DISCUSSION_TOXICITY = {"url": "http://127.0.0.1:9/", "secret": "s", "timeout": 0.5}
    comment = comment_post(user=make_reader(), article=article, body="Bonjour à tous")
    assert comment.status == "held"


def test_staff_comments_carry_the_badge(article):
    from kiosque.newsroom import roles
    from tests.discussion.helpers import make_staff

    journalist = make_staff(roles.JOURNALIST)
    assert comment_post(user=journalist, article=article, body="Précision").by_staff
    assert not comment_post(user=make_reader(), article=article, body="Merci").by_staff


def test_settings_default_to_what_the_issue_asks(newsroom):
    defaults = DiscussionSettings()
    assert defaults.max_depth == 3
    assert defaults.edit_window_minutes == 5
    assert (defaults.min_seconds_between_comments, defaults.max_comments_per_day) == (20, 50)
