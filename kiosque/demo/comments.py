"""Demo readers and discussions: threads, likes, picks, and work for the moderators.

Idempotent like the rest of the demo: nothing is added once demo comments exist.
Comments are assembled from short original French phrases, so several hundred of them
read differently; a fixed seed makes every demo the same.
"""

import random
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kiosque.discussion.counts import recount as recount_comments
from kiosque.discussion.models import Comment, CommentLike, CommentReport, WordRule
from kiosque.newsroom.models import ArticlePage
from kiosque.readers.models import ReaderProfile

# Readers who can log in: their password is generated and printed once.
READERS = [
    ("claire.martin@lecteurs.invalid", "Claire M."),
    ("yann.le.goff@lecteurs.invalid", "Yann du Finistère"),
    ("sophie.laurent@lecteurs.invalid", "Sophie L."),
]
# The rest of the crowd: accounts without a usable password.
CROWD = [
    "Marc-Antoine", "Nadia B.", "Jeanne R.", "Pierre_62", "Louise & Paul", "Karim",
    "Hélène V.", "Thomas « Tom » D.", "Amélie", "Bertrand G.", "Lucie", "Olivier <Lyon>",
    "Fatou D.", "Gérard", "Inès", "Rémi T.", "Chantal", "Samuel", "Élodie P.", "Vincent",
]  # fmt: skip

OPENINGS = [
    "Merci pour cet article très clair.",
    "Enfin un papier qui prend le temps d’expliquer.",
    "Je ne suis pas tout à fait d’accord avec l’angle choisi.",
    "Article intéressant, mais il manque un point important.",
    "Je vis sur place et je confirme ce qui est décrit.",
    "On en parlait justement hier soir en famille.",
    "Ça fait des années que la question se pose.",
    "Bonne synthèse, comme souvent ici.",
    "Je découvre ce sujet grâce à vous.",
    "Difficile de se faire un avis tranché.",
    "Le titre est un peu plus alarmiste que le contenu.",
    "Très bon travail de la rédaction.",
    "Je reste sceptique.",
    "Voilà qui remet les choses en perspective.",
    "Je partage ce texte autour de moi.",
    "Je lis tout le dossier depuis le début.",
]
MIDDLES = [
    "Les chiffres cités méritent d’être comparés avec ceux de l’an dernier.",
    "On oublie souvent que les premières personnes concernées ne sont pas consultées.",
    "La vraie question, c’est le financement sur la durée.",
    "Dans ma commune, la situation est assez différente.",
    "Il faudrait entendre davantage les professionnels du terrain.",
    "Les annonces se succèdent, les résultats se font attendre.",
    "Ce qui me frappe, c’est la rapidité avec laquelle tout a changé.",
    "Le calendrier paraît très optimiste.",
    "Un retour d’expérience d’autres pays européens serait utile.",
    "Personne ne semble avoir anticipé les effets secondaires.",
    "J’aimerais connaître l’avis des associations locales.",
    "Le sujet est plus complexe qu’il n’y paraît.",
    "Tout dépendra de la manière dont ce sera appliqué.",
    "Les jeunes sont, une fois de plus, les grands oubliés.",
    "C’est une bonne nouvelle, à condition que ça dure.",
    "Les élus locaux ont un rôle à jouer, mais avec quels moyens ?",
]
CLOSINGS = [
    "Hâte de lire la suite.",
    "À suivre de près.",
    "Merci encore.",
    "Espérons que ce soit entendu.",
    "On verra dans six mois.",
    "Bonne journée à tous.",
    "Affaire à suivre, donc.",
    "",
    "",
]
REPLIES = [
    "Tout à fait d’accord avec vous.",
    "Je ne vois pas les choses ainsi, mais votre point est intéressant.",
    "Avez-vous une source pour ce chiffre ?",
    "C’est exactement ce que je pensais en lisant l’article.",
    "Chez nous aussi, c’est le cas depuis l’été.",
    "Je nuancerais : tout le monde n’est pas concerné de la même façon.",
    "Merci pour ce témoignage.",
    "Bien vu, je n’y avais pas pensé.",
    "Le lien vers le rapport officiel est dans l’article, d’ailleurs.",
    "Vous êtes un peu dur, la rédaction a fait son travail.",
    "Pas sûr que ce soit si simple < en pratique > & sur le terrain.",
]
STAFF_REPLIES = [
    "Merci pour votre remarque : nous avons précisé ce passage.",
    "Bonne question : les chiffres viennent du rapport publié mardi.",
    "Nous suivons le sujet et publierons un complément cette semaine.",
]
# Gets held by the suspect-word rule below, so the « Retenus » queue is not empty.
HELD = [
    "Encore une arnaque de plus, comme d’habitude.",
    "C’est une ARNAQUE organisée, réveillez-vous.",
    "Voir https://exemple.invalid/a https://exemple.invalid/b https://exemple.invalid/c",
]
PENDING = [
    "Premier commentaire ici : je trouve ce débat passionnant.",
    "Je me suis inscrite pour dire que cet article m’a beaucoup appris.",
    "Nouveau lecteur, je salue la qualité du dossier.",
]
REPORTED = [
    "Franchement, les gens qui pensent ça sont des imbéciles.",
    "Achetez mes formations en ligne, résultats garantis !",
]


