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
            "Pour savoir quels articles sont lus, Kiosque Info compte lui-même les pages "
            "vues, sur ses propres serveurs, sans cookie et sans outil extérieur. De chaque "
            "page servie, nous ne gardons que deux choses : quelle page, et à quelle heure. "
            "Ni adresse IP, ni identifiant, ni provenance ne sont enregistrés ; le nom du "
            "navigateur ne sert qu’à écarter les robots connus et n’est pas conservé. Les "
            "aperçus de la rédaction ne sont pas comptés. Les chiffres, additionnés par "
            "page et par heure, sont effacés au bout de treize mois.",
            "Ils servent à la rédaction, qui les consulte dans son espace d’édition, et à "
            "la liste « Les plus lus », la même pour tous les lecteurs. Cette mesure ne "
            "dépose rien sur votre appareil et ne permet pas de reconnaître un lecteur "
            "d’une page à l’autre ni d’une visite à l’autre : elle remplit les conditions "
            "que la CNIL fixe aux mesures d’audience dispensées de consentement. C’est "
            "pourquoi aucun bandeau ne vous demande votre accord.",
            "Les comptes de lecteurs servent uniquement à participer aux commentaires. "
            "Nous gardons l’adresse électronique, le nom d’affichage, les préférences de "
            "notification, les commentaires et les « J’aime » de chaque lecteur, qui peut "
            "télécharger toutes ces données (au format JSON) ou supprimer son compte à tout "
            "moment depuis la page « Mon compte ».",
            "La suppression d’un compte est immédiate et ferme toutes ses sessions. Ses "
            "commentaires sont remplacés par la mention « Commentaire supprimé » : leur "
            "texte et le nom de leur auteur disparaissent, seule leur place reste dans la "
            "conversation pour que les réponses des autres lecteurs gardent leur sens. Les "
            "« J’aime », les versions précédentes des commentaires et les préférences sont "
            "effacés ; les signalements déjà envoyés restent traités, sans le nom de leur "
            "auteur, et le journal de modération garde les décisions prises, sans lien avec "
            "le compte.",
            "Une seule exception : lorsqu’un lecteur banni par la modération supprime son "
            "compte, nous conservons une empreinte de son adresse électronique, calculée "
            "avec une clé secrète, qui ne permet pas de retrouver l’adresse. Elle sert "
            "uniquement à empêcher qu’il échappe au bannissement en se réinscrivant avec "
            "la même adresse.",
        ],
    ),
    # Settings › Policies (kiosque.editorial): ownership, contact, legal notice and the
    # accessibility statement French law requires, with its conformance status.
    "qui-sommes-nous": (
        "Qui sommes-nous",
        [
            "Kiosque Info est édité par les Éditions Kiosque, une société indépendante "
            "fondée par ses journalistes. Aucun groupe industriel, aucune banque et aucun "
            "annonceur ne détient de part de son capital.",
            "Le capital est réparti entre la société des rédacteurs (51 %), une fondation "
            "de soutien au journalisme local (30 %) et quelque deux mille lecteurs "
            "actionnaires (19 %). Les statuts donnent à la société des rédacteurs un droit "
            "de veto sur la nomination du directeur de la rédaction.",
            "Le site vit des abonnements de soutien de ses lecteurs et de la vente de ses "
            "enquêtes à d’autres médias. Il ne publie pas de publicité ciblée.",
        ],
    ),
    "contact": (
        "Contact",
        [
            "Pour signaler une erreur, proposer une information ou réagir à un article, "
            "écrivez à la rédaction : redaction@kiosque.invalid. Chaque message est lu par "
            "un membre de l’équipe éditoriale.",
            "Pour une demande de rectificatif, précisez l’article concerné et ce qui vous "
            "paraît inexact : la rédaction vous répond sous quarante-huit heures.",
            "Éditions Kiosque, 12 rue des Imprimeurs, 44000 Nantes (adresse fictive de "
            "démonstration).",
        ],
    ),
    "mentions-legales": (
        "Mentions légales",
        [
            "Le site Kiosque Info est édité par les Éditions Kiosque, société par actions "
            "simplifiée au capital de 120 000 euros, dont le siège est situé 12 rue des "
            "Imprimeurs, 44000 Nantes (société fictive de démonstration).",
            "Directrice de la publication : Claire Le Hénaff, que l’on peut joindre à "
            "l’adresse redaction@kiosque.invalid.",
            "Le site est hébergé par Hébergements de l’Ouest, 3 quai des Serveurs, 35000 "
            "Rennes (hébergeur fictif de démonstration).",
            "Les articles, photographies et illustrations publiés sur le site sont protégés "
            "par le droit d’auteur. Les dépêches reprises restent la propriété des agences "
            "qui les ont produites.",
        ],
    ),
    "accessibilite": (
        "Déclaration d’accessibilité",
        [
            "Les Éditions Kiosque s’engagent à rendre le site Kiosque Info accessible "
            "conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette "
            "déclaration d’accessibilité s’applique à l’ensemble des pages publiques du "
            "site.",
            "État de conformité : Kiosque Info est partiellement conforme avec le "
            "référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2, "
            "en raison des non-conformités énumérées ci-dessous.",
            "Résultats des tests : l’audit interne mené en novembre 2026 sur un "
            "échantillon de quinze pages montre que 88 % des critères applicables sont "
            "respectés.",
            "Contenus non accessibles : certaines photographies publiées avant 2022 n’ont "
            "pas d’alternative textuelle détaillée ; les documents PDF joints à quelques "
            "enquêtes ne sont pas balisés ; les liens vers des vidéos de tiers mènent à des "
            "contenus sans sous-titres.",
            "Cette déclaration a été établie le 25 novembre 2026. Technologies utilisées : "
            "HTML et CSS, sans JavaScript nécessaire à la lecture. Les tests ont été menés "
            "avec Firefox et NVDA, Safari et VoiceOver, ainsi qu’avec l’outil axe-core.",
            "Retour d’information et contact : si vous n’arrivez pas à accéder à un "
            "contenu, écrivez à accessibilite@kiosque.invalid ; nous vous le fournirons "
            "sous une autre forme.",
            "Voies de recours : si vous n’obtenez pas de réponse satisfaisante, vous "
            "pouvez écrire au Défenseur des droits ou contacter son délégué dans votre "
            "région.",
        ],
    ),
}
