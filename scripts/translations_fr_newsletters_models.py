# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for the newsletters' model fields, as the admin shows them (issue 20).
Filled by `make messages`."""

TRANSLATIONS = {
    "attempts": "tentatives",
    "next attempt at": "prochaine tentative le",
    "claimed at": "pris en charge le",
    "sent at": "envoyé le",
    "last error": "dernière erreur",
    "delivery": "envoi",
    "deliveries": "envois",
    "recipients listed at": "destinataires établis le",
    "e-mail address": "adresse électronique",
    "account": "compte",
    "suspended at": "suspendu le",
    "suspension reason": "motif de la suspension",
    "subscriber": "abonné",
    "subscribers": "abonnés",
    "Waiting for confirmation": "En attente de confirmation",
    "Confirmed": "Confirmé",
    "Unsubscribed": "Désabonné",
    "requested at": "demandé le",
    "confirmed at": "confirmé le",
    "unsubscribed at": "désabonné le",
    "subscription": "abonnement",
    "subscriptions": "abonnements",
    "Subscription requested": "Abonnement demandé",
    "at": "le",
    "page": "page",
    "consent record": "trace de consentement",
    "consent records": "traces de consentement",
}
