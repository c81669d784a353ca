"""Wagtail's autosave in the article editor (decision 0070), driven as its JavaScript
drives it: the whole form POSTed with `Accept: application/json` and no action button,
`overwrite_revision_id` once the session has saved, `loaded_revision_*` from the page.

- No article is created before it has a title and some text; one created by autosave is
  a draft its journalist may discard.
- An empty body block, correction or author row is not kept, and does not block
  « Publier »; a half-filled block, or a correction readers have seen, still does.
- A burst of saves keeps one revision per person and ten minutes, never rewriting what
  readers see, what is scheduled or what was submitted for review.
- Starting an article again under the same title gives it the next free address.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kiosque.editorial.article_form import next_free_slug
from kiosque.editorial.autosave import REVISION_SPAN
from kiosque.editorial.empty_parts import block_is_empty
from kiosque.editorial.models import Correction
from kiosque.newsroom import roles
from kiosque.newsroom.blocks import ArticleBodyBlock
from kiosque.newsroom.models import ArticlePage
from tests.factories import make_article, publish

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}  # what Wagtail's w-autosave sends
TITLE = "Grève à la SNCF : le trafic perturbé jeudi"
STANDFIRST = "Les syndicats appellent à une journée de mobilisation."
PARAGRAPH = "Un train sur deux circulera sur les grandes lignes."


def member_of(role: str):
    user, _ = get_user_model().objects.get_or_create(
        username=f"autosave-{slugify(role)}", defaults={"email": f"{slugify(role)}@example.org"}
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def journalist(client, newsroom):
    user = member_of(roles.JOURNALIST)
    client.force_login(user)
    return user


@pytest.fixture
def editor(client, newsroom):
    user = member_of(roles.EDITOR)
    client.force_login(user)
    return user


def form(
    *,
    title=TITLE,
    slug=None,
    standfirst="",
    blocks=(),
    corrections=(),
    authors=(),
    **extra,
) -> dict:
    """The article form as the browser posts it. `blocks`: (type, value) pairs, a
    paragraph's value as plain text; `corrections`: dicts of the inline form's fields;
    `authors`: author page ids, "" for a row added and left without an author."""
    body = [
        (kind, rich_text(f"<p>{value}</p>" if value else "") if kind == "paragraph" else value)
        for kind, value in blocks
    ]
    data = {
        "title": title,
        "slug": slugify(title) if slug is None else slug,  # Wagtail's JS fills it from the title
        "article_type": "info",
        "standfirst": standfirst,
        "body": streamfield(body),
        "language": "fr",
        "dateline": "",
        "update_note": "",
        "lead_image_alt": "",
        "article_authors": inline_formset([{"author": pk} for pk in authors]),
        "corrections": inline_formset(
            list(corrections), initial=sum(1 for row in corrections if row.get("id"))
        ),
        "comments": inline_formset([]),
        "comments_enabled": "on",
    }
    data.update(extra)
    return nested_form_data(data)


def create_url(section) -> str:
    return reverse("wagtailadmin_pages:add", args=["newsroom", "articlepage", section.pk])


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class Tab:
    """The article open in a browser tab: its form's `loaded_revision_*` inputs, and
    Wagtail's editing session, released when the tab is closed or reloaded."""

    def __init__(self, client, page):
        self.client = client
        html = client.get(edit_url(page)).content.decode()
        self.loaded = dict(re.findall(r'name="(loaded_revision_\w+)" value="([^"]*)"', html))
        assert set(self.loaded) == {"loaded_revision_id", "loaded_revision_created_at"}
        self.release_url = re.search(r"/admin/editing-sessions/release/\d+/", html).group(0)

    def close(self):
        # What the browser's « pagehide » beacon does.
        assert self.client.post(self.release_url).status_code == 200


def loaded_revision(client, page) -> dict:
    """A tab opened, its loaded revision read, then the tab closed again."""
    tab = Tab(client, page)
    tab.close()
    return tab.loaded


def autosave_create(client, section, **fields):
    return client.post(create_url(section), form(**fields), **AUTOSAVE)


def revisions(page) -> int:
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def articles_in(section) -> list[str]:
    return list(ArticlePage.objects.child_of(section).values_list("title", flat=True))


