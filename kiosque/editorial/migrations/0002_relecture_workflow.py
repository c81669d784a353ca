"""The « Relecture » workflow: journalists submit, editors (or administrators) approve
and publish, or send back with a comment. Assigned to the root page, so it covers every
page of every site; it replaces Wagtail's default « Moderators approval » there.

Also lets administrators edit Settings › Policies, as they edit Settings › Newsroom.

Written with the historical models: GroupApprovalTask's content type is set by hand
(the real model's __init__ does it, the historical one cannot).
"""

from django.db import migrations

from kiosque.newsroom import roles

WORKFLOW_NAME = "Relecture"
TASK_NAME = "Relecture par un éditeur"
REVIEWERS = (roles.EDITOR, roles.ADMINISTRATOR)


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=task_type, active=True
        )
    task.groups.set(Group.objects.filter(name__in=REVIEWERS))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def grant_policy_settings(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permission rows are only created after all migrations (post_migrate): make it now.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="editorial", model="policysettings"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_policysettings",
        defaults={"name": "Can change policies"},
    )
    for group in Group.objects.filter(name=roles.ADMINISTRATOR):
        group.permissions.add(permission)


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("newsroom", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_workflow, remove_workflow),
        migrations.RunPython(grant_policy_settings, migrations.RunPython.noop),
    ]
