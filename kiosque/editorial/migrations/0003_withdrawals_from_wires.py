"""Articles killed by an agency before this app existed keep answering 410 Gone.

The wires app used to answer those itself, from its WithdrawnArticle rows; the
editorial app now answers for every withdrawal, so those rows are copied once.
"""

from django.db import migrations


def copy_wire_withdrawals(apps, schema_editor):
    WithdrawnArticle = apps.get_model("wires", "WithdrawnArticle")
    Withdrawal = apps.get_model("editorial", "Withdrawal")
    for old in WithdrawnArticle.objects.all():
        Withdrawal.objects.get_or_create(
            path=old.path,
            defaults={
                "article_id": old.article_id,
                "origin": "agency",
                "reason": old.reason,
                "withdrawn_at": old.withdrawn_at,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_relecture_workflow"),
        ("wires", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy_wire_withdrawals, migrations.RunPython.noop)]