# --- creating ---------------------------------------------------------------------------


def test_autosave_creates_no_article_from_a_title_alone(client, newsroom, journalist):
    for fields in (
        {},
        {"title": "G"},
        # Nothing typed in what was added: still nothing worth a page.
        {"blocks": [("paragraph", ""), ("quote", {"text": " ", "attribution": ""})]},
        {"corrections": [{"corrected_at": "2026-12-06 10:00", "text": ""}]},
    ):
        response = autosave_create(client, newsroom.europe, **fields)
        assert response.status_code == 400, fields
        answer = response.json()
        # A code Wagtail's autosave knows: it pauses, shows the reason, tries again.
        assert answer["error_code"] == "validation_error"
        # Says what it waits for (in English, or in French once `make messages` ran).
        assert re.search("first paragraph|premier paragraphe", answer["error_message"])
    assert articles_in(newsroom.europe) == []
    # No title at all: Wagtail's own answer, no page either.
    assert autosave_create(client, newsroom.europe, title="").status_code == 400
    assert articles_in(newsroom.europe) == []


def test_the_first_autosave_with_text_creates_a_draft_its_journalist_may_discard(
    client, newsroom, journalist
):
    response = autosave_create(client, newsroom.europe, blocks=[("paragraph", PARAGRAPH)])
    assert response.status_code == 200, response.content
    created = response.json()
    article = ArticlePage.objects.get(pk=created["pk"])
    assert (article.title, article.live, article.owner) == (TITLE, False, journalist)
    assert article.first_published_at is None
    # The browser's form becomes the edit form; its next autosaves update the revision.
    assert created["url"] == edit_url(article)
    again = client.post(
        edit_url(article),
        form(standfirst=STANDFIRST, blocks=[("paragraph", PARAGRAPH)])
        | {"overwrite_revision_id": str(created["revision_id"])},
        **AUTOSAVE,
    )
    assert again.status_code == 200, again.content
    assert revisions(article) == 1
    # A never-published draft of one's own can be thrown away (Wagtail's « Supprimer »).
    assert article.permissions_for_user(journalist).can_delete()
    deleted = client.post(reverse("wagtailadmin_pages:delete", args=[article.pk]))
    assert deleted.status_code == 302
    assert not Page.objects.filter(pk=article.pk).exists()


def test_a_standfirst_is_text_enough_and_saving_by_hand_creates_at_once(
    client, newsroom, journalist
):
    assert autosave_create(client, newsroom.europe, standfirst=STANDFIRST).status_code == 200
    # « Enregistrer le brouillon » is the journalist's decision: a title is enough.
    by_hand = client.post(create_url(newsroom.sport), form(title="Le Tour passe par Brest"))
    assert by_hand.status_code == 302
    assert articles_in(newsroom.sport) == ["Le Tour passe par Brest"]


# --- empty parts --------------------------------------------------------------------------


EMPTY_PARTS = {
    "blocks": [
        ("paragraph", PARAGRAPH),
        ("paragraph", ""),
        ("quote", {"text": "", "attribution": " "}),
        ("embed", {"url": "", "title": "", "provider": ""}),
    ],
    "corrections": [{"corrected_at": "2026-12-06 10:00", "text": "   "}],
}


def test_empty_blocks_and_corrections_are_not_kept_and_do_not_block_publishing(
    client, newsroom, editor
):
    created = autosave_create(client, newsroom.europe, standfirst=STANDFIRST, **EMPTY_PARTS)
    assert created.status_code == 200, created.content
    article = ArticlePage.objects.get(pk=created.json()["pk"])
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["paragraph"]
    assert list(draft.corrections.all()) == []

    # The browser still shows the empty parts and sends them with « Publier ».
    published = client.post(
        edit_url(article),
        form(standfirst=STANDFIRST, **EMPTY_PARTS) | {"action-publish": "on"},
    )
    assert published.status_code == 302, published.context and published.context["form"].errors
    article.refresh_from_db()
    assert article.live
    assert [block.block_type for block in article.body] == ["paragraph"]
    assert not Correction.objects.filter(page=article).exists()


