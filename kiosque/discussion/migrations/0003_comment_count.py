"""The published-comment counter of each article (decision 0025), filled from the comments,
and an index for the editor's picks: the first comments page no longer grows with the thread."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    Comment = apps.get_model("discussion", "Comment")
    CommentCount = apps.get_model("discussion", "CommentCount")
    totals = (
        Comment.objects.filter(status="published")
        .values_list("article_id")
        .annotate(n=models.Count("id"))
    )
    CommentCount.objects.bulk_create(
        CommentCount(article_id=article_id, published=n) for article_id, n in totals
    )


class Migration(migrations.Migration):
    dependencies = [
        ("discussion", "0002_moderator_permissions"),
        # The article table exists since newsroom 0001; depending on no later newsroom
        # migration keeps this one independent of the newsroom app's own changes.
        ("newsroom", "0002_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name="CommentCount",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="newsroom.articlepage",
                    ),
                ),
                ("published", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                condition=models.Q(("is_featured", True)),
                fields=["article", "created_at"],
                name="comment_picks",
            ),
        ),
    ]