def _body(rng: random.Random) -> str:
    parts = [rng.choice(OPENINGS), rng.choice(MIDDLES), rng.choice(CLOSINGS)]
    if rng.random() < 0.25:
        parts.insert(2, rng.choice(MIDDLES))
    text = " ".join(p for p in parts if p)
    if rng.random() < 0.15:
        text = text.replace(". ", ".\n\n", 1)  # some readers write paragraphs
    return text


def _reader(email: str, name: str, password: str | None):
    User = get_user_model()
    user = User.objects.create_user(username=email.split("@")[0][:150], email=email)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    ReaderProfile.objects.create(user=user, display_name=name)
    return user


def ensure_demo_discussions(*, now=None) -> list[tuple[str, str]]:
    """Readers, comments, likes, picks and queues; returns (email, password) of new readers."""
    if Comment.objects.exists():
        return []
    now = now or timezone.now()
    rng = random.Random(2026)  # noqa: S311 (demo content, not security)
    created = []
    with transaction.atomic():
        WordRule.objects.get_or_create(word="arnaque", defaults={"kind": "suspect"})
        WordRule.objects.get_or_create(word="imbécile", defaults={"kind": "suspect"})
        readers = []
        for email, name in READERS:
            password = secrets.token_urlsafe(12)
            readers.append(_reader(email, name, password))
            created.append((email, password))
        crowd = [
            _reader(f"lecteur{n}@lecteurs.invalid", name, None) for n, name in enumerate(CROWD)
        ]
        people = readers + crowd
        User = get_user_model()
        staff = list(User.objects.filter(username__in=["journaliste", "editeur"]))
        for member in staff:
            EmailAddress.objects.get_or_create(
                user=member, email=member.email, defaults={"verified": True, "primary": True}
            )
            ReaderProfile.objects.get_or_create(
                user=member,
                defaults={
                    "display_name": {"journaliste": "La rédaction"}.get(
                        member.username, "Service éditorial"
                    )
                },
            )
        articles = list(ArticlePage.objects.live().order_by("-first_published_at"))
        for index, article in enumerate(articles):
            _discuss(article, index, rng, people, staff, now)
        _queues(articles[:3], rng, people, now)
        # The comments above are written directly, not through the services.
        recount_comments()
    return created


def _discuss(article, index, rng, people, staff, now) -> None:
    """A thread set for one article: busier for recent articles, quiet for old ones."""
    count = max(2, 16 - index // 2) if index < 30 else rng.randint(0, 3)
    start = max(article.first_published_at, now - timedelta(days=60))
    span = max((now - start).total_seconds(), 3600)
    tops = []
    for _n in range(count):
        when = start + timedelta(seconds=rng.uniform(60, span * 0.6))
        tops.append(_make(article, rng.choice(people), _body(rng), when, None))
    for top in tops:
        parent = top
        for depth in range(rng.choice([0, 0, 1, 1, 2, 3])):
            author = rng.choice(people)
            when = parent.created_at + timedelta(minutes=rng.randint(3, 600))
            reply = _make(article, author, rng.choice(REPLIES), min(when, now), parent)
            if depth < 1:
                parent = reply
        if staff and rng.random() < 0.08:
            member = rng.choice(staff)
            when = min(top.created_at + timedelta(hours=2), now)
            _make(article, member, rng.choice(STAFF_REPLIES), when, top, by_staff=True)
    for comment in Comment.objects.filter(article=article):
        fans = rng.sample(people, k=min(len(people), int(rng.paretovariate(1.6)) - 1))
        CommentLike.objects.bulk_create(
            [CommentLike(comment=comment, user=fan) for fan in fans if fan != comment.author]
        )
        comment.like_count = comment.likes.count()
        comment.save(update_fields=["like_count"])
    if tops and index < 12:
        best = max(tops, key=lambda c: c.like_count)
        Comment.objects.filter(pk=best.pk).update(is_featured=True)


def _make(article, author, body, when, parent, *, status="published", by_staff=False, reason=""):
    comment = Comment.objects.create(
        article=article,
        author=author,
        parent=parent,
        depth=parent.depth + 1 if parent else 1,
        body=body,
        created_at=when,
        status=status,
        status_reason=reason,
        by_staff=by_staff,
    )
    comment.thread_id = parent.thread_id if parent else comment.pk
    Comment.objects.filter(pk=comment.pk).update(thread_id=comment.thread_id)
    return comment


def _queues(articles, rng, people, now) -> None:
    """Some work for the moderator: pending, held and reported comments."""
    for n, body in enumerate(PENDING):
        when = now - timedelta(minutes=20 + n)
        _make(articles[n % len(articles)], rng.choice(people), body, when, None,
              status="pending", reason="pre-moderation")  # fmt: skip
    for n, body in enumerate(HELD):
        reason = "too many links" if "https://" in body else "suspect words: arnaque"
        _make(articles[n % len(articles)], rng.choice(people), body,
              now - timedelta(minutes=40 + n), None, status="held", reason=reason)  # fmt: skip
    for n, body in enumerate(REPORTED):
        author = rng.choice(people)
        comment = _make(
            articles[n % len(articles)], author, body, now - timedelta(hours=3 + n), None
        )
        for reporter in rng.sample([p for p in people if p != author], k=2):
            CommentReport.objects.create(
                comment=comment, reporter=reporter, reason="abusive" if n == 0 else "spam"
            )
