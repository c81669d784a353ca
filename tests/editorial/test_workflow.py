"""The « Relecture » workflow in the Wagtail admin, role by role, with the test client:
journalists submit but never publish, editors approve, publish or send back with a
comment, moderators never touch articles, administrators can do what editors do;
locking, revision history, compare and revert."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Revision, TaskState, Workflow, WorkflowState

from kiosque.newsroom import roles
from kiosque.newsroom.models import ArticlePage
from tests.editorial.admin_forms import article_form
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def member_of(role: str):
    user, _ = get_user_model().objects.get_or_create(
        username=f"user-{role.lower()}", defaults={"email": f"{role.lower()}@example.org"}
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def as_role(client):
    def log_in(role: str):
        client.force_login(member_of(role))
        return client

    return log_in


def edit_url(article) -> str:
    return reverse("wagtailadmin_pages:edit", args=[article.pk])


def fresh(article) -> ArticlePage:
    return ArticlePage.objects.get(pk=article.pk)


def submit_for_review(client, article, title="Titre proposé à la relecture"):
    response = client.post(
        edit_url(article), article_form(article, title=title, **{"action-submit": "on"})
    )
    assert response.status_code == 302, (
        getattr(response, "context", None) and response.context["form"].errors
    )
    return fresh(article).current_workflow_task_state


def workflow_action(client, article, action: str, **data):
    state = fresh(article).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, state.pk])
    return client.post(url, data)


def test_every_page_goes_through_the_relecture_workflow(newsroom):
    article = make_article(newsroom.europe, live=False)
    workflow = article.get_workflow()
    assert workflow == Workflow.objects.get(name="Relecture") and workflow.active
    [task] = [t.specific for t in workflow.tasks]
    assert {g.name for g in task.groups.all()} == {roles.EDITOR, roles.ADMINISTRATOR}


def test_a_journalist_writes_and_submits_but_cannot_publish(as_role, newsroom):
    article = make_article(newsroom.europe, slug="brouillon", live=False)
    client = as_role(roles.JOURNALIST)
    assert client.get(edit_url(article)).status_code == 200

    # « Publish » in a journalist's POST only saves a draft.
    response = client.post(
        edit_url(article), article_form(article, title="Publié ?", **{"action-publish": "on"})
    )
    assert response.status_code == 302
    assert not fresh(article).live
    assert fresh(article).get_latest_revision().content["title"] == "Publié ?"

    state = submit_for_review(client, article)
    assert state.status == TaskState.STATUS_IN_PROGRESS
    assert state.task.name == "Relecture par un éditeur"
    assert not fresh(article).live
    # Approving their own submission is not theirs to do.
    workflow_action(client, article, "approve")
    assert fresh(article).current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not fresh(article).live


def test_the_article_is_locked_for_the_journalist_while_in_review(as_role, newsroom):
    article = make_article(newsroom.europe, slug="en-relecture", live=False)
    journalist = as_role(roles.JOURNALIST)
    submit_for_review(journalist, article, title="Version relue")
    revisions = Revision.objects.filter(object_id=str(article.pk)).count()
    journalist.post(edit_url(article), article_form(article, title="Changement en douce"))
    assert Revision.objects.filter(object_id=str(article.pk)).count() == revisions
    assert fresh(article).get_latest_revision().content["title"] == "Version relue"


def test_an_editor_approves_and_the_article_is_published(as_role, client, newsroom):
    article = make_article(newsroom.europe, slug="a-relire", live=False)
    submit_for_review(as_role(roles.JOURNALIST), article, title="Relu et approuvé")
    editor = as_role(roles.EDITOR)
    response = workflow_action(editor, article, "approve", comment="Très bien.")
    assert response.status_code == 302
    article = fresh(article)
    assert article.live and article.title == "Relu et approuvé"
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == "approved"
    client.logout()
    assert client.get(article.url).status_code == 200


def test_an_editor_sends_back_with_a_comment(as_role, newsroom):
    article = make_article(newsroom.europe, slug="a-revoir", live=False)
    journalist = as_role(roles.JOURNALIST)
    submit_for_review(journalist, article)
    editor = as_role(roles.EDITOR)
    workflow_action(
        editor, article, "reject", comment="Le chiffre du deuxième paragraphe est faux."
    )
    state = TaskState.objects.get(workflow_state__object_id=str(article.pk))
    assert state.status == TaskState.STATUS_REJECTED
    assert state.comment == "Le chiffre du deuxième paragraphe est faux."
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == "needs_changes"
    assert not fresh(article).live
    # The journalist sees the comment in the editor and may edit again.
    journalist = as_role(roles.JOURNALIST)
    html = journalist.get(edit_url(article)).content.decode()
    assert "Le chiffre du deuxième paragraphe est faux." in html
    journalist.post(edit_url(article), article_form(article, title="Chiffre corrigé"))
    assert fresh(article).get_latest_revision().content["title"] == "Chiffre corrigé"


@pytest.mark.parametrize("role", [roles.EDITOR, roles.ADMINISTRATOR])
def test_editors_and_administrators_publish_directly(as_role, role, newsroom):
    article = make_article(newsroom.europe, slug=f"direct-{role[:4].lower()}", live=False)
    client = as_role(role)
    response = client.post(
        edit_url(article),
        article_form(article, title="Publié tout de suite", **{"action-publish": "on"}),
    )
    assert response.status_code == 302
    assert fresh(article).live and fresh(article).title == "Publié tout de suite"


def test_an_administrator_approves_a_submission(as_role, newsroom):
    article = make_article(newsroom.europe, slug="relu-par-admin", live=False)
    submit_for_review(as_role(roles.JOURNALIST), article)
    workflow_action(as_role(roles.ADMINISTRATOR), article, "approve")
    assert fresh(article).live


def test_a_moderator_cannot_touch_articles(as_role, newsroom):
    article = make_article(newsroom.europe, slug="intouchable")
    moderator = as_role(roles.MODERATOR)
    for url in (
        edit_url(article),
        reverse("wagtailadmin_pages:history", args=[article.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[article.pk]),
    ):
        response = moderator.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"] != url
    revisions = Revision.objects.filter(object_id=str(article.pk)).count()
    moderator.post(
        edit_url(article), article_form(article, title="Vandalisme", **{"action-publish": "on"})
    )
    moderator.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    assert Revision.objects.filter(object_id=str(article.pk)).count() == revisions
    assert fresh(article).live and fresh(article).title != "Vandalisme"


def test_an_editor_lock_keeps_journalists_out(as_role, newsroom):
    article = make_article(newsroom.europe, slug="verrouille", live=False)
    editor = as_role(roles.EDITOR)
    editor.post(reverse("wagtailadmin_pages:lock", args=[article.pk]))
    assert fresh(article).locked
    journalist = as_role(roles.JOURNALIST)
    journalist.post(edit_url(article), article_form(article, title="Malgré le verrou"))
    assert fresh(article).get_latest_revision().content["title"] != "Malgré le verrou"
    # Journalists cannot lift an editor's lock either.
    journalist.post(reverse("wagtailadmin_pages:unlock", args=[article.pk]))
    assert fresh(article).locked


@pytest.mark.parametrize("role", [roles.JOURNALIST, roles.EDITOR])
def test_revision_history_compare_and_revert(as_role, role, newsroom):
    article = make_article(
        newsroom.europe, slug=f"historique-{role[:4].lower()}", title="Première version", live=False
    )
    client = as_role(role)
    first = fresh(article).get_latest_revision()
    client.post(edit_url(article), article_form(article, title="Deuxième version"))
    second = fresh(article).get_latest_revision()
    assert second.pk != first.pk

    assert client.get(reverse("wagtailadmin_pages:history", args=[article.pk])).status_code == 200
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, first.pk, second.pk])
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    # The title's words, as the diff marks them (removed, added).
    assert "Première" in html and "Deuxième" in html

    # Revert opens the editor on the old version; saving it makes it the latest.
    revert = client.get(reverse("wagtailadmin_pages:revisions_revert", args=[article.pk, first.pk]))
    assert revert.status_code == 200
    assert "Première version" in revert.content.decode()
    old = first.as_object()
    client.post(edit_url(article), article_form(old, title=old.title))
    assert fresh(article).get_latest_revision().content["title"] == "Première version"
