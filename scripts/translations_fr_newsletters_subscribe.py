# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for subscribing to the newsletters (issue 20): the sign-up form of the reader
pages, its answers, the confirmation and unsubscribe pages, the confirmation mail and
« Mon compte »'s newsletters. Filled into the .po files by `make messages` with the other
scripts/translations_fr*.py. No-break spaces (U+00A0) before « : ? ! » and inside « »,
narrow ones (U+202F) before « ; »."""

NBSP = "\u00a0"

TRANSLATIONS = {
    # The form (jinja2/newsletters/includes/signup_form.html)
    "Our newsletters": "Nos lettres d’information",
    "Choose what you would like to receive:": f"Choisissez ce que vous souhaitez recevoir{NBSP}:",
    "Follow this topic": "Suivre ce dossier",
    "Follow this section": "Suivre cette rubrique",
    "Follow this author": "Suivre cet auteur",
    "New articles by e-mail, at most once an hour.": "Les nouveaux articles par e-mail, au plus une fois par heure.",
    "Follow the topic “%(title)s”": f"Suivre le dossier «{NBSP}%(title)s{NBSP}»",
    "E-mail address": "Adresse e-mail",
    "Subscribe": "S’inscrire",
    "We send a message to confirm. Every newsletter can be stopped in one click.": "Nous vous envoyons un message pour confirmer. Chaque lettre se résilie en un clic.",
    # Services and form checks (services.py, forms.py)
    "Enter a valid e-mail address.": "Saisissez une adresse e-mail valide.",
    "The page address is not valid.": "L’adresse de la page n’est pas valide.",
    "This newsletter is not available.": "Cette lettre n’est pas disponible.",
    "Follow: %(title)s": f"Suivre{NBSP}: %(title)s",
    "This page cannot be followed.": "Cette page ne peut pas être suivie.",
    "Too many newsletters in one request.": "Trop de lettres dans une seule demande.",
    "This newsletter does not exist.": "Cette lettre n’existe pas.",
    "This newsletter does not exist or is no longer sent.": "Cette lettre n’existe pas ou n’est plus envoyée.",
    "This page does not exist.": "Cette page n’existe pas.",
    "Choose at least one newsletter.": "Choisissez au moins une lettre.",
    # Answers (views.py, jinja2/newsletters/*.html)
    "This request could not be handled": "Cette demande n’a pas pu être traitée",
    "This address only takes the answer of a newsletter form.": "Cette adresse ne reçoit que les réponses d’un formulaire d’inscription aux lettres.",
    "Many requests came from your connection in a short time. Please try again later.": "De nombreuses demandes sont venues de votre connexion en peu de temps. Réessayez plus tard.",
    "Too many requests": "Trop de demandes",
    "Nothing was changed.": "Rien n’a été modifié.",
    "This confirmation link has expired or is not valid. Subscribe again from any page of the site: a new message will be sent to you.": f"Ce lien de confirmation a expiré ou n’est pas valide. Inscrivez-vous de nouveau depuis n’importe quelle page du site{NBSP}: un nouveau message vous sera envoyé.",
    "Link expired or not valid": "Lien expiré ou non valide",
    "This unsubscribe link is not valid: it may have been cut when it was copied. Use the link at the bottom of the message itself, or write to us.": f"Ce lien de désabonnement n’est pas valide{NBSP}: il a peut-être été coupé en étant copié. Utilisez le lien en bas du message lui-même, ou écrivez-nous.",
    "Link not valid": "Lien non valide",
    "Check your inbox": "Consultez votre messagerie",
    "If %(email)s is not subscribed yet, we have just sent a message to this address. Open the link it contains to confirm: nothing will be sent to you before.": f"Si l’adresse %(email)s n’est pas encore inscrite, nous venons d’envoyer un message à cette adresse. Ouvrez le lien qu’il contient pour confirmer{NBSP}: rien ne vous sera envoyé avant.",
    "Nothing arrived within a few minutes? Look in your spam folder, or check the address and subscribe again.": f"Rien reçu après quelques minutes{NBSP}? Regardez dans vos indésirables, ou vérifiez l’adresse et inscrivez-vous de nouveau.",
    "Confirm your subscription": "Confirmez votre inscription",
    "Subscription confirmed": "Inscription confirmée",
    "You will receive “%(name)s”. Every message has a link to stop it in one click.": f"Vous recevrez «{NBSP}%(name)s{NBSP}». Chaque message porte un lien pour l’arrêter en un clic.",
    "Your subscription to “%(name)s” is already confirmed.": f"Votre inscription à «{NBSP}%(name)s{NBSP}» est déjà confirmée.",
    "This link no longer applies": "Ce lien n’a plus d’effet",
    "You have unsubscribed from “%(name)s” since this message was sent. To receive it again, subscribe from any page of the site.": f"Vous vous êtes désabonné·e de «{NBSP}%(name)s{NBSP}» depuis l’envoi de ce message. Pour la recevoir de nouveau, inscrivez-vous depuis n’importe quelle page du site.",
    "Confirm that you would like to receive “%(name)s” at this address.": f"Confirmez que vous souhaitez recevoir «{NBSP}%(name)s{NBSP}» à cette adresse.",
    "Confirm my subscription": "Confirmer mon inscription",
    "You are unsubscribed": "Vous êtes désabonné·e",
    "Nothing more from “%(name)s” will be sent to this address.": f"Plus rien de «{NBSP}%(name)s{NBSP}» ne sera envoyé à cette adresse.",
    "Nothing more from this newsletter will be sent to this address.": "Plus rien de cette lettre ne sera envoyé à cette adresse.",
    "Changed your mind? Subscribe again from any page of the site.": f"Vous avez changé d’avis{NBSP}? Inscrivez-vous de nouveau depuis n’importe quelle page du site.",
    "Stop receiving “%(name)s” at this address?": f"Ne plus recevoir «{NBSP}%(name)s{NBSP}» à cette adresse{NBSP}?",
    # The confirmation mail (templates/newsletters/email/)
    "Confirm your subscription to the %(site)s newsletters": "Confirmez votre inscription aux lettres de %(site)s",
    "Someone, probably you, asked to receive this newsletter at this address:": (
        f"Quelqu’un, sans doute vous, a demandé à recevoir cette lettre à cette adresse{NBSP}:",
        f"Quelqu’un, sans doute vous, a demandé à recevoir ces lettres à cette adresse{NBSP}:",
    ),
    "To confirm, open:": f"Pour confirmer, ouvrez{NBSP}:",
    "Confirm within %(counter)s day: on the page the link opens, one button confirms.": (
        f"Confirmez sous %(counter)s jour{NBSP}: sur la page qu’ouvre le lien, un bouton confirme.",
        f"Confirmez sous %(counter)s jours{NBSP}: sur la page qu’ouvre le lien, un bouton confirme.",
    ),
    "If you did not ask for it, ignore this message: nothing will be sent to you.": f"Si vous n’avez rien demandé, ignorez ce message{NBSP}: rien ne vous sera envoyé.",
    "You receive this message because your address was entered in a %(site)s newsletter form.": "Vous recevez ce message parce que votre adresse a été saisie dans un formulaire d’inscription aux lettres de %(site)s.",
    # « Mon compte » (templates/newsletters/account_part.html, views.py)
    "My newsletters": "Mes lettres d’information",
    "Your account has no e-mail address to send newsletters to.": "Votre compte n’a pas d’adresse e-mail à laquelle envoyer des lettres.",
    "Sent to %(email)s.": "Envoyées à %(email)s.",
    "This address is not verified yet: each newsletter you choose is confirmed by a link we send to it.": f"Cette adresse n’est pas encore vérifiée{NBSP}: chaque lettre choisie se confirme par un lien que nous y envoyons.",
    "Messages to this address came back undelivered, so we stopped sending them. Confirm a newsletter again to start over.": "Nos messages à cette adresse nous sont revenus non distribués, nous avons donc cessé de les envoyer. Confirmez de nouveau une lettre pour reprendre.",
    "Tick the newsletters you would like to receive": "Cochez les lettres que vous souhaitez recevoir",
    "waiting for your confirmation": "en attente de votre confirmation",
    "Save my newsletters": "Enregistrer mes lettres",
    "No newsletter is offered yet.": "Aucune lettre n’est encore proposée.",
    "Your newsletters could not be saved.": "Vos lettres n’ont pas pu être enregistrées.",
    "Saved. A message was sent to %(email)s: open its link to confirm.": f"C’est enregistré. Un message a été envoyé à %(email)s{NBSP}: ouvrez son lien pour confirmer.",
    "Your newsletters are saved.": "Vos lettres sont enregistrées.",
}
