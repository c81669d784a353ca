# ruff: noqa: E501  (one headline or summary a line, as an agency sends it)
"""Agency dispatches waiting on the demo's wire desk (« Dépêches »): original text about
invented events, in the shape of IPTC ninjs. `minutes_ago` places each one before the
demo's load, so a fresh `make run` shows new, urgent and older dispatches."""

DISPATCHES = [
    {
        "uri": "urn:kiosque-demo:afp:crue-garonne-agen",
        "minutes_ago": 6,
        "urgency": 1,
        "agency": "AFP",
        "located": "AGEN (Lot-et-Garonne)",
        "by": "Sophie Marty",
        "headline": "Crue de la Garonne : Agen évacue deux quartiers en bord de fleuve",
        "summary": "La préfecture a ordonné l’évacuation de 1 200 habitants avant le pic attendu dans la nuit.",
        "paragraphs": [
            "La préfecture du Lot-et-Garonne a ordonné samedi soir l’évacuation de deux "
            "quartiers d’Agen situés en bord de Garonne, où la crue doit atteindre son pic "
            "dans la nuit.",
            "Environ 1 200 habitants sont concernés. Trois gymnases ont été ouverts pour les "
            "accueillir, a précisé la préfète lors d’un point presse.",
        ],
        "subjects": ["inondation", "météo"],
    },
    {
        "uri": "urn:kiosque-demo:afp:tgv-bordeaux-toulouse-essais",
        "minutes_ago": 48,
        "urgency": 3,
        "agency": "AFP",
        "located": "MONTAUBAN (Tarn-et-Garonne)",
        "by": "Luc Ferrand",
        "headline": "Ligne nouvelle Bordeaux-Toulouse : les premiers essais de voie prévus au printemps",
        "summary": "Le chantier a franchi la moitié de son parcours, selon le maître d’ouvrage.",
        "paragraphs": [
            "Les premiers essais de circulation sur la ligne nouvelle entre Bordeaux et "
            "Toulouse auront lieu au printemps sur un tronçon de 40 km au nord de Montauban, "
            "a annoncé samedi le maître d’ouvrage.",
            "Les riverains réunis en collectif demandent de nouveaux écrans antibruit avant "
            "la mise en service.",
        ],
        "subjects": ["transport", "rail"],
    },
    {
        "uri": "urn:kiosque-demo:reuters:salon-agriculture-bio",
        "minutes_ago": 95,
        "urgency": 4,
        "agency": "Reuters",
        "located": "RENNES",
        "by": "Claire Jouan",
        "headline": "Les surfaces en agriculture biologique reculent pour la troisième année en Bretagne",
        "summary": "Les conversions ne compensent plus les exploitations qui quittent le label.",
        "paragraphs": [
            "Les surfaces cultivées en agriculture biologique ont reculé de 4 % en Bretagne "
            "l’an dernier, selon le bilan présenté samedi par la chambre régionale "
            "d’agriculture.",
            "Les éleveurs laitiers sont les plus nombreux à quitter le label, faute de "
            "débouchés suffisants au prix du bio.",
        ],
        "subjects": ["agriculture"],
    },
    {
        "uri": "urn:kiosque-demo:afp:festival-bd-vienne",
        "minutes_ago": 260,
        "urgency": 5,
        "agency": "AFP",
        "located": "VIENNE (Isère)",
        "by": "Margot Peyre",
        "headline": "À Vienne, un festival de bande dessinée investit les anciennes usines textiles",
        "summary": "Quarante auteurs exposent jusqu’à dimanche dans les halles rénovées du quartier de la Gère.",
        "paragraphs": [
            "Le festival de bande dessinée de Vienne s’est ouvert samedi dans les anciennes "
            "usines textiles du quartier de la Gère, rénovées l’an dernier.",
            "Quarante auteurs y exposent des planches originales jusqu’à dimanche soir.",
        ],
        "subjects": ["culture", "bande dessinée"],
    },
]
