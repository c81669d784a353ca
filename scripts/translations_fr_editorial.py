# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of the editorial app: workflow, corrections, withdrawals, policies.

Merged with scripts/translations_fr.py by `make messages` (scripts/fill_po.py). No-break
spaces (U+00A0) are written out where French typography needs them.
"""

NBSP = "\u00a0"

TRANSLATIONS = {
    "Editorial": "Rédaction et confiance",
    # Corrections (« Rectificatif »)
    "Correction": "Rectificatif",
    "correction": "rectificatif",
    "corrections": "rectificatifs",
    "date of the correction": "date du rectificatif",
    "Shown to readers; also counts as an update date in the feeds.": (
        "Montrée aux lecteurs ; compte aussi comme date de mise à jour dans les flux."
    ).replace(" ;", f"{NBSP};"),
    "what was wrong and what is right": "ce qui était faux et ce qui est juste",
    "Written for readers, e.g. « Une version précédente de cet article indiquait que le pont avait été fermé mardi ; il l'a été mercredi. »": (
        f"Rédigé pour les lecteurs, par exemple «{NBSP}Une version précédente de cet article "
        f"indiquait que le pont avait été fermé mardi{NBSP}; il l’a été mercredi.{NBSP}»"
    ),
    "When something we published was wrong, we correct the article and say so here.": (
        "Quand une information publiée se révèle fausse, nous corrigeons l’article et le "
        "signalons ici."
    ),
    "Newer corrections": "Rectificatifs plus récents",
    "Older corrections": "Rectificatifs plus anciens",
    "No correction has been published.": "Aucun rectificatif n’a été publié.",
    # Withdrawn articles (410)
    "Article withdrawn": "Article retiré",
    "This article has been withdrawn: the news agency it was based on cancelled its dispatch.": (
        f"Cet article a été retiré{NBSP}: l’agence dont il reprenait la dépêche l’a annulée."
    ),
    "This article was published for a limited time and is no longer available.": (
        "Cet article était publié pour une durée limitée et n’est plus disponible."
    ),
    "This article has been withdrawn by the newsroom and is no longer available.": (
        "Cet article a été retiré par la rédaction et n’est plus disponible."
    ),
    "Withdrawn on": "Retiré le",
    "Unpublished by the newsroom": "Dépublié par la rédaction",
    "Cancelled by the news agency": "Annulé par l’agence",
    "Expired": "Expiré",
    "withdrawn article": "article retiré",
    # Policies
    "policies": "engagements",
    "The newsroom": "La rédaction",
    "Accessibility": "Accessibilité",
    "ownership page": "page sur la propriété du média",
    "contact page": "page de contact",
    "legal notice page": "page des mentions légales",
    "accessibility statement page": "page de la déclaration d’accessibilité",
    "accessibility conformance status": "état de conformité (accessibilité)",
    "Shown in every footer as « Accessibilité : partiellement conforme ».": (
        f"Affiché dans chaque pied de page sous la forme «{NBSP}Accessibilité{NBSP}: "
        f"partiellement conforme{NBSP}»."
    ),
    "fully compliant": "totalement conforme",
    "partially compliant": "partiellement conforme",
    "not compliant": "non conforme",
    "Ownership": "Qui sommes-nous",
    "Contact": "Contact",
    "Legal notice": "Mentions légales",
    "Accessibility: %(status)s": f"Accessibilité{NBSP}: %(status)s",
}