def test_an_author_row_left_without_an_author_does_not_stop_autosave(client, newsroom, editor):
    # Without the rule, the row's required author made every autosave fail.
    created = autosave_create(
        client, newsroom.europe, standfirst=STANDFIRST, authors=["", newsroom.author.pk]
    )
    assert created.status_code == 200, created.content
    article = ArticlePage.objects.get(pk=created.json()["pk"])
    draft = article.get_latest_revision_as_object()
    assert [link.author for link in draft.article_authors.all()] == [newsroom.author]


def test_a_half_filled_block_still_stops_publication(client, newsroom, editor):
    article = make_article(newsroom.europe, title=TITLE, slug="demi-citation", live=False)
    response = client.post(
        edit_url(article),
        form(
            slug="demi-citation",
            standfirst=STANDFIRST,
            blocks=[("paragraph", PARAGRAPH), ("quote", {"text": "", "attribution": "Le maire"})],
        )
        | {"action-publish": "on"},
    )
    assert response.status_code == 200  # the form again, with the quote's error
    assert response.context["form"].errors["body"]
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_emptying_a_correction_readers_have_seen_never_deletes_it(client, newsroom, editor):
    article = make_article(newsroom.europe, title=TITLE, slug="rectifie")
    draft = article.get_latest_revision_as_object()
    draft.corrections.add(Correction(text="Le trafic était perturbé jeudi, non mercredi."))
    publish(draft)
    correction = Correction.objects.get(page=article)
    fields = {
        "slug": "rectifie",
        "standfirst": STANDFIRST,
        "blocks": [("paragraph", PARAGRAPH)],
        "corrections": [{"id": correction.pk, "corrected_at": "2026-12-06 10:00", "text": ""}],
    }
    assert client.post(edit_url(article), form(**fields), **AUTOSAVE).status_code == 200
    refused = client.post(edit_url(article), form(**fields) | {"action-publish": "on"})
    assert refused.status_code == 200
    assert "corrections" in refused.context["form"].formsets
    assert refused.context["form"].formsets["corrections"].errors[0]["text"]
    assert Correction.objects.get(pk=correction.pk).text.startswith("Le trafic")


