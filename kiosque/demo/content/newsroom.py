"""The fictional newsroom of the demo: sections, topics, authors, agencies, policies.

Original writing for Kiosque; every person and event is invented.
"""

SITE_NAME = "Kiosque Info"
NEWSROOM_NAME = "Kiosque Info"
PUBLISHER_NAME = "Éditions Kiosque"

# (slug, title, intro, children)
SECTIONS = [
    (
        "monde",
        "Monde",
        "L’actualité internationale, du Vieux Continent aux Amériques.",
        [
            ("europe", "Europe", "Les capitales européennes et les institutions de l’Union."),
            ("ameriques", "Amériques", "Du Canada à la Terre de Feu."),
        ],
    ),
    ("politique", "Politique", "Le gouvernement, le Parlement et les territoires.", []),
    ("economie", "Économie", "Entreprises, emploi, budgets et marchés.", []),
    ("environnement", "Environnement", "Climat, biodiversité et transitions.", []),
    (
        "societe",
        "Société",
        "Vie quotidienne, justice, santé et éducation.",
        [
            ("justice", "Justice", "Enquêtes, procès et décisions de justice."),
            ("sante", "Santé", "Hôpitaux, recherche médicale et prévention."),
        ],
    ),
    ("sport", "Sport", "Résultats, compétitions et coulisses du sport.", []),
    ("culture", "Culture", "Livres, scènes, écrans et patrimoine.", []),
]

# slug -> (title, intro)
TOPICS = {
    "tempete-heloise": (
        "Tempête Héloïse",
        "La tempête qui a frappé la Bretagne et la façade atlantique, ses dégâts et la "
        "reconstruction.",
    ),
    "conference-de-tallinn": (
        "Conférence de Tallinn",
        "Le sommet européen sur la sécurité énergétique de la Baltique et ses suites.",
    ),
    "proces-du-barrage-de-sainte-agathe": (
        "Procès du barrage de Sainte-Agathe",
        "La rupture du barrage des Cévennes, l’enquête, puis le procès devant le tribunal "
        "de Nîmes.",
    ),
    "euro-athletisme-lyon": (
        "Euro d’athlétisme de Lyon",
        "Les championnats d’Europe d’athlétisme organisés à Lyon, de la préparation aux podiums.",
    ),
}

# slug -> (name, job title, biography)
AUTHORS = {
    "camille-roussel": (
        "Camille Roussel",
        "Cheffe du service Monde",
        "Ancienne correspondante à Bruxelles, elle suit la diplomatie européenne.",
    ),
    "yanis-benali": (
        "Yanis Benali",
        "Journaliste au service Société",
        "Il couvre la justice et les grands procès depuis dix ans.",
    ),
    "helene-marchetti": (
        "Hélène Marchetti",
        "Journaliste environnement",
        "Elle a longtemps travaillé sur le littoral atlantique et les risques naturels.",
    ),
    "thomas-kervella": (
        "Thomas Kervella",
        "Journaliste sport et culture",
        "Ancien athlète de demi-fond, il écrit sur le sport et les festivals.",
    ),
}

# name -> (full name, website)
AGENCIES = {
    "AFP": ("Agence France-Presse", "https://www.afp.com/"),
    "Reuters": ("Reuters", "https://www.reuters.com/"),
    "AP": ("Associated Press", "https://apnews.com/"),
}

# slug -> (title, paragraphs); linked from every page's footer.
POLICIES = {
    "rectificatifs": (
        "Rectificatifs",
        [
            "Quand une information publiée sur Kiosque Info se révèle inexacte, la rédaction "
            "la corrige dans l’article et l’indique aux lecteurs par une mention « "
            "Rectificatif » datée, qui précise ce qui a changé.",
            "Les simples coquilles sont corrigées sans mention. Pour signaler une erreur, "
            "écrivez à la rédaction : chaque signalement reçoit une réponse.",
        ],
    ),
    "deontologie": (
        "Charte de déontologie",
        [
            "Les journalistes de Kiosque Info vérifient les faits avant de les publier, "
            "citent leurs sources lorsqu’elles peuvent l’être et distinguent clairement "
            "l’information, l’analyse et l’opinion.",
            "Les dépêches d’agences reprises sur le site sont créditées, et les articles "
            "qu’elles nourrissent portent la mention « avec AFP », « avec Reuters » ou « "
            "avec AP ».",
        ],
    ),
    "confidentialite": (
        "Confidentialité",
        [
            "Kiosque Info ne dépose aucun traceur publicitaire et ne fait appel à aucun "
            "service tiers pour afficher ses pages.",
            "Les comptes de lecteurs servent uniquement à participer aux commentaires. "
            "Chaque lecteur peut télécharger ses données ou supprimer son compte à tout "
            "moment.",
        ],
    ),
}
