# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of the account mails and messages (issue 16).

kiosque/templates/readers/email/, account/email/, account/messages/, mfa/email/ and
the account pages. Filled into the .po files by `make messages` with the other
scripts/translations_fr*.py. No-break spaces (U+00A0) before « : » and « ! », narrow ones
(U+202F) before « ; ».
"""

NBSP = "\u00a0"
NNBSP = "\u202f"

TRANSLATIONS = {
    # The frame of every mail (readers/email/)
    "Hello %(name)s,": "Bonjour %(name)s,",
    "Hello,": "Bonjour,",
    "The %(site)s team": "L’équipe de %(site)s",
    "You receive this email because of an action on your %(site)s account.": (
        "Vous recevez ce message à la suite d’une action sur votre compte %(site)s."
    ),
    "You receive this email because this address was entered on %(site)s.": (
        "Vous recevez ce message parce que cette adresse a été saisie sur %(site)s."
    ),
    "If the button does not work, copy this address into your browser:": (
        f"Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur{NBSP}:"
    ),
    # A change made to the account (notifications)
    "This change was just made to your %(site)s account:": (
        f"Cette modification vient d’être faite sur votre compte %(site)s{NBSP}:"
    ),
    "If it was you, there is nothing to do. If it was not, choose a new password right away:": (
        f"Si c’était vous, il n’y a rien à faire. Sinon, choisissez tout de suite un nouveau mot de passe{NBSP}:"
    ),
    "Choose a new password": "Choisissez un nouveau mot de passe",
    "Date:": f"Date{NBSP}:",
    "IP address:": f"Adresse IP{NBSP}:",
    "Browser:": f"Navigateur{NBSP}:",
    # Confirmation of an address
    "Enter this code on the page open in your browser:": (
        f"Saisissez ce code sur la page ouverte dans votre navigateur{NBSP}:"
    ),
    "Confirm my address": "Confirmer mon adresse",
    "Confirm my address:": f"Confirmer mon adresse{NBSP}:",
    "Confirm your email address for %(site)s": "Confirmez votre adresse e-mail pour %(site)s",
    "Welcome to %(site)s! To finish creating your account, confirm that this email address is yours.": (
        f"Bienvenue sur %(site)s{NNBSP}! Pour terminer la création de votre compte, confirmez que cette adresse e-mail est bien la vôtre."
    ),
    "If you did not create this account, ignore this email: the address will not be used.": (
        f"Si vous n’avez pas créé ce compte, ignorez ce message{NBSP}: l’adresse ne sera pas utilisée."
    ),
    "To use this email address with your %(site)s account, confirm that it is yours.": (
        "Pour utiliser cette adresse e-mail avec votre compte %(site)s, confirmez qu’elle est bien la vôtre."
    ),
    "If you did not ask for this, ignore this email: nothing changes on the account.": (
        f"Si vous n’avez rien demandé, ignorez ce message{NBSP}: rien ne change sur le compte."
    ),
    # A new password
    "Choose a new password for %(site)s": "Choisissez un nouveau mot de passe pour %(site)s",
    "Someone, probably you, asked to choose a new password for the %(site)s account that uses this email address.": (
        "Quelqu’un, sans doute vous, a demandé à choisir un nouveau mot de passe pour le compte %(site)s qui utilise cette adresse e-mail."
    ),
    "Choose a new password:": f"Choisir un nouveau mot de passe{NBSP}:",
    "The link works once. If you did not ask for it, ignore this email: your password stays the same.": (
        f"Le lien ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message{NBSP}: votre mot de passe reste le même."
    ),
    # Sign-up with an address already in use, or a reset for an unknown one
    "You already have an account on %(site)s": "Vous avez déjà un compte sur %(site)s",
    "Someone, probably you, tried to create an account on %(site)s with this email address, but an account already uses it. Log in with this address; if you forgot your password, choose a new one:": (
        f"Quelqu’un, sans doute vous, a voulu créer un compte sur %(site)s avec cette adresse e-mail, mais un compte l’utilise déjà. Connectez-vous avec cette adresse{NNBSP}; si vous avez oublié votre mot de passe, choisissez-en un nouveau{NBSP}:"
    ),
    "If it was not you, ignore this email: your account is unchanged.": (
        f"Si ce n’était pas vous, ignorez ce message{NBSP}: votre compte n’a pas changé."
    ),
    "No %(site)s account uses this address": "Aucun compte %(site)s n’utilise cette adresse",
    "Someone, probably you, asked to get into a %(site)s account with this email address, but no account uses it. You can create one:": (
        f"Quelqu’un, sans doute vous, a demandé à accéder à un compte %(site)s avec cette adresse e-mail, mais aucun compte ne l’utilise. Vous pouvez en créer un{NBSP}:"
    ),
    "Create an account:": f"Créer un compte{NBSP}:",
    "If it was not you, ignore this email.": "Si ce n’était pas vous, ignorez ce message.",
    # Notifications (sent when ACCOUNT_EMAIL_NOTIFICATIONS is on)
    "Your %(site)s password was changed": "Votre mot de passe %(site)s a été changé",
    "Your password was changed.": "Votre mot de passe a été changé.",
    "A password was set on your %(site)s account": "Un mot de passe a été défini sur votre compte %(site)s",
    "A password was set on your account.": "Un mot de passe a été défini sur votre compte.",
    "Your %(site)s password was reset": "Votre mot de passe %(site)s a été réinitialisé",
    "Your password was reset from a link sent by email.": (
        "Votre mot de passe a été réinitialisé grâce à un lien envoyé par e-mail."
    ),
    "The email address of your %(site)s account changed": "L’adresse e-mail de votre compte %(site)s a changé",
    "The email address of your account changed from %(old)s to %(new)s.": (
        "L’adresse e-mail de votre compte est passée de %(old)s à %(new)s."
    ),
    "An email address was removed from your %(site)s account": (
        "Une adresse e-mail a été retirée de votre compte %(site)s"
    ),
    "The address %(address)s was removed from your account.": (
        "L’adresse %(address)s a été retirée de votre compte."
    ),
    "Two-factor authentication is on for your %(site)s account": (
        "L’authentification à deux facteurs est activée sur votre compte %(site)s"
    ),
    "Two-factor authentication with an authenticator app was turned on.": (
        "L’authentification à deux facteurs par une application d’authentification a été activée."
    ),
    "Two-factor authentication is off for your %(site)s account": (
        "L’authentification à deux facteurs est désactivée sur votre compte %(site)s"
    ),
    "Two-factor authentication with an authenticator app was turned off.": (
        "L’authentification à deux facteurs par une application d’authentification a été désactivée."
    ),
    "New recovery codes for your %(site)s account": "Nouveaux codes de secours pour votre compte %(site)s",
    "New recovery codes were generated: the previous ones no longer work.": (
        f"De nouveaux codes de secours ont été créés{NBSP}: les précédents ne fonctionnent plus."
    ),
    # Messages on the page where the reader lands (account/messages/)
    "You are logged in.": "Vous êtes connecté·e.",
    "You are logged out.": "Vous êtes déconnecté·e.",
    "Address confirmed: %(email)s.": f"Adresse confirmée{NBSP}: %(email)s.",
    "We have sent a confirmation link to %(email)s.": (
        "Nous avons envoyé un lien de confirmation à %(email)s."
    ),
    "The address %(email)s could not be confirmed: another account already uses it.": (
        f"L’adresse %(email)s n’a pas pu être confirmée{NBSP}: un autre compte l’utilise déjà."
    ),
    "Your password is changed.": "Votre mot de passe est changé.",
    "Your password is set.": "Votre mot de passe est enregistré.",
    "The address %(email)s is removed from your account.": "L’adresse %(email)s est retirée de votre compte.",
    # Account pages
    "You can now log in with your new password.": (
        "Vous pouvez maintenant vous connecter avec votre nouveau mot de passe."
    ),
}
