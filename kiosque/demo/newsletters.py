"""The demo's newsletters: the three kinds of list, invented subscribers with their
consent records, and yesterday's « L'essentiel du matin » already sent.

The sent digest goes the real way: an edition, `start_sending` (its recipients listed,
one delivery each), then the sending's batches run here, synchronously, so that its
messages are in var/mail/ (the file e-mail backend) on a fresh `make run`. Idempotent:
what exists, found by slug, address or occasion, is left as it is.
"""

from datetime import datetime, time, timedelta

from django.db import transaction

from kiosque.newsletters.digest import digest_subject, occasion_of, send_moment
from kiosque.newsletters.models import (
    ConsentEvent,
    Edition,
    EditionArticle,
    NewsletterList,
    Subscriber,
    Subscription,
)
from kiosque.newsletters.newsroom_clock import newsroom_zone
from kiosque.newsroom.models import TopicPage
from kiosque.newsroom.selectors import visible_articles

# slug -> fields
LISTS = {
    "essentiel-du-matin": {
        "name": "L'essentiel du matin",
        "kind": NewsletterList.Kind.DIGEST,
        "language": "fr",
        "description": "Chaque matin à 7 heures, les informations à connaître pour commencer "
        "la journée, choisies par la rédaction.",
        "send_time": time(7, 0),
    },
    "morning-briefing": {
        "name": "The morning briefing",
        "kind": NewsletterList.Kind.DIGEST,
        "language": "en",
        "description": "Every morning at 7, the stories to know to start the day.",
        "send_time": time(7, 0),
    },
    "alerte-info": {
        "name": "Alerte info",
        "kind": NewsletterList.Kind.ALERT,
        "language": "fr",
        "description": "Les informations importantes, dès qu’elles tombent. Quelques "
        "messages par mois, pas davantage.",
    },
}
FOLLOWED_TOPIC = "conference-de-tallinn"

# Invented readers: addresses under example.org and .invalid, which no one receives.
FIRST_NAMES = [
    "Amandine", "Bastien", "Chloé", "Damien", "Élise", "Fabrice", "Gaëlle", "Hugo",
    "Inès", "Julien", "Katia", "Loïc", "Manon", "Nicolas", "Océane", "Pascal", "Quentin",
    "Rachida", "Sébastien", "Thaïs", "Ulysse", "Valérie", "William", "Xavier", "Yasmine",
    "Zoé", "Anouk", "Bérénice", "Cyril", "Dounia",
]  # fmt: skip
LAST_NAMES = [
    "Marchal", "Le Goff", "Benali", "Roussel", "Perrin", "Nguyen", "Faure", "Lemoine",
    "Carpentier", "Diallo",
]  # fmt: skip
SOURCES = ("footer", "article", "topic", "account")
SENT_DIGEST_ARTICLES = 6


def demo_address(number: int) -> str:
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    last = LAST_NAMES[number % len(LAST_NAMES)]
    local = f"{first}.{last}".lower().replace(" ", "-")
    local = local.translate(str.maketrans("éèëêïîôöüç", "eeeeiioouc"))
    domain = "example.org" if number % 3 else "kiosque-lecteurs.invalid"
    return f"{local}{number}@{domain}"


def lists_of(number: int, lists: dict) -> list[NewsletterList]:
    """Who reads what: most take the French digest, a third the alerts, some follow."""
    wanted = []
    if number % 10 != 9:
        wanted.append(lists["essentiel-du-matin"])
    if number % 3 == 0:
        wanted.append(lists["alerte-info"])
    if number % 4 == 1:
        wanted.append(lists["follow"])
    if number % 8 == 2:
        wanted.append(lists["morning-briefing"])
    return wanted


def ensure_lists(topics) -> dict[str, NewsletterList]:
    from kiosque.newsletters.services import follow_list_for

    lists = {}
    for slug, fields in LISTS.items():
        lists[slug], _created = NewsletterList.objects.get_or_create(slug=slug, defaults=fields)
    topic = topics.get(FOLLOWED_TOPIC) or TopicPage.objects.filter(slug=FOLLOWED_TOPIC).first()
    lists["follow"] = follow_list_for(topic, "fr")
    return lists


def ensure_subscribers(lists: dict, *, now: datetime, count: int = 30) -> int:
    made = 0
    for number in range(count):
        subscriber, created = Subscriber.objects.get_or_create(email=demo_address(number))
        if not created:
            continue
        made += 1
        asked = now - timedelta(days=3 + number * 7, hours=number % 11)
        source = SOURCES[number % len(SOURCES)]
        for newsletter in lists_of(number, lists):
            confirmed = asked + timedelta(minutes=4 + number % 30)
            Subscription.objects.create(
                subscriber=subscriber,
                newsletter=newsletter,
                status=Subscription.Status.CONFIRMED,
                requested_at=asked,
                confirmed_at=confirmed,
            )
            page = "/" if source in ("footer", "account") else "/dossiers/conference-de-tallinn/"
            ConsentEvent.objects.bulk_create(
                [
                    ConsentEvent(
                        subscriber=subscriber,
                        newsletter=newsletter,
                        action=ConsentEvent.Action.REQUESTED,
                        at=asked,
                        source=source,
                        source_path=page,
                    ),
                    ConsentEvent(
                        subscriber=subscriber,
                        newsletter=newsletter,
                        action=ConsentEvent.Action.CONFIRMED,
                        at=confirmed,
                        source="confirmation link",
                    ),
                ]
            )
    return made


def send_yesterdays_digest(newsletter: NewsletterList, *, now: datetime) -> Edition | None:
    """Yesterday's digest, sent: the newest articles published before its hour."""
    from kiosque.newsletters.sending import send_batch, start_sending

    zone = newsroom_zone()
    day = now.astimezone(zone).date() - timedelta(days=1)
    if Edition.objects.filter(newsletter=newsletter, occasion=occasion_of(day)).exists():
        return None
    sent_at = send_moment(newsletter, day, zone)
    articles = visible_articles().filter(first_published_at__lte=sent_at)
    chosen = list(articles.order_by("-first_published_at", "-pk")[:SENT_DIGEST_ARTICLES])
    with transaction.atomic():
        edition = Edition(
            newsletter=newsletter,
            subject=digest_subject(newsletter, day),
            intro="Bonjour, voici ce qu’il fallait retenir de l’actualité ce matin.",
            status=Edition.Status.READY,
            send_at=sent_at,
            occasion=occasion_of(day),
        )
        edition.articles = [
            EditionArticle(article_id=article.pk, sort_order=position)
            for position, article in enumerate(chosen)
        ]
        edition.save()
        start_sending(edition)
    # The worker's batches, run here: the demo's messages are written before it ends
    # (the task queued by start_sending finds nothing left to send).
    after_id = 0
    for _batch in range(100):
        result = send_batch(edition.pk, after_id=after_id)
        if result.next_in is None or result.next_in > 0:
            break
        after_id = result.after_id
    edition.refresh_from_db()
    return edition


def ensure_demo_newsletters(*, now: datetime, topics) -> None:
    lists = ensure_lists(topics)
    with transaction.atomic():
        ensure_subscribers(lists, now=now)
    send_yesterdays_digest(lists["essentiel-du-matin"], now=now)
