"""Create the newsroom's roles (see kiosque/newsroom/roles.py) as Wagtail groups.

Permissions are fetched with get_or_create: on a fresh database Django only creates
Permission rows after all migrations have run (post_migrate), too late for this one.
A later change of roles needs a new migration: this one has already run everywhere.
"""

from django.db import migrations

from kiosque.newsroom import roles

PAGE_MODEL = ("wagtailcore", "page")
IMAGE_MODEL = ("wagtailimages", "image")
DOCUMENT_MODEL = ("wagtaildocs", "document")


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for role in roles.ALL_ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, model, codename in roles.MODEL_PERMISSIONS[role]:
            group.permissions.add(_permission(apps, app_label, model, codename))
        for codename in roles.PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=_permission(apps, *PAGE_MODEL, codename),
            )
        for codename in roles.COLLECTION_PERMISSIONS[role]:
            model = IMAGE_MODEL if codename.endswith("_image") else DOCUMENT_MODEL
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, *model, codename),
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=roles.ALL_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
