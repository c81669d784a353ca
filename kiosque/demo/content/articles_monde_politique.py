"""Original demo content written for Kiosque: world, European, political,
economic and environmental articles for the demo site "Kiosque Info".

Every article, person, quotation and figure below was written specifically for
this project; the events are invented. ``published_ago`` and ``updated_after``
are relative to the moment the demo data is loaded.
"""

ARTICLES: list[dict] = [
    {
        "slug": "heloise-vigilance-rouge-finistere-morbihan",
        "title": (
            "Météo-France place le Finistère et le Morbihan en vigilance rouge à l’approche "
            "d’Héloïse"
        ),
        "section": "environnement",
        "topic": "tempete-heloise",
        "article_type": "info",
        "standfirst": (
            "La dépression, qui se creuse rapidement au sud-ouest de l’Irlande, doit atteindre la "
            "pointe bretonne en fin de soirée. Des rafales de 150 à 170 km/h sont attendues sur le "
            "littoral, où les autorités demandent de limiter tout déplacement."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Le niveau de vigilance le plus élevé a été déclenché à 16h00 pour deux "
                    "départements bretons. Selon le dernier bulletin de Météo-France, la tempête "
                    "Héloïse abordera la pointe du Finistère vers 22h00 avant de traverser la "
                    "Bretagne d’ouest en est jusqu’à la mi-journée de demain. Les Côtes-d’Armor, "
                    "l’Ille-et-Vilaine, la Loire-Atlantique et la Vendée sont placées en vigilance "
                    "orange pour les vents violents et le risque de vagues-submersion."
                ),
            ),
            ("subheading", "Écoles fermées et trains supprimés"),
            (
                "paragraph",
                (
                    "Dans le Finistère, la préfecture a annoncé la fermeture de tous les "
                    "établissements scolaires demain ainsi que l’interdiction de la circulation "
                    "des poids lourds sur la RN165 entre Brest et Quimperlé à partir de 20h00. La "
                    "SNCF a supprimé l’ensemble des TER au départ de Brest et de Quimper dès le "
                    "début de soirée. Les liaisons maritimes vers Ouessant, Molène et Sein sont "
                    "suspendues jusqu’à nouvel ordre."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Nous demandons à chacun de rester chez soi cette nuit, de ne pas "
                        "s’approcher du littoral et de ne prendre la route qu’en cas d’urgence "
                        "absolue. Ce n’est pas une tempête comme les autres."
                    ),
                    "attribution": "Nathalie Corre, directrice de cabinet du préfet du Finistère",
                },
            ),
            (
                "paragraph",
                (
                    "Les prévisionnistes redoutent la conjonction des vents les plus forts avec "
                    "une marée de fort coefficient, dont la pleine mer est attendue à 23h40 à "
                    "Brest. Des vagues de 10 à 12 mètres sont annoncées au large, avec un risque "
                    "de submersion des quais et des routes littorales, notamment dans le pays "
                    "Bigouden et sur la presqu’île de Quiberon. Dans le Morbihan, plusieurs "
                    "communes ont ouvert des salles municipales pour accueillir les habitants des "
                    "zones basses qui le souhaitent."
                ),
            ),
            ("subheading", "Des renforts pour les réseaux"),
            (
                "paragraph",
                (
                    "Enedis indique avoir prépositionné 1 200 techniciens dans l’Ouest, dont 400 "
                    "venus d’autres régions, ainsi que des groupes électrogènes destinés en "
                    "priorité aux établissements de santé. Les autorités rappellent de ne pas "
                    "toucher aux câbles tombés au sol, de rentrer ou d’attacher les objets "
                    "susceptibles d’être emportés et de consulter régulièrement les bulletins, "
                    "actualisés toutes les trois heures jusqu’à la fin de l’épisode."
                ),
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 6, "hours": 3},
        "updated_after": None,
        "image": {
            "alt": (
                "Vagues se brisant contre la digue d’un port breton sous un ciel chargé de nuages "
                "sombres"
            ),
            "caption": (
                "Le port du Guilvinec (Finistère), quelques heures avant l’arrivée de la tempête "
                "Héloïse."
            ),
            "photographer": "Erwan Le Goff",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "storm",
        },
        "comments": True,
    },
    {
        "slug": "tempete-heloise-rafales-ouessant-240-000-foyers-sans-electricite",
        "title": (
            "Tempête Héloïse : rafales à 172 km/h à Ouessant, 240 000 foyers privés d’électricité "
            "en Bretagne"
        ),
        "section": "environnement",
        "topic": "tempete-heloise",
        "article_type": "info",
        "standfirst": (
            "La tempête a traversé la Bretagne pendant la nuit, causant la mort d’un automobiliste "
            "dans le Finistère et d’importants dégâts sur le littoral. Des centaines de "
            "techniciens sont mobilisés pour rétablir le courant."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Au plus fort de la tempête, vers 2h30, la station météorologique d’Ouessant a "
                    "enregistré une rafale de 172 km/h, sa valeur la plus élevée depuis plus de "
                    "trente ans, selon Météo-France. Des pointes à 146 km/h ont été relevées à la "
                    "pointe du Raz et à 139 km/h à Quimper. Le vent a nettement faibli en milieu "
                    "de matinée, permettant la levée de la vigilance rouge dans le Finistère à "
                    "10h00, tandis que le Morbihan restait en vigilance orange."
                ),
            ),
            (
                "paragraph",
                (
                    "Un homme de 58 ans est mort lorsqu’un arbre s’est abattu sur son véhicule, "
                    "sur une route départementale près de Châteaulin, a indiqué la préfecture. "
                    "Quatorze personnes ont été légèrement blessées dans la région, pour la "
                    "plupart par des chutes de branches ou de tuiles. Les pompiers du Finistère "
                    "ont effectué plus de 1 900 interventions en douze heures."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Nous avons eu des toitures arrachées, des arbres sur les voies, des caves "
                        "inondées par dizaines. Les équipes n’ont pas arrêté de la nuit."
                    ),
                    "attribution": (
                        "Le colonel Yannick Le Bihan, directeur du service départemental "
                        "d’incendie et de secours du Finistère"
                    ),
                },
            ),
            ("subheading", "Quais submergés à Penmarch"),
            (
                "paragraph",
                (
                    "Sur le littoral sud du Finistère, la conjonction de la marée haute et de la "
                    "houle a provoqué la submersion de plusieurs quais et rues basses, notamment à "
                    "Penmarch et au Guilvinec, où une vingtaine d’habitations ont été inondées. "
                    "Dans le Morbihan, la route d’accès à la presqu’île de Quiberon a été fermée "
                    "plusieurs heures en raison des paquets de mer et du sable accumulé sur la "
                    "chaussée."
                ),
            ),
            (
                "paragraph",
                (
                    "Selon Enedis, 240 000 foyers étaient privés d’électricité au petit matin, "
                    "dont 150 000 dans le Finistère. Le gestionnaire du réseau espère en "
                    "réalimenter les trois quarts d’ici demain soir, mais prévient que certains "
                    "hameaux isolés pourraient attendre plusieurs jours. Le trafic ferroviaire "
                    "doit reprendre progressivement en fin d’après-midi, après l’inspection des "
                    "voies."
                ),
            ),
            (
                "paragraph",
                (
                    "<em>Mise à jour à 17h15 :</em> le nombre de foyers privés d’électricité est "
                    "redescendu à 96 000, dont 61 000 dans le Finistère, selon Enedis. La "
                    "préfecture maritime de l’Atlantique a par ailleurs annoncé la reprise des "
                    "liaisons vers les îles demain matin, sous réserve de l’état de la mer, et "
                    "demande aux plaisanciers de ne pas sortir avant d’avoir vérifié leur "
                    "mouillage."
                ),
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "BREST (Finistère) –",
        "published_ago": {"days": 5, "hours": 2},
        "updated_after": {"hours": 7},
        "image": {
            "alt": (
                "Arbre déraciné couché en travers d’une route de campagne, gyrophares de pompiers "
                "en arrière-plan"
            ),
            "caption": (
                "Un arbre abattu par le vent sur une route départementale du Finistère, au "
                "lendemain du passage de la tempête."
            ),
            "photographer": "Loïc Guézennec",
            "source": "AFP",
            "agency": "AFP",
            "palette": "storm",
        },
        "comments": False,
    },
    {
        "slug": "entretien-armelle-guivarch-heloise-creusement-rapide",
        "title": (
            "« Héloïse s’est creusée à une vitesse rare » : entretien avec la climatologue Armelle "
            "Guivarc’h"
        ),
        "section": "environnement",
        "topic": "tempete-heloise",
        "article_type": "entretien",
        "standfirst": (
            "Rafales records, submersions, vigilance rouge déclenchée tardivement : la "
            "climatologue brestoise revient sur ce qui a rendu la tempête Héloïse si violente et "
            "sur ce qu’elle annonce pour le littoral breton dans les décennies à venir."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Chercheuse au laboratoire de géographie littorale de l’université de Bretagne "
                    "occidentale, à Brest, Armelle Guivarc’h étudie depuis vingt ans les tempêtes "
                    "hivernales qui frappent la façade atlantique. Trois jours après le passage "
                    "d’Héloïse, qui a coûté la vie à un automobiliste et privé d’électricité "
                    "jusqu’à 240 000 foyers, elle analyse pour Kiosque Info les mécanismes d’un "
                    "phénomène dont l’intensité a surpris jusqu’aux prévisionnistes."
                ),
            ),
            (
                "subheading",
                (
                    "Qu’est-ce qui distingue Héloïse des tempêtes que la Bretagne connaît chaque "
                    "hiver ?"
                ),
            ),
            (
                "paragraph",
                (
                    "D’abord la vitesse de son creusement. La pression au centre de la dépression "
                    "a chuté de plus de 30 hectopascals en vingt-quatre heures, ce que les "
                    "météorologues appellent une cyclogenèse explosive. Ensuite sa trajectoire, "
                    "très resserrée, qui a concentré les vents les plus forts sur une bande "
                    "étroite de la pointe bretonne. Enfin le calendrier : le pic est survenu au "
                    "moment d’une marée haute de fort coefficient, ce qui explique les "
                    "submersions."
                ),
            ),
            ("subheading", "Les prévisions ont-elles été prises en défaut ?"),
            (
                "paragraph",
                (
                    "Pas vraiment. Le risque était identifié plusieurs jours à l’avance, mais "
                    "l’intensité exacte restait incertaine, car les modèles divergeaient sur la "
                    "position du cœur de la dépression. C’est pour cela que la vigilance rouge n’a "
                    "été déclenchée que l’après-midi précédant la tempête. Avec un écart de "
                    "cinquante kilomètres sur la trajectoire, Ouessant aurait pu connaître des "
                    "rafales de 130 km/h au lieu de 172."
                ),
            ),
            ("subheading", "Peut-on relier cet épisode au changement climatique ?"),
            (
                "paragraph",
                (
                    "Il faut être prudent. Les études ne montrent pas, à ce stade, d’augmentation "
                    "nette du nombre de tempêtes sur l’Atlantique nord-est. En revanche, deux "
                    "facteurs aggravent clairement leurs effets : l’élévation du niveau de la mer, "
                    "qui rend les submersions plus fréquentes, et le réchauffement de l’océan, qui "
                    "fournit davantage d’humidité aux dépressions. Une tempête comparable fera "
                    "donc plus de dégâts sur la côte dans trente ans qu’aujourd’hui."
                ),
            ),
            ("subheading", "Que faudrait-il changer sur le littoral ?"),
            (
                "paragraph",
                (
                    "Accepter que certaines protections ne suffiront plus. À Penmarch ou à Gâvres, "
                    "on a longtemps relevé les digues après chaque tempête. Il faut maintenant "
                    "cartographier précisément les zones qui seront régulièrement submergées et "
                    "organiser, avec les habitants, des relocalisations progressives. C’est un "
                    "travail de long terme, qui ne peut pas se décider dans l’émotion de "
                    "l’après-tempête, mais qui ne doit pas non plus être repoussé indéfiniment."
                ),
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 3, "hours": 5},
        "updated_after": None,
        "image": {
            "alt": (
                "Chercheuse debout devant une baie vitrée donnant sur la rade de Brest par temps "
                "gris"
            ),
            "caption": (
                "Armelle Guivarc’h dans son laboratoire de l’université de Bretagne occidentale, à "
                "Brest."
            ),
            "photographer": "Maëlle Jaouen",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "sea",
        },
        "comments": True,
    },
    {
        "slug": "vrai-ou-faux-heloise-navire-manipulation-meteo",
        "title": (
            "Non, la tempête Héloïse n’a pas été « déclenchée » par un navire de manipulation "
            "météorologique"
        ),
        "section": "environnement",
        "topic": "tempete-heloise",
        "article_type": "vrai-ou-faux",
        "standfirst": (
            "Une vidéo partagée des centaines de milliers de fois affirme montrer un bateau « "
            "fabriquant » la tempête au large du Finistère. Les images ont été tournées en Norvège "
            "deux ans plus tôt, et aucune technologie ne permet de créer une dépression de cette "
            "ampleur."
        ),
        "body": [
            (
                "paragraph",
                (
                    "La séquence dure quarante secondes. On y voit un navire gris surmonté de "
                    "grandes antennes, au large d’une côte rocheuse, tandis qu’une voix affirme "
                    "qu’il « fabrique » la tempête Héloïse en envoyant des ondes vers les nuages. "
                    "Publiée sur TikTok puis reprise sur X et Facebook, la vidéo cumulait plus de "
                    "900 000 vues hier soir, accompagnée de messages évoquant une « expérience "
                    "militaire cachée » en mer d’Iroise."
                ),
            ),
            ("subheading", "Des images tournées en Norvège"),
            (
                "paragraph",
                (
                    "Une recherche d’image inversée permet de retrouver la vidéo originale, "
                    "publiée deux ans plus tôt par un photographe amateur dans le comté de "
                    "Rogaland, en Norvège. Le bateau est un navire câblier qui effectuait des "
                    "travaux sur une liaison sous-marine, comme l’indiquait d’ailleurs la légende "
                    "d’origine. Le relief visible à l’arrière-plan, avec ses falaises abruptes et "
                    "ses maisons rouges, ne correspond à aucun point de la côte bretonne."
                ),
            ),
            ("subheading", "Aucune technologie capable de créer une tempête"),
            (
                "paragraph",
                (
                    "Sur le fond, l’affirmation ne résiste pas davantage à l’examen. Une "
                    "dépression comme Héloïse s’étend sur plus de 1 000 kilomètres et met en jeu "
                    "une énergie sans commune mesure avec celle que pourrait produire un navire. "
                    "Les techniques d’ensemencement des nuages, utilisées dans certains pays, "
                    "peuvent au mieux favoriser localement quelques précipitations ; elles sont "
                    "incapables de générer ou de diriger un tel système."
                ),
            ),
            (
                "paragraph",
                (
                    "Météo-France rappelle que la formation d’Héloïse a été suivie par les "
                    "satellites et les modèles de prévision plusieurs jours avant son arrivée. Son "
                    "creusement rapide, au sud-ouest de l’Irlande, résulte de la rencontre entre "
                    "une masse d’air polaire et un courant-jet particulièrement puissant, un "
                    "mécanisme connu et documenté depuis des décennies."
                ),
            ),
            ("subheading", "Notre verdict"),
            (
                "paragraph",
                (
                    "C’est faux. La vidéo a été sortie de son contexte, et aucun navire ni aucune "
                    "installation ne peut provoquer une tempête de cette ampleur. Avant de "
                    "partager ce type de contenu, il est utile de vérifier la date et le lieu "
                    "d’origine des images, souvent accessibles en quelques clics grâce aux outils "
                    "de recherche inversée."
                ),
            ),
        ],
        "authors": ["yanis-benali"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1, "hours": 22},
        "updated_after": None,
        "image": {
            "alt": (
                "Capture d’écran floutée d’une vidéo montrant un navire gris à antennes au large "
                "d’une côte rocheuse"
            ),
            "caption": (
                "La vidéo virale présente comme bretonnes des images tournées en Norvège deux ans "
                "plus tôt."
            ),
            "photographer": "-",
            "source": "CAPTURE D’ÉCRAN",
            "agency": "",
            "palette": "night",
        },
        "comments": True,
    },
    {
        "slug": "apres-heloise-facture-assureurs-risque-littoral",
        "title": (
            "Après Héloïse, la facture des assureurs relance le débat sur le coût du risque "
            "littoral"
        ),
        "section": "economie",
        "topic": "tempete-heloise",
        "article_type": "analyse",
        "standfirst": (
            "Les premières estimations évoquent plus d’un milliard d’euros de sinistres. Au-delà "
            "du chiffre, la tempête remet en lumière une question que la profession repousse "
            "depuis des années : jusqu’où peut-on assurer les maisons les plus exposées du bord de "
            "mer ?"
        ),
        "body": [
            (
                "paragraph",
                (
                    "Il faudra des semaines pour connaître le coût exact d’Héloïse, mais les "
                    "ordres de grandeur se dessinent. Selon une première évaluation du cabinet de "
                    "modélisation Aubrac Risques, les dommages assurés se situeraient entre 1,1 et "
                    "1,5 milliard d’euros, dont près des deux tiers pour les habitations. Plus de "
                    "70 000 déclarations de sinistre avaient déjà été enregistrées hier soir par "
                    "les principaux assureurs, un rythme comparable à celui des grandes tempêtes "
                    "des quinze dernières années."
                ),
            ),
            ("subheading", "Deux régimes, deux factures"),
            (
                "paragraph",
                (
                    "Cette facture se répartit entre deux mécanismes distincts. Les dégâts causés "
                    "par le vent, comme les toitures arrachées ou les arbres tombés, relèvent de "
                    "la garantie tempête, incluse dans les contrats multirisques habitation. Les "
                    "inondations dues à la submersion marine, elles, ne sont indemnisées qu’après "
                    "la reconnaissance de l’état de catastrophe naturelle, un régime financé par "
                    "une surprime prélevée sur tous les contrats et adossé à la garantie de "
                    "l’État."
                ),
            ),
            (
                "paragraph",
                (
                    "C’est ce second volet qui inquiète. « Le vent abîme un peu partout ; la mer "
                    "détruit toujours les mêmes maisons », résume Bertrand Olivès, actuaire chez "
                    "Aubrac Risques. Sur le littoral finistérien, certaines habitations ont été "
                    "sinistrées trois fois en dix ans. Pour ces biens, le coût cumulé des "
                    "indemnisations dépasse désormais largement les primes payées, ce qui n’est "
                    "tenable que dans un système fondé sur la solidarité nationale."
                ),
            ),
            ("subheading", "La tentation de la sélection"),
            (
                "paragraph",
                (
                    "Plusieurs courtiers bretons rapportent déjà des franchises relevées ou des "
                    "refus de nouveaux contrats pour des maisons situées en front de mer. Le "
                    "phénomène reste marginal, mais il pourrait s’étendre si la sinistralité "
                    "continue de croître. Les associations de consommateurs réclament un "
                    "encadrement de ces pratiques, tandis que les assureurs plaident pour lier "
                    "davantage indemnisation et prévention, par exemple en finançant le rachat des "
                    "biens les plus menacés."
                ),
            ),
            (
                "paragraph",
                (
                    "Le gouvernement, qui doit publier dans les prochains jours la liste des "
                    "communes reconnues en catastrophe naturelle, se retrouve face à un choix "
                    "délicat : augmenter la surprime payée par tous les assurés, ou accepter que "
                    "la carte de l’assurance épouse peu à peu celle du risque. Héloïse ne "
                    "tranchera pas ce débat, mais elle le rend plus difficile à repousser."
                ),
            ),
        ],
        "authors": ["helene-marchetti"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1, "hours": 10},
        "updated_after": None,
        "image": {
            "alt": (
                "Maison de bord de mer aux volets clos, sacs de sable empilés devant la porte et "
                "galets sur la chaussée"
            ),
            "caption": (
                "Une habitation touchée par la submersion marine à Penmarch (Finistère), au "
                "lendemain de la tempête."
            ),
            "photographer": "Erwan Le Goff",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "sea",
        },
        "comments": True,
    },
    {
        "slug": "tempete-heloise-catastrophe-naturelle-212-communes",
        "title": (
            "Tempête Héloïse : l’état de catastrophe naturelle reconnu dans 212 communes de l’Ouest"
        ),
        "section": "politique",
        "topic": "tempete-heloise",
        "article_type": "info",
        "standfirst": (
            "En déplacement dans le Finistère, le ministre de l’Intérieur a annoncé la publication "
            "d’un arrêté selon une procédure accélérée. Un fonds d’urgence de 30 millions d’euros "
            "est également débloqué pour les collectivités et les professionnels de la mer."
        ),
        "body": [
            (
                "paragraph",
                (
                    "L’arrêté sera publié au <em>Journal officiel</em> dès demain, a annoncé le "
                    "ministre de l’Intérieur lors d’une visite à Penmarch, l’une des communes les "
                    "plus touchées par les submersions. Il concerne 148 communes du Finistère, 41 "
                    "du Morbihan, 15 de Loire-Atlantique et 8 de Vendée. Les sinistrés disposeront "
                    "de trente jours à compter de la publication pour compléter leur déclaration "
                    "auprès de leur assureur."
                ),
            ),
            (
                "paragraph",
                (
                    "Outre cette reconnaissance, l’État débloque un fonds d’urgence de 30 millions "
                    "d’euros. Une première enveloppe de 18 millions servira à réparer les digues, "
                    "cales et routes littorales endommagées, dont le coût n’est pas couvert par "
                    "les assurances. Le reste sera versé sous forme d’aides directes aux pêcheurs, "
                    "ostréiculteurs et commerçants dont l’activité a été interrompue, dans la "
                    "limite de 5 000 euros par entreprise."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Nous ne laisserons personne seul face à cette épreuve. Mais nous devons "
                        "aussi regarder en face la question des constructions les plus exposées, "
                        "et cela se fera avec les élus."
                    ),
                    "attribution": "Le ministre de l’Intérieur, à Penmarch",
                },
            ),
            ("subheading", "Les élus locaux demandent davantage"),
            (
                "paragraph",
                (
                    "Sur place, l’accueil a été poli mais réservé. La maire de Penmarch, Sylvie Le "
                    "Dréau, a rappelé que la digue de Kérity, déjà fragilisée par les tempêtes des "
                    "hivers précédents, avait cédé sur près de quarante mètres. « Trente millions "
                    "pour toute la façade atlantique, c’est un début, pas une réponse », a-t-elle "
                    "déclaré, en réclamant un plan pluriannuel pour la protection du littoral "
                    "sud-finistérien."
                ),
            ),
            (
                "paragraph",
                (
                    "<em>Mise à jour à 19h30 :</em> la vice-présidente du conseil régional de "
                    "Bretagne chargée de la mer, Gwenola Rivoal, a annoncé dans la soirée un fonds "
                    "régional complémentaire de 12 millions d’euros destiné aux entreprises de la "
                    "pêche et de la conchyliculture, ainsi qu’un accompagnement des petites "
                    "communes pour le montage de leurs dossiers d’indemnisation."
                ),
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "PENMARCH (Finistère) –",
        "published_ago": {"hours": 20},
        "updated_after": {"hours": 4},
        "image": {
            "alt": (
                "Digue de pierre partiellement effondrée, blocs éparpillés sur la grève sous un "
                "ciel gris"
            ),
            "caption": (
                "La digue de Kérity, à Penmarch (Finistère), endommagée sur une quarantaine de "
                "mètres par la tempête."
            ),
            "photographer": "Loïc Guézennec",
            "source": "AFP",
            "agency": "AFP",
            "palette": "stone",
        },
        "comments": True,
    },
    {
        "slug": "entretien-liis-koiv-baltique-infrastructures-sous-marines",
        "title": (
            "« La Baltique est devenue une artère énergétique de l’Europe » : entretien avec la "
            "chercheuse Liis Kõiv"
        ),
        "section": "monde/europe",
        "topic": "conference-de-tallinn",
        "article_type": "entretien",
        "standfirst": (
            "À quelques jours de la conférence de Tallinn, qui réunira les pays riverains de la "
            "Baltique et la Commission européenne, la chercheuse estonienne détaille les menaces "
            "qui pèsent sur les câbles et gazoducs sous-marins de la région."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Spécialiste des infrastructures critiques à l’université de Tartu, Liis Kõiv "
                    "a coordonné l’an dernier un rapport sur la vulnérabilité des réseaux "
                    "sous-marins de la mer Baltique, remis aux gouvernements estonien et "
                    "finlandais. Alors que les ministres de l’Énergie de neuf pays européens "
                    "doivent se retrouver à Tallinn la semaine prochaine, elle explique ce qu’elle "
                    "attend de cette réunion."
                ),
            ),
            (
                "subheading",
                (
                    "Pourquoi la sécurité énergétique de la Baltique est-elle devenue un sujet "
                    "européen ?"
                ),
            ),
            (
                "paragraph",
                (
                    "Parce que la région concentre désormais une part considérable des échanges "
                    "d’électricité et de gaz du nord de l’Europe. Les pays baltes, en particulier, "
                    "dépendent de quelques câbles et gazoducs posés au fond de la mer pour leurs "
                    "liaisons avec la Finlande, la Suède ou la Pologne. Une avarie sur l’un d’eux "
                    "se ressent jusqu’en Allemagne, sur les prix comme sur la stabilité du réseau."
                ),
            ),
            ("subheading", "Ces infrastructures sont-elles suffisamment protégées ?"),
            (
                "paragraph",
                (
                    "Non, et ce n’est pas un reproche : elles ont été conçues pour résister à la "
                    "corrosion et aux ancres perdues, pas à des actes délibérés. Un câble "
                    "sous-marin s’étend sur des centaines de kilomètres, souvent à moins de cent "
                    "mètres de profondeur, dans l’une des mers les plus fréquentées du monde. Le "
                    "surveiller en permanence suppose des capteurs, des patrouilles et surtout un "
                    "partage d’informations qui reste aujourd’hui très inégal entre pays."
                ),
            ),
            ("subheading", "Qu’attendez-vous concrètement de la conférence ?"),
            (
                "paragraph",
                (
                    "Trois choses. Un centre commun de surveillance, qui rassemble les données des "
                    "garde-côtes et des opérateurs de réseaux. Des stocks partagés de pièces de "
                    "rechange et des navires de réparation disponibles rapidement, car une "
                    "réparation prend aujourd’hui plusieurs mois. Et des financements pour de "
                    "nouvelles interconnexions : plus le réseau est maillé, moins la perte d’un "
                    "câble est grave."
                ),
            ),
            ("subheading", "Les pays riverains parviendront-ils à s’entendre ?"),
            (
                "paragraph",
                (
                    "Sur le diagnostic, oui. Sur le financement, ce sera plus difficile. Les pays "
                    "baltes et la Finlande veulent des fonds européens importants, quand d’autres "
                    "États préféreraient que les opérateurs paient. Ma crainte est une déclaration "
                    "ambitieuse sans calendrier ni budget. Ce qui comptera, ce n’est pas le texte "
                    "signé à Tallinn, c’est ce qui sera réellement construit dans les trois ou "
                    "quatre années suivantes."
                ),
            ),
        ],
        "authors": ["camille-roussel"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1108, "hours": 6},
        "updated_after": None,
        "image": {
            "alt": (
                "Chercheuse assise à une table de bibliothèque, cartes marines de la mer Baltique "
                "étalées devant elle"
            ),
            "caption": "Liis Kõiv, chercheuse à l’université de Tartu, en Estonie.",
            "photographer": "Kaspar Rõuk",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "stone",
        },
        "comments": True,
    },
    {
        "slug": "conference-de-tallinn-neuf-pays-proteger-cables-gazoducs-baltique",
        "title": (
            "Conférence de Tallinn : neuf pays s’accordent pour protéger les câbles et gazoducs de "
            "la Baltique"
        ),
        "section": "monde/europe",
        "topic": "conference-de-tallinn",
        "article_type": "info",
        "standfirst": (
            "Réunis dans la capitale estonienne, les ministres de l’Énergie des pays riverains de "
            "la Baltique ont adopté une déclaration prévoyant un centre de surveillance commun et "
            "une nouvelle interconnexion électrique sous-marine de 620 kilomètres."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Après deux jours de discussions, les ministres de l’Énergie d’Allemagne, du "
                    "Danemark, d’Estonie, de Finlande, de Lettonie, de Lituanie, de Pologne et de "
                    "Suède, rejoints par la Norvège, ont signé la « déclaration de Tallinn » en "
                    "présence de représentants de la Commission européenne. Le texte fait de la "
                    "protection des infrastructures sous-marines de la Baltique une « priorité de "
                    "sécurité commune » et fixe plusieurs engagements chiffrés."
                ),
            ),
            ("subheading", "Un centre de surveillance dans la capitale estonienne"),
            (
                "paragraph",
                (
                    "Un centre de coordination, installé à Tallinn, rassemblera d’ici dix-huit "
                    "mois les données des garde-côtes, des marines et des gestionnaires de réseaux "
                    "des neuf pays. Il devra repérer les comportements suspects de navires à "
                    "proximité des câbles et gazoducs et organiser une réponse commune en cas "
                    "d’incident. Les signataires s’engagent aussi à constituer un stock partagé de "
                    "pièces de rechange et à affréter en permanence deux navires de réparation."
                ),
            ),
            (
                "paragraph",
                (
                    "Le volet le plus coûteux concerne l’interconnexion électrique baptisée Kalev, "
                    "un câble sous-marin de 620 kilomètres qui doit relier l’Estonie et la "
                    "Lettonie à l’Allemagne en longeant les côtes lituaniennes et polonaises. Son "
                    "coût est estimé à 3,1 milliards d’euros, dont la moitié pourrait être prise "
                    "en charge par des fonds européens. Sa mise en service est visée dans un délai "
                    "de cinq ans."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Pendant des années, nous avons considéré ces câbles comme de simples "
                        "tuyaux. Nous savons désormais qu’ils font partie de notre sécurité, au "
                        "même titre que nos frontières."
                    ),
                    "attribution": "Kadri Vahtra, ministre estonienne de l’Énergie",
                },
            ),
            (
                "paragraph",
                (
                    "Plusieurs délégations ont toutefois regretté l’absence de calendrier "
                    "contraignant pour le financement. La répartition des coûts entre États, "
                    "opérateurs et budget européen a été renvoyée à une réunion technique prévue "
                    "dans six mois. Les organisations environnementales présentes à Tallinn ont, "
                    "de leur côté, demandé que les études d’impact du câble Kalev sur les fonds "
                    "marins soient rendues publiques avant toute décision d’investissement."
                ),
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "TALLINN (Estonie) –",
        "published_ago": {"days": 1104, "hours": 2},
        "updated_after": None,
        "image": {
            "alt": (
                "Ministres alignés derrière un pupitre devant une rangée de drapeaux, dans une "
                "salle de conférence lumineuse"
            ),
            "caption": (
                "Les ministres de l’Énergie des pays riverains de la Baltique, lors de la "
                "signature de la déclaration de Tallinn."
            ),
            "photographer": "Mart Oja",
            "source": "AFP",
            "agency": "AFP",
            "palette": "city",
        },
        "comments": True,
    },
    {
        "slug": "ce-que-la-conference-de-tallinn-change-securite-energetique",
        "title": (
            "Ce que la conférence de Tallinn change, et ne change pas, pour la sécurité "
            "énergétique européenne"
        ),
        "section": "monde/europe",
        "topic": "conference-de-tallinn",
        "article_type": "analyse",
        "standfirst": (
            "La déclaration signée par neuf pays riverains de la Baltique marque une prise de "
            "conscience. Mais ses engagements les plus ambitieux dépendent de financements qui "
            "n’ont pas été arbitrés et d’une coordination entre civils et militaires qui reste à "
            "inventer."
        ),
        "body": [
            (
                "paragraph",
                (
                    "La conférence de Tallinn restera sans doute comme le moment où les "
                    "infrastructures énergétiques sous-marines sont entrées dans le vocabulaire de "
                    "la sécurité européenne. Jusqu’ici, les câbles et gazoducs de la Baltique "
                    "relevaient surtout des régulateurs et des opérateurs. En les qualifiant de « "
                    "priorité de sécurité commune », les neuf signataires les placent au rang de "
                    "la surveillance des frontières ou de la cyberdéfense, avec des conséquences "
                    "encore difficiles à mesurer."
                ),
            ),
            ("subheading", "Une avancée réelle sur la surveillance"),
            (
                "paragraph",
                (
                    "Le centre de coordination prévu dans la capitale estonienne est l’engagement "
                    "le plus concret. Il répond à une faiblesse identifiée de longue date : chaque "
                    "pays surveillait ses propres eaux avec ses propres outils, sans échange "
                    "systématique d’informations. Partager en temps réel les positions des navires "
                    "et les alertes des opérateurs devrait raccourcir les délais de réaction. "
                    "Reste une question sensible, celle de l’accès d’opérateurs privés à des "
                    "données militaires."
                ),
            ),
            ("subheading", "Le financement, angle mort de la déclaration"),
            (
                "paragraph",
                (
                    "Sur le câble Kalev, en revanche, le texte reste prudent. L’estimation de 3,1 "
                    "milliards d’euros ne comprend ni les renforcements de réseau à terre ni les "
                    "aléas d’un chantier sous-marin de cette ampleur. Surtout, la répartition des "
                    "coûts a été renvoyée à plus tard, signe que les intérêts divergent : les pays "
                    "baltes, principaux bénéficiaires, n’ont pas les moyens de porter seuls "
                    "l’ouvrage, tandis que les grands contributeurs redoutent de créer un "
                    "précédent."
                ),
            ),
            ("subheading", "Un test pour l’Europe de l’énergie"),
            (
                "paragraph",
                (
                    "Au-delà de la Baltique, Tallinn servira de test. Si le centre de surveillance "
                    "fonctionne et que Kalev est construit dans les délais, le modèle pourrait "
                    "être reproduit en mer du Nord ou en Méditerranée, où les mêmes vulnérabilités "
                    "existent. Si les engagements s’enlisent, la déclaration rejoindra la longue "
                    "liste des textes européens ambitieux restés sans traduction concrète. Réponse "
                    "dans les trois prochaines années."
                ),
            ),
        ],
        "authors": ["camille-roussel"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1101, "hours": 4},
        "updated_after": None,
        "image": {
            "alt": (
                "Navire câblier amarré dans un port nordique, grandes bobines de câble visibles "
                "sur le pont"
            ),
            "caption": (
                "Un navire de pose de câbles sous-marins dans le port de Paldiski, en Estonie."
            ),
            "photographer": "Toomas Kivi",
            "source": "REUTERS",
            "agency": "Reuters",
            "palette": "sea",
        },
        "comments": True,
    },
    {
        "slug": "opinion-tallinn-europe-a-promis-il-lui-reste-a-payer",
        "title": "À Tallinn, l’Europe a promis ; il lui reste à payer",
        "section": "economie",
        "topic": "conference-de-tallinn",
        "article_type": "opinion",
        "standfirst": (
            "Protéger les câbles de la Baltique est une évidence que personne ne conteste. Mais "
            "une politique de sécurité sans budget n’est qu’une intention, et la déclaration de "
            "Tallinn a soigneusement évité la seule question qui fâche."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Il y a une semaine, à Tallinn, neuf gouvernements ont constaté ensemble ce "
                    "que les ingénieurs répètent depuis des années : l’électricité et le gaz qui "
                    "alimentent le nord de l’Europe passent par quelques câbles posés au fond "
                    "d’une mer étroite et très fréquentée. La déclaration qu’ils ont signée est "
                    "bien écrite, et ses objectifs sont justes. Il lui manque pourtant l’essentiel "
                    ": un plan de financement."
                ),
            ),
            (
                "paragraph",
                (
                    "Car la sécurité a un coût, et celui-ci est connu. Le seul câble Kalev est "
                    "estimé à 3,1 milliards d’euros, sans compter les renforcements à terre. Le "
                    "centre de surveillance, les navires de réparation et les stocks de pièces "
                    "ajouteront plusieurs centaines de millions. Renvoyer la répartition de ces "
                    "sommes à une « réunion technique », c’est laisser aux administrations le soin "
                    "de trancher ce que les ministres n’ont pas voulu assumer."
                ),
            ),
            ("subheading", "Le risque de l’enlisement"),
            (
                "paragraph",
                (
                    "L’histoire européenne de l’énergie compte de nombreux projets déclarés "
                    "prioritaires puis retardés d’année en année faute d’accord sur la facture. "
                    "Des interconnexions jugées stratégiques ont parfois attendu plus d’une "
                    "décennie avant le premier coup de pioche. Rien ne garantit que Kalev "
                    "échappera à ce sort si chaque capitale attend que sa voisine paie la "
                    "première."
                ),
            ),
            (
                "paragraph",
                (
                    "Il existe pourtant une solution simple : considérer ces infrastructures pour "
                    "ce qu’elles sont désormais, des équipements de sécurité collective, et les "
                    "financer comme tels, par un instrument européen dédié. Cela suppose que les "
                    "États les plus riches acceptent de payer pour des câbles qui ne touchent pas "
                    "leurs côtes. C’est précisément le sens d’une solidarité européenne qui ne se "
                    "limite pas aux déclarations."
                ),
            ),
            (
                "paragraph",
                (
                    "La réunion technique prévue dans six mois dira si Tallinn marquait le début "
                    "d’une véritable politique commune ou seulement une belle photo de famille sur "
                    "les bords de la Baltique. Les opérateurs, qui doivent commander des navires "
                    "et réserver des capacités dans les usines de câbles des années à l’avance, "
                    "n’ont pas le luxe d’attendre aussi longtemps que les diplomates."
                ),
            ),
        ],
        "authors": ["helene-marchetti"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1096, "hours": 8},
        "updated_after": None,
        "image": {
            "alt": (
                "Poste électrique en bord de mer, pylônes et câbles se détachant sur un ciel pâle "
                "de fin de journée"
            ),
            "caption": (
                "Un poste de raccordement d’une liaison électrique sous-marine sur la côte "
                "estonienne."
            ),
            "photographer": "-",
            "source": "HANDOUT",
            "agency": "",
            "palette": "night",
        },
        "comments": True,
    },
    {
        "slug": "trois-ans-apres-tallinn-cable-kalev-dix-huit-mois-de-retard",
        "title": (
            "Trois ans après la conférence de Tallinn, le câble électrique Kalev accuse dix-huit "
            "mois de retard"
        ),
        "section": "economie",
        "topic": "conference-de-tallinn",
        "article_type": "info",
        "standfirst": (
            "Les gestionnaires de réseau estonien et letton reconnaissent que l’interconnexion "
            "sous-marine promise lors de la conférence de Tallinn ne sera pas livrée dans les "
            "délais. Son coût est désormais estimé à 4 milliards d’euros, contre 3,1 milliards "
            "initialement."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Présenté comme la pièce maîtresse de la déclaration de Tallinn, le câble "
                    "Kalev, qui doit relier l’Estonie et la Lettonie à l’Allemagne sur 620 "
                    "kilomètres, ne sera pas mis en service à la date prévue. Lors d’une "
                    "conférence de presse commune à Riga, les dirigeants des gestionnaires de "
                    "réseau des deux pays ont évoqué un retard d’environ dix-huit mois, "
                    "principalement dû à la saturation des usines européennes de câbles haute "
                    "tension."
                ),
            ),
            (
                "paragraph",
                (
                    "Le coût total du projet a été réévalué à 4 milliards d’euros. Les opérateurs "
                    "expliquent cette hausse par l’envolée du prix du cuivre et de l’aluminium, "
                    "mais aussi par une modification du tracé sur une quarantaine de kilomètres, "
                    "décidée pour contourner une zone de munitions immergées identifiée au large "
                    "de la Lituanie lors des études préalables."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Nous avons réservé notre place dans les usines trop tard, comme tout le "
                        "monde. Le câble sera construit, mais il faut être honnête sur le "
                        "calendrier."
                    ),
                    "attribution": (
                        "Andris Kalniņš, directeur des grands projets du gestionnaire de réseau "
                        "letton"
                    ),
                },
            ),
            ("subheading", "Le centre de surveillance, engagement le mieux tenu"),
            (
                "paragraph",
                (
                    "Les autres engagements de Tallinn connaissent des fortunes diverses. Le "
                    "centre de coordination de la surveillance sous-marine fonctionne depuis un an "
                    "dans la capitale estonienne et a traité, selon ses responsables, plus de 300 "
                    "alertes, dont une douzaine ont donné lieu à l’inspection d’un navire. Le "
                    "stock commun de pièces de rechange reste en revanche incomplet, et un seul "
                    "des deux navires de réparation promis a été affrété."
                ),
            ),
            (
                "paragraph",
                (
                    "Une réunion des ministres de l’Énergie des neuf pays signataires doit se "
                    "tenir dans un mois à Helsinki pour faire le point sur la mise en œuvre de la "
                    "déclaration. La Commission européenne a indiqué qu’elle examinerait une "
                    "rallonge de sa participation, sans avancer de montant. Dans un communiqué "
                    "publié en fin de journée, le ministère estonien de l’Énergie a jugé le retard "
                    "« regrettable mais maîtrisé »."
                ),
            ),
        ],
        "authors": [],
        "agencies": ["Reuters"],
        "dateline": "RIGA (Lettonie) –",
        "published_ago": {"hours": 9},
        "updated_after": {"hours": 2},
        "image": {
            "alt": (
                "Bobines géantes de câble haute tension alignées dans un vaste hangar industriel "
                "éclairé au néon"
            ),
            "caption": (
                "Des tronçons de câble sous-marin haute tension stockés dans une usine du nord de "
                "l’Europe."
            ),
            "photographer": "Jānis Ozols",
            "source": "REUTERS",
            "agency": "Reuters",
            "palette": "city",
        },
        "comments": True,
    },
    {
        "slug": "cinq-ans-apres-sainte-agathe-mission-parlementaire-petits-barrages",
        "title": (
            "Cinq ans après Sainte-Agathe, une mission parlementaire réclame un inventaire complet "
            "des petits barrages"
        ),
        "section": "politique",
        "topic": "proces-du-barrage-de-sainte-agathe",
        "article_type": "info",
        "standfirst": (
            "Selon le rapport des députés, plusieurs milliers de petits ouvrages hydrauliques "
            "échappent à toute surveillance régulière en France. Ils proposent de confier leur "
            "recensement aux préfectures et de créer un fonds pour aider les propriétaires à les "
            "sécuriser ou à les démanteler."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Cinq ans après la rupture du barrage de Sainte-Agathe, dans les Cévennes, la "
                    "mission d’information parlementaire sur la sécurité des ouvrages hydrauliques "
                    "a rendu ses conclusions. Son constat est sévère : si les grands barrages font "
                    "l’objet de contrôles réguliers, des milliers de petites retenues, souvent "
                    "anciennes et appartenant à des communes, des associations ou des "
                    "particuliers, ne sont ni inspectées ni même toujours recensées par "
                    "l’administration."
                ),
            ),
            (
                "paragraph",
                (
                    "Les rapporteurs, le député du Gard Mathieu Pellegrin et la députée de "
                    "l’Ardèche Claire Roustan, estiment qu’entre 4 000 et 7 000 ouvrages "
                    "pourraient se trouver dans cette situation. Beaucoup ont été construits au "
                    "XIXe siècle pour l’irrigation ou les moulins, puis délaissés. Faute "
                    "d’entretien, leurs vannes sont bloquées, leurs déversoirs obstrués et leurs "
                    "parements fissurés, sans que personne ne sache toujours qui en est "
                    "responsable."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Sainte-Agathe nous a appris qu’un ouvrage oublié n’est pas un ouvrage "
                        "sans danger. Nous ne pouvons plus accepter d’ignorer l’état d’une retenue "
                        "située au-dessus d’un village."
                    ),
                    "attribution": "Claire Roustan, corapporteure de la mission",
                },
            ),
            ("subheading", "Trente-deux propositions"),
            (
                "paragraph",
                (
                    "Le rapport formule trente-deux propositions. La principale confie aux "
                    "préfectures un inventaire exhaustif des ouvrages dans un délai de trois ans, "
                    "avec une visite de chacun d’entre eux par un bureau d’études agréé. Les "
                    "députés proposent aussi de créer un fonds national, doté de 80 millions "
                    "d’euros par an, pour aider les petits propriétaires à financer les travaux de "
                    "mise en sécurité ou, lorsque l’ouvrage n’a plus d’usage, son effacement."
                ),
            ),
            (
                "paragraph",
                (
                    "L’association qui regroupe les habitants touchés par la catastrophe de "
                    "Sainte-Agathe, auditionnée par la mission, a salué un travail « sérieux » "
                    "tout en regrettant qu’il ait fallu cinq ans pour y parvenir. Le ministère de "
                    "la Transition écologique indique qu’il étudiera les propositions en vue d’un "
                    "éventuel projet de loi, sans avancer de calendrier. Plusieurs recommandations "
                    "pourraient toutefois être appliquées par simple décret."
                ),
            ),
        ],
        "authors": ["helene-marchetti"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 372, "hours": 5},
        "updated_after": None,
        "image": {
            "alt": (
                "Petit barrage de pierre envahi par la végétation au fond d’une vallée boisée des "
                "Cévennes"
            ),
            "caption": (
                "Une ancienne retenue d’irrigation dans les Cévennes, l’un des nombreux ouvrages "
                "non recensés selon la mission."
            ),
            "photographer": "Julie Ferrand",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "forest",
        },
        "comments": False,
    },
    {
        "slug": "chili-ollague-consultation-rejet-projet-lithium",
        "title": (
            "Au Chili, les habitants d’Ollagüe rejettent par consultation un projet d’extraction "
            "de lithium"
        ),
        "section": "monde/ameriques",
        "topic": None,
        "article_type": "info",
        "standfirst": (
            "Près de 71 % des votants de cette commune andine se sont prononcés contre "
            "l’exploitation du salar voisin par une entreprise minière. Le résultat n’est que "
            "consultatif, mais il complique la procédure d’autorisation environnementale du "
            "projet."
        ),
        "body": [
            (
                "paragraph",
                (
                    "La consultation, organisée par la municipalité d’Ollagüe, à la frontière "
                    "bolivienne, a réuni 214 votants, une participation de 68 % jugée élevée pour "
                    "cette commune de l’Altiplano qui ne compte que quelques centaines "
                    "d’habitants. 70,6 % d’entre eux ont rejeté le projet de la société Minera "
                    "Altiplano Sur, qui prévoit de pomper la saumure du salar d’Ascotán pour en "
                    "extraire jusqu’à 25 000 tonnes de carbonate de lithium par an."
                ),
            ),
            (
                "paragraph",
                (
                    "Les opposants, parmi lesquels plusieurs communautés quechua de la zone, "
                    "redoutent un assèchement des zones humides où se nourrissent les flamants "
                    "andins et où paissent les troupeaux de lamas. Ils s’appuient sur une étude "
                    "hydrologique indépendante selon laquelle le pompage pourrait abaisser le "
                    "niveau de la nappe de plusieurs mètres en dix ans, ce que l’entreprise "
                    "conteste."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Nous ne sommes pas contre le lithium. Nous sommes contre le fait qu’on "
                        "décide de notre eau à Santiago sans nous demander notre avis."
                    ),
                    "attribution": (
                        "Rosa Mamani, présidente de l’association des éleveurs d’Ollagüe"
                    ),
                },
            ),
            ("subheading", "Un vote sans valeur contraignante"),
            (
                "paragraph",
                (
                    "Le résultat n’a pas de valeur juridique, l’autorisation du projet relevant du "
                    "service d’évaluation environnementale de l’État. Mais il sera versé au "
                    "dossier et pèsera lors de la consultation des peuples autochtones, "
                    "obligatoire et prévue dans les prochains mois. Minera Altiplano Sur a indiqué "
                    "dans un communiqué qu’elle « respecte l’expression des habitants » et qu’elle "
                    "proposerait de nouvelles mesures de suivi de la nappe."
                ),
            ),
            (
                "paragraph",
                (
                    "Le Chili, l’un des principaux producteurs mondiaux de lithium, cherche à "
                    "développer de nouveaux gisements pour répondre à la demande des fabricants de "
                    "batteries. Plusieurs projets dans la région d’Antofagasta font face à des "
                    "contestations locales similaires, centrées sur l’usage de l’eau dans l’un des "
                    "déserts les plus arides de la planète."
                ),
            ),
        ],
        "authors": [],
        "agencies": ["Reuters"],
        "dateline": "ANTOFAGASTA (Chili) –",
        "published_ago": {"days": 480, "hours": 14},
        "updated_after": None,
        "image": {
            "alt": (
                "Flamants roses dans une lagune peu profonde au pied de volcans enneigés, sous un "
                "ciel très bleu"
            ),
            "caption": "Le salar d’Ascotán, près d’Ollagüe, dans le nord du Chili.",
            "photographer": "Javiera Rojas",
            "source": "REUTERS",
            "agency": "Reuters",
            "palette": "sun",
        },
        "comments": True,
    },
    {
        "slug": "vrai-ou-faux-bresil-interdiction-exportations-cafe-europe",
        "title": (
            "Le Brésil a-t-il interdit les exportations de café vers l’Europe ? Non, la rumeur est "
            "infondée"
        ),
        "section": "monde/ameriques",
        "topic": None,
        "article_type": "vrai-ou-faux",
        "standfirst": (
            "Un message viral affirme que le Brésil a suspendu ses ventes de café à l’Union "
            "européenne en représailles à la réglementation contre la déforestation, annonçant une "
            "pénurie imminente. Aucune décision de ce type n’existe, et les exportations se "
            "poursuivent normalement."
        ),
        "body": [
            (
                "paragraph",
                (
                    "« Le Brésil coupe le robinet : plus un grain de café pour l’Europe à partir "
                    "du mois prochain. » Ce message, accompagné d’une photo de rayons de "
                    "supermarché vides, circule depuis plusieurs jours sur Facebook et WhatsApp. "
                    "Il assure que le gouvernement brésilien aurait interdit les exportations de "
                    "café vers l’Union européenne, pour protester contre les règles qui imposent "
                    "de prouver que les produits importés ne sont pas issus de la déforestation."
                ),
            ),
            ("subheading", "Aucune trace d’une telle décision"),
            (
                "paragraph",
                (
                    "Aucun décret ni communiqué officiel brésilien ne mentionne une telle mesure. "
                    "Un porte-parole de l’association des exportateurs de café du Brésil, que nous "
                    "avons interrogé, la qualifie de « pure invention ». Les statistiques "
                    "douanières les plus récentes montrent au contraire des expéditions vers "
                    "l’Europe stables d’un mois sur l’autre. L’Union européenne reste l’un des "
                    "premiers débouchés du café brésilien, et un embargo priverait les producteurs "
                    "du pays de revenus considérables."
                ),
            ),
            ("subheading", "Une vraie controverse, déformée"),
            (
                "paragraph",
                (
                    "La rumeur s’appuie sur un débat réel. Le Brésil, comme d’autres pays "
                    "producteurs, a critiqué la réglementation européenne sur la déforestation, "
                    "jugée coûteuse pour les petits exploitants qui doivent fournir la "
                    "géolocalisation de leurs parcelles, et a plaidé pour des assouplissements. "
                    "Mais critiquer une règle et interdire des exportations sont deux choses très "
                    "différentes : aucun responsable n’a évoqué un embargo."
                ),
            ),
            (
                "paragraph",
                (
                    "Quant à la photo de rayons vides, une recherche inversée montre qu’elle a été "
                    "prise dans un supermarché britannique lors d’une grève des transporteurs, "
                    "plusieurs années auparavant, et qu’elle ne concerne pas spécifiquement le "
                    "café. Les prix du café ont bien augmenté ces derniers mois, en raison de "
                    "récoltes affectées par la sécheresse, mais aucune pénurie n’est signalée par "
                    "les torréfacteurs français."
                ),
            ),
            ("subheading", "Notre verdict"),
            (
                "paragraph",
                (
                    "C’est faux. Le Brésil n’a pris aucune mesure d’interdiction des exportations "
                    "de café vers l’Union européenne, et les expéditions se poursuivent. Le "
                    "message détourne un désaccord commercial réel et l’illustre avec une photo "
                    "sans rapport. La hausse des prix en rayon s’explique, elle, par des facteurs "
                    "climatiques."
                ),
            ),
        ],
        "authors": ["yanis-benali"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 655, "hours": 3},
        "updated_after": None,
        "image": {
            "alt": (
                "Sacs de toile remplis de grains de café empilés jusqu’au plafond dans un entrepôt "
                "portuaire"
            ),
            "caption": (
                "Des sacs de café en attente d’expédition dans le port de Santos, au Brésil."
            ),
            "photographer": "Paulo Rezende",
            "source": "AP",
            "agency": "AP",
            "palette": "sun",
        },
        "comments": True,
    },
    {
        "slug": "entretien-lucie-phan-mekong-eau-instrument-negociation",
        "title": (
            "« Sur le Mékong, l’eau est devenue un instrument de négociation » : entretien avec la "
            "géographe Lucie Phan"
        ),
        "section": "monde",
        "topic": None,
        "article_type": "entretien",
        "standfirst": (
            "Sécheresse dans le delta, barrages en amont, partage incomplet des données : la "
            "géographe Lucie Phan, qui publie une enquête sur le bassin du Mékong, explique "
            "comment le fleuve est devenu un enjeu diplomatique majeur en Asie du Sud-Est."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Maîtresse de conférences à l’université de Lyon, Lucie Phan parcourt depuis "
                    "quinze ans le bassin du Mékong, de la province chinoise du Yunnan jusqu’au "
                    "delta vietnamien. Alors que les provinces du sud du Vietnam traversent une "
                    "nouvelle saison sèche marquée par d’importantes remontées d’eau salée dans "
                    "les rizières, elle publie <em>Le Fleuve partagé</em>, une enquête sur la "
                    "gouvernance de l’un des plus grands fleuves d’Asie."
                ),
            ),
            ("subheading", "Pourquoi le Mékong est-il un fleuve si disputé ?"),
            (
                "paragraph",
                (
                    "Parce qu’il traverse six pays aux intérêts très différents. En amont, la "
                    "Chine et le Laos y voient d’abord une source d’hydroélectricité. En aval, le "
                    "Cambodge dépend de la pêche dans le lac Tonlé Sap, dont le cycle est réglé "
                    "par les crues, et le Vietnam cultive dans le delta une part importante de son "
                    "riz. Chaque barrage construit en amont modifie le débit, les sédiments et les "
                    "poissons pour tous les autres."
                ),
            ),
            ("subheading", "Les barrages sont-ils responsables des sécheresses dans le delta ?"),
            (
                "paragraph",
                (
                    "Ils ne sont pas la seule cause, et c’est précisément ce qui rend le débat si "
                    "difficile. La baisse des pluies, l’extraction de sable dans le lit du fleuve "
                    "et le pompage des nappes jouent aussi un rôle important. Mais la gestion des "
                    "retenues, qui stockent l’eau pendant la saison humide et la relâchent selon "
                    "les besoins de production électrique, modifie le calendrier naturel du "
                    "fleuve. Sans données partagées, chacun accuse l’autre."
                ),
            ),
            ("subheading", "Les pays riverains échangent-ils davantage d’informations ?"),
            (
                "paragraph",
                (
                    "Un peu plus qu’avant, oui, mais de façon partielle et parfois tardive. "
                    "L’information est devenue un instrument de négociation : la transmettre, "
                    "c’est montrer sa bonne volonté ; la retenir, c’est garder un moyen de "
                    "pression. Or les agriculteurs du delta ont besoin de savoir plusieurs "
                    "semaines à l’avance quand l’eau douce arrivera, pour décider de semer ou "
                    "d’attendre."
                ),
            ),
            ("subheading", "Que peut faire l’Europe ?"),
            (
                "paragraph",
                (
                    "Pas grand-chose directement, mais elle a une expérience utile. Les "
                    "commissions internationales du Rhin ou du Danube ont mis des décennies à "
                    "construire des règles communes, d’abord sur la qualité de l’eau, puis sur la "
                    "gestion des crues. Le Mékong n’a pas besoin d’un modèle importé, mais des "
                    "chercheurs et des techniciens européens peuvent aider à mettre en place des "
                    "outils de mesure indépendants, acceptés par tous."
                ),
            ),
        ],
        "authors": ["camille-roussel"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1620, "hours": 7},
        "updated_after": None,
        "image": {
            "alt": (
                "Barques de pêche en bois amarrées sur une berge boueuse d’un large fleuve au "
                "coucher du soleil"
            ),
            "caption": "Sur les rives du Mékong, près de Cần Thơ, dans le delta vietnamien.",
            "photographer": "-",
            "source": "HANDOUT",
            "agency": "",
            "palette": "sun",
        },
        "comments": True,
    },
    {
        "slug": "afrique-ouest-six-pays-surveillance-peche-satellite",
        "title": (
            "Six pays d’Afrique de l’Ouest s’associent pour surveiller leurs eaux de pêche par "
            "satellite"
        ),
        "section": "monde",
        "topic": None,
        "article_type": "info",
        "standfirst": (
            "Le Sénégal, la Mauritanie, la Gambie, la Guinée-Bissau, la Guinée et le Cap-Vert vont "
            "mettre en commun leurs données pour repérer les navires pratiquant la pêche illégale. "
            "Un centre régional doit ouvrir à Dakar d’ici un an."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Les ministres de la Pêche des six pays ont signé à Dakar un accord qui "
                    "prévoit l’achat conjoint d’images satellitaires et le partage en temps réel "
                    "des positions des navires opérant dans leurs zones économiques exclusives. Un "
                    "centre régional de surveillance, installé dans la capitale sénégalaise et "
                    "doté de 35 analystes, croisera ces informations pour signaler les bateaux "
                    "suspects aux garde-côtes nationaux."
                ),
            ),
            (
                "paragraph",
                (
                    "La pêche illégale, non déclarée et non réglementée coûte chaque année "
                    "plusieurs centaines de millions de dollars aux économies de la région, selon "
                    "les estimations citées par les signataires. Elle prive surtout les pêcheurs "
                    "artisanaux, qui font vivre des centaines de milliers de familles sur le "
                    "littoral, de ressources déjà fragilisées par la surexploitation de certaines "
                    "espèces comme la sardinelle."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Un navire qui éteint sa balise au large de nos côtes pense qu’il devient "
                        "invisible. Avec cet accord, il ne le sera plus, quel que soit le pavillon "
                        "qu’il arbore."
                    ),
                    "attribution": "Mariama Thiam, ministre sénégalaise de la Pêche",
                },
            ),
            ("subheading", "Un financement encore incomplet"),
            (
                "paragraph",
                (
                    "Le coût du dispositif est estimé à 18 millions de dollars sur cinq ans. Les "
                    "six États en financeront un tiers, le reste devant provenir de bailleurs "
                    "internationaux dont les engagements n’ont pas encore été formalisés. Les "
                    "organisations de pêcheurs artisanaux, présentes lors de la signature, ont "
                    "demandé à être associées au centre, en soulignant que leurs pirogues sont "
                    "souvent les premières témoins des incursions."
                ),
            ),
            (
                "paragraph",
                (
                    "Le dispositif ne sera efficace que si les pays disposent de moyens pour "
                    "intercepter les navires repérés, a prévenu un expert présent à Dakar. "
                    "Plusieurs signataires ne possèdent qu’une poignée de patrouilleurs en état de "
                    "naviguer. L’accord prévoit donc des exercices communs et la possibilité, pour "
                    "un pays, de solliciter l’appui d’un voisin pour une inspection en mer."
                ),
            ),
        ],
        "authors": [],
        "agencies": ["AP"],
        "dateline": "DAKAR (Sénégal) –",
        "published_ago": {"days": 1790, "hours": 11},
        "updated_after": None,
        "image": {
            "alt": (
                "Pirogues colorées tirées sur une plage de sable, pêcheurs déchargeant des caisses "
                "de poissons"
            ),
            "caption": "Des pirogues de pêche artisanale sur la plage de Soumbédioune, à Dakar.",
            "photographer": "Cheikh Ba",
            "source": "AP",
            "agency": "AP",
            "palette": "sea",
        },
        "comments": True,
    },
    {
        "slug": "assemblee-premiere-lecture-budgets-participatifs-departementaux",
        "title": (
            "L’Assemblée adopte en première lecture une proposition de loi sur les budgets "
            "participatifs départementaux"
        ),
        "section": "politique",
        "topic": None,
        "article_type": "info",
        "standfirst": (
            "Le texte, porté par une députée de la Drôme, permettrait aux départements de "
            "consacrer jusqu’à 5 % de leur budget d’investissement à des projets proposés et "
            "choisis par les habitants. Il doit désormais être examiné par le Sénat."
        ),
        "body": [
            (
                "paragraph",
                (
                    "La proposition de loi a été adoptée par 312 voix contre 198, au terme d’un "
                    "débat de près de six heures. Elle encadre les budgets participatifs organisés "
                    "par les conseils départementaux, une pratique jusqu’ici surtout développée "
                    "par les communes, et en précise les règles : droit de vote ouvert dès 16 ans, "
                    "recevabilité des projets contrôlée par les services et publication annuelle "
                    "d’un bilan de réalisation."
                ),
            ),
            ("subheading", "Une majorité transpartisane"),
            (
                "paragraph",
                (
                    "Le texte a rassemblé des députés de plusieurs groupes, signe d’un sujet qui "
                    "dépasse les clivages habituels. Sa rapporteure, la députée de la Drôme Élise "
                    "Vernet, a défendu un outil capable de « rapprocher les départements de "
                    "citoyens qui ignorent souvent tout de leurs compétences ». Plusieurs élus ont "
                    "cité des départements ayant déjà tenté l’expérience, avec des voies "
                    "cyclables, des jardins partagés ou l’équipement de collèges."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Un budget participatif n’est pas un gadget quand il finance le gymnase "
                        "d’un collège rural ou une passerelle attendue depuis vingt ans."
                    ),
                    "attribution": "Élise Vernet, rapporteure de la proposition de loi",
                },
            ),
            (
                "paragraph",
                (
                    "Les opposants ont dénoncé un texte inutile, les départements pouvant déjà "
                    "consulter leurs habitants, et redouté une participation faible, captée par "
                    "les associations les mieux organisées. Le gouvernement s’en est remis à la « "
                    "sagesse de l’Assemblée », tout en faisant adopter un amendement qui plafonne "
                    "à 5 % la part du budget d’investissement concernée, contre 10 % dans la "
                    "version initiale."
                ),
            ),
            ("subheading", "Un passage délicat au Sénat"),
            (
                "paragraph",
                (
                    "Le parcours du texte s’annonce plus difficile au Sénat, où plusieurs "
                    "présidents de conseils départementaux ont fait part de leurs réserves, "
                    "jugeant que la loi risquait d’imposer un cadre uniforme à des territoires "
                    "très différents. Le rapporteur pressenti a déjà indiqué qu’il souhaitait "
                    "rendre le dispositif entièrement facultatif et supprimer le vote dès 16 ans. "
                    "Aucune date d’examen n’a encore été fixée."
                ),
            ),
        ],
        "authors": ["yanis-benali"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 2040, "hours": 9},
        "updated_after": None,
        "image": {
            "alt": (
                "Hémicycle de l’Assemblée nationale vu depuis les tribunes, députés assis sur les "
                "bancs rouges"
            ),
            "caption": (
                "L’hémicycle de l’Assemblée nationale pendant l’examen de la proposition de loi."
            ),
            "photographer": "Antoine Mercier",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "city",
        },
        "comments": True,
    },
    {
        "slug": "opinion-petites-communes-crise-vocations-municipales",
        "title": (
            "Dans les petites communes, la crise des vocations municipales n’est pas une fatalité"
        ),
        "section": "politique",
        "topic": None,
        "article_type": "opinion",
        "standfirst": (
            "Démissions en série, listes introuvables, maires épuisés : le désengagement local est "
            "souvent présenté comme inéluctable. Il tient pourtant à des causes précises, "
            "auxquelles des réponses simples et peu coûteuses existent."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Dans le centre de la Bretagne, où j’ai grandi, il n’est plus rare qu’un maire "
                    "renonce en cours de mandat. Les raisons sont toujours les mêmes : des "
                    "journées qui s’allongent, des responsabilités juridiques qui s’accumulent, "
                    "des habitants qui attendent du maire d’une commune de 600 âmes ce qu’ils "
                    "attendraient d’une administration. Depuis le début de l’année, onze "
                    "démissions ont été enregistrées dans le seul département des Côtes-d’Armor."
                ),
            ),
            (
                "paragraph",
                (
                    "On a pris l’habitude de parler d’une « crise des vocations », comme si le "
                    "civisme s’était évaporé. C’est inexact. Les conseils municipaux restent "
                    "pleins de bonnes volontés. Ce qui manque, ce sont les conditions pour les "
                    "exercer : un secrétariat de mairie partagé entre quatre communes, des "
                    "indemnités qui ne compensent pas un mi-temps perdu, l’absence presque totale "
                    "de formation sur les marchés publics ou l’urbanisme."
                ),
            ),
            ("subheading", "Trois leviers à portée de main"),
            (
                "paragraph",
                (
                    "Des réponses existent, et elles ne sont pas coûteuses. Mutualiser réellement "
                    "l’ingénierie au niveau intercommunal, pour que le maire ne soit plus seul "
                    "face à un permis de construire contesté. Garantir aux élus salariés un droit "
                    "d’absence effectivement respecté par les employeurs. Enfin, mieux protéger "
                    "les maires face aux menaces et aux insultes, qui découragent plus sûrement "
                    "que n’importe quelle charge de travail."
                ),
            ),
            (
                "paragraph",
                (
                    "Le prochain scrutin municipal approche. Si rien ne change, des centaines de "
                    "communes risquent de ne présenter qu’une seule liste, voire aucune, ce qui "
                    "conduirait l’État à nommer des délégations spéciales pour les administrer. Ce "
                    "serait un échec collectif pour un pays qui aime tant célébrer sa démocratie "
                    "de proximité. Il est encore temps de l’éviter, à condition de cesser "
                    "d’invoquer la fatalité."
                ),
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 800, "hours": 15},
        "updated_after": None,
        "image": {
            "alt": (
                "Façade d’une petite mairie de village en granit, drapeau tricolore au-dessus de "
                "la porte d’entrée"
            ),
            "caption": "La mairie d’une commune rurale des Côtes-d’Armor.",
            "photographer": "Erwan Le Goff",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "stone",
        },
        "comments": True,
    },
    {
        "slug": "vrai-ou-faux-deputes-hausse-indemnites-20-pour-cent",
        "title": (
            "Les députés se sont-ils accordé une hausse de 20 % de leurs indemnités ? C’est faux"
        ),
        "section": "politique",
        "topic": None,
        "article_type": "vrai-ou-faux",
        "standfirst": (
            "Une publication largement partagée affirme que les élus de l’Assemblée nationale ont "
            "discrètement voté une augmentation de leur rémunération. Le chiffre provient d’une "
            "lecture erronée d’une ligne budgétaire consacrée à des travaux immobiliers."
        ),
        "body": [
            (
                "paragraph",
                (
                    "« Pendant que vous payez, ils se servent : +20 % pour les députés. » Ce "
                    "visuel, publié sur Facebook et repris par plusieurs comptes sur X, a été "
                    "partagé plus de 40 000 fois en quelques jours. Il affirme que l’Assemblée "
                    "nationale aurait voté, lors de l’examen du budget, une hausse de 20 % des "
                    "indemnités de ses membres, sans que les médias n’en parlent."
                ),
            ),
            ("subheading", "Une indemnité que les députés ne fixent pas"),
            (
                "paragraph",
                (
                    "Le montant de l’indemnité parlementaire n’est pas fixé librement par les "
                    "députés. Depuis une ordonnance de 1958, il est calculé par référence au "
                    "traitement des plus hauts fonctionnaires de l’État et n’évolue qu’avec la "
                    "rémunération de la fonction publique. Une hausse de 20 % supposerait donc "
                    "soit une revalorisation équivalente des traitements des fonctionnaires, soit "
                    "une modification de ce texte, qui n’a pas eu lieu."
                ),
            ),
            ("subheading", "Une ligne budgétaire mal lue"),
            (
                "paragraph",
                (
                    "Le chiffre de 20 % semble provenir d’un tableau annexé au projet de loi de "
                    "finances, qui retrace la dotation de l’État aux assemblées parlementaires. "
                    "Une ligne consacrée aux investissements immobiliers de l’Assemblée y "
                    "progresse effectivement d’environ 20 %, en raison de travaux de mise aux "
                    "normes de bâtiments annexes. Ces crédits financent des chantiers, et non la "
                    "rémunération des élus."
                ),
            ),
            (
                "paragraph",
                (
                    "Les services de l’Assemblée, sollicités, confirment que l’indemnité des "
                    "députés n’a pas été modifiée par ce budget et qu’elle suivra, comme chaque "
                    "année, l’évolution éventuelle de la rémunération des fonctionnaires. Les "
                    "montants de l’indemnité et de l’avance de frais de mandat sont par ailleurs "
                    "publiés sur le site de l’institution, ce qui permet à chacun de les vérifier."
                ),
            ),
            ("subheading", "Notre verdict"),
            (
                "paragraph",
                (
                    "C’est faux. Les députés n’ont voté aucune hausse de 20 % de leurs indemnités, "
                    "dont le montant dépend de règles fixées par une ordonnance de 1958 et "
                    "indexées sur la fonction publique. Le chiffre viral confond la rémunération "
                    "des élus avec des crédits d’investissement destinés à des travaux "
                    "immobiliers."
                ),
            ),
        ],
        "authors": ["yanis-benali"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 510, "hours": 20},
        "updated_after": None,
        "image": {
            "alt": (
                "Façade à colonnes du palais Bourbon vue depuis le pont de la Concorde par une "
                "matinée claire"
            ),
            "caption": "Le palais Bourbon, siège de l’Assemblée nationale, à Paris.",
            "photographer": "Antoine Mercier",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "city",
        },
        "comments": False,
    },
    {
        "slug": "aveyron-fermeture-usine-roulements-vialar-430-emplois",
        "title": (
            "Dans l’Aveyron, la fermeture annoncée de l’usine de roulements Vialar menace 430 "
            "emplois"
        ),
        "section": "economie",
        "topic": None,
        "article_type": "info",
        "standfirst": (
            "Le groupe industriel a confirmé son intention de transférer d’ici dix-huit mois la "
            "production de son site de Bozouls vers la Slovaquie. Les syndicats dénoncent une "
            "décision « purement financière » et appellent à un débrayage."
        ),
        "body": [
            (
                "paragraph",
                (
                    "La direction du groupe Vialar, spécialisé dans les roulements pour "
                    "l’automobile et le machinisme agricole, a présenté son projet lors d’un "
                    "comité social et économique extraordinaire réuni dans la matinée. Le site de "
                    "Bozouls, ouvert en 1974 et qui emploie 430 salariés, cesserait toute activité "
                    "d’ici dix-huit mois. Sa production serait reprise par l’usine du groupe à "
                    "Žilina, en Slovaquie, modernisée l’an dernier."
                ),
            ),
            (
                "paragraph",
                (
                    "La direction invoque la baisse des commandes des constructeurs automobiles "
                    "européens, en recul de 22 % en deux ans pour ce type de pièces, et un coût de "
                    "production supérieur de près de 30 % à celui du site slovaque. Elle affirme "
                    "vouloir proposer un reclassement interne à chaque salarié et financer un plan "
                    "de revitalisation du bassin d’emploi, sans en préciser le montant."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "On nous parle de compétitivité alors que l’usine a dégagé des bénéfices "
                        "l’an dernier. C’est une décision purement financière, et c’est tout un "
                        "territoire qui va payer."
                    ),
                    "attribution": "Sandrine Couderc, déléguée syndicale CGT du site",
                },
            ),
            ("subheading", "Les élus mobilisés"),
            (
                "paragraph",
                (
                    "Le maire de Bozouls, Jean-Luc Vabre, a rappelé que l’usine était le premier "
                    "employeur privé du secteur, avec plusieurs centaines d’emplois indirects chez "
                    "les sous-traitants et transporteurs locaux. Le conseil départemental a "
                    "demandé la tenue rapide d’une réunion en préfecture avec la direction du "
                    "groupe et les services de l’État. L’intersyndicale appelle à un débrayage dès "
                    "demain après-midi."
                ),
            ),
            (
                "paragraph",
                (
                    "<em>Mise à jour, le lendemain :</em> près de 350 salariés ont participé au "
                    "débrayage organisé devant l’usine. Le ministère de l’Industrie a annoncé la "
                    "nomination d’un commissaire chargé d’examiner, avec la direction, les "
                    "possibilités de reprise du site par un autre industriel, une piste que le "
                    "groupe Vialar dit « ne pas exclure »."
                ),
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "RODEZ (Aveyron) –",
        "published_ago": {"days": 1520, "hours": 6},
        "updated_after": {"days": 1},
        "image": {
            "alt": (
                "Salariés rassemblés devant le portail d’une usine, banderoles syndicales "
                "accrochées à la grille"
            ),
            "caption": (
                "Des salariés de l’usine Vialar rassemblés devant le site de Bozouls (Aveyron)."
            ),
            "photographer": "Pascal Cayrol",
            "source": "AFP",
            "agency": "AFP",
            "palette": "city",
        },
        "comments": True,
    },
    {
        "slug": "eau-potable-pourquoi-facture-augmenter-petites-communes",
        "title": (
            "Eau potable : pourquoi la facture devrait fortement augmenter dans les petites "
            "communes"
        ),
        "section": "economie",
        "topic": None,
        "article_type": "analyse",
        "standfirst": (
            "Renouvellement de canalisations vieillissantes, surveillance de nouveaux polluants, "
            "transfert de la compétence aux intercommunalités : plusieurs facteurs se conjuguent "
            "pour faire grimper le prix du mètre cube, en particulier dans les territoires ruraux."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Le prix de l’eau potable a longtemps évolué au rythme de l’inflation, sans "
                    "grands à-coups. Cette époque touche à sa fin. Selon une étude publiée cette "
                    "semaine par l’Observatoire des services d’eau ruraux, la facture d’un ménage "
                    "type pourrait augmenter de 25 à 40 % d’ici dix ans dans les communes de moins "
                    "de 2 000 habitants, contre 10 à 15 % dans les grandes agglomérations."
                ),
            ),
            ("subheading", "Des réseaux à bout de souffle"),
            (
                "paragraph",
                (
                    "Premier facteur : l’âge des canalisations. Une large part des réseaux ruraux "
                    "a été posée dans les années 1960 et 1970, avec des matériaux dont la durée de "
                    "vie touche à son terme. Dans certaines communes, un litre sur trois se perd "
                    "en fuites avant d’atteindre le robinet. Or remplacer un kilomètre de conduite "
                    "coûte autant dans un village que dans une ville, mais la dépense y est "
                    "partagée entre beaucoup moins d’abonnés."
                ),
            ),
            ("subheading", "Des normes plus exigeantes"),
            (
                "paragraph",
                (
                    "Deuxième facteur : la qualité. La surveillance de nouveaux polluants, comme "
                    "certains résidus de pesticides et des composés perfluorés, impose des "
                    "analyses plus nombreuses et parfois des unités de traitement coûteuses. "
                    "Plusieurs syndicats d’eau du Grand Ouest ont déjà dû installer des filtres à "
                    "charbon actif, dont le fonctionnement ajoute plusieurs centimes au prix de "
                    "chaque mètre cube distribué."
                ),
            ),
            ("subheading", "Une mutualisation à double tranchant"),
            (
                "paragraph",
                (
                    "Le transfert de la compétence eau aux intercommunalités devrait permettre de "
                    "mutualiser une partie de ces coûts, mais il conduit aussi à harmoniser les "
                    "tarifs, souvent vers le haut pour les communes qui avaient maintenu un prix "
                    "bas en reportant leurs travaux. Pour les ménages modestes, les associations "
                    "de consommateurs réclament une tarification sociale généralisée, aujourd’hui "
                    "laissée à l’initiative des collectivités."
                ),
            ),
        ],
        "authors": ["helene-marchetti"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1230, "hours": 4},
        "updated_after": None,
        "image": {
            "alt": (
                "Ouvriers dans une tranchée remplaçant une ancienne canalisation le long d’une "
                "route de campagne"
            ),
            "caption": (
                "Chantier de renouvellement d’une conduite d’eau potable dans une commune rurale "
                "de la Mayenne."
            ),
            "photographer": "Julie Ferrand",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "forest",
        },
        "comments": True,
    },
]
