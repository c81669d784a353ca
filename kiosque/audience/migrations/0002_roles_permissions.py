"""Editors and administrators see the audience page (kiosque/audience/admin_views.py)."""

from django.db import migrations

GROUPS = ("Éditeurs", "Administrateurs")  # kiosque.newsroom.roles.EDITOR, ADMINISTRATOR
CODENAME = "view_hourlypageviews"


def grant(apps, schema_editor):
    # get_or_create: Permission rows only appear after all migrations (post_migrate).
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="audience", model="hourlypageviews"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can view page views per hour"},
    )
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("audience", "0001_initial"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
