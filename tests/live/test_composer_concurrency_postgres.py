"""Journalists writing the same live at the same moment, on PostgreSQL, through the
composer: every entry posted is stored, and two saves of one entry from the same version
end with one saved and the other refused (StaleEntry), never with one silently lost."""

import pytest

from kiosque.live.models import LiveEntry
from kiosque.newsroom import roles
from tests.concurrency import on_postgresql, run_together
from tests.live.composer_helpers import composer, entry_form, entry_url, staff
from tests.live.helpers import make_live, paragraph

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_eight_journalists_posting_at_once_lose_nothing(newsroom):
    on_postgresql()
    live = make_live(newsroom.europe)
    revisions = live.revisions.count()
    writers = [staff(roles.JOURNALIST if n % 2 else roles.EDITOR) for n in range(8)]
    texts = [f"Entrée {n}-{k} du correspondant." for n in range(8) for k in range(3)]

    def post_three(client, n):
        return [
            client.post(composer(live), entry_form(f"Entrée {n}-{k} du correspondant.")).status_code
            for k in range(3)
        ]

    outcomes = run_together([lambda c=c, n=n: post_three(c, n) for n, c in enumerate(writers)])
    assert outcomes == [[302, 302, 302]] * 8, outcomes
    stored = [" ".join(block.value.source for block in entry.body) for entry in live.entries.all()]
    assert sorted(text for text in texts if any(text in s for s in stored)) == sorted(texts)
    assert live.entries.filter(status=LiveEntry.Status.PUBLISHED).count() == 24
    assert live.revisions.count() == revisions  # the page itself was never written


@pytest.mark.parametrize("round_", range(3))
def test_two_editors_saving_one_entry_from_the_same_version_one_wins(newsroom, round_):
    on_postgresql()
    live = make_live(newsroom.europe, slug=f"direct-concurrence-{round_}")
    entry = LiveEntry.objects.create(live=live, body=paragraph("Bilan provisoire."))
    editors = [staff(roles.EDITOR), staff(roles.JOURNALIST)]
    url = entry_url("edit_entry", live, entry)
    outcomes = run_together(
        [
            lambda c=c, n=n: c.post(url, entry_form(f"Bilan de la source {n}.", version="1"))
            for n, c in enumerate(editors)
        ]
    )
    codes = sorted(o.status_code for o in outcomes)
    assert codes == [302, 409], outcomes  # one saved, the other told, never both saved
    entry.refresh_from_db()
    assert entry.version == 2
    winner = next(n for n, o in enumerate(outcomes) if o.status_code == 302)
    assert f"Bilan de la source {winner}." in entry.body[0].value.source
    loser = outcomes[1 - winner].content.decode()
    assert f"Bilan de la source {1 - winner}." in loser  # their text, still in their form