def test_a_correction_stored_empty_by_an_earlier_autosave_is_removed(client, newsroom, editor):
    article = make_article(newsroom.europe, title=TITLE, slug="brouillon", live=False)
    stored = Correction.objects.create(page=article, text="")  # as autosave once left it
    article = ArticlePage.objects.get(pk=article.pk)
    article.save_revision(user=editor)
    response = client.post(
        edit_url(article),
        form(
            slug="brouillon",
            standfirst=STANDFIRST,
            blocks=[("paragraph", PARAGRAPH)],
            corrections=[{"id": stored.pk, "corrected_at": "2026-12-06 10:00", "text": ""}],
        )
        | {"action-publish": "on"},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert not Correction.objects.filter(page=article).exists()


def test_what_counts_as_an_empty_block():
    body = ArticleBodyBlock()
    paragraph, quote, image = (body.child_blocks[name] for name in ("paragraph", "quote", "image"))
    assert block_is_empty(paragraph, paragraph.to_python('<p data-block-key="a"> &nbsp;</p>'))
    assert not block_is_empty(paragraph, paragraph.to_python("<p>Un mot</p>"))
    assert block_is_empty(quote, quote.to_python({"text": "", "attribution": "  "}))
    assert not block_is_empty(quote, quote.to_python({"text": "", "attribution": "Le maire"}))
    assert block_is_empty(image, image.to_python({"image": None, "alt_text": "", "caption": ""}))
    assert not block_is_empty(image, image.to_python({"image": None, "caption": "Légende"}))


# --- revisions ----------------------------------------------------------------------------


def draft_of(user, section, slug="en-cours") -> ArticlePage:
    article = make_article(section, title=TITLE, slug=slug, live=False)
    Revision.page_revisions.filter(object_id=str(article.pk)).update(user=user)
    return ArticlePage.objects.get(pk=article.pk)


def typed(number: int, slug="en-cours") -> dict:
    return form(slug=slug, standfirst=f"{STANDFIRST} ({number})", blocks=[("paragraph", PARAGRAPH)])


def test_a_burst_of_autosaves_from_new_sessions_keeps_one_revision(client, newsroom, journalist):
    """Each reload, each reopening of the article was a new Wagtail session, and each
    session's first autosave a new revision: eight in two minutes."""
    article = draft_of(journalist, newsroom.europe)
    start = timezone.now()
    for number in range(8):
        with time_machine.travel(start + timedelta(seconds=15 * number), tick=False):
            loaded = loaded_revision(client, article)  # the journalist opens the article
            response = client.post(edit_url(article), typed(number) | loaded, **AUTOSAVE)
            assert response.status_code == 200, response.content
    assert revisions(article) == 1
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert latest.standfirst.endswith("(7)")


def test_saving_a_draft_by_hand_again_and_again_keeps_one_revision(client, newsroom, journalist):
    article = draft_of(journalist, newsroom.europe)
    start = timezone.now()
    for number in range(8):
        with time_machine.travel(start + timedelta(seconds=15 * number), tick=False):
            assert client.post(edit_url(article), typed(number)).status_code == 302
    assert revisions(article) == 1


def test_a_long_session_keeps_a_version_every_ten_minutes(client, newsroom, journalist):
    article = draft_of(journalist, newsroom.europe)
    start = timezone.now()
    revision_id = None
    for number in range(13):  # an autosave every two minutes for twenty-four minutes
        overwrite = {"overwrite_revision_id": str(revision_id)} if revision_id else {}
        with time_machine.travel(start + timedelta(minutes=2 * number), tick=False):
            loaded = {} if revision_id else loaded_revision(client, article)
            response = client.post(
                edit_url(article), typed(number) | loaded | overwrite, **AUTOSAVE
            )
        assert response.status_code == 200, response.content
        revision_id = response.json()["revision_id"]  # what Wagtail's JS keeps
    assert timedelta(minutes=10) == REVISION_SPAN
    assert revisions(article) == 3  # begun at 0, 12 and 24 minutes


def test_someone_elses_revision_is_never_updated(client, newsroom, journalist):
    article = draft_of(journalist, newsroom.europe)
    client.force_login(member_of(roles.EDITOR))
    loaded = loaded_revision(client, article)
    assert client.post(edit_url(article), typed(1) | loaded, **AUTOSAVE).status_code == 200
    assert revisions(article) == 2


def test_the_published_revision_is_never_rewritten(client, newsroom, editor):
    article = draft_of(editor, newsroom.europe)
    first = client.post(edit_url(article), typed(1) | loaded_revision(client, article), **AUTOSAVE)
    revision = Revision.objects.get(pk=first.json()["revision_id"])
    revision.publish(user=editor)  # e.g. « Publier » from the pages' list, tab still open
    response = client.post(
        edit_url(article), typed(2) | {"overwrite_revision_id": str(revision.pk)}, **AUTOSAVE
    )
    assert response.status_code == 200, response.content
    assert response.json()["revision_id"] != revision.pk
    revision.refresh_from_db()
    assert revision.as_object().standfirst.endswith("(1)")
    assert ArticlePage.objects.get(pk=article.pk).live_revision_id == revision.pk


def test_the_revision_submitted_for_review_is_never_rewritten(client, newsroom, editor):
    article = draft_of(editor, newsroom.europe)
    submitted = client.post(edit_url(article), typed(1) | {"action-submit": "on"})
    assert submitted.status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    under_review = article.current_workflow_task_state.revision
    loaded = loaded_revision(client, article)
    assert client.post(edit_url(article), typed(2) | loaded, **AUTOSAVE).status_code == 200
    under_review.refresh_from_db()
    assert under_review.as_object().standfirst.endswith("(1)")
    assert ArticlePage.objects.get(pk=article.pk).latest_revision_id != under_review.pk


def test_going_back_to_an_old_version_is_a_revision_of_its_own(client, newsroom, journalist):
    article = make_article(newsroom.europe, title=TITLE, slug="en-cours", live=False)
    old = article.latest_revision  # the desk's, not the journalist's
    assert client.post(edit_url(article), typed(1)).status_code == 302
    mine = ArticlePage.objects.get(pk=article.pk).latest_revision
    revert = reverse("wagtailadmin_pages:revisions_revert", args=[article.pk, old.pk])
    assert client.post(revert, typed(0)).status_code == 302
    assert revisions(article) == 3
    mine.refresh_from_db()
    assert mine.as_object().standfirst.endswith("(1)")


def test_a_tab_left_behind_still_gets_wagtails_conflict_answer(client, newsroom, journalist):
    article = draft_of(journalist, newsroom.europe)
    stale = loaded_revision(client, article)
    other_tab = client.post(edit_url(article), typed(1) | stale, **AUTOSAVE)
    assert other_tab.status_code == 200
    response = client.post(edit_url(article), typed(2) | stale, **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert latest.standfirst.endswith("(1)")


def test_two_open_tabs_never_share_a_revision(client, newsroom, journalist):
    """Wagtail lets a session update its revision while it is the latest: two tabs on
    one revision would silently overwrite each other's text."""
    article = draft_of(journalist, newsroom.europe)
    first = Tab(client, article)
    saved = client.post(edit_url(article), typed(1) | first.loaded, **AUTOSAVE).json()
    second = Tab(client, article)  # opened while the first is still open
    assert client.post(edit_url(article), typed(2) | second.loaded, **AUTOSAVE).status_code == 200
    # The first tab's next autosave is told of the newer version, as Wagtail tells it.
    late = client.post(
        edit_url(article),
        typed(3) | {"overwrite_revision_id": str(saved["revision_id"])},
        **AUTOSAVE,
    )
    assert late.json()["error_code"] == "invalid_revision"
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert latest.standfirst.endswith("(2)")
    assert revisions(article) == 2
    # Both closed, the article opened again: its autosaves join the latest revision.
    first.close()
    second.close()
    reopened = loaded_revision(client, article)
    assert client.post(edit_url(article), typed(4) | reopened, **AUTOSAVE).status_code == 200
    assert revisions(article) == 2


# --- addresses ----------------------------------------------------------------------------


def test_starting_an_article_again_with_the_same_title_works(client, newsroom, journalist):
    first = autosave_create(client, newsroom.europe, standfirst=STANDFIRST)
    assert first.status_code == 200  # then abandoned, or withdrawn later: it stays
    again = autosave_create(client, newsroom.europe, standfirst=STANDFIRST)
    assert again.status_code == 200, again.content
    answer = again.json()
    slug = slugify(TITLE)
    assert ArticlePage.objects.get(pk=answer["pk"]).slug == f"{slug}-2"
    # The open form's « slug » field is told, as Wagtail tells it the new rows' ids.
    assert answer["field_updates"]["slug"] == f"{slug}-2"

    # Saved by hand, the journalist reads where the article will be.
    third = client.post(create_url(newsroom.europe), form(standfirst=STANDFIRST), follow=True)
    assert third.status_code == 200
    assert ArticlePage.objects.filter(slug=f"{slug}-3").exists()
    shown = [str(message) for message in third.context["messages"]]
    assert any(f"{slug}-3" in message for message in shown), shown


def test_a_published_articles_address_is_never_moved(client, newsroom, editor):
    make_article(newsroom.europe, title="Premier", slug="premier")
    second = make_article(newsroom.europe, title="Second", slug="second")
    response = client.post(
        edit_url(second),
        form(title="Second", slug="premier", standfirst=STANDFIRST, blocks=[("paragraph", "x")])
        | {"action-publish": "on"},
    )
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert ArticlePage.objects.get(pk=second.pk).slug == "second"


def test_the_next_free_address_fits_the_field(newsroom):
    long_slug = "a" * 255
    make_article(newsroom.europe, title="Long", slug=long_slug, live=False)
    make_article(newsroom.europe, title="Court", slug="court", live=False)
    make_article(newsroom.europe, title="Court 2", slug="court-2", live=False)
    page = ArticlePage(title="Nouveau")
    assert next_free_slug("court", newsroom.europe, page) == "court-3"
    free = next_free_slug(long_slug, newsroom.europe, page)
    assert len(free) == 255 and free.endswith("-2")
