"""Moderators edit the banned/suspect words and the per-page comment rules."""

from django.db import migrations

GROUPS = ("Modérateurs", "Administrateurs")
CODENAMES = (
    ("wordrule", ("add_wordrule", "change_wordrule", "delete_wordrule", "view_wordrule")),
    (
        "threadoverride",
        ("add_threadoverride", "change_threadoverride", "delete_threadoverride", "view_threadoverride"),
    ),
    ("discussionsettings", ("change_discussionsettings",)),
)


def grant(apps, schema_editor):
    # get_or_create: Permission rows only appear after all migrations (post_migrate).
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        for model, codenames in CODENAMES:
            content_type, _ = ContentType.objects.get_or_create(app_label="discussion", model=model)
            for codename in codenames:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=codename,
                    defaults={"name": codename.replace("_", " ").capitalize()},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("discussion", "0001_initial"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
