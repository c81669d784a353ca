# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for the moderation screens (issue 16): hold reasons, preset rejection reasons,
reports, the journal and one comment's status. Keys with a context are
"context\x04msgid", as gettext keys them. Filled by `make messages`."""

TRANSLATIONS = {
    "comment status\x04Published": "Publié",
    "comment status\x04Pending": "En attente",
    "comment status\x04Held": "Retenu",
    "comment status\x04Rejected": "Refusé",
    "comment status\x04Deleted": "Supprimé",
    "sanction": "sanction",
    "action": "action",
    "Sanction": "Sanction",
    "Comment approved": "Commentaire approuvé",
    "Comment rejected": "Commentaire refusé",
    "Comment featured": "Commentaire mis en avant",
    "Comment unfeatured": "Commentaire retiré de la sélection",
    "Too many links": "Trop de liens",
    "Pre-moderation": "Modération a priori",
    "Toxicity classifier unavailable": "Classifieur de toxicité indisponible",
    "Toxicity classifier gave an invalid answer": "Réponse invalide du classifieur de toxicité",
    "Suspect words: %(words)s": "Mots suspects\xa0: %(words)s",
    "Toxicity score: %(score)s": "Score de toxicité\xa0: %(score)s",
    "Personal attack": "Attaque personnelle",
    "Spam or advertising": "Spam ou publicité",
    "Hateful content": "Contenu haineux",
    "Misinformation": "Fausse information",
    "preset rejection reasons": "motifs de refus prédéfinis",
    "One reason per line, offered when a comment is rejected; moderators can still type another. Empty: personal attack, off topic, spam or advertising, hateful content, misinformation.": "Un motif par ligne, proposé au refus d’un commentaire\xa0; les modérateurs peuvent toujours en saisir un autre. Vide\xa0: attaque personnelle, hors sujet, spam ou publicité, contenu haineux, fausse information.",
    'A reason has at most %(max)s characters; shorten "%(start)s…".': "Un motif compte au plus %(max)s caractères\xa0; raccourcissez « %(start)s… ».",
    "At most %(max)s reasons.": "Au plus %(max)s motifs.",
    "Or another reason": "Ou un autre motif",
    "Choose a reason…": "Choisir un motif…",
    "Choose a reason or type one.": "Choisissez un motif ou saisissez-en un.",
    "In reply to:": "En réponse à\xa0:",
    "a deleted comment": "un commentaire supprimé",
    "Choose to approve or to reject.": "Choisissez d’approuver ou de refuser.",
    "Tick comments of the queue (at most %(max)s).": "Cochez des commentaires de la file (au plus %(max)s).",
    "Done: %(n)s comments.": "Fait\xa0: %(n)s commentaires.",
    "Ticked comments": "Commentaires cochés",
    "Select": "Sélection",
    "Select comment #%(id)s": "Sélectionner le commentaire n° %(id)s",
    # ngettext entries: (singular, plural).
    "%(counter)s report": ("%(counter)s signalement", "%(counter)s signalements"),
    "Keyboard: j / k next and previous comment, a approve, r rejection reason, x tick.": (
        "Clavier\u00a0: j / k commentaire suivant et précédent, a approuver, r motif de refus, x cocher."
    ),
}
