# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of the write API's interface (kiosque/api: API tokens, their
model and the admin's « Jetons d'API » page). The API itself, its answers and its
reference page stay in English. No-break spaces (U+00A0) before « : ; ! ? » and inside
« ».
"""

NBSP = "\u00a0"

TRANSLATIONS = {
    # Model
    "Post live entries": "Publier des entrées de direct",
    "user": "utilisateur",
    "name": "nom",
    "scope": "portée",
    "prefix": "préfixe",
    "created": "créé",
    "last used": "dernière utilisation",
    "revoked": "révoqué",
    "API token": "jeton d’API",
    "API tokens": "Jetons d’API",
    # Account page
    "Let a program post live entries in your name; revoke its access.": f"Permettre à un programme de publier des entrées de direct en votre nom{NBSP}; révoquer cet accès.",
    # Admin page
    "Name": "Nom",
    "Who or what uses it, e.g. « Résultats des élections ».": f"Qui ou quoi s’en sert, par exemple «{NBSP}Résultats des élections{NBSP}».",
    "Scope": "Portée",
    "Token %(token)s revoked.": "Jeton %(token)s révoqué.",
    "You already have %(count)s active tokens: revoke one first.": f"Vous avez déjà %(count)s jetons actifs{NBSP}: révoquez-en un d’abord.",
    "A token lets a program (election results, sports scores) post entries on the lives you may edit, in your name, through the API. It can do nothing else. Revoke it as soon as it is no longer needed or may have leaked.": "Un jeton permet à un programme (résultats d’élections, scores sportifs) de publier, par l’API et en votre nom, des entrées sur les directs que vous pouvez modifier. Il ne permet rien d’autre. Révoquez-le dès qu’il ne sert plus ou qu’il a pu fuiter.",
    "New token %(token)s": "Nouveau jeton %(token)s",
    "Copy it now: it is shown this once and never again (only a fingerprint of it is kept).": f"Copiez-le maintenant{NBSP}: il n’est affiché que cette fois (seule son empreinte est conservée).",
    "Token": "Jeton",
    "The program sends it in each request: Authorization: Bearer followed by the token.": f"Le programme l’envoie à chaque requête{NBSP}: Authorization: Bearer suivi du jeton.",
    "New token": "Nouveau jeton",
    "Create the token": "Créer le jeton",
    "Every user's tokens": "Les jetons de tous les utilisateurs",
    "Your tokens": "Vos jetons",
    "User": "Utilisateur",
    "Created": "Créé",
    "Last used": "Dernière utilisation",
    "State": "État",
    "Revoked %(when)s": "Révoqué le %(when)s",
    "Revoke": "Révoquer",
    "No token yet.": "Aucun jeton pour l’instant.",
}
