"""Original French vocabulary for the bench data: places, people, and sentence parts.

Every line here was written for Kiosque's bench; articles and comments are assembled
from these pieces, so 200,000 articles read like news copy (accents, apostrophes,
guillemets, long and short sentences) without copying anybody's text. The places and
people are invented or generic; nothing describes a real event.
"""

# (slug, title, [(child slug, child title)]) — the newsroom's rubriques.
SECTIONS = [
    ("monde", "Monde", [("europe", "Europe"), ("afrique", "Afrique"), ("asie", "Asie")]),
    ("politique", "Politique", []),
    ("economie", "Économie", [("entreprises", "Entreprises")]),
    ("societe", "Société", [("justice", "Justice"), ("education", "Éducation")]),
    ("planete", "Planète", []),
    ("sciences", "Sciences", []),
    ("culture", "Culture", [("cinema", "Cinéma"), ("livres", "Livres")]),
    ("sport", "Sport", []),
    ("regions", "Régions", []),
]
# How often each top-level rubrique (or its children) gets an article.
SECTION_WEIGHTS = {
    "monde": 18, "politique": 14, "economie": 12, "societe": 16, "planete": 6,
    "sciences": 5, "culture": 10, "sport": 12, "regions": 7,
}  # fmt: skip

TOPIC_SUBJECTS = [
    "Réforme des retraites", "Crue de la Vilaine", "Élections régionales",
    "Sécheresse dans le Sud-Ouest", "Procès du pont de Valmorin", "Grève des contrôleurs",
    "Budget de l'État", "Jeux d'hiver de Kerhallec", "Pénurie de médecins",
    "Incendies des Landes", "Négociations sur le climat", "Crise du logement étudiant",
    "Loi sur l'audiovisuel", "Fermeture de l'usine Marbrel", "Tour de France",
    "Festival de Lorvannes", "Intelligence artificielle à l'école", "Prix de l'énergie",
    "Hôpital public", "Accord de libre-échange", "Affaire des marchés truqués",
    "Transports du Grand Ouest", "Coupe du monde de rugby", "Pollution de l'Arvenne",
    "Rentrée scolaire", "Agriculture et irrigation", "Cyberattaque des mairies",
    "Référendum local de Saint-Aurel", "Fusion des régions", "Canicule",
]  # fmt: skip

FIRST_NAMES = [
    "Camille", "Louis", "Aïcha", "Mathieu", "Elsa", "Youssef", "Claire", "Hugo", "Inès",
    "Bastien", "Solène", "Karim", "Léa", "Antoine", "Nora", "Gaël", "Maëlle", "Olivier",
    "Salomé", "Thibault", "Jeanne", "Rachid", "Agathe", "Pierre-Yves", "Lucie", "Éric",
]  # fmt: skip
LAST_NAMES = [
    "Roussel", "Le Bihan", "Marchetti", "Benali", "Fournier", "Dufresne", "Carré",
    "Lemoine", "Ndiaye", "Garnier", "Perrot", "Quéré", "Vasseur", "Haddad", "Morvan",
    "Delorme", "Chevalier", "Bertin", "Leclerc", "Gauthier", "Saïdi", "Tessier",
]  # fmt: skip
JOB_TITLES = [
    "journaliste", "reporter", "correspondante à Bruxelles", "correspondant en Afrique de l'Ouest",
    "cheffe du service Politique", "rédacteur en chef adjoint", "journaliste données",
    "envoyée spéciale", "chroniqueur", "journaliste sport",
]  # fmt: skip
AGENCIES = [
    ("AFP", "Agence France-Presse"),
    ("Reuters", "Reuters"),
    ("AP", "Associated Press"),
    ("Belga", "Agence Belga"),
]

