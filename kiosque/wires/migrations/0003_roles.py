"""Grant the wire desk's permissions to the newsroom's roles (groups, by name).

- Journalistes: see the desk and make a draft article from a dispatch (they never
  publish: Wagtail's page permissions already say so).
- Éditeurs: the same, apply a new version to an article (and publish it, through their
  page publish permission), edit the routing rules.
- Administrateurs: everything, including the wire sources and the wires settings.
- Modérateurs: nothing here (comments only); they do not see the desk.
"""

from django.db import migrations

JOURNALIST, EDITOR, MODERATOR, ADMINISTRATOR = (
    "Journalistes",
    "Éditeurs",
    "Modérateurs",
    "Administrateurs",
)
DESK = [("wireitem", "access_desk"), ("wireitem", "create_article")]
APPLY = [("wireitem", "apply_version")]
RULES = [
    ("routingrule", codename)
    for codename in ("add_routingrule", "change_routingrule", "delete_routingrule", "view_routingrule")
]
SOURCES = [
    ("wiresource", codename)
    for codename in ("add_wiresource", "change_wiresource", "delete_wiresource", "view_wiresource")
] + [("wiresettings", "change_wiresettings")]
GRANTS = {
    JOURNALIST: DESK,
    EDITOR: DESK + APPLY + RULES,
    ADMINISTRATOR: DESK + APPLY + RULES + SOURCES,
}


def grant(apps, schema_editor):
    # get_or_create: Permission rows only appear after all migrations (post_migrate).
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for name, permissions in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for model, codename in permissions:
            content_type, _ = ContentType.objects.get_or_create(app_label="wires", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for name in GRANTS:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="wires")
            )


class Migration(migrations.Migration):
    dependencies = [
        ("wires", "0002_package_members_and_permissions"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
