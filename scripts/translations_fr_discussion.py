# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for the reader accounts and comments added after the first pass of issue 3:
comment counts on cards, the header's account link, « J'aime » in place, the email
change page and the two-factor (allauth.mfa) pages. Filled by `make messages`.
"""

NBSP = "\u00a0"

TRANSLATIONS = {
    # Listing cards
    "1 comment": "1 commentaire",
    "%(n)s comments": "%(n)s commentaires",
    # Email change (ACCOUNT_CHANGE_EMAIL)
    "Current address:": f"Adresse actuelle{NBSP}:",
    "Waiting for confirmation: %(email)s. Open the link we sent to this address to start using it.": f"En attente de confirmation{NBSP}: %(email)s. Ouvrez le lien envoyé à cette adresse pour commencer à l’utiliser.",
    "Cancel the change": "Annuler le changement",
    "Change the address": "Changer d’adresse",
    # Two-factor authentication
    "A code from an authenticator app on your phone is asked for after your password, so a stolen password alone no longer opens your account.": f"Un code donné par une application d’authentification sur votre téléphone est demandé après le mot de passe{NBSP}: un mot de passe volé ne suffit plus à ouvrir votre compte.",
    "Authenticator app": "Application d’authentification",
    "Active: a code is asked for at each log-in.": f"Activée{NBSP}: un code est demandé à chaque connexion.",
    "Turn off": "Désactiver",
    "Not active.": "Non activée.",
    "Set up an authenticator app": "Configurer une application d’authentification",
    "Recovery codes": "Codes de secours",
    "Single-use codes that replace the app if you lose your phone.": "Des codes à usage unique qui remplacent l’application si vous perdez votre téléphone.",
    "Codes left: %(unused)s.": f"Codes restants{NBSP}: %(unused)s.",
    "Show the codes": "Afficher les codes",
    "Make new codes": "Créer de nouveaux codes",
    "Scan this code with an authenticator app (FreeOTP, Aegis, Google Authenticator…).": "Scannez ce code avec une application d’authentification (FreeOTP, Aegis, Google Authenticator…).",
    "QR code for the authenticator app": "Code QR pour l’application d’authentification",
    "Or type this key into the app:": f"Ou saisissez cette clé dans l’application{NBSP}:",
    "Enter the code the app shows.": "Saisissez le code affiché par l’application.",
    "Turn on": "Activer",
    "Back": "Retour",
    "Turn off the authenticator app": "Désactiver l’application d’authentification",
    "Your password alone will then open your account.": "Votre mot de passe suffira alors à ouvrir votre compte.",
    "Authenticator code": "Code d’authentification",
    "Your account is protected by two-factor authentication. Enter the code your authenticator app shows, or one of your recovery codes.": "Votre compte est protégé par une authentification à deux facteurs. Saisissez le code affiché par votre application, ou l’un de vos codes de secours.",
    "Cancel": "Annuler",
    "Enter the code your authenticator app shows.": "Saisissez le code affiché par votre application d’authentification.",
    "Codes left: %(unused)s of %(total)s. Each works once, in place of the app's code.": f"Codes restants{NBSP}: %(unused)s sur %(total)s. Chacun sert une fois, à la place du code de l’application.",
    "Keep them somewhere safe, away from your phone.": "Gardez-les en lieu sûr, ailleurs que sur votre téléphone.",
    "Download the codes": "Télécharger les codes",
    "Make new recovery codes": "Créer de nouveaux codes de secours",
    "Your current codes will stop working.": "Vos codes actuels ne fonctionneront plus.",
}
