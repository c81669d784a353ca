# ruff: noqa: E501  (prose)
"""The demo's live coverage: one running when `make run` starts, one ended.

Original writing for Kiosque; every person, place detail and event is invented.
Entries: (minutes before now, title, paragraphs, options). Options: "key" (a key
event), "agency" (credited to an agency rather than the live's journalist), "quote"
((text, who)), "list" (items), "image" ((palette, alt, caption, source)).
"""

RUNNING = {
    "slug": "direct-crue-de-la-loire",
    "section": "environnement",
    "title": "DIRECT. Crue de la Loire : Tours et Blois se préparent au pic attendu dans la nuit",
    "standfirst": "Le fleuve monte de quatre centimètres par heure en Touraine. Deux mille habitants des quartiers bas ont été invités à quitter leur logement avant la soirée.",
    "author": "helene-marchetti",
    "agencies": ["AFP"],
    "started_ago": {"hours": 5, "minutes": 10},
    "picture": (
        "storm",
        "La Loire en crue sous le pont Wilson, à Tours",
        "La Loire sous le pont Wilson, à Tours, en fin de matinée.",
        "KIOSQUE INFO",
    ),
    "context": [
        "Après dix jours de pluies continues sur le Massif central, la Loire et ses affluents débordent de l’Allier jusqu’à l’Anjou. Vigicrues a placé le Loir-et-Cher, l’Indre-et-Loire et le Maine-et-Loire en vigilance rouge ce matin.",
    ],
    "summary": (
        "L’essentiel",
        [
            "La Loire devrait atteindre 6,40 m à Tours vers 2 h du matin, un niveau inédit depuis 1907 selon la préfecture.",
            "Environ 2 000 habitants des quartiers bas de Tours, Blois et Amboise sont invités à partir ; 14 gymnases sont ouverts pour les accueillir.",
            "Le trafic ferroviaire est interrompu entre Blois et Tours, et l’autoroute A10 est fermée au sud d’Amboise.",
        ],
    ),
    "entries": [
        (
            305,
            "Vigilance rouge sur trois départements",
            [
                "Vigicrues vient de passer le Loir-et-Cher, l’Indre-et-Loire et le Maine-et-Loire en vigilance rouge crues. Le niveau de la Loire à Blois atteint 4,85 m, en hausse de 30 cm depuis minuit."
            ],
            {"key": True},
        ),
        (
            297,
            "",
            [
                "Bonjour à toutes et à tous. Nous suivons en direct, toute la journée, la montée de la Loire en Touraine et dans le Blésois."
            ],
            {},
        ),
        (
            289,
            "",
            [
                "La préfète d’Indre-et-Loire a convoqué une cellule de crise à 9 h. Les maires des communes riveraines sont invités à y participer par visioconférence."
            ],
            {"agency": "AFP"},
        ),
        (
            281,
            "",
            [
                "Sur les quais de Tours, les employés municipaux installent les premiers batardeaux devant les rampes d’accès. « On a fait l’exercice en mars, on sait où va chaque planche », explique un agent."
            ],
            {},
        ),
        (
            274,
            "",
            [
                "La SNCF annonce la suppression des TER entre Blois et Tours jusqu’à nouvel ordre, la voie longeant le fleuve sur plusieurs kilomètres."
            ],
            {"agency": "AFP"},
        ),
        (
            266,
            "À Blois, les riverains du quartier de Vienne déménagent leurs meubles à l’étage",
            [
                "Dans les rues basses de la rive gauche, les familles montent matelas, électroménager et cartons de photos à l’étage. Beaucoup se souviennent de la crue de 2016."
            ],
            {
                "image": (
                    "stone",
                    "Des habitants portent un canapé dans une rue de Blois",
                    "Rue de la Chaîne, à Blois, en fin de matinée.",
                    "KIOSQUE INFO",
                )
            },
        ),
        (
            259,
            "",
            [
                "Le niveau à Tours atteint 5,02 m. La préfecture prévoit désormais un pic entre 6,20 m et 6,50 m dans la nuit."
            ],
            {},
        ),
        (
            251,
            "",
            [
                "Les écoles des quartiers bas de Tours fermeront à midi. Les parents sont invités à venir chercher leurs enfants avant 12 h 30."
            ],
            {},
        ),
        (
            243,
            "",
            [
                "« Nous n’avons pas vu la Loire monter aussi vite depuis que les mesures existent à Amboise », indique le service de prévision des crues Loire-Cher-Indre."
            ],
            {"agency": "Reuters"},
        ),
        (
            236,
            "Évacuation recommandée pour 2 000 habitants",
            [
                "La préfecture invite les habitants des zones inondables de Tours, Blois et Amboise à quitter leur domicile avant 18 h. Quatorze gymnases sont ouverts pour les accueillir."
            ],
            {"key": True},
        ),
        (
            228,
            "",
            [
                "À Amboise, la mairie distribue des sacs de sable devant l’hôtel de ville. La file d’attente s’étire jusqu’au pont."
            ],
            {},
        ),
        (
            221,
            "",
            [
                "Nos lecteurs nous signalent des caves inondées à Montlouis-sur-Loire. Les pompiers demandent de ne les appeler qu’en cas de danger pour les personnes."
            ],
            {},
        ),
        (
            213,
            "",
            [],
            {
                "quote": (
                    "Nous ne laisserons personne seul face à l’eau. Les équipes de secours ont été renforcées de 300 pompiers venus de six départements.",
                    "La préfète d’Indre-et-Loire, lors d’un point presse",
                )
            },
        ),
        (
            206,
            "Les routes coupées",
            [
                "L’autoroute A10 est fermée dans les deux sens entre Amboise et Tours-Centre. Sont aussi coupées :"
            ],
            {
                "agency": "AFP",
                "list": [
                    "la D952 entre Amboise et Montlouis-sur-Loire ;",
                    "la D751 au sud de Blois ;",
                    "le pont de Chaumont-sur-Loire, fermé aux poids lourds.",
                ],
            },
        ),
        (
            198,
            "",
            [
                "Le niveau à Tours atteint 5,31 m. L’eau recouvre désormais la promenade des bords de Loire sous le pont Wilson."
            ],
            {
                "image": (
                    "storm",
                    "La promenade des bords de Loire recouverte d’eau",
                    "La promenade des bords de Loire, sous le pont Wilson.",
                    "KIOSQUE INFO",
                )
            },
        ),
        (
            191,
            "",
            [
                "Les hôpitaux de Tours ont déclenché leur plan blanc par précaution. Aucune évacuation de patients n’est prévue à ce stade."
            ],
            {},
        ),
        (
            183,
            "Le gouvernement active la cellule interministérielle de crise",
            [
                "La ministre de la Transition écologique se rendra à Tours en fin d’après-midi. Une cellule interministérielle de crise est ouverte place Beauvau."
            ],
            {"key": True, "agency": "AFP"},
        ),
        (
            176,
            "",
            [
                "Dans le quartier Saint-Symphorien, les bénévoles de la protection civile frappent porte à porte pour vérifier que les personnes âgées ont un endroit où dormir."
            ],
            {},
        ),
        (
            168,
            "",
            [
                "Les lycées de Tours et Blois resteront fermés demain, annonce le rectorat d’Orléans-Tours."
            ],
            {"agency": "AFP"},
        ),
        (
            161,
            "",
            [
                "Un lecteur d’Amboise nous écrit : « L’eau est au pied de notre immeuble, mais les pompiers nous ont dit de rester au deuxième étage. » Les consignes varient selon les quartiers : suivez celles de votre mairie."
            ],
            {},
        ),
        (
            153,
            "",
            [
                "Le niveau à Blois atteint 5,20 m. La levée de la rive gauche tient, selon la mairie, qui la fait surveiller par des équipes toutes les deux heures."
            ],
            {},
        ),
        (
            146,
            "",
            [
                "Enedis a coupé préventivement l’électricité dans 1 800 foyers des quartiers bas de Tours, pour éviter les courts-circuits."
            ],
            {"agency": "Reuters"},
        ),
        (
            138,
            "",
            [
                "Les transports en commun de Tours s’arrêtent à 20 h ce soir. Le tramway ne franchira plus la Loire à partir de 17 h."
            ],
            {},
        ),
        (
            131,
            "Un premier village isolé dans le Maine-et-Loire",
            [
                "Les routes d’accès à Chênehutte, près de Saumur, sont coupées. Une centaine d’habitants sont ravitaillés par bateau par les pompiers."
            ],
            {"key": True},
        ),
        (
            123,
            "",
            [
                "À Saumur, l’eau atteint le bas des marches du château. Le musée a mis ses collections des réserves à l’abri dans la nuit."
            ],
            {"agency": "AFP"},
        ),
        (
            116,
            "",
            [
                "La préfecture rappelle de ne pas s’approcher des berges pour prendre des photos. Deux personnes ont été secourues ce matin après avoir glissé sur un quai à Blois."
            ],
            {},
        ),
        (
            108,
            "",
            [
                "Le niveau à Tours atteint 5,54 m. La hausse ralentit légèrement, à trois centimètres par heure."
            ],
            {},
        ),
        (
            101,
            "",
            [
                "Au gymnase Choiseul, à Tours, 140 personnes sont déjà installées. Des lits de camp et des repas chauds ont été livrés par la Croix-Rouge."
            ],
            {
                "image": (
                    "stone",
                    "Des lits de camp alignés dans un gymnase",
                    "Le gymnase Choiseul, transformé en centre d’accueil.",
                    "KIOSQUE INFO",
                )
            },
        ),
        (
            93,
            "",
            [
                "Les viticulteurs de Vouvray s’inquiètent pour leurs caves creusées dans le tuffeau, dont certaines prennent l’eau par le fond."
            ],
            {},
        ),
        (
            86,
            "",
            [
                "La SNCF prolonge l’interruption des trains entre Blois et Tours jusqu’à demain midi au moins."
            ],
            {"agency": "AFP"},
        ),
        (
            78,
            "",
            [
                "La ministre de la Transition écologique est arrivée à Tours. Elle doit survoler la vallée en hélicoptère avant de rencontrer les maires."
            ],
            {"agency": "Reuters"},
        ),
        (
            71,
            "",
            [],
            {
                "quote": (
                    "Les digues ont été renforcées depuis 2016, mais aucun ouvrage n’est fait pour une crue de ce niveau. La priorité, c’est que les gens partent.",
                    "Un hydrologue du service de prévision des crues, joint par Kiosque Info",
                )
            },
        ),
        (
            63,
            "",
            [
                "Le niveau à Blois atteint 5,46 m. La mairie ouvre un deuxième centre d’accueil à la salle des fêtes de Vineuil."
            ],
            {},
        ),
        (
            56,
            "Une brèche dans une levée près de Langeais",
            [
                "Une brèche de quelques mètres s’est ouverte dans la levée de la rive droite, en amont de Langeais. Les pompiers évacuent une trentaine de maisons."
            ],
            {"key": True, "agency": "AFP"},
        ),
        (
            48,
            "",
            [
                "Les habitants évacués de Langeais sont conduits à la salle polyvalente de Cinq-Mars-la-Pile. Aucun blessé n’est signalé."
            ],
            {},
        ),
        (
            41,
            "",
            [
                "Un numéro d’information est ouvert par la préfecture : 02 47 00 00 00, de 7 h à 23 h. Il répond aux questions sur les évacuations et les centres d’accueil."
            ],
            {},
        ),
        (
            33,
            "",
            [
                "Le niveau à Tours atteint 5,81 m. La préfecture maintient sa prévision d’un pic vers 6,40 m vers 2 h du matin."
            ],
            {},
        ),
        (
            26,
            "",
            [
                "Les assureurs rappellent que l’état de catastrophe naturelle devra être reconnu par arrêté pour que les sinistrés soient indemnisés. Gardez les photos des dégâts et les factures."
            ],
            {"agency": "AFP"},
        ),
        (
            19,
            "",
            [
                "À Tours, les derniers habitants du quai Paul-Bert quittent leur immeuble avec une valise. « On reviendra quand l’eau sera partie », dit une voisine."
            ],
            {},
        ),
        (
            12,
            "La ministre annonce un fonds d’urgence",
            [
                "À l’issue de sa réunion avec les maires, la ministre annonce un fonds d’urgence de 30 millions d’euros pour les communes sinistrées, versé « dans les quinze jours »."
            ],
            {"key": True, "agency": "Reuters"},
        ),
        (
            7,
            "",
            [
                "Les pompiers ont achevé l’évacuation des maisons proches de la brèche de Langeais. La levée est surveillée toute la nuit."
            ],
            {},
        ),
        (
            3,
            "",
            [
                "Nous continuons de suivre la montée de la Loire toute la soirée. Le prochain bulletin de Vigicrues est attendu dans la soirée."
            ],
            {},
        ),
    ],
}

