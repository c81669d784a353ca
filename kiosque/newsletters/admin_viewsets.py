"""« Lettres d'information » in the Wagtail admin: the lists, the editions, « Alerte info »,
and « Abonnés » (admin_subscribers.py: administrators only).

Who sees what is the models' permissions, granted by migration 0003: Éditeurs view the
lists and work the editions (and send alerts: `send_alert`); Administrateurs also add
and change the lists. Nobody adds an edition by hand (the worker prepares digests and
follows, the alert form makes alerts) and nobody deletes one or a list: they are the
record of what was sent, and a list's consent records the proof of who asked for it.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from kiosque.newsletters import admin_subscribers, admin_views
from kiosque.newsletters.alerts import may_send_alerts
from kiosque.newsletters.models import Edition, NewsletterList, Subscription

# --- lists -------------------------------------------------------------------------


class NoDeletePolicy(ModelPermissionPolicy):
    """The model's permissions without « delete » (and without « add » when told)."""

    def __init__(self, model, *, refused=("delete",)):
        super().__init__(model)
        self.refused = set(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in self.refused])


class NewsletterListForm(forms.ModelForm):
    """Digests and alerts are made here; follow lists by readers' « Suivre » buttons."""

    class Meta:
        model = NewsletterList
        fields = [
            "name",
            "slug",
            "kind",
            "language",
            "description",
            "send_time",
            "prepare_minutes_before",
            "sends_automatically",
            "active",
        ]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        if self.instance.pk and self.instance.kind == NewsletterList.Kind.FOLLOW:
            kind.disabled = True  # a follow list's page is its reader's choice
        else:
            kind.choices = [
                (value, label)
                for value, label in NewsletterList.Kind.choices
                if value != NewsletterList.Kind.FOLLOW
            ]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind") or self.instance.kind
        if kind == NewsletterList.Kind.DIGEST and not cleaned.get("send_time"):
            self.add_error("send_time", _("A daily digest needs the hour it goes."))
        minutes = cleaned.get("prepare_minutes_before")
        if minutes is not None and minutes > 12 * 60:
            self.add_error(
                "prepare_minutes_before", _("At most 12 hours (720 minutes) before it goes.")
            )
        return cleaned


def confirmed_count(newsletter) -> int:
    return newsletter.confirmed_count


class NewsletterListIndexView(ModelViewSet.index_view_class):
    def get_base_queryset(self):
        # One query for every list's count, whatever the number of follow lists.
        return (
            super()
            .get_base_queryset()
            .annotate(
                confirmed_count=Count(
                    "subscriptions",
                    filter=Q(
                        subscriptions__status=Subscription.Status.CONFIRMED,
                        subscriptions__subscriber__suspended_at__isnull=True,
                    ),
                )
            )
        )


class Forbidden403Mixin:
    """Wagtail's admin turns a refusal into a redirect to the dashboard; these pages
    answer 403, so that a refusal is one (for people, monitoring and tests alike)."""

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = admin_views.forbidden_as_403(pattern.callback)
        return patterns


class NewsletterListViewSet(Forbidden403Mixin, ModelViewSet):
    model = NewsletterList
    icon = "mail"
    menu_label = _("Lists")
    menu_name = "newsletter-lists"
    url_prefix = "lettres/listes"
    url_namespace = "newsletter_lists"
    form_fields = NewsletterListForm.Meta.fields
    copy_view_enabled = False
    inspect_view_enabled = False
    list_filter = ["kind", "language", "active"]
    list_display = [
        "name",
        "kind",
        "language",
        Column("confirmed", label=_("Confirmed subscribers"), accessor=confirmed_count),
        "active",
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("language"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("send_time"),
                FieldPanel("prepare_minutes_before"),
                FieldPanel("sends_automatically"),
            ],
            heading=_("Daily digest"),
        ),
        FieldPanel("active"),
    ]

    index_view_class = NewsletterListIndexView

    def get_form_class(self, for_update=False):
        return NewsletterListForm


register_permission_policy(NewsletterList, NoDeletePolicy(NewsletterList))


# --- editions ----------------------------------------------------------------------


EDITABLE = (Edition.Status.DRAFT, Edition.Status.HELD, Edition.Status.READY)
WORKER_FIELDS = ("status", "send_at", "occasion", "prepared_at", "started_at", "finished_at")


