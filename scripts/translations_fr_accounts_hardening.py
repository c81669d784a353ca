# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of the password rules (issue 19, decision 0077).

kiosque/readers/passwords.py. Filled into the .po files by `make messages` with the
other scripts/translations_fr*.py.
"""

TRANSLATIONS = {
    "This password is made of spaces only.": "Ce mot de passe n’est fait que d’espaces.",
    "This password repeats the same few characters. Mix more of them.": (
        "Ce mot de passe répète les mêmes quelques caractères. Variez-les davantage."
    ),
    "Your password can’t be spaces only or a few characters repeated.": (
        "Votre mot de passe ne peut pas être fait que d’espaces ni de quelques caractères répétés."
    ),
    "This password is only digits and symbols, like a date or a phone number.": (
        "Ce mot de passe n’a que des chiffres et des symboles, comme une date ou un numéro de téléphone."
    ),
    "This password is too common, even with digits or symbols added. A sentence of a few words is easier to remember and harder to guess.": (
        "Ce mot de passe est trop courant, même avec des chiffres ou des symboles ajoutés. "
        "Une phrase de quelques mots est plus facile à retenir et plus difficile à deviner."
    ),
    "Your password can’t be a commonly used password (azerty, motdepasse, a town, a first name…) with digits or symbols added.": (
        "Votre mot de passe ne peut pas être un mot de passe courant (azerty, motdepasse, "
        "une ville, un prénom…), même avec des chiffres ou des symboles ajoutés."
    ),
    "This password is too close to the site’s name.": "Ce mot de passe est trop proche du nom du site.",
    "Your password can’t be mainly the site’s name.": (
        "Votre mot de passe ne peut pas être surtout le nom du site."
    ),
}
