"""The demo's trust signals and workflow states: corrections, update notes, a withdrawn
article, a scheduled one and one waiting for review. Original writing; every person and
event is invented.
"""

# slug -> [(time after first publication, text of the « Rectificatif »)]. Each text
# matches what the article now says: a correction states what was wrong before.
CORRECTIONS = {
    "conference-de-tallinn-neuf-pays-proteger-cables-gazoducs-baltique": [
        (
            {"hours": 5},
            "Une version précédente de cet article indiquait que huit pays avaient signé la "
            "déclaration de Tallinn. Ils sont neuf : la Norvège s’est jointe aux huit pays "
            "membres de l’Union européenne riverains de la Baltique.",
        )
    ],
    "aveyron-fermeture-usine-roulements-vialar-430-emplois": [
        (
            {"days": 2},
            "Une version précédente de cet article situait l’usine Vialar à Espalion. Le "
            "site menacé de fermeture se trouve à Bozouls.",
        ),
        (
            {"days": 3, "hours": 4},
            "Nous avions écrit que le transfert de la production vers la Slovaquie devait "
            "intervenir d’ici douze mois. La direction évoque un délai de dix-huit mois.",
        ),
    ],
    "euro-athletisme-maelle-ravenaud-titre-3000-m-steeple": [
        (
            {"hours": 3},
            "Une version précédente de cet article donnait un temps de 9 min 16 s 62 pour "
            "Maëlle Ravenaud. Son chrono officiel, record personnel, est de 9 min 14 s 62.",
        )
    ],
    "tempete-heloise-catastrophe-naturelle-212-communes": [
        (
            {"hours": 6},
            "Une version précédente de cet article évoquait un fonds d’urgence de 20 "
            "millions d’euros. Le ministre de l’Intérieur a annoncé 30 millions d’euros.",
        )
    ],
}

# slug -> public update note, shown next to « Mis à jour » (articles updated after
# publication in the demo).
UPDATE_NOTES = {
    "tempete-heloise-rafales-ouessant-240-000-foyers-sans-electricite": (
        "nombre de foyers privés d’électricité actualisé en fin de journée"
    ),
    "proces-barrage-sainte-agathe-requisitions-parquet": (
        "ajout des réquisitions visant le quatrième prévenu"
    ),
    "tempete-heloise-douarnenez-benevoles-sinistres": (
        "ajout du témoignage de la coordinatrice des bénévoles"
    ),
    "trois-ans-apres-tallinn-cable-kalev-dix-huit-mois-de-retard": (
        "ajout de la réponse de l’opérateur du câble"
    ),
    "epinal-hopital-consultation-piqures-de-tiques-lyme": ("ajout des horaires de la consultation"),
}

_PICTURE = {
    "photographer": "-",
    "source": "KIOSQUE INFO",
    "agency": "",
}

# Published, then withdrawn by the newsroom: its address answers 410 Gone.
WITHDRAWN = {
    "slug": "nantes-tramway-ligne-5-mise-en-service-avancee",
    "title": "Nantes : la mise en service de la ligne 5 du tramway avancée au printemps",
    "article_type": "info",
    "section": "societe",
    "topic": "",
    "dateline": "NANTES (Loire-Atlantique) –",
    "standfirst": (
        "La métropole annonçait une ouverture de la nouvelle ligne dès le mois d’avril, "
        "six mois plus tôt que prévu, grâce à l’avancement des travaux sur le pont de "
        "la Madeleine."
    ),
    "body": [
        (
            "paragraph",
            "Les rames de la future ligne 5 devaient commencer leurs essais à vide dès le "
            "mois de février, selon le calendrier présenté en conseil métropolitain.",
        ),
        (
            "paragraph",
            "Les commerçants du boulevard de la Prairie-au-Duc, privés de stationnement "
            "depuis deux ans, saluaient une « bonne nouvelle » tout en demandant des "
            "indemnisations supplémentaires.",
        ),
    ],
    "image": {
        **_PICTURE,
        "alt": "Rails de tramway neufs posés sur un boulevard, barrières de chantier",
        "caption": "Les rails de la future ligne 5, boulevard de la Prairie-au-Duc.",
        "palette": "city",
    },
    "agencies": [],
    "authors": ["yanis-benali"],
    "comments": False,
    "published_ago": {"days": 12, "hours": 4},
    "withdrawn_after": {"hours": 3},
    "reason": (
        "Calendrier démenti par la métropole : la date annoncée reposait sur un document "
        "de travail. Article retiré en attendant une version vérifiée."
    ),
}

# Scheduled by an editor: goes live a few minutes after `kiosque demo`, by the worker.
SCHEDULED = {
    "slug": "bilan-tempete-heloise-rapport-meteo-france",
    "title": "Tempête Héloïse : Météo-France publie son rapport sur la nuit du passage",
    "article_type": "info",
    "section": "environnement",
    "topic": "tempete-heloise",
    "dateline": "RENNES –",
    "standfirst": (
        "Le rapport détaille l’intensification rapide de la dépression au large de la "
        "Bretagne et revient sur le déclenchement de la vigilance rouge."
    ),
    "body": [
        (
            "paragraph",
            "Les prévisionnistes décrivent une « cyclogenèse explosive » : la pression au "
            "centre de la dépression a chuté de 31 hectopascals en vingt-quatre heures.",
        ),
        (
            "paragraph",
            "Le rapport recommande d’avancer de six heures la diffusion des cartes de "
            "vigilance lorsque les modèles divergent sur la trajectoire d’une tempête.",
        ),
    ],
    "image": {
        **_PICTURE,
        "alt": "Carte météorologique affichée sur un écran dans une salle de prévision",
        "caption": "La salle de prévision du centre météorologique de Rennes.",
        "palette": "storm",
    },
    "agencies": [],
    "authors": ["helene-marchetti"],
    "comments": True,
    "goes_live_in": {"minutes": 10},
}

# Written by the demo journalist and submitted for review: waits for an editor in the
# admin (« Relecture » workflow).
IN_REVIEW = {
    "slug": "lyon-velos-cargos-livraisons-centre-ville",
    "title": "À Lyon, les vélos-cargos assurent désormais un tiers des livraisons du centre",
    "article_type": "analyse",
    "section": "economie",
    "topic": "",
    "dateline": "",
    "standfirst": (
        "Trois ans après l’ouverture de la zone à faibles émissions, les petits "
        "transporteurs à assistance électrique ont pris une place inattendue."
    ),
    "body": [
        (
            "paragraph",
            "Dans la presqu’île, les camionnettes de livraison se font plus rares entre "
            "7 heures et 11 heures. Quatre coopératives se partagent désormais l’essentiel "
            "des tournées de colis légers.",
        ),
        (
            "paragraph",
            "Reste la question des salaires : les livreurs, souvent autoentrepreneurs, "
            "réclament une grille commune que les coopératives disent ne pas pouvoir "
            "financer sans aide de la métropole.",
        ),
    ],
    "image": None,
    "agencies": [],
    "authors": ["thomas-kervella"],
    "comments": True,
}
