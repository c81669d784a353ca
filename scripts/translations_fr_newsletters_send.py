# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for the newsletters' messages and their sending (issue 20): the words around an
edition in each message, the deliveries' states. Filled by `make messages`."""

NBSP = "\u00a0"  # before « : ; ? ! », as French typography wants

TRANSLATIONS = {
    # The message (messages.py, jinja2/newsletters/email/)
    'You receive this e-mail because you subscribed to "%(list)s" on %(site)s.': "Vous recevez ce courriel parce que vous vous êtes abonné·e à « %(list)s » sur %(site)s.",
    "Unsubscribe from this newsletter": "Se désabonner de cette lettre",
    "Unsubscribe from this newsletter:": f"Se désabonner de cette lettre{NBSP}:",
    "Picture:": f"Photo{NBSP}:",
    "Read:": f"Lire{NBSP}:",
    # The counts an edition keeps once its deliveries are deleted (models/editions.py)
    "messages per outcome": "messages par issue",
}
