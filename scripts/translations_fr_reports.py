# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for « Signaler une erreur », the newsroom's queue of error reports and the
article's « Partager » (issue 16). Filled by `make messages`."""

NBSP = "\u00a0"  # before « : ; ? ! », as French typography wants

TRANSLATIONS = {
    # The article page (editorial/includes/article_report_link.html, article_share.html)
    "Report an error": "Signaler une erreur",
    "Share this article": "Partager cet article",
    "Share": "Partager",
    "Copy the link": "Copier le lien",
    "E-mail": "E-mail",
    "Link copied.": "Lien copié.",
    "The link could not be copied: select it in the address bar.": f"Le lien n’a pas pu être copié{NBSP}: sélectionnez-le dans la barre d’adresse.",
    # The form and the thanks (editorial/report_page.html, report_sent.html)
    "In the article:": f"Dans l’article{NBSP}:",
    "Your message goes to the newsroom, which checks every report and publishes a correction when something we wrote was wrong.": "Votre message est transmis à la rédaction, qui vérifie chaque signalement et publie un rectificatif lorsque nous nous sommes trompés.",
    "Your report was not sent: please see the message below. What you wrote is still there.": f"Votre signalement n’a pas été envoyé{NBSP}: voyez le message ci-dessous. Ce que vous avez écrit est toujours là.",
    "Send the report": "Envoyer le signalement",
    "Back to the article": "Retour à l’article",
    "Report sent": "Signalement envoyé",
    "Thank you: your report has been sent": f"Merci{NBSP}: votre signalement a été envoyé",
    "The newsroom will check it. When something we published was wrong, we correct the article and say so.": "La rédaction va le vérifier. Quand une information publiée était inexacte, nous corrigeons l’article et le signalons.",
    "Report another error": "Signaler une autre erreur",
    # The form's fields and messages (editorial/error_reports.py, report_views.py)
    "What is wrong in this article?": f"Qu’est-ce qui est inexact dans cet article{NBSP}?",
    "Your e-mail address (optional)": "Votre adresse e-mail (facultative)",
    "Only if you would like an answer. It is never published.": "Seulement si vous souhaitez une réponse. Elle n’est jamais publiée.",
    "Leave this field empty": "Laissez ce champ vide",
    "Quote the passage if you can, and say what you believe is right (%(min)s to %(max)s characters).": "Citez le passage si vous le pouvez, et dites ce qui vous paraît exact (de %(min)s à %(max)s caractères).",
    "Please say a little more: at least %(n)s characters.": f"Précisez un peu, s’il vous plaît{NBSP}: au moins %(n)s caractères.",
    "At most %(max)s characters, please: your text has %(n)s.": f"%(max)s caractères au plus, s’il vous plaît{NBSP}: votre texte en compte %(n)s.",
    "Many reports have been sent from here in a short time, so this one could not be sent. Please try again in an hour: your text is still below.": f"Beaucoup de signalements ont été envoyés d’ici en peu de temps{NBSP}: celui-ci n’a pas pu partir. Réessayez dans une heure{NBSP}; votre texte est toujours ci-dessous.",
    # The model and the admin (editorial/models.py, wagtail_hooks.py)
    "Error reports": "Signalements d’erreurs",
    "error report": "signalement d’erreur",
    "error reports": "signalements d’erreurs",
    "New": "Nouveau",
    "Handled": "Traité",
    "Dismissed": "Écarté",
    "what is wrong": "ce qui est inexact",
    "reader's e-mail": "e-mail du lecteur",
    "received": "reçu le",
    "status": "statut",
    "handled by": "traité par",
    "handled at": "traité le",
    "article": "article",
}