PLACES = [
    "Quimperlé", "Valmorin", "Lorvannes", "Saint-Aurel", "Kerhallec", "Montbrison-sur-Arvenne",
    "Bréhat-les-Pins", "Castelroux", "Aubrac-le-Vieux", "Port-Lazare", "Villeneuve-d'Orme",
    "Sainte-Colombe", "Marcillac", "Roche-Argent", "Belval", "Lanvéoc-Plage",
    "Chantemerle", "Vaudrey", "Pontarlier-le-Haut", "Mervent", "Séverac", "Hautefort",
    "Bruxelles", "Genève", "Dakar", "Montréal", "Lisbonne", "Varsovie", "Hanoï", "Lima",
]  # fmt: skip
ACTORS = [
    "le gouvernement", "la préfecture", "le conseil municipal", "les syndicats",
    "l'opposition", "la ministre de la Santé", "le ministre de l'Économie",
    "les agriculteurs", "les enseignants", "la direction de l'hôpital",
    "les habitants du quartier", "la Commission européenne", "le tribunal administratif",
    "la fédération", "les associations de riverains", "le maire", "la présidente de région",
    "les chercheurs", "les élus locaux", "la compagnie ferroviaire", "les étudiants",
    "le collectif citoyen", "l'entreprise", "les pompiers", "la Cour des comptes",
]  # fmt: skip
HEADLINE_VERBS = [
    "annonce", "refuse", "dévoile", "conteste", "adopte", "repousse", "défend",
    "suspend", "relance", "abandonne", "présente", "promet", "réclame", "critique",
]  # fmt: skip
HEADLINE_OBJECTS = [
    "un plan de rénovation des écoles", "la fermeture de la ligne de nuit",
    "un budget en hausse de 4 %", "la réforme du stationnement", "un nouveau calendrier",
    "l'agrandissement du port", "la hausse des tarifs de l'eau", "un projet d'éoliennes",
    "le plan contre les inondations", "un accord salarial", "la fusion des deux lycées",
    "la construction d'un pont", "un moratoire sur les forages", "le retour du tramway",
    "un fonds d'aide aux commerces", "la piétonnisation du centre", "une enquête interne",
    "le rachat de la conserverie", "la réouverture de la maternité", "un couvre-feu",
]  # fmt: skip
HEADLINE_TAILS = [
    "", "", "", " après des mois de tension", " malgré les critiques",
    " face à la colère des habitants", " sous la pression de la rue", " pour 2028",
    " à la surprise générale", " au terme d'une nuit de débats",
]  # fmt: skip
# Title shapes; {place} {actor} {verb} {object} {tail} {number} are filled in.
HEADLINES = [
    "À {place}, {actor} {verb} {object}{tail}",
    "{Actor} {verb} {object}{tail}",
    "{place} : {actor} {verb} {object}",
    "Ce que l'on sait sur {object} à {place}",
    "« Nous n'avons pas le choix » : {actor} {verb} {object}",
    "{number} questions sur {object}",
    "Vrai ou faux : {object} coûtera-t-il vraiment {number} millions ?",
    "Entretien : « {Object}, c'est une question de confiance »",
    "Analyse : pourquoi {actor} {verb} {object}",
]  # fmt: skip

