"""Who works the readers' error reports: the roles that publish corrections.

Éditeurs and Administrateurs see the queue and mark reports handled or dismissed (the
model's view and change permissions). Journalistes (who cannot publish a correction)
and Modérateurs (comments only) do not see it. Nobody adds or deletes reports in the
admin: they come from readers, and stay as the record of what was reported.
"""

from django.db import migrations

GROUPS = ("Éditeurs", "Administrateurs")
CODENAMES = ("view_errorreport", "change_errorreport")


def grant(apps, schema_editor):
    # get_or_create: Permission rows only appear after all migrations (post_migrate).
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="editorial", model="errorreport")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )[0]
        for codename in CODENAMES
    ]
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="editorial", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_error_reports"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
