"""Administrators see and revoke every user's API tokens (everyone else: their own).

Groups by name, as kiosque.newsroom.roles creates them (migration newsroom 0002_roles).
"""

from django.db import migrations

ADMINISTRATOR = "Administrateurs"
CODENAME = "manage_all_tokens"


def grant(apps, schema_editor):
    # get_or_create: Permission rows only appear after all migrations (post_migrate).
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=ADMINISTRATOR)
    content_type, _ = ContentType.objects.get_or_create(app_label="api", model="apitoken")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can see and revoke every user's API tokens"},
    )
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=ADMINISTRATOR).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="api", codename=CODENAME)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
