# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of Kiosque's interface (msgids are English, as Django expects).

Applied by `python scripts/fill_po.py kiosque/locale/fr/LC_MESSAGES/django.po
scripts/translations_fr.py` after `make messages`. No-break spaces (U+00A0) and narrow
no-break spaces (U+202F) are written out where French typography needs them.
"""

NBSP = "\u00a0"

TRANSLATIONS = {
    # Reader site
    "Published on": "Publié le",
    "Updated on": "Mis à jour le",
    "Reading time: %(minutes)s min": f"Temps de lecture{NBSP}: %(minutes)smin",
    "Related articles": "À lire aussi",
    "Top story": "À la une",
    "Featured": "Sélection de la rédaction",
    "No article has been published here yet.": "Aucun article n’a encore été publié ici.",
    "Breadcrumb": "Fil d’Ariane",
    "Comments": "Commentaires",
    "Log in to your %(site)s account to join the conversation.": (
        "Connectez-vous à votre compte %(site)s pour participer à la conversation."
    ),
    "Log in": "Se connecter",
    "Create an account": "Créer un compte",
    "Comments are closed.": "Les commentaires sont fermés.",
    "Pages": "Pages",
    "Newer articles": "Articles plus récents",
    "Page %(number)s of %(total)s": "Page %(number)s sur %(total)s",
    "Older articles": "Articles plus anciens",
    "Sub-sections": "Sous-rubriques",
    "Topic": "Dossier",
    "Français": "Français",
    "English": "English",
    "Skip to content": "Aller au contenu",
    "Bad request": "Requête invalide",
    "The address of this page is not valid.": "L’adresse de cette page n’est pas valide.",
    "Back to the front page": "Retour à la une",
    "Page not found": "Page introuvable",
    "This page does not exist or is no longer available.": (
        "Cette page n’existe pas ou n’est plus disponible."
    ),
    "Policies": "Nos engagements",
    "Corrections": "Rectificatifs",
    "Ethics": "Déontologie",
    "Privacy": "Confidentialité",
    "Sections": "Rubriques",
    "News": "Info",
    "Analysis": "Analyse",
    "Opinion": "Opinion",
    "Interview": "Entretien",
    "Fact check": "Vrai ou faux",
    # Admin: models, fields and help texts
    "Newsroom": "Rédaction",
    "Subheading": "Intertitre",
    "Quotation": "Citation",
    "Who said it": "Auteur de la citation",
    "Quote": "Citation",
    "Image": "Image",
    "Alternative text": "Texte alternatif",
    "Leave empty to use the image's description.": "Laisser vide pour reprendre la description de l’image.",
    "Caption": "Légende",
    "Leave empty to use the image's caption.": "Laisser vide pour reprendre la légende de l’image.",
    "Credit": "Crédit",
    "Leave empty to build it from the image: (Photographer / Source / Agency).": (
        "Laisser vide pour le composer depuis l’image : (Photographe / Source / Agence)."
    ),
    "Address": "Adresse",
    "Title shown": "Titre affiché",
    "Provider": "Fournisseur",
    "E.g. YouTube.": "Par exemple YouTube.",
    "Embed": "Contenu intégré",
    "Paragraph": "Paragraphe",
    "name": "nom",
    "As credited: AFP, Reuters…": "Tel que crédité : AFP, Reuters…",
    "full name": "nom complet",
    "website": "site web",
    "agency": "agence",
    "agencies": "agences",
    "topic": "dossier",
    "The running story (dossier) shown before the title.": "Le dossier affiché avant le titre.",
    "article type": "type d’article",
    "standfirst": "chapô",
    "The chapô: one short paragraph under the title.": "Un court paragraphe sous le titre.",
    "dateline": "lieu d’édition",
    "Where the story was reported from, e.g. « WILMINGTON (Etats-Unis) – ».": (
        "D’où l’article a été écrit, par exemple « WILMINGTON (Etats-Unis) – »."
    ),
    "body": "corps",
    "language of the article": "langue de l’article",
    "Articles keep their own language whatever the interface language.": (
        "Un article garde sa langue, quelle que soit la langue de l’interface."
    ),
    "lead image": "image principale",
    "lead image alternative text": "texte alternatif de l’image principale",
    "Required unless the image has a description. Say what the picture shows.": (
        "Obligatoire si l’image n’a pas de description. Dites ce que montre l’image."
    ),
    "lead image caption": "légende de l’image principale",
    "Leave empty to use the image's own caption.": "Laisser vide pour reprendre la légende de l’image.",
    "lead image credit": "crédit de l’image principale",
    "Credited as « Article rédigé par <newsroom> avec AFP ».": (
        "Crédité ainsi : « Article rédigé par <rédaction> avec AFP »."
    ),
    "comments enabled": "commentaires ouverts",
    "minor change": "modification mineure",
    "Tick for a typo fix: this publication will not show « Mis à jour ». Unticked again after each publication.": (
        "À cocher pour une coquille : cette publication n’affichera pas « Mis à jour ». "
        "Décoché après chaque publication."
    ),
    "Lead image": "Image principale",
    "Author": "Auteur",
    "Credits": "Signatures",
    "article": "article",
    "articles": "articles",
    "Describe the lead image for readers who cannot see it.": (
        "Décrivez l’image principale pour les lecteurs qui ne peuvent pas la voir."
    ),
    "author": "auteur",
    "authors": "auteurs",
    "lead story": "ouverture de la une",
    "The main story of la une. When empty or withdrawn, the latest article.": (
        "L’article principal de la une. S’il est vide ou retiré, le plus récent."
    ),
    "Featured article": "Article mis en avant",
    "home page": "page d’accueil",
    "caption": "légende",
    "What the picture shows, as printed under it. An article may override it.": (
        "Ce que montre l’image, tel qu’imprimé dessous. Un article peut la remplacer."
    ),
    "photographer": "photographe",
    "Leave empty when unknown: the credit then shows a dash.": (
        "Laisser vide s’il est inconnu : le crédit affiche alors un tiret."
    ),
    "source": "source",
    "E.g. WHITE HOUSE, HANDOUT.": "Par exemple WHITE HOUSE, HANDOUT.",
    "E.g. AFP.": "Par exemple AFP.",
    "image": "image",
    "images": "images",
    "introduction": "introduction",
    "show in the site header": "afficher dans l’en-tête du site",
    "Top-level sections with this ticked appear in the header menu.": (
        "Les rubriques de premier niveau cochées apparaissent dans le menu."
    ),
    "section": "rubrique",
    "sections": "rubriques",
    "topic index": "liste des dossiers",
    "topics": "dossiers",
    "author index": "liste des auteurs",
    "job title": "fonction",
    "biography": "biographie",
    "photo": "photo",
    "site name": "nom du site",
    "Shown in the header and in « Connectez-vous à votre compte … ».": (
        "Affiché dans l’en-tête et dans « Connectez-vous à votre compte … »."
    ),
    "newsroom name": "nom de la rédaction",
    "Credited in « Article rédigé par <newsroom> avec AFP ».": (
        "Crédité dans « Article rédigé par <rédaction> avec AFP »."
    ),
    "publisher name": "nom de l’éditeur",
    "The brand or company that publishes the site, shown under the credit.": (
        "La marque ou l’entreprise qui publie le site, affichée sous la signature."
    ),
    "logo": "logo",
    "time zone": "fuseau horaire",
    "Dates are shown to readers in this zone.": "Les dates sont affichées dans ce fuseau.",
    "reading speed (words per minute)": "vitesse de lecture (mots par minute)",
    "comments close after (days)": "fermeture des commentaires après (jours)",
    "Comments close this many days after first publication; 0 never closes.": (
        "Les commentaires ferment ce nombre de jours après la première publication ; 0 : jamais."
    ),
    "age banner from (years)": "bandeau d’ancienneté à partir de (ans)",
    "« Cet article date de plus d'un an » appears from this age on.": (
        "« Cet article date de plus d’un an » apparaît à partir de cet âge."
    ),
    "grace period before « Mis à jour » (minutes)": "délai avant « Mis à jour » (minutes)",
    "A new version published within this time after the first publication does not show « Mis à jour ».": (
        "Une nouvelle version publiée dans ce délai après la première publication "
        "n’affiche pas « Mis à jour »."
    ),
    "corrections policy page": "page des rectificatifs",
    "ethics page": "page de déontologie",
    "privacy page": "page de confidentialité",
    "Names": "Noms",
    "Article page": "Page article",
    "Policies (footer)": "Engagements (pied de page)",
    "newsroom": "rédaction",
    "published at": "publié le",
    "publication": "publication",
    "text page": "page de texte",
    "text pages": "pages de texte",
}
