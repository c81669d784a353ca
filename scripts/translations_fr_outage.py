# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of what readers see while Redis is away (issue 18, decision 0074).

kiosque/templates/errors/accounts_unavailable.html. Filled into the .po files by `make
messages` with the other scripts/translations_fr*.py.
"""

TRANSLATIONS = {
    "Accounts paused for a moment": "Comptes momentanément en pause",
    "Logging in, logging out and posting are paused for a moment while the site recovers. Nothing you sent was recorded: please try again in a minute.": (
        "La connexion, la déconnexion et l’envoi de messages sont suspendus le temps que le site se rétablisse. Rien de ce que vous avez envoyé n’a été enregistré\u00a0: réessayez dans une minute."
    ),
    "Reading the site goes on as usual.": "La lecture du site continue normalement.",
}