ENDED = {
    "slug": "direct-verdict-proces-du-barrage-de-sainte-agathe",
    "section": "societe/justice",
    "topic": "proces-du-barrage-de-sainte-agathe",
    "title": "DIRECT. Procès du barrage de Sainte-Agathe : le tribunal de Nîmes rend son jugement",
    "standfirst": "Trois ans après la rupture du barrage des Cévennes, l’ancien directeur de l’exploitant et deux ingénieurs étaient jugés pour homicides involontaires.",
    "author": "yanis-benali",
    "agencies": ["AFP"],
    "started_ago": {"days": 2, "hours": 4},
    "ended_ago": {"days": 2, "hours": 1},
    "picture": (
        "stone",
        "La façade du palais de justice de Nîmes",
        "Le palais de justice de Nîmes, le matin du jugement.",
        "KIOSQUE INFO",
    ),
    "context": [],
    "summary": (
        "L’essentiel",
        [
            "L’ancien directeur de l’exploitant est condamné à trois ans de prison, dont un ferme, pour homicides involontaires.",
            "Les deux ingénieurs sont relaxés : le tribunal juge qu’ils avaient signalé les fissures à leur hiérarchie.",
            "Les familles des victimes annoncent qu’elles ne feront pas appel.",
        ],
    ),
    "entries": [
        (
            180,
            "",
            [
                "Bonjour et bienvenue dans ce direct. Le tribunal correctionnel de Nîmes rend ce matin son jugement dans le procès de la rupture du barrage de Sainte-Agathe."
            ],
            {},
        ),
        (
            170,
            "",
            [
                "La salle d’audience est comble. Une salle de retransmission a été ouverte pour les familles des victimes."
            ],
            {"agency": "AFP"},
        ),
        (
            160,
            "L’audience est ouverte",
            [
                "La présidente du tribunal a ouvert l’audience à 9 h 30. La lecture du jugement devrait durer plus d’une heure."
            ],
            {"key": True},
        ),
        (
            150,
            "",
            [
                "La présidente revient sur la chronologie : les premières fissures avaient été signalées dix-huit mois avant la rupture."
            ],
            {},
        ),
        (
            140,
            "L’ancien directeur condamné",
            [
                "L’ancien directeur de l’exploitant est condamné à trois ans de prison, dont un an ferme aménageable, pour homicides involontaires."
            ],
            {"key": True},
        ),
        (
            135,
            "Les deux ingénieurs relaxés",
            [
                "Le tribunal relaxe les deux ingénieurs, estimant qu’ils avaient alerté leur hiérarchie par écrit à plusieurs reprises."
            ],
            {"key": True, "agency": "AFP"},
        ),
        (
            125,
            "",
            [],
            {
                "quote": (
                    "Ce jugement dit enfin que ce drame n’était pas une fatalité.",
                    "La présidente de l’association des familles de victimes, à la sortie de l’audience",
                )
            },
        ),
        (
            110,
            "",
            [
                "L’avocat de l’ancien directeur indique qu’il va « étudier le jugement » avant de décider d’un éventuel appel."
            ],
            {"agency": "AFP"},
        ),
        (
            95,
            "Les familles ne feront pas appel",
            [
                "Réunies après l’audience, les familles des victimes annoncent qu’elles ne feront pas appel du jugement."
            ],
            {"key": True},
        ),
        (
            80,
            "",
            [
                "Ce direct est terminé. Merci de l’avoir suivi. Retrouvez notre analyse du jugement dans le dossier consacré au procès."
            ],
            {},
        ),
    ],
}

LIVES = [RUNNING, ENDED]
