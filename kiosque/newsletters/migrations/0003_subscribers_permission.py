"""« Abonnés » (the subscribers and their consent records, read-only): Administrateurs
only. The addresses are personal data; Éditeurs work the editions and need none of
them (least privilege), Journalistes and Modérateurs even less.
"""

from django.db import migrations

GROUP = "Administrateurs"
CODENAME = "view_subscriber"


def _permission(apps):
    # get_or_create: Permission rows only appear after all migrations (post_migrate).
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="newsletters", model="subscriber")
    return Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": "Can view subscriber"}
    )[0]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(_permission(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0002_roles_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
