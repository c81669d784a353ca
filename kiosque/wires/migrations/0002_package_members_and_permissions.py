import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wires", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="wireitem",
            options={
                "ordering": ["-version_created", "-pk"],
                "permissions": [
                    ("access_desk", "Can see the wire desk"),
                    ("create_article", "Can create an article from a dispatch"),
                    ("apply_version", "Can apply a new version of a dispatch to its articles"),
                ],
                "verbose_name": "dispatch",
                "verbose_name_plural": "dispatches",
            },
        ),
        migrations.CreateModel(
            name="WirePackageMember",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("identity", models.CharField(db_index=True, max_length=500)),
                ("item_class", models.CharField(blank=True, max_length=20)),
                ("position", models.PositiveIntegerField()),
                (
                    "package",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="members",
                        to="wires.wireitem",
                    ),
                ),
            ],
            options={
                "ordering": ["package", "position"],
                "constraints": [
                    models.UniqueConstraint(fields=("package", "identity"), name="wires_member_once")
                ],
            },
        ),
    ]
