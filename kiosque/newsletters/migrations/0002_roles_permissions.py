"""Who works the newsletters in the admin.

Éditeurs see and edit the editions (a digest's subject, introduction and articles; hold
or approve it) and send « Alerte info »: the roles that may publish. They see the lists
and their counts, without changing them. Administrateurs also create and edit the lists.
Nobody deletes a list in the admin: its consent records are the proof of who asked for
what (an administrator deactivates it instead). Journalistes and Modérateurs get nothing.
"""

from django.db import migrations

EDITION = ("view_edition", "change_edition", "send_alert")
GRANTS = {
    "Éditeurs": {"edition": EDITION, "newsletterlist": ("view_newsletterlist",)},
    "Administrateurs": {
        "edition": EDITION,
        "newsletterlist": ("view_newsletterlist", "add_newsletterlist", "change_newsletterlist"),
    },
}


def _permissions(apps, model, codenames):
    # get_or_create: Permission rows only appear after all migrations (post_migrate).
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="newsletters", model=model)
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )[0]
        for codename in codenames
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, models in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for model, codenames in models.items():
            group.permissions.add(*_permissions(apps, model, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, models in GRANTS.items():
        for group in Group.objects.filter(name=name):
            for model, codenames in models.items():
                group.permissions.remove(*_permissions(apps, model, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0001_initial"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