def is_editable(edition: Edition) -> bool:
    """Only a digest not yet gone is edited: a follow or an alert goes as it is made."""
    return edition.newsletter.kind == NewsletterList.Kind.DIGEST and edition.status in EDITABLE


register_permission_policy(Edition, NoDeletePolicy(Edition, refused=("add", "delete")))


def progress_text(edition: Edition) -> str:
    return admin_views.progress_summary(edition)


class EditionEditView(ModelViewSet.edit_view_class):
    def dispatch(self, request, *args, **kwargs):
        edition = self.get_object()
        if not is_editable(edition):
            return redirect("newsletter_editions:preview", edition.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return reverse("newsletter_editions:preview", args=[self.object.pk])

    def save_instance(self):
        """Save what the editor changed, never what the worker owns: under the row's
        lock, the status and times are read again (a digest that started going while
        the form was open is not put back to draft, nor its recipients forgotten)."""
        with transaction.atomic():
            current = Edition.objects.select_for_update().get(pk=self.object.pk)
            if not is_editable(current):
                raise PermissionDenied
            for field in WORKER_FIELDS:
                setattr(self.form.instance, field, getattr(current, field))
            return super().save_instance()

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Preview, approve or hold"),
                url=reverse("newsletter_editions:preview", args=[self.object.pk]),
                icon_name="view",
            )
        ]


class EditionIndexView(ModelViewSet.index_view_class):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("newsletter")

    def get_table(self, object_list):
        # The progress column's counts: one query for the page, whatever its length.
        editions = list(object_list)
        admin_views.page_progress(editions)
        return super().get_table(editions)

    def get_edit_url(self, instance):
        # Every edition opens on its preview, with its progress, and edit when it may.
        return reverse("newsletter_editions:preview", args=[instance.pk])


class EditionViewSet(Forbidden403Mixin, ModelViewSet):
    model = Edition
    icon = "doc-full"
    menu_label = _("Editions")
    menu_name = "newsletter-editions"
    url_prefix = "lettres/editions"
    url_namespace = "newsletter_editions"
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_view_class = EditionEditView
    index_view_class = EditionIndexView
    list_filter = ["status", "newsletter"]
    list_display = [
        "subject",
        "newsletter",
        "status",
        "send_at",
        Column("progress", label=_("Sending"), accessor=progress_text),
    ]
    panels = [
        FieldPanel("subject"),
        FieldPanel("intro"),
        InlinePanel("articles", label=_("Article"), heading=_("Articles, in order")),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/apercu/", admin_views.edition_preview, name="preview"),
            path("<int:pk>/message/", admin_views.edition_message, name="message"),
            path("<int:pk>/approuver/", admin_views.edition_approve, name="approve"),
            path("<int:pk>/retenir/", admin_views.edition_hold, name="hold"),
        ]


# --- « Alerte info » ---------------------------------------------------------------


class AlertViewSet(Forbidden403Mixin, ViewSet):
    name = "newsletter_alert"
    icon = "warning"
    menu_label = _("Breaking-news alert")
    menu_name = "newsletter-alert"
    url_prefix = "lettres/alerte"
    url_namespace = "newsletter_alert"

    def get_urlpatterns(self):
        return [
            path("", admin_views.alert_compose, name="index"),
            path("message/", admin_views.alert_message, name="message"),
        ]

    @property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        class AlertMenuItem(MenuItem):
            def is_shown(self, request):
                return may_send_alerts(request.user)

        return AlertMenuItem


# --- « Abonnés » (administrators only) ----------------------------------------------


class SubscriberViewSet(Forbidden403Mixin, ViewSet):
    name = "newsletter_subscribers"
    icon = "user"
    menu_label = _("Subscribers")
    menu_name = "newsletter-subscribers"
    url_prefix = "lettres/abonnes"
    url_namespace = "newsletter_subscribers"

    def get_urlpatterns(self):
        return [
            path("", admin_subscribers.subscriber_index, name="index"),
            path("<int:pk>/", admin_subscribers.subscriber_detail, name="detail"),
        ]

    @property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        class SubscribersMenuItem(MenuItem):
            def is_shown(self, request):
                return admin_subscribers.may_see_subscribers(request.user)

        return SubscribersMenuItem


class NewslettersMenu(ViewSetGroup):
    menu_label = _("Newsletters")
    menu_name = "newsletters"
    menu_icon = "mail"
    menu_order = 270  # after « Moderation » and « Error reports »
    items = (EditionViewSet, AlertViewSet, NewsletterListViewSet, SubscriberViewSet)