# Sentence parts for bodies and standfirsts.
OPENERS = [
    "Mardi soir,", "Dès lundi,", "Selon nos informations,", "Depuis le début de l'été,",
    "Au terme d'une réunion tendue,", "Quelques heures plus tard,", "Dans un communiqué,",
    "Interrogé par notre rédaction,", "À la surprise des observateurs,", "Sur place,",
    "Comme chaque année,", "Pour la première fois depuis dix ans,", "Jeudi matin,",
]  # fmt: skip
SUBJECTS = [
    "le maire", "la préfète", "un porte-parole du ministère", "les représentants syndicaux",
    "une habitante du quartier", "le directeur de l'établissement", "plusieurs élus",
    "les services de l'État", "une source proche du dossier", "le président du club",
    "la rapporteuse du texte", "un responsable associatif", "les enquêteurs",
    "la direction régionale", "un chercheur du laboratoire", "les commerçants",
]  # fmt: skip
VERBS = [
    "a confirmé", "a rappelé", "a reconnu", "a démenti", "a assuré", "a regretté",
    "a souligné", "a promis", "a détaillé", "a estimé", "a expliqué", "a précisé",
]  # fmt: skip
CLAIMS = [
    "que le calendrier serait tenu malgré les retards", "que les travaux dureraient deux ans",
    "que rien n'était encore décidé", "que la facture dépasserait les prévisions",
    "que les premiers résultats étaient encourageants", "que le dialogue restait ouvert",
    "que la sécurité des habitants passait avant tout", "qu'une étude indépendante serait menée",
    "que les financements étaient assurés jusqu'en 2027", "que la concertation reprendrait en mars",
    "que la mesure concernerait près de 12 000 foyers", "que les chiffres seraient publiés",
    "qu'aucune fermeture n'était envisagée à ce stade", "que l'enquête suivait son cours",
]  # fmt: skip
FACTS = [
    "Le projet avait été présenté une première fois il y a trois ans.",
    "La commune compte un peu plus de 8 000 habitants.",
    "Le vote doit avoir lieu avant la fin du mois.",
    "Les chiffres de l'Insee montrent une baisse continue depuis 2019.",
    "Une pétition a déjà recueilli plusieurs milliers de signatures.",
    "Le chantier mobilise une centaine d'ouvriers.",
    "La décision peut encore faire l'objet d'un recours.",
    "Le dossier est suivi de près par les services de l'État.",
    "Le dispositif sera évalué au bout de dix-huit mois.",
    "Les associations dénoncent un manque de transparence.",
    "Le budget total atteint 42 millions d'euros.",
    "Aucun blessé n'est à déplorer.",
    "Les discussions doivent reprendre la semaine prochaine.",
    "L'opposition réclame une commission d'enquête.",
    "Le texte sera examiné en deuxième lecture au printemps.",
    "Les riverains attendent des réponses depuis des mois.",
]  # fmt: skip
QUOTES = [
    "On ne peut pas continuer comme ça, il faut des actes",
    "Nous avons entendu les inquiétudes et nous y répondrons",
    "C'est une victoire, mais le plus dur reste à faire",
    "Personne ne nous a consultés avant de prendre cette décision",
    "Nous serons jugés sur les résultats, pas sur les annonces",
    "Il était temps, cela fait quinze ans que nous le demandons",
    "Je comprends la colère, je ne la partage pas",
]  # fmt: skip
SUBHEADINGS = [
    "Un calendrier serré", "Des réactions contrastées", "Ce qui change concrètement",
    "La question du financement", "Une procédure encore longue", "Sur le terrain",
    "Les prochaines étapes", "Un précédent qui inquiète", "Ce que disent les chiffres",
]  # fmt: skip
DATELINES = ["", "", "", "{PLACE} –", "{PLACE} (envoyé spécial) –", "{PLACE} (correspondance) –"]

# Readers' comments.
COMMENT_OPENINGS = [
    "Très bon article, merci.", "Je ne partage pas du tout cette analyse.",
    "Enfin quelqu'un qui pose les bonnes questions.", "J'habite à côté et c'est bien pire.",
    "Article utile, mais un peu court.", "Encore une fois, les premiers concernés sont oubliés.",
    "Je découvre ce dossier, merci pour le résumé.", "Le titre est trompeur.",
    "Bravo à la rédaction pour ce suivi.", "Je reste perplexe.",
    "Quelle histoire !", "C'était prévisible depuis longtemps.",
]  # fmt: skip
COMMENT_MIDDLES = [
    "Qui va payer au final ?", "Il faudrait comparer avec ce qui se fait ailleurs.",
    "Les annonces, on connaît, on attend les actes.",
    "Dans ma ville, le même projet a été abandonné en deux ans.",
    "Je travaille dans le secteur et la réalité est plus nuancée.",
    "Les chiffres donnés ne tiennent pas compte de l'inflation.",
    "On aimerait entendre davantage les habitants.",
    "Tout cela manque cruellement de transparence.",
    "Ça va dans le bon sens, à condition de tenir les délais.",
    "Mes enfants sont directement concernés et personne ne nous informe.",
]  # fmt: skip
COMMENT_CLOSINGS = ["", "", "À suivre.", "Merci encore.", "On verra bien.", "Courage à tous."]
COMMENT_REPLIES = [
    "Je suis d'accord avec vous.", "Vous avez une source ?", "Pas tout à fait, relisez l'article.",
    "Même constat chez nous.", "C'est plus compliqué que ça.", "Merci pour ce témoignage.",
    "Vous exagérez un peu, non ?", "Exactement ce que je pensais.",
]  # fmt: skip
READER_NAMES = [
    "Jean-Luc", "Martine B.", "Sylvain", "Nathalie", "Kévin_35", "Françoise", "Didier M.",
    "Aurélie", "Loïc", "Sandrine", "Mehdi", "Brigitte", "Yannick", "Céline", "Paulo",
]  # fmt: skip
