# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for the newsletters' editions: the digest, follows, « Alerte info » and the
admin's « Lettres d'information » (issue 20). Filled by `make messages`."""

NBSP = "\u00a0"  # before « : ; ? ! », as French typography wants

TRANSLATIONS = {
    # Subjects (digest.py, follows.py)
    "The essentials of %(day)s": "L'essentiel du %(day)s",
    "%(followed)s: %(title)s": f"%(followed)s{NBSP}: %(title)s",
    "%(followed)s: %(count)d new article": (
        f"%(followed)s{NBSP}: %(count)d nouvel article",
        f"%(followed)s{NBSP}: %(count)d nouveaux articles",
    ),
    # Alerts (alerts.py)
    "This confirmation has expired: start again.": f"Cette confirmation a expiré{NBSP}: recommencez.",
    "This article is not published.": "Cet article n’est pas publié.",
    "Can send breaking-news alerts": "Peut envoyer des alertes info",
    "occasion": "occasion",
}
