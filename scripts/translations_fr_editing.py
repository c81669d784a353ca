# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French for the article editor's autosave rules and its public credit line (issue 16,
decision 0070: kiosque/editorial/autosave.py, credit_preview.py, wagtail_hooks.py).
Msgids are English; filled in by `make messages`. No-break spaces (U+00A0) inside
« » and before « : ».
"""

NBSP = "\u00a0"

TRANSLATIONS = {
    # Autosave on the create view, shown by Wagtail's « paused » indicator.
    "Autosave starts once the article has a title and a standfirst or a first paragraph. Until then, « Save draft » keeps it.": (
        "L’enregistrement automatique commence dès que l’article a un titre et un chapô "
        f"ou un premier paragraphe. D’ici là, «{NBSP}Enregistrer le brouillon{NBSP}» le conserve."
    ),
    # A never-published article moved to the next free address.
    "The address « %(taken)s » is already used in this section: this article will be at « %(slug)s ».": (
        f"L’adresse «{NBSP}%(taken)s{NBSP}» est déjà prise dans cette rubrique{NBSP}: "
        f"cet article sera à l’adresse «{NBSP}%(slug)s{NBSP}»."
    ),
    # The credit line under the « Signatures » fields.
    "Public credit line": "Ligne de crédit publique",
    "The credit line could not be updated.": "La ligne de crédit n’a pas pu être mise à jour.",
}
