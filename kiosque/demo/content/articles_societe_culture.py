"""Original demo content written for Kiosque: society, justice, health, sport and culture.

These articles were written specifically for the Kiosque demo site, « Kiosque Info ».
The people, events and figures they describe are invented; real French places
appear only as settings. The text is original and copies no existing article.
"""

ARTICLES: list[dict] = [
    {
        "slug": "barrage-sainte-agathe-rupture-vallee-du-vernazon",
        "title": (
            "Rupture d’un barrage dans les Cévennes : au moins neuf morts dans la vallée du "
            "Vernazon"
        ),
        "section": "societe",
        "topic": "proces-du-barrage-de-sainte-agathe",
        "article_type": "info",
        "standfirst": (
            "Le barrage de Sainte-Agathe, un ouvrage en maçonnerie des années 1930, a cédé dans la "
            "nuit après des pluies diluviennes. Une vague de plusieurs mètres a dévasté trois "
            "localités en aval. Quatre personnes sont toujours portées disparues."
        ),
        "body": [
            (
                "paragraph",
                "Une partie du barrage de Sainte-Agathe, sur le Vernazon, un affluent du Gardon "
                "d’Alès, s’est rompue vers 3h10, libérant en quelques minutes l’essentiel des 4,2 "
                "millions de mètres cubes d’eau de sa retenue. Selon la préfecture du Gard, au "
                "moins neuf personnes ont trouvé la mort à Saint-Martin-du-Vernazon, au hameau du "
                "Pradel et à Pont-de-Vernazon, les trois localités situées en aval de l’ouvrage. "
                "Quatre habitants étaient toujours recherchés en fin de journée.",
            ),
            ("subheading", "Une vague de quatre mètres"),
            (
                "paragraph",
                "Les premiers témoignages décrivent un grondement sourd, puis une vague haute de "
                "trois à quatre mètres à l’entrée de Saint-Martin-du-Vernazon, où une quarantaine "
                "de maisons ont été touchées. Le pont de la route départementale a été emporté, "
                "isolant une partie de la vallée jusqu’en milieu de matinée. Plus de 320 "
                "sapeurs-pompiers, appuyés par trois hélicoptères de la Sécurité civile et de la "
                "gendarmerie, ont procédé à 87 hélitreuillages, selon un bilan provisoire.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Nous avons entendu l’eau avant de la voir. En deux minutes, elle était au "
                        "premier étage"
                    ),
                    "attribution": "Raymond Teissier, habitant de Saint-Martin-du-Vernazon",
                },
            ),
            (
                "paragraph",
                "Le département était placé en vigilance rouge pluie-inondation depuis la veille "
                "au soir. Météo-France a relevé 390 millimètres de pluie en vingt-quatre heures "
                "au pluviomètre le plus proche, un cumul exceptionnel même pour un épisode "
                "cévenol. Les conditions dans lesquelles l’alerte a été transmise aux communes "
                "situées en aval du barrage restent à établir.",
            ),
            ("subheading", "Une enquête pour homicides involontaires"),
            (
                "paragraph",
                "Le parquet de Nîmes a ouvert une enquête pour homicides involontaires, confiée à "
                "la section de recherches de la gendarmerie de Montpellier. L’ouvrage, construit "
                "en 1931 et haut de 34 mètres, est exploité depuis 1998 par la Société "
                "hydroélectrique cévenole (SHC), qui y produit de l’électricité. Dans un bref "
                "communiqué, l’entreprise dit « partager la douleur des familles » et assure "
                "qu’elle « collaborera pleinement avec la justice ».",
            ),
            (
                "paragraph",
                "Le préfet du Gard, Laurent Vasseur, a annoncé l’ouverture d’une cellule "
                "d’urgence médico-psychologique au gymnase municipal d’Alès, où 190 personnes "
                "évacuées ont passé la nuit. Les routes de la vallée resteront fermées à la "
                "circulation jusqu’à nouvel ordre, le temps que les services de l’État vérifient "
                "la stabilité de la partie restante de l’ouvrage.",
            ),
            (
                "paragraph",
                "À Pont-de-Vernazon, la mairie a été transformée en centre de coordination. Des "
                "équipes cynophiles fouillent les amas de débris accumulés contre les piles du "
                "vieux pont, tandis que les techniciens du gestionnaire de réseau tentent de "
                "rétablir le courant pour 2 300 foyers. Plusieurs maires de la vallée ont demandé "
                "aux habitants de ne pas s’approcher des berges, encore instables, et de signaler "
                "tout proche dont ils seraient sans nouvelles.",
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "ALÈS (Gard) –",
        "published_ago": {"days": 2146, "hours": 4},
        "updated_after": {"hours": 9},
        "image": {
            "alt": (
                "Maisons éventrées et amas de boue au bord d’une rivière en crue, au pied de "
                "collines boisées"
            ),
            "caption": (
                "Des habitations détruites par la vague à Saint-Martin-du-Vernazon, en aval du "
                "barrage de Sainte-Agathe."
            ),
            "photographer": "Pascal Guiraud",
            "source": "KIOSQUE INFO",
            "agency": "AFP",
            "palette": "storm",
        },
        "comments": False,
    },
    {
        "slug": "sainte-agathe-un-an-apres-entretien-psychiatre-nadia-ferrand",
        "title": (
            "Un an après la rupture du barrage de Sainte-Agathe : « Le traumatisme ne s’efface pas "
            "avec la décrue »"
        ),
        "section": "societe/sante",
        "topic": "proces-du-barrage-de-sainte-agathe",
        "article_type": "entretien",
        "standfirst": (
            "La psychiatre Nadia Ferrand a coordonné la cellule d’urgence médico-psychologique du "
            "Gard au lendemain de la catastrophe. Un an plus tard, elle observe des troubles "
            "persistants chez de nombreux habitants de la vallée du Vernazon et plaide pour un "
            "suivi de long terme."
        ),
        "body": [
            (
                "paragraph",
                "Dans la nuit où le barrage de Sainte-Agathe a cédé, onze personnes ont perdu la "
                "vie dans la vallée du Vernazon. Depuis, la consultation spécialisée ouverte au "
                "centre hospitalier d’Alès a reçu plus de 400 patients. Sa coordinatrice, la "
                "docteure Nadia Ferrand, psychiatre au CHU de Nîmes, revient sur une année de "
                "prise en charge.",
            ),
            ("subheading", "Qu’avez-vous observé dans les premiers jours ?"),
            (
                "paragraph",
                "Une sidération massive. Beaucoup de personnes que nous avons reçues au gymnase "
                "d’Alès ne pleuraient pas, ne parlaient presque pas. Elles nous donnaient des "
                "détails très précis, l’heure exacte, le bruit de l’eau, la couleur de la boue, "
                "comme si leur mémoire s’était figée sur ces quelques minutes. C’est une réaction "
                "normale face à un événement anormal. Notre rôle était d’abord de les mettre à "
                "l’abri, de les écouter et de repérer celles qui avaient besoin d’un suivi "
                "rapproché.",
            ),
            ("subheading", "Un an plus tard, où en sont les habitants ?"),
            (
                "paragraph",
                "Environ un tiers des patients que nous suivons présentent encore des symptômes "
                "de stress post-traumatique : cauchemars, hypervigilance, évitement. Certains ne "
                "supportent plus le bruit de la pluie sur le toit. D’autres refusent de reprendre "
                "la route de la vallée. Nous voyons aussi des enfants qui dessinent des vagues ou "
                "qui demandent chaque soir si la maison est solide. Les orages de ces dernières "
                "semaines ont réactivé beaucoup d’angoisses, ce qui était prévisible.",
            ),
            ("subheading", "Les démarches administratives et judiciaires pèsent-elles ?"),
            (
                "paragraph",
                "Énormément. Les sinistrés doivent raconter leur nuit à l’assureur, à l’expert, "
                "aux enquêteurs, parfois à la presse. Chaque récit rouvre la blessure. L’attente "
                "de la vérité judiciaire est aussi une source de tension : beaucoup me disent "
                "qu’ils ne pourront pas « tourner la page » tant qu’ils ne sauront pas pourquoi "
                "le barrage a cédé. Nous les encourageons à se faire accompagner lors des "
                "auditions, et nous organisons des groupes de parole avec l’association des "
                "victimes.",
            ),
            ("subheading", "Que faudrait-il changer ?"),
            (
                "paragraph",
                "La cellule d’urgence est conçue pour intervenir quelques jours. Or le besoin "
                "dure des années. La consultation d’Alès est financée jusqu’à la fin de l’année "
                "prochaine par l’agence régionale de santé ; il faudrait la pérenniser et former "
                "davantage de médecins généralistes au repérage du traumatisme. Ce sont eux que "
                "les habitants consultent en premier, souvent pour des douleurs ou des insomnies "
                "dont ils ne font pas le lien avec la catastrophe.",
            ),
        ],
        "authors": ["helene-marchetti"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1781, "hours": 6},
        "updated_after": None,
        "image": {
            "alt": (
                "Une femme assise sur un muret de pierre sèche regarde une vallée boisée aux "
                "terrasses reconstruites"
            ),
            "caption": (
                "Dans la vallée du Vernazon, de nombreux habitants restent suivis par des "
                "psychologues un an après la catastrophe."
            ),
            "photographer": "Lucas Ferrier",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "forest",
        },
        "comments": True,
    },
    {
        "slug": "barrage-sainte-agathe-ancien-directeur-shc-mis-en-examen",
        "title": (
            "Barrage de Sainte-Agathe : l’ancien directeur de l’exploitant mis en examen pour "
            "homicides involontaires"
        ),
        "section": "societe/justice",
        "topic": "proces-du-barrage-de-sainte-agathe",
        "article_type": "info",
        "standfirst": (
            "Bernard Fabrègue, qui dirigeait la Société hydroélectrique cévenole au moment de la "
            "rupture, a été placé sous contrôle judiciaire. Une expertise pointe une vanne de "
            "vidange bloquée depuis des années et un évacuateur de crues sous-dimensionné."
        ),
        "body": [
            (
                "paragraph",
                "L’ancien directeur général de la Société hydroélectrique cévenole (SHC), Bernard "
                "Fabrègue, a été mis en examen pour homicides et blessures involontaires par la "
                "juge d’instruction nîmoise chargée de l’enquête sur la rupture du barrage de "
                "Sainte-Agathe, a-t-on appris de source judiciaire. Il a été placé sous contrôle "
                "judiciaire, avec interdiction d’exercer une fonction de direction dans le "
                "secteur hydroélectrique. La société avait elle-même été mise en examen en tant "
                "que personne morale il y a deux mois.",
            ),
            ("subheading", "Une expertise de 640 pages"),
            (
                "paragraph",
                "Cette mise en examen intervient après le dépôt d’un rapport de 640 pages, "
                "commandé par la juge Claire Ventura à un collège de trois ingénieurs. Selon des "
                "éléments dont l’AFP a eu connaissance, les experts estiment que la vanne de "
                "vidange de fond de l’ouvrage était inutilisable depuis au moins onze ans, et que "
                "l’évacuateur de crues ne pouvait pas absorber plus de 310 mètres cubes par "
                "seconde, alors que la crue a dépassé 450 mètres cubes par seconde.",
            ),
            (
                "paragraph",
                "Le rapport relève également que deux des cinq capteurs de pression installés "
                "dans le corps du barrage ne transmettaient plus de données depuis plusieurs "
                "mois. Les experts concluent que la rupture résulte de la « conjonction d’une "
                "crue exceptionnelle et de défaillances d’entretien connues de l’exploitant ».",
            ),
            (
                "quote",
                {
                    "text": (
                        "Mon client conteste fermement avoir été informé d’un quelconque danger "
                        "imminent. Il a toujours suivi les préconisations des services de contrôle"
                    ),
                    "attribution": "Me Olivier Brunel, avocat de Bernard Fabrègue",
                },
            ),
            ("subheading", "Les familles réclament un procès"),
            (
                "paragraph",
                "Pour l’association Vernazon Mémoire et Justice, qui regroupe 140 familles, cette "
                "mise en examen constitue « une première étape ». Sa présidente, Josiane "
                "Castanier, dont le frère a péri au hameau du Pradel, demande que l’enquête "
                "s’étende aux services de l’État chargés du contrôle des barrages, qui avaient "
                "inspecté l’ouvrage quatorze mois avant la catastrophe. La rupture avait fait "
                "onze morts et plus de soixante blessés dans la vallée du Vernazon.",
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "NÎMES (Gard) –",
        "published_ago": {"days": 1575, "hours": 3},
        "updated_after": None,
        "image": {
            "alt": (
                "La façade à colonnes du palais de justice de Nîmes sous un ciel gris, quelques "
                "passants devant les marches"
            ),
            "caption": (
                "Le palais de justice de Nîmes, où est instruite l’enquête sur la rupture du "
                "barrage de Sainte-Agathe."
            ),
            "photographer": "Marc Delorme",
            "source": "KIOSQUE INFO",
            "agency": "AFP",
            "palette": "stone",
        },
        "comments": True,
    },
    {
        "slug": "barrage-sainte-agathe-juge-ordonne-proces-quatre-prevenus",
        "title": (
            "Barrage de Sainte-Agathe : la juge ordonne un procès pour quatre prévenus, dont "
            "l’exploitant"
        ),
        "section": "societe/justice",
        "topic": "proces-du-barrage-de-sainte-agathe",
        "article_type": "info",
        "standfirst": (
            "Plus de trois ans après la catastrophe qui avait fait onze morts dans le Gard, la "
            "juge d’instruction renvoie devant le tribunal correctionnel de Nîmes la Société "
            "hydroélectrique cévenole, deux de ses anciens cadres et un bureau d’études."
        ),
        "body": [
            (
                "paragraph",
                "L’instruction est close. Dans une ordonnance de 312 pages signée par la juge "
                "Claire Ventura, la Société hydroélectrique cévenole (SHC), son ancien directeur "
                "général Bernard Fabrègue, son ancien responsable d’exploitation Didier Sabatier "
                "et le bureau d’études Hydrelis Ingénierie sont renvoyés devant le tribunal "
                "correctionnel de Nîmes pour homicides et blessures involontaires. Les deux "
                "hommes encourent jusqu’à cinq ans d’emprisonnement, les sociétés jusqu’à 375 000 "
                "euros d’amende.",
            ),
            ("subheading", "Des alertes internes restées sans suite"),
            (
                "paragraph",
                "La magistrate retient que l’exploitant connaissait depuis des années l’état de "
                "la vanne de fond, signalé dans au moins quatre rapports internes, sans engager "
                "les travaux, évalués à 1,8 million d’euros. Elle reproche à Hydrelis Ingénierie "
                "d’avoir conclu, dans une revue de sûreté rendue trois ans avant la rupture, à un "
                "niveau de risque « acceptable » sans avoir vérifié sur place le fonctionnement "
                "des organes d’évacuation.",
            ),
            (
                "paragraph",
                "L’ordonnance s’attarde aussi sur la nuit de la catastrophe. Selon les relevés de "
                "télésurveillance, une alarme de niveau haut s’est déclenchée au poste de "
                "commande de la SHC à 1h52. La préfecture n’a été prévenue qu’à 2h47, et aucune "
                "alerte n’est parvenue aux habitants du hameau du Pradel avant l’arrivée de la "
                "vague, peu après 3h10.",
            ),
            ("subheading", "Un non-lieu contesté"),
            (
                "paragraph",
                "La juge prononce en revanche un non-lieu au bénéfice de l’ingénieur des services "
                "de l’État qui avait inspecté le barrage quatorze mois avant la rupture, estimant "
                "qu’il ne disposait pas des informations détenues par l’exploitant. L’association "
                "Vernazon Mémoire et Justice a annoncé son intention de faire appel de cette "
                "décision. « Le contrôle public fait partie de la chaîne des responsabilités », "
                "estime son avocate, Me Sophie Aubanel.",
            ),
            (
                "paragraph",
                "Les avocats de la défense n’ont pas souhaité commenter l’ordonnance. La date du "
                "procès, qui devrait durer plusieurs semaines compte tenu du nombre de parties "
                "civiles, n’est pas encore fixée. Plus de 200 personnes se sont constituées "
                "parties civiles, et le tribunal pourrait devoir délocaliser les audiences dans "
                "une salle plus vaste.",
            ),
        ],
        "authors": ["yanis-benali"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1010, "hours": 5},
        "updated_after": None,
        "image": {
            "alt": (
                "Le mur d’un barrage en pierre éventré sur sa partie gauche, vu depuis le lit "
                "asséché de la retenue"
            ),
            "caption": (
                "La brèche du barrage de Sainte-Agathe, sur le Vernazon, photographiée lors d’une "
                "expertise judiciaire."
            ),
            "photographer": "-",
            "source": "TRIBUNAL JUDICIAIRE DE NÎMES",
            "agency": "",
            "palette": "stone",
        },
        "comments": True,
    },
    {
        "slug": "elise-vidal-maurin-roman-la-nuit-du-vernazon-entretien",
        "title": (
            "Élise Vidal-Maurin : « J’ai écrit ce roman pour que la vallée ne soit pas qu’un fait "
            "divers »"
        ),
        "section": "culture",
        "topic": "proces-du-barrage-de-sainte-agathe",
        "article_type": "entretien",
        "standfirst": (
            "Originaire d’Alès, la romancière publie un troisième livre inspiré de la rupture du "
            "barrage de Sainte-Agathe. Un récit choral, sans aucune victime réelle pour "
            "personnage, qui interroge la mémoire d’une vallée cévenole."
        ),
        "body": [
            (
                "paragraph",
                "Dans <em>La Nuit du Vernazon</em>, paru aux éditions de la Draille, Élise "
                "Vidal-Maurin suit cinq habitants d’un village imaginaire pendant les "
                "vingt-quatre heures qui précèdent la rupture d’un barrage, puis pendant l’année "
                "qui suit. Trois ans et demi après la catastrophe de Sainte-Agathe, qui avait "
                "fait onze morts, le livre suscite à la fois de l’émotion et quelques réserves "
                "dans la vallée.",
            ),
            ("subheading", "Pourquoi écrire sur une catastrophe aussi récente ?"),
            (
                "paragraph",
                "Parce que j’ai grandi à vingt kilomètres du barrage et que je voyais, au fil des "
                "mois, l’histoire se réduire à des chiffres : onze morts, quatre millions de "
                "mètres cubes, un procès à venir. Je voulais redonner de l’épaisseur à la vie "
                "d’avant, aux repas de fête, aux disputes de voisinage, aux jardins en terrasses. "
                "Le roman permet de dire ce que les comptes rendus d’audience ne diront jamais.",
            ),
            ("subheading", "Vous n’avez nommé aucune victime réelle. Pourquoi ?"),
            (
                "paragraph",
                "C’était une condition pour moi. J’ai rencontré une vingtaine d’habitants et lu "
                "toutes les archives de presse, mais mes personnages sont inventés, tout comme le "
                "village de Saint-Laure où ils vivent. Certaines familles m’ont dit qu’elles ne "
                "liraient pas le livre, et je le comprends parfaitement. D’autres m’ont écrit "
                "pour me dire qu’elles s’y retrouvaient. Je ne cherche pas à raconter leur drame "
                "à leur place.",
            ),
            ("subheading", "Le barrage lui-même est-il un personnage ?"),
            (
                "paragraph",
                "D’une certaine manière, oui. Il est là dès la première page, massif, rassurant, "
                "presque oublié. Les habitants l’appellent « le mur ». Ce qui m’intéressait, "
                "c’est cette confiance tranquille dans un ouvrage construit par les "
                "grands-parents, que plus personne ne regardait vraiment. Je n’écris pas un livre "
                "à charge, je laisse la justice faire son travail. Mais la littérature peut "
                "interroger notre rapport aux équipements dont nous dépendons sans y penser.",
            ),
            ("subheading", "Comment le livre a-t-il été reçu dans les Cévennes ?"),
            (
                "paragraph",
                "Avec beaucoup de pudeur. La première rencontre en librairie, à Alès, a réuni "
                "plus de 150 personnes, et il y a eu de longs silences. Une femme m’a simplement "
                "remerciée d’avoir décrit l’odeur de la boue. L’association des victimes m’a "
                "invitée à lire un extrait lors de la prochaine cérémonie de commémoration. Je "
                "reverse une partie de mes droits d’auteur à son fonds d’entraide.",
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 870, "hours": 2},
        "updated_after": None,
        "image": {
            "alt": (
                "Une romancière aux cheveux gris pose devant une rangée de châtaigniers, un livre "
                "à la main"
            ),
            "caption": (
                "Élise Vidal-Maurin à Alès, où elle a présenté son roman consacré à la nuit de la "
                "catastrophe."
            ),
            "photographer": "Lucas Ferrier",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "forest",
        },
        "comments": True,
    },
    {
        "slug": "proces-barrage-sainte-agathe-ouverture-nimes",
        "title": (
            "Procès du barrage de Sainte-Agathe : à Nîmes, les familles face aux prévenus au "
            "premier jour d’audience"
        ),
        "section": "societe/justice",
        "topic": "proces-du-barrage-de-sainte-agathe",
        "article_type": "info",
        "standfirst": (
            "Près de six ans après la rupture qui avait fait onze morts dans la vallée du "
            "Vernazon, le procès de l’exploitant, de deux anciens cadres et d’un bureau d’études "
            "s’est ouvert devant le tribunal correctionnel de Nîmes. Il doit durer trois semaines."
        ),
        "body": [
            (
                "paragraph",
                "Ils sont arrivés tôt, certains en car depuis Alès, une photo épinglée au revers "
                "de la veste. Plus de 250 personnes ont pris place dans la salle d’audience "
                "aménagée au parc des expositions de Nîmes pour l’ouverture du procès du barrage "
                "de Sainte-Agathe. Le tribunal correctionnel a dû délocaliser les débats, compte "
                "tenu des 214 parties civiles et de leurs 38 avocats.",
            ),
            (
                "paragraph",
                "Sur le banc des prévenus, Bernard Fabrègue, 64 ans, ancien directeur général de "
                "la Société hydroélectrique cévenole (SHC), et Didier Sabatier, 58 ans, son "
                "ancien responsable d’exploitation, ont écouté sans réagir la présidente, "
                "Anne-Laure Moreau, rappeler les faits. La SHC et le bureau d’études Hydrelis "
                "Ingénierie étaient représentés par leurs dirigeants actuels. Tous contestent "
                "leur responsabilité pénale.",
            ),
            ("subheading", "Onze noms lus à l’audience"),
            (
                "paragraph",
                "La présidente a lu un à un les noms des onze victimes, âgées de 7 à 86 ans, "
                "avant d’exposer la chronologie de la nuit : une alarme de niveau haut au poste "
                "de commande à 1h52, un appel à la préfecture à 2h47, la rupture de la partie "
                "gauche de l’ouvrage vers 3h10. « Le tribunal aura à dire si ces minutes-là "
                "pouvaient être utilisées autrement », a-t-elle résumé.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Nous avons attendu six ans pour être assis dans cette salle. Nous ne "
                        "demandons pas de vengeance, nous demandons que chacun réponde de ce qu’il "
                        "savait"
                    ),
                    "attribution": (
                        "Josiane Castanier, présidente de l’association Vernazon Mémoire et Justice"
                    ),
                },
            ),
            ("subheading", "Les expertises au cœur des débats"),
            (
                "paragraph",
                "La défense a d’emblée annoncé qu’elle contesterait les conclusions du collège "
                "d’experts désigné pendant l’instruction. « Aucun ouvrage de cette génération "
                "n’aurait résisté à un tel épisode pluvieux », a plaidé Me Olivier Brunel, "
                "l’avocat de Bernard Fabrègue, qui a fait citer deux hydrologues. Les experts "
                "judiciaires doivent être entendus la semaine prochaine. Le jugement n’est pas "
                "attendu avant plusieurs mois.",
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "NÎMES (Gard) –",
        "published_ago": {"days": 16, "hours": 3},
        "updated_after": None,
        "image": {
            "alt": (
                "Des proches de victimes tenant des photographies attendent devant l’entrée d’un "
                "grand hall d’exposition"
            ),
            "caption": (
                "Des familles de victimes avant l’ouverture du procès, au parc des expositions de "
                "Nîmes."
            ),
            "photographer": "Pascal Guiraud",
            "source": "KIOSQUE INFO",
            "agency": "AFP",
            "palette": "city",
        },
        "comments": False,
    },
    {
        "slug": "proces-barrage-sainte-agathe-les-55-minutes",
        "title": "Procès du barrage de Sainte-Agathe : les 55 minutes qui hantent les débats",
        "section": "societe/justice",
        "topic": "proces-du-barrage-de-sainte-agathe",
        "article_type": "analyse",
        "standfirst": (
            "Entre l’alarme reçue par l’exploitant et l’appel à la préfecture, près d’une heure "
            "s’est écoulée. Après deux semaines d’audience, cette séquence est devenue le point "
            "central d’un procès qui porte pourtant aussi sur des années d’entretien différé."
        ),
        "body": [
            (
                "paragraph",
                "Cinquante-cinq minutes. C’est le délai qui sépare l’alarme de niveau haut reçue "
                "au poste de commande de la Société hydroélectrique cévenole, à 1h52, de l’appel "
                "passé à la permanence de la préfecture du Gard, à 2h47. Depuis l’ouverture du "
                "procès devant le tribunal correctionnel de Nîmes, cette séquence revient à "
                "chaque audition, dans chaque question de la présidente et dans presque toutes "
                "les interventions des avocats des parties civiles.",
            ),
            ("subheading", "Un technicien seul face aux écrans"),
            (
                "paragraph",
                "Cette nuit-là, un seul technicien d’astreinte surveillait à distance quatre "
                "ouvrages de la SHC. Entendu comme témoin, il a expliqué avoir d’abord cru à une "
                "erreur de capteur, deux sondes ayant déjà émis de fausses alertes dans les mois "
                "précédents. Il a tenté de joindre son responsable, Didier Sabatier, à trois "
                "reprises avant de l’atteindre à 2h31. Le plan d’alerte interne ne fixait aucun "
                "délai maximal pour prévenir les autorités.",
            ),
            (
                "paragraph",
                "Pour les parties civiles, ces minutes perdues illustrent un défaut "
                "d’organisation plus qu’une erreur individuelle. Pour la défense, elles "
                "n’auraient rien changé : aucune sirène n’équipait la vallée, et les secours "
                "étaient déjà mobilisés par d’autres inondations dans le département. L’un des "
                "experts judiciaires a pourtant estimé à la barre qu’une évacuation du hameau du "
                "Pradel, le plus exposé, « était matériellement possible en quarante minutes ».",
            ),
            (
                "paragraph",
                "La présidente a fait projeter la reconstitution établie par les enquêteurs à "
                "partir des relevés téléphoniques et des journaux informatiques du poste de "
                "commande. On y voit le niveau de la retenue monter de 38 centimètres en quarante "
                "minutes, puis les messages automatiques se succéder, sans qu’aucune procédure ne "
                "prévoie de prévenir directement les maires. Une fois joint, Didier Sabatier a "
                "d’abord cherché à vérifier les mesures à distance, avant d’appeler lui-même la "
                "préfecture.",
            ),
            ("subheading", "L’entretien, l’autre versant du dossier"),
            (
                "paragraph",
                "Réduire le procès à cette nuit serait toutefois trompeur. L’essentiel de "
                "l’accusation repose sur des choix antérieurs : une vanne de fond hors service "
                "pendant plus de dix ans, des travaux chiffrés mais reportés d’exercice en "
                "exercice, une revue de sûreté jugée complaisante. Pour condamner les deux "
                "anciens cadres, auteurs indirects du dommage, le tribunal devra caractériser une "
                "faute qualifiée, exposant autrui à un risque d’une particulière gravité qu’ils "
                "ne pouvaient ignorer.",
            ),
            (
                "quote",
                {
                    "text": (
                        "La question n’est pas de savoir si la pluie était exceptionnelle. Elle "
                        "l’était. La question est de savoir si l’ouvrage était en état de la "
                        "supporter"
                    ),
                    "attribution": (
                        "Me Sophie Aubanel, avocate de l’association Vernazon Mémoire et Justice, "
                        "à l’audience"
                    ),
                },
            ),
            (
                "paragraph",
                "Les réquisitions du parquet sont attendues dans les prochains jours, avant trois "
                "journées consacrées aux plaidoiries de la défense. Le tribunal devrait ensuite "
                "mettre sa décision en délibéré pour plusieurs mois, un délai habituel dans les "
                "dossiers d’accidents collectifs de cette ampleur, où le jugement doit répondre à "
                "des centaines de pages d’expertises contradictoires.",
            ),
        ],
        "authors": ["yanis-benali"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1, "hours": 9},
        "updated_after": None,
        "image": {
            "alt": (
                "Un pupitre de commande équipé de plusieurs écrans de surveillance allumés dans "
                "une pièce plongée dans la pénombre"
            ),
            "caption": (
                "Le poste de commande de la Société hydroélectrique cévenole, lors d’une visite "
                "organisée pour la presse avant le procès."
            ),
            "photographer": "Nathalie Ruiz",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "night",
        },
        "comments": True,
    },
    {
        "slug": "proces-barrage-sainte-agathe-requisitions-parquet",
        "title": (
            "Procès du barrage de Sainte-Agathe : trois ans de prison, dont un ferme, requis "
            "contre l’ancien directeur"
        ),
        "section": "societe/justice",
        "topic": "proces-du-barrage-de-sainte-agathe",
        "article_type": "info",
        "standfirst": (
            "Le procureur a requis des peines d’emprisonnement contre les deux anciens cadres de "
            "la Société hydroélectrique cévenole et l’amende maximale de 375 000 euros contre "
            "l’exploitant. Le bureau d’études encourt 150 000 euros."
        ),
        "body": [
            (
                "paragraph",
                "Le parquet de Nîmes a requis trois ans d’emprisonnement, dont un an ferme "
                "aménageable, contre Bernard Fabrègue, ancien directeur général de la Société "
                "hydroélectrique cévenole (SHC), jugé pour homicides et blessures involontaires "
                "après la rupture du barrage de Sainte-Agathe. Deux ans avec sursis ont été "
                "demandés contre Didier Sabatier, ancien responsable d’exploitation. Le procureur "
                "a également réclamé l’amende maximale de 375 000 euros contre la SHC et 150 000 "
                "euros contre le bureau d’études Hydrelis Ingénierie.",
            ),
            ("subheading", "« Dix ans de reports budgétaires »"),
            (
                "paragraph",
                "Pendant près de trois heures, le procureur adjoint Arnaud Lestrade a repris un à "
                "un les rapports internes qui signalaient, selon lui, l’état de la vanne de fond "
                "depuis plus d’une décennie. « Ce barrage n’a pas été emporté par la pluie, il a "
                "été fragilisé par dix ans de reports budgétaires », a-t-il déclaré, estimant que "
                "les prévenus « ne pouvaient ignorer » le risque auquel ils exposaient les "
                "habitants de la vallée du Vernazon.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Les victimes n’étaient pas au mauvais endroit au mauvais moment. Elles "
                        "étaient chez elles, sous un ouvrage dont d’autres avaient la "
                        "responsabilité"
                    ),
                    "attribution": "Arnaud Lestrade, procureur adjoint, dans ses réquisitions",
                },
            ),
            (
                "paragraph",
                "Le magistrat a en revanche écarté toute faute du technicien d’astreinte présent "
                "cette nuit-là au poste de commande, qui n’était pas poursuivi. Il a demandé au "
                "tribunal de prononcer contre Bernard Fabrègue une interdiction d’exercer pendant "
                "cinq ans toute fonction de direction dans une entreprise gérant des ouvrages "
                "hydrauliques.",
            ),
            ("subheading", "La défense plaidera la relaxe"),
            (
                "paragraph",
                "Dans la salle, plusieurs familles de victimes ont accueilli les réquisitions en "
                "silence, certaines les jugeant trop clémentes. Les avocats de la défense, qui "
                "plaident à partir de demain, doivent demander la relaxe de leurs clients, en "
                "contestant notamment la méthode de calcul des experts sur la capacité de "
                "l’évacuateur de crues. Le jugement sera mis en délibéré à l’issue des débats, "
                "qui doivent s’achever en fin de semaine.",
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "NÎMES (Gard) –",
        "published_ago": {"days": 0, "hours": 7},
        "updated_after": {"hours": 2},
        "image": {
            "alt": (
                "Des avocats en robe noire échangent dans un couloir aux murs clairs, des dossiers "
                "sous le bras"
            ),
            "caption": (
                "Des avocats des parties civiles pendant une suspension d’audience, au parc des "
                "expositions de Nîmes."
            ),
            "photographer": "Pascal Guiraud",
            "source": "KIOSQUE INFO",
            "agency": "AFP",
            "palette": "stone",
        },
        "comments": False,
    },
    {
        "slug": "tempete-heloise-douarnenez-benevoles-sinistres",
        "title": (
            "Tempête Héloïse : à Douarnenez, les bénévoles au chevet des habitants sinistrés du "
            "port"
        ),
        "section": "societe",
        "topic": "tempete-heloise",
        "article_type": "info",
        "standfirst": (
            "Trois jours après le passage de la tempête, des centaines de volontaires aident les "
            "habitants du quartier du Rosmeur à vider leurs maisons envahies par la mer. Plus de "
            "18 000 foyers restent privés d’électricité dans le Finistère."
        ),
        "body": [
            (
                "paragraph",
                "Sous une bruine tenace, une chaîne humaine se forme devant une maison du quai du "
                "Rosmeur. Matelas détrempés, cartons de photos, électroménager hors d’usage : "
                "tout passe de main en main jusqu’à la benne installée par la mairie. Lors du "
                "passage de la tempête Héloïse, conjuguée à une marée de fort coefficient, la mer "
                "a envahi une soixantaine d’habitations du quartier portuaire de Douarnenez.",
            ),
            (
                "paragraph",
                "La commune a ouvert un point d’accueil à la salle des fêtes, où un registre "
                "recense les besoins de chaque foyer. Plus de 300 volontaires s’y sont inscrits, "
                "venus de Quimper, de Crozon ou de Brest. Des élèves du lycée maritime voisin ont "
                "été libérés de cours pour nettoyer les cales et les hangars du port de "
                "plaisance, où plusieurs bateaux ont rompu leurs amarres.",
            ),
            (
                "quote",
                {
                    "text": (
                        "On a eu de l’eau jusqu’aux genoux en vingt minutes. Sans les jeunes qui "
                        "sont venus hier, je serais encore en train de sortir les meubles toute "
                        "seule"
                    ),
                    "attribution": "Marie-Thérèse Le Goff, 79 ans, habitante du Rosmeur",
                },
            ),
            ("subheading", "Des coupures encore nombreuses"),
            (
                "paragraph",
                "Dans le département, 18 400 foyers étaient toujours privés d’électricité en fin "
                "d’après-midi, selon le gestionnaire du réseau, qui a mobilisé 600 techniciens "
                "venus de plusieurs régions. Le rétablissement complet pourrait prendre jusqu’à "
                "la fin de la semaine dans les zones rurales du cap Sizun, où de nombreux poteaux "
                "ont été couchés par des rafales mesurées à 168 km/h à la pointe du Raz.",
            ),
            ("subheading", "Photographier avant de nettoyer"),
            (
                "paragraph",
                "La préfecture du Finistère invite les sinistrés à photographier les dégâts avant "
                "tout nettoyage et à conserver les factures des biens endommagés. L’adjointe "
                "chargée des solidarités, Gwenaëlle Kerhervé, a indiqué que la commune avait "
                "déposé une demande de reconnaissance de l’état de catastrophe naturelle pour la "
                "submersion marine. Une permanence d’écoute psychologique est ouverte pendant une "
                "semaine à la maison de santé.",
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "DOUARNENEZ (Finistère) –",
        "published_ago": {"days": 1, "hours": 3},
        "updated_after": {"hours": 5},
        "image": {
            "alt": (
                "Des bénévoles en cirés se passent des meubles détrempés devant des maisons "
                "colorées bordant un quai"
            ),
            "caption": (
                "Des bénévoles vident une maison inondée du quartier du Rosmeur, à Douarnenez."
            ),
            "photographer": "Erwan Quéré",
            "source": "KIOSQUE INFO",
            "agency": "AFP",
            "palette": "sea",
        },
        "comments": True,
    },
    {
        "slug": "tempete-heloise-assurances-catastrophe-naturelle-vrai-ou-faux",
        "title": (
            "Tempête Héloïse : sans arrêté de catastrophe naturelle, pas d’indemnisation ? C’est "
            "faux"
        ),
        "section": "societe",
        "topic": "tempete-heloise",
        "article_type": "vrai-ou-faux",
        "standfirst": (
            "Un message partagé des dizaines de milliers de fois affirme que les sinistrés ne "
            "seront pas remboursés tant que l’État n’aura pas reconnu la catastrophe naturelle. Il "
            "confond deux régimes d’indemnisation distincts."
        ),
        "body": [
            (
                "paragraph",
                "« Ne jetez rien, ne réparez rien : sans arrêté de catastrophe naturelle, votre "
                "assureur ne vous versera pas un centime. » Ce message, publié sur Facebook par "
                "un compte se présentant comme celui d’un ancien expert en sinistres, a été "
                "partagé plus de 40 000 fois depuis le passage de la tempête Héloïse sur la "
                "Bretagne et la façade atlantique. Il mélange pourtant deux mécanismes différents.",
            ),
            ("subheading", "Le vent relève de la garantie tempête"),
            (
                "paragraph",
                "Les dommages causés par le vent, comme une toiture arrachée ou un arbre tombé "
                "sur une véranda, sont couverts par la garantie « tempête », que la loi impose "
                "d’inclure dans les contrats d’assurance habitation couvrant l’incendie. Aucun "
                "arrêté n’est nécessaire pour en bénéficier : il suffit de déclarer le sinistre à "
                "son assureur dans le délai prévu au contrat, généralement de cinq jours ouvrés. "
                "Une franchise contractuelle s’applique.",
            ),
            ("subheading", "La submersion marine, un autre régime"),
            (
                "paragraph",
                "Le régime de catastrophe naturelle concerne, lui, les inondations et les "
                "submersions marines, comme celles observées dans plusieurs ports du Finistère et "
                "du Morbihan. Dans ce cas, un arrêté interministériel publié au <em>Journal "
                "officiel</em> est effectivement indispensable. Une fois l’arrêté paru, les "
                "assurés disposent de trente jours pour déclarer leurs dommages, et une franchise "
                "légale de 380 euros s’applique aux habitations.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Pour une tuile envolée, on n’attend pas l’État. Pour une maison envahie "
                        "par la mer, on conserve les preuves et on surveille la publication de "
                        "l’arrêté"
                    ),
                    "attribution": (
                        "Corinne Daniélou, juriste dans une association d’aide aux victimes à "
                        "Quimper"
                    ),
                },
            ),
            ("subheading", "Notre verdict"),
            (
                "paragraph",
                "Faux. L’absence d’arrêté de catastrophe naturelle n’empêche pas l’indemnisation "
                "des dégâts causés par le vent, qui relèvent de la garantie tempête des contrats "
                "habitation. L’arrêté ne conditionne que la prise en charge des dommages liés à "
                "la submersion marine ou aux inondations. Dans tous les cas, mieux vaut "
                "photographier les dégâts et conserver les biens endommagés jusqu’au passage de "
                "l’expert.",
            ),
        ],
        "authors": ["helene-marchetti"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 3, "hours": 2},
        "updated_after": None,
        "image": {
            "alt": (
                "Un toit d’ardoises partiellement arraché, recouvert d’une bâche bleue, sur une "
                "maison en pierre"
            ),
            "caption": (
                "Une toiture endommagée par les rafales de la tempête Héloïse, dans le Morbihan."
            ),
            "photographer": "Anne Guéguen",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "storm",
        },
        "comments": True,
    },
    {
        "slug": "euro-athletisme-lyon-appel-a-benevoles",
        "title": "Euro d’athlétisme de Lyon : le comité d’organisation recherche 3 500 bénévoles",
        "section": "sport",
        "topic": "euro-athletisme-lyon",
        "article_type": "info",
        "standfirst": (
            "À sept mois des championnats d’Europe, les candidatures sont ouvertes jusqu’à la fin "
            "du mois prochain. Les organisateurs veulent recruter au-delà des clubs et réserver un "
            "quart des places aux moins de 25 ans."
        ),
        "body": [
            (
                "paragraph",
                "Accueillir les spectateurs à l’entrée du stade de Gerland, accompagner les "
                "délégations, tenir les chronomètres de secours ou rapporter les javelots : le "
                "comité d’organisation de l’Euro d’athlétisme de Lyon a lancé son appel à "
                "bénévoles. Il cherche 3 500 volontaires pour les six jours de compétition, ainsi "
                "que pour les semaines de montage qui les précèdent. Les candidatures se font en "
                "ligne, et les premiers entretiens auront lieu dans les prochaines semaines.",
            ),
            ("subheading", "Un quart des places pour les jeunes"),
            (
                "paragraph",
                "La présidente du comité, Sandrine Volat, ancienne spécialiste du 400 mètres "
                "haies, veut éviter que les bénévoles soient recrutés uniquement dans le vivier "
                "des clubs. « Nous voulons des étudiants, des retraités, des habitants de "
                "Vénissieux comme de Villeurbanne, des gens qui n’ont jamais mis les pieds dans "
                "un stade d’athlétisme », explique-t-elle. Un quart des postes sera réservé aux "
                "18-25 ans, et 200 missions ont été adaptées aux personnes en situation de "
                "handicap.",
            ),
            (
                "paragraph",
                "Les bénévoles ne seront pas rémunérés, mais recevront une tenue, les repas "
                "pendant leurs journées de mission et un titre de transport valable sur le réseau "
                "TCL pendant toute la durée de l’événement. Une formation obligatoire de deux "
                "demi-journées, consacrée à l’accueil du public et aux règles de sécurité, sera "
                "organisée dans le quartier de Gerland au cours du mois précédant la compétition.",
            ),
            ("subheading", "210 000 billets à vendre"),
            (
                "paragraph",
                "Côté équipements, la pose de la piste temporaire dans l’enceinte de Gerland doit "
                "débuter trois mois avant les championnats. Le budget global de l’événement, fixé "
                "à 38 millions d’euros, est financé à hauteur de 40 % par les collectivités. Le "
                "comité espère vendre 210 000 billets, dont les premiers seront mis en vente le "
                "mois prochain, à partir de 12 euros pour les sessions du matin.",
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 640, "hours": 8},
        "updated_after": None,
        "image": {
            "alt": (
                "Les tribunes vides d’un grand stade aux sièges colorés, vues depuis la pelouse "
                "par temps ensoleillé"
            ),
            "caption": (
                "Le stade de Gerland, à Lyon, doit accueillir les épreuves des championnats "
                "d’Europe d’athlétisme."
            ),
            "photographer": "Théo Perrin",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "stadium",
        },
        "comments": True,
    },
    {
        "slug": "euro-lyon-equipe-de-france-athletisme-objectif-dix-medailles",
        "title": (
            "Euro de Lyon : l’équipe de France d’athlétisme peut-elle tenir son objectif de dix "
            "médailles ?"
        ),
        "section": "sport",
        "topic": "euro-athletisme-lyon",
        "article_type": "analyse",
        "standfirst": (
            "À moins de deux mois des championnats d’Europe à domicile, la fédération affiche une "
            "ambition inédite depuis longtemps. Un objectif atteignable sur le papier, mais qui "
            "repose sur une poignée d’athlètes et sur des disciplines encore fragiles."
        ),
        "body": [
            (
                "paragraph",
                "Dix médailles. Le chiffre a été avancé par le directeur technique national, "
                "Frédéric Lamarque, lors de la présentation de la saison, et il a surpris jusque "
                "dans les rangs de l’équipe de France. Lors des deux précédentes éditions des "
                "championnats d’Europe, les Bleus en avaient rapporté six puis sept. L’effet du "
                "public lyonnais et la montée en puissance de plusieurs jeunes athlètes "
                "justifient-ils un tel saut ?",
            ),
            ("subheading", "Des valeurs sûres"),
            (
                "paragraph",
                "Sur le papier, trois titres paraissent accessibles. Maëlle Ravenaud, "
                "vice-championne d’Europe du 3 000 mètres steeple il y a deux ans, détient la "
                "deuxième meilleure performance continentale de l’année. Le spécialiste du 110 "
                "mètres haies Kévin Adjobi a battu à deux reprises les favoris européens en "
                "meeting depuis l’hiver. Quant aux relais 4 × 100 mètres, masculin comme féminin, "
                "ils figurent parmi les quatre meilleures équipes européennes au bilan.",
            ),
            ("subheading", "La fragilité des concours"),
            (
                "paragraph",
                "Le reste de l’objectif repose sur des podiums plus incertains, notamment dans "
                "les concours. La perchiste Lou Sérignac, quatrième lors de la dernière édition, "
                "revient d’une blessure au pied et n’a disputé que deux compétitions cette "
                "saison. Dans les lancers, la France ne compte aucun athlète parmi les cinq "
                "meilleurs européens de l’année, une faiblesse ancienne que la fédération tente "
                "de combler depuis trois ans avec un programme de détection dans les clubs.",
            ),
            (
                "paragraph",
                "Le calendrier pèse aussi. Plusieurs cadres de l’équipe de France sortent d’une "
                "saison en salle chargée, et le staff médical surveille de près les charges "
                "d’entraînement. Les sélections définitives seront arrêtées à l’issue des "
                "championnats de France, trois semaines avant l’Euro : une dizaine de places "
                "restent ouvertes, notamment sur 800 mètres et au triple saut, où la concurrence "
                "interne est vive.",
            ),
            (
                "paragraph",
                "L’histoire des grands championnats disputés à domicile invite aussi à la "
                "prudence : la pression d’un stade acquis à sa cause a autant paralysé certains "
                "athlètes qu’elle en a transcendé d’autres. L’encadrement a prévu un stage à huis "
                "clos à Font-Romeu et limitera les sollicitations médiatiques pendant la dernière "
                "semaine de préparation.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Dix médailles, c’est une ambition, pas une promesse. Si nous en gagnons "
                        "huit avec une équipe qui progresse, personne ne parlera d’échec"
                    ),
                    "attribution": "Frédéric Lamarque, directeur technique national",
                },
            ),
            (
                "paragraph",
                "Au-delà du décompte, la fédération espère surtout un effet durable sur le nombre "
                "de licenciés, en recul dans plusieurs ligues régionales depuis cinq ans. Elle "
                "mise notamment sur la présence de 60 000 scolaires, invités gratuitement aux "
                "sessions du matin, pour susciter des vocations.",
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 480, "hours": 5},
        "updated_after": None,
        "image": {
            "alt": (
                "Une athlète franchit une haie lors d’un entraînement sur une piste rouge, sous un "
                "soleil rasant"
            ),
            "caption": (
                "Séance d’entraînement de l’équipe de France d’athlétisme au centre d’altitude de "
                "Font-Romeu."
            ),
            "photographer": "Théo Perrin",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "stadium",
        },
        "comments": True,
    },
    {
        "slug": "euro-athletisme-maelle-ravenaud-titre-3000-m-steeple",
        "title": (
            "Euro d’athlétisme : Maëlle Ravenaud sacrée sur 3 000 m steeple devant le public de "
            "Gerland"
        ),
        "section": "sport",
        "topic": "euro-athletisme-lyon",
        "article_type": "info",
        "standfirst": (
            "La Française a remporté le premier titre tricolore de ces championnats d’Europe en "
            "dominant la finale du 3 000 m steeple en 9 min 14 s 62, record personnel. Elle a "
            "devancé l’Allemande Katrin Oberwald et la Polonaise Zofia Marczak."
        ),
        "body": [
            (
                "paragraph",
                "Maëlle Ravenaud a choisi le dernier tour pour faire basculer la finale. Restée "
                "dans le sillage de l’Allemande Katrin Oberwald pendant près de sept tours, la "
                "Française de 26 ans a placé son attaque juste après la rivière, à 300 mètres de "
                "l’arrivée, sous les encouragements de près de 34 000 spectateurs. Elle s’est "
                "imposée en 9 min 14 s 62, améliorant de plus d’une seconde son record personnel, "
                "devant Oberwald (9 min 15 s 80) et la Polonaise Zofia Marczak (9 min 18 s 07).",
            ),
            (
                "quote",
                {
                    "text": (
                        "J’ai entendu le stade se lever quand je suis passée devant. Je rêvais de "
                        "ce moment depuis que Lyon a obtenu ces championnats"
                    ),
                    "attribution": "Maëlle Ravenaud, en zone mixte",
                },
            ),
            ("subheading", "Une revanche sur la dernière édition"),
            (
                "paragraph",
                "Vice-championne d’Europe il y a deux ans, battue de quelques centièmes sur la "
                "ligne, la licenciée de l’Olympique athlétique de Saint-Martin-d’Hères tient sa "
                "revanche. Elle avait pourtant connu une préparation contrariée par une "
                "inflammation du tendon d’Achille en début de saison, qui l’avait privée de "
                "course pendant six semaines. Elle n’avait repris la compétition qu’un mois et "
                "demi avant ces championnats.",
            ),
            ("subheading", "Le compteur tricolore lancé"),
            (
                "paragraph",
                "Ce titre est la deuxième médaille française de ces championnats, après le bronze "
                "du marcheur Bastien Riou sur 20 kilomètres le matin même. Les Bleus, qui se sont "
                "fixé l’objectif de dix médailles, peuvent encore compter sur Kévin Adjobi, "
                "qualifié sans forcer pour les demi-finales du 110 mètres haies avec le meilleur "
                "temps des séries, en 13 s 31.",
            ),
            (
                "paragraph",
                "Les championnats se poursuivent pendant encore quatre jours. Dès demain soir, "
                "Lou Sérignac disputera la finale du saut à la perche, tandis que les relais 4 × "
                "100 mètres entreront en lice lors des séries du matin. Plus de 190 000 billets "
                "ont déjà été vendus, selon le comité d’organisation, qui annonce plusieurs "
                "sessions à guichets fermés.",
            ),
        ],
        "authors": [],
        "agencies": ["AFP", "Reuters"],
        "dateline": "LYON (Rhône) –",
        "published_ago": {"days": 424, "hours": 11},
        "updated_after": {"hours": 1},
        "image": {
            "alt": (
                "Une coureuse bras levés franchit la ligne d’arrivée devant des tribunes pleines "
                "et illuminées"
            ),
            "caption": (
                "Maëlle Ravenaud remporte la finale du 3 000 m steeple au stade de Gerland, à Lyon."
            ),
            "photographer": "Julien Marchal",
            "source": "KIOSQUE INFO",
            "agency": "Reuters",
            "palette": "stadium",
        },
        "comments": True,
    },
    {
        "slug": "maelle-ravenaud-entretien-apres-titre-europeen",
        "title": "Maëlle Ravenaud : « Ce titre à Lyon, je le partage avec tous les petits clubs »",
        "section": "sport",
        "topic": "euro-athletisme-lyon",
        "article_type": "entretien",
        "standfirst": (
            "Une semaine après son sacre européen sur 3 000 m steeple, l’athlète iséroise revient "
            "sur sa course, sur une saison un temps compromise par une blessure et sur ses "
            "ambitions mondiales. Entretien."
        ),
        "body": [
            (
                "paragraph",
                "Elle a retrouvé la piste municipale de Saint-Martin-d’Hères, où elle a débuté à "
                "douze ans, quatre jours seulement après la finale qui l’a révélée au grand "
                "public. Championne d’Europe du 3 000 m steeple au stade de Gerland, Maëlle "
                "Ravenaud, 26 ans, partage toujours son temps entre le sport de haut niveau et un "
                "mi-temps d’ergothérapeute au CHU de Grenoble.",
            ),
            ("subheading", "Qu’avez-vous ressenti en franchissant la ligne ?"),
            (
                "paragraph",
                "Honnêtement, d’abord un grand vide. J’avais tellement visualisé ce dernier tour "
                "que, au moment où c’est arrivé, j’avais l’impression de le regarder à la "
                "télévision. Ensuite j’ai vu ma mère en tribune, avec le vieux maillot du club "
                "qu’elle avait ressorti du placard. Là, tout est remonté d’un coup : les "
                "blessures, les hivers à courir sous la pluie à six heures du matin avant d’aller "
                "travailler, les doutes du printemps.",
            ),
            ("subheading", "Avez-vous douté de votre présence à Lyon ?"),
            (
                "paragraph",
                "Oui, sérieusement. Avec l’inflammation du tendon d’Achille, je n’ai pas couru "
                "pendant six semaines, et je pédalais sur un vélo d’appartement dans un local de "
                "l’hôpital pendant ma pause déjeuner. Mon entraîneur, Patrick Dumoulin, a eu "
                "l’intelligence de ne jamais me parler de l’Euro pendant cette période. On se "
                "fixait des objectifs à dix jours, pas plus. Je suis revenue en compétition un "
                "mois et demi avant les championnats, sans aucune certitude.",
            ),
            ("subheading", "Vous dites partager ce titre avec les petits clubs. Pourquoi ?"),
            (
                "paragraph",
                "Parce que je viens de là. Mon club compte 300 licenciés et des bénévoles qui "
                "chronomètrent le samedi, qui conduisent les minibus pour les compétitions "
                "départementales. Sans eux, je n’aurais jamais découvert le steeple. Aujourd’hui, "
                "beaucoup de ces clubs peinent à trouver des créneaux sur des pistes "
                "vieillissantes. Si ma médaille peut aider à convaincre une mairie de rénover une "
                "installation, j’en serai plus fière que de mon chrono.",
            ),
            ("subheading", "Quelle est la suite ?"),
            (
                "paragraph",
                "Les championnats du monde, l’an prochain. Je sais que l’écart avec les "
                "meilleures Kényanes et Éthiopiennes reste important, de l’ordre de dix secondes. "
                "Mais je veux me rapprocher d’une finale mondiale et descendre sous les 9 min 10 "
                "s. Je vais aussi réduire mon temps de travail à l’hôpital pendant quelques mois, "
                "une décision que je repoussais depuis longtemps.",
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 417, "hours": 6},
        "updated_after": None,
        "image": {
            "alt": (
                "Une athlète en survêtement sourit, assise au bord d’une piste d’athlétisme "
                "municipale baignée de soleil"
            ),
            "caption": (
                "Maëlle Ravenaud sur la piste de Saint-Martin-d’Hères, où elle s’entraîne depuis "
                "ses débuts."
            ),
            "photographer": "Lucas Ferrier",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "sun",
        },
        "comments": True,
    },
    {
        "slug": "opinion-euro-lyon-piste-temporaire-heritage-clubs",
        "title": (
            "L’Euro d’athlétisme à Lyon ne laissera rien si sa piste est démontée au lendemain de "
            "la fête"
        ),
        "section": "sport",
        "topic": "euro-athletisme-lyon",
        "article_type": "opinion",
        "standfirst": (
            "Le comité d’organisation prévoit une piste temporaire qui sera retirée après la "
            "compétition. Un choix comptable qui contredit la promesse d’héritage sportif faite "
            "aux clubs de la métropole, estime notre journaliste."
        ),
        "body": [
            (
                "paragraph",
                "On nous promet un grand moment d’athlétisme, et il y a de bonnes raisons d’y "
                "croire. Dans un peu moins d’un an et demi, les meilleurs athlètes européens "
                "investiront le stade de Gerland pendant six jours, devant des tribunes que les "
                "organisateurs espèrent pleines. Mais le dossier présenté cette semaine contient "
                "un détail qui devrait inquiéter tous ceux qui ont déjà cherché un créneau "
                "d’entraînement dans l’agglomération : la piste posée pour l’occasion sera "
                "démontée dès la fin de la compétition.",
            ),
            (
                "paragraph",
                "Le calcul est compréhensible. Gerland accueille avant tout du rugby, et une "
                "piste permanente éloignerait les tribunes de la pelouse pour ses utilisateurs "
                "habituels. La solution retenue, une piste démontable louée à un fabricant, coûte "
                "moins cher et rend l’enceinte à son usage ordinaire en quelques semaines. Sur le "
                "plan budgétaire, l’argument est imparable. Sur le plan sportif, il revient à "
                "organiser une fête et à repartir avec les décorations.",
            ),
            ("subheading", "Des clubs à l’étroit"),
            (
                "paragraph",
                "Car les clubs de la métropole manquent d’équipements. Plusieurs d’entre eux se "
                "partagent des pistes construites il y a trente ou quarante ans, dont le "
                "revêtement se fissure. Des écoles d’athlétisme refusent des enfants faute de "
                "créneaux. L’argument de « l’héritage », mis en avant dans chaque candidature à "
                "un grand événement, devrait ici se traduire par quelque chose de tangible, que "
                "l’on puisse fouler.",
            ),
            ("subheading", "Une autre voie est possible"),
            (
                "paragraph",
                "Rien n’empêche de prévoir, dès maintenant, la réinstallation de cette piste sur "
                "un site municipal, ou de consacrer une part du budget à la rénovation d’une "
                "installation existante. Le surcoût, de l’ordre de quelques millions d’euros, "
                "resterait modeste à l’échelle d’un événement à 38 millions. Il est encore temps "
                "de l’inscrire dans le projet. Après la cérémonie de clôture, il sera trop tard.",
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 950, "hours": 3},
        "updated_after": None,
        "image": {
            "alt": (
                "Vue aérienne d’un grand stade urbain aux tribunes couvertes, en bord de fleuve, "
                "au crépuscule"
            ),
            "caption": (
                "Le stade de Gerland, dans le 7e arrondissement de Lyon, doit accueillir les "
                "championnats d’Europe d’athlétisme."
            ),
            "photographer": "Théo Perrin",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "city",
        },
        "comments": True,
    },
    {
        "slug": "millau-manuscrit-inedit-poete-occitan-aime-bastide",
        "title": (
            "Un manuscrit inédit du poète occitan Aimé Bastide retrouvé dans un grenier de Millau"
        ),
        "section": "culture",
        "topic": None,
        "article_type": "info",
        "standfirst": (
            "Un cahier de 96 pages contenant une trentaine de poèmes, écrits dans les années 1920, "
            "a été découvert lors du vidage d’une maison. Les archives départementales de "
            "l’Aveyron en ont authentifié l’écriture."
        ),
        "body": [
            (
                "paragraph",
                "C’est en vidant la maison de sa grand-tante, dans le vieux centre de Millau, que "
                "Julien Cabrol, un enseignant de 41 ans, est tombé sur un cahier d’écolier à "
                "couverture noire, glissé dans une malle sous des draps brodés. À l’intérieur, 96 "
                "pages couvertes d’une écriture serrée, en occitan, signées de deux initiales : "
                "A. B. Il a fallu plusieurs semaines pour établir qu’il s’agissait de poèmes "
                "d’Aimé Bastide, figure de la poésie rouergate du début du XXe siècle.",
            ),
            ("subheading", "Une écriture authentifiée"),
            (
                "paragraph",
                "Les archives départementales de l’Aveyron, à Rodez, ont comparé le manuscrit "
                "avec une vingtaine de lettres du poète conservées dans leurs fonds. « La "
                "graphie, l’encre, le papier et plusieurs corrections caractéristiques ne "
                "laissent guère de doute », indique l’archiviste paléographe chargée de "
                "l’expertise, Mathilde Fabre. Le cahier contient 31 poèmes, dont 24 totalement "
                "inconnus, datés entre 1921 et 1926.",
            ),
            (
                "paragraph",
                "Né en 1871 à Saint-Affrique et mort en 1934, Aimé Bastide avait publié de son "
                "vivant deux recueils, tirés à quelques centaines d’exemplaires. Ancien ouvrier "
                "gantier, il décrivait le travail des peaux, la vie des causses et le départ des "
                "jeunes vers les villes. Les spécialistes savaient qu’il avait continué à écrire "
                "après 1920, mais aucun texte de cette période n’avait jusqu’ici été retrouvé.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Ces poèmes montrent un Bastide plus sombre, marqué par la guerre et par "
                        "la mort de son fils. C’est la pièce qui manquait au puzzle"
                    ),
                    "attribution": (
                        "Pierre-Louis Vayssière, maître de conférences en littérature occitane à "
                        "Toulouse"
                    ),
                },
            ),
            ("subheading", "Une édition bilingue en préparation"),
            (
                "paragraph",
                "Julien Cabrol a choisi de déposer le manuscrit aux archives départementales, qui "
                "le numériseront et le rendront consultable en ligne d’ici à la fin de l’année. "
                "Un éditeur toulousain spécialisé dans la littérature occitane prépare une "
                "édition bilingue, avec une traduction française en regard. Une lecture publique "
                "des poèmes sera organisée dans les prochains mois à la médiathèque de Millau.",
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "MILLAU (Aveyron) –",
        "published_ago": {"days": 1250, "hours": 7},
        "updated_after": None,
        "image": {
            "alt": (
                "Un cahier ancien ouvert, couvert d’une écriture manuscrite serrée, posé sur une "
                "table en bois"
            ),
            "caption": (
                "Le cahier d’Aimé Bastide, examiné aux archives départementales de l’Aveyron, à "
                "Rodez."
            ),
            "photographer": "-",
            "source": "ARCHIVES DÉPARTEMENTALES DE L’AVEYRON",
            "agency": "AFP",
            "palette": "stone",
        },
        "comments": True,
    },
    {
        "slug": "opinion-fermeture-cinema-associatif-haut-jura",
        "title": (
            "Fermer la dernière salle de cinéma d’un canton, c’est éteindre bien plus qu’un écran"
        ),
        "section": "culture",
        "topic": None,
        "article_type": "opinion",
        "standfirst": (
            "L’Étoile, salle associative de 180 fauteuils dans le Haut-Jura, a projeté son dernier "
            "film faute de repreneurs. Son histoire rappelle que ces lieux fragiles remplissent "
            "une mission que rien ne remplace, estime notre journaliste."
        ),
        "body": [
            (
                "paragraph",
                "L’Étoile a éteint son projecteur après une ultime séance à guichets fermés. "
                "Pendant quarante-deux ans, cette salle associative de 180 fauteuils, installée "
                "dans une ancienne coopérative fromagère du Haut-Jura, a programmé six films par "
                "semaine, animé des ciné-goûters pour les écoles et accueilli le festival de "
                "courts métrages du canton. Ses bénévoles, dont la plupart ont passé 70 ans, "
                "n’ont pas trouvé de relève. Le déficit de la dernière saison, 23 000 euros, a "
                "fait le reste.",
            ),
            (
                "paragraph",
                "On pourrait y voir une fatalité, celle d’une pratique culturelle qui se déplace "
                "vers les écrans domestiques. Ce serait oublier ce que ces salles accomplissent. "
                "Pour un adolescent sans permis de conduire, l’Étoile était le seul endroit à "
                "trente kilomètres à la ronde où voir un film en sortant du collège. Pour des "
                "retraités isolés, la séance du mardi après-midi était souvent l’unique sortie de "
                "la semaine.",
            ),
            ("subheading", "Un service public qui ne dit pas son nom"),
            (
                "paragraph",
                "Ces salles fonctionnent comme un service public, sans en avoir le statut ni les "
                "moyens. Elles dépendent de subventions votées chaque année, de la bonne volonté "
                "de quelques dizaines de bénévoles et d’une programmation qu’elles obtiennent "
                "souvent plusieurs semaines après les multiplexes. Les aides existent, mais elles "
                "supposent des dossiers complexes que des associations sans salarié peinent à "
                "monter.",
            ),
            ("subheading", "Mutualiser avant qu’il ne soit trop tard"),
            (
                "paragraph",
                "Les solutions sont connues : un poste de coordinateur partagé entre plusieurs "
                "salles d’un même département, une billetterie commune, des conventions "
                "pluriannuelles avec les intercommunalités plutôt que des subventions attendues "
                "dans l’incertitude. Rien de cela n’est coûteux au regard de ce que représente un "
                "lieu de rencontre ouvert à tous. L’Étoile n’en a pas bénéficié à temps. D’autres "
                "salles, ailleurs, peuvent encore être sauvées.",
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 560, "hours": 4},
        "updated_after": None,
        "image": {
            "alt": (
                "La façade d’un petit cinéma de village à l’enseigne lumineuse éteinte, un soir "
                "d’hiver enneigé"
            ),
            "caption": (
                "L’Étoile, salle associative du Haut-Jura, a fermé ses portes après quarante-deux "
                "ans d’activité."
            ),
            "photographer": "Claire Bouvet",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "night",
        },
        "comments": True,
    },
    {
        "slug": "clermont-ferrand-gratuite-musees-bilan-nouveaux-publics",
        "title": (
            "Gratuité des musées à Clermont-Ferrand : plus de visiteurs, mais pas forcément de "
            "nouveaux publics"
        ),
        "section": "culture",
        "topic": None,
        "article_type": "analyse",
        "standfirst": (
            "Deux ans après la suppression du droit d’entrée dans ses trois musées, la métropole "
            "publie un premier bilan. La fréquentation a bondi de 46 %, mais la part des visiteurs "
            "éloignés de la culture progresse peu."
        ),
        "body": [
            (
                "paragraph",
                "Le chiffre est flatteur : 312 000 entrées sur l’année écoulée, contre 214 000 "
                "avant la mise en place de la gratuité. La métropole de Clermont-Ferrand, qui a "
                "supprimé le droit d’entrée de ses trois musées il y a deux ans, y voit la preuve "
                "que le prix constituait un frein. L’étude confiée à un laboratoire de sociologie "
                "de l’université Clermont-Auvergne, rendue publique cette semaine, invite "
                "toutefois à nuancer ce constat.",
            ),
            ("subheading", "Les habitués viennent plus souvent"),
            (
                "paragraph",
                "Selon les 2 400 questionnaires recueillis à la sortie des musées, l’essentiel de "
                "la hausse provient de visiteurs qui fréquentaient déjà les lieux et y reviennent "
                "plus souvent, parfois pour une seule salle ou une pause à l’heure du déjeuner. "
                "Les personnes qui déclarent n’avoir visité aucun musée dans les cinq années "
                "précédentes représentent 11 % du public, contre 8 % avant la réforme. Une "
                "progression réelle, mais modeste.",
            ),
            (
                "paragraph",
                "Les cadres et les professions intellectuelles restent surreprésentés, tout comme "
                "les habitants du centre-ville. Les quartiers nord, où vit près d’un quart de la "
                "population clermontoise, fournissent moins de 5 % des visiteurs. Pour les "
                "auteurs de l’étude, la barrière n’est pas d’abord financière : elle tient au "
                "sentiment de ne pas être à sa place, à la méconnaissance des collections et aux "
                "horaires d’ouverture.",
            ),
            ("subheading", "Une mesure à 640 000 euros par an"),
            (
                "paragraph",
                "La perte de recettes est évaluée à 640 000 euros par an, partiellement compensée "
                "par la hausse des ventes des boutiques et du café du musée d’art. La "
                "vice-présidente chargée de la culture, Florence Maillard-Dubost, défend une "
                "mesure « qui ne règle pas tout mais qui enlève un obstacle ». La collectivité "
                "annonce le recrutement de médiateurs dans les centres sociaux et des ouvertures "
                "en soirée.",
            ),
            (
                "quote",
                {
                    "text": (
                        "La gratuité est une condition nécessaire, elle n’est pas suffisante. Sans "
                        "médiation, on offre surtout un avantage à ceux qui venaient déjà"
                    ),
                    "attribution": "Nadia Boukhari, sociologue, coautrice de l’étude",
                },
            ),
            (
                "paragraph",
                "D’autres collectivités suivent l’expérience de près et en tirent des "
                "enseignements divergents : certaines envisagent une gratuité réservée aux "
                "habitants, d’autres un dimanche gratuit par mois assorti d’animations. Le "
                "conseil métropolitain doit débattre du maintien de la mesure lors du vote des "
                "orientations budgétaires, à la fin de l’année.",
            ),
        ],
        "authors": ["thomas-kervella"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 760, "hours": 9},
        "updated_after": None,
        "image": {
            "alt": (
                "Des visiteurs de tous âges déambulent dans une grande salle de musée aux murs "
                "couverts de tableaux"
            ),
            "caption": (
                "Dans une salle du musée d’art de Clermont-Ferrand, dont la fréquentation a "
                "fortement augmenté."
            ),
            "photographer": "Nathalie Ruiz",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "city",
        },
        "comments": True,
    },
    {
        "slug": "epinal-hopital-consultation-piqures-de-tiques-lyme",
        "title": (
            "Maladie de Lyme : l’hôpital d’Épinal ouvre une consultation dédiée aux piqûres de "
            "tiques"
        ),
        "section": "societe/sante",
        "topic": None,
        "article_type": "info",
        "standfirst": (
            "Face à la hausse des cas dans le massif vosgien, le centre hospitalier reçoit sans "
            "rendez-vous, deux après-midi par semaine, les patients inquiets après une piqûre. Les "
            "médecins rappellent les bons gestes avant la saison des randonnées."
        ),
        "body": [
            (
                "paragraph",
                "Deux après-midi par semaine, une infirmière et un médecin infectiologue "
                "reçoivent désormais sans rendez-vous, au centre hospitalier d’Épinal, les "
                "personnes piquées par une tique ou présentant une rougeur suspecte. "
                "L’établissement justifie cette création par l’augmentation des consultations "
                "liées à la maladie de Lyme dans le département : 1 140 patients ont été vus l’an "
                "dernier aux urgences et en médecine interne pour ce motif, contre 690 trois ans "
                "plus tôt.",
            ),
            ("subheading", "Éviter les antibiotiques inutiles"),
            (
                "paragraph",
                "L’objectif est aussi de désengorger les urgences et de limiter les prescriptions "
                "injustifiées. « Une piqûre de tique ne nécessite pas d’antibiotiques de manière "
                "systématique. Ce qu’il faut surveiller, c’est l’apparition d’une plaque rouge "
                "qui s’étend autour du point de piqûre, dans les jours ou les semaines qui "
                "suivent », explique le docteur Étienne Gérardin, infectiologue, qui coordonne la "
                "consultation.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Beaucoup de patients arrivent très angoissés, après avoir lu des "
                        "témoignages alarmants en ligne. Une bonne partie repart simplement "
                        "rassurée, avec des consignes de surveillance"
                    ),
                    "attribution": (
                        "Dr Étienne Gérardin, infectiologue au centre hospitalier d’Épinal"
                    ),
                },
            ),
            ("subheading", "Les gestes de prévention"),
            (
                "paragraph",
                "Les médecins recommandent de porter des vêtements longs et clairs lors des "
                "promenades en forêt ou dans les hautes herbes, et de s’inspecter soigneusement "
                "au retour, y compris le cuir chevelu et les plis de la peau chez les enfants. "
                "Une tique doit être retirée le plus tôt possible à l’aide d’un tire-tique, sans "
                "appliquer d’éther ni d’autre produit, puis la zone doit être désinfectée. Le "
                "risque de transmission augmente avec la durée de fixation.",
            ),
            (
                "paragraph",
                "La consultation, financée pour deux ans par l’agence régionale de santé, "
                "pourrait être étendue à Saint-Dié-des-Vosges si la fréquentation le justifie. Un "
                "questionnaire est par ailleurs proposé aux patients pour mieux connaître les "
                "lieux où ils ont été piqués, afin d’affiner les messages de prévention destinés "
                "aux randonneurs, aux chasseurs et aux forestiers.",
            ),
        ],
        "authors": [],
        "agencies": ["AFP"],
        "dateline": "ÉPINAL (Vosges) –",
        "published_ago": {"days": 1612, "hours": 2},
        "updated_after": {"hours": 20},
        "image": {
            "alt": (
                "Un randonneur marche sur un sentier bordé de hautes herbes à l’orée d’une forêt "
                "de sapins"
            ),
            "caption": (
                "Les forêts et les prairies du massif vosgien sont particulièrement propices aux "
                "tiques."
            ),
            "photographer": "Marc Delorme",
            "source": "KIOSQUE INFO",
            "agency": "AFP",
            "palette": "forest",
        },
        "comments": True,
    },
    {
        "slug": "vierzon-eau-du-robinet-contaminee-message-viral-vrai-ou-faux",
        "title": (
            "L’eau du robinet de Vierzon est-elle contaminée, comme l’affirme un message viral ? "
            "Faux"
        ),
        "section": "societe/sante",
        "topic": None,
        "article_type": "vrai-ou-faux",
        "standfirst": (
            "Un message audio diffusé sur les messageries appelle les habitants à ne plus boire "
            "l’eau du réseau, évoquant une pollution cachée par les autorités. Les analyses "
            "réalisées depuis la rupture d’une canalisation sont pourtant toutes conformes."
        ),
        "body": [
            (
                "paragraph",
                "« Surtout ne buvez plus l’eau, ne la donnez pas aux enfants, la mairie le sait "
                "et ne dit rien. » Le message audio, d’une minute quarante, circule depuis une "
                "dizaine de jours sur WhatsApp et Facebook à Vierzon et dans les communes "
                "voisines du Cher. Une voix féminine, présentée comme celle d’une employée de "
                "laboratoire, y affirme que l’eau du robinet serait contaminée par des bactéries "
                "depuis la rupture d’une canalisation.",
            ),
            ("subheading", "Une canalisation réparée et désinfectée"),
            (
                "paragraph",
                "Le point de départ est réel. Une conduite principale a cédé près de la gare, "
                "privant d’eau environ 2 000 foyers pendant une douzaine d’heures. Comme le veut "
                "la règle après ce type d’intervention, la conduite a été désinfectée puis "
                "rincée, et des prélèvements ont été réalisés avant la remise en service. "
                "Certains habitants ont constaté pendant deux jours une eau légèrement trouble ou "
                "un goût de chlore plus marqué, ce qui ne traduit aucun danger.",
            ),
            ("subheading", "Des analyses conformes"),
            (
                "paragraph",
                "L’agence régionale de santé Centre-Val de Loire, chargée du contrôle sanitaire, "
                "indique que les 27 prélèvements effectués dans le secteur depuis la réparation "
                "sont tous conformes aux limites de qualité, notamment pour les paramètres "
                "bactériologiques. Ces résultats sont publics et consultables en ligne, commune "
                "par commune. En cas de contamination avérée, une restriction de consommation "
                "aurait été diffusée par la préfecture et la mairie.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Si l’eau n’était pas potable, nous aurions l’obligation de prévenir la "
                        "population immédiatement. C’est précisément le rôle du contrôle sanitaire"
                    ),
                    "attribution": (
                        "Sébastien Pichon, ingénieur d’études sanitaires à l’agence régionale de "
                        "santé"
                    ),
                },
            ),
            ("subheading", "Notre verdict"),
            (
                "paragraph",
                "Faux. Rien ne permet d’affirmer que l’eau de Vierzon est contaminée : les "
                "analyses réalisées après la rupture de canalisation sont conformes, et aucune "
                "restriction n’a été prononcée. Le message ne cite aucune source vérifiable, et "
                "la prétendue employée de laboratoire n’a pas pu être identifiée. En cas de "
                "doute, les résultats du contrôle sanitaire publiés en ligne restent la référence.",
            ),
        ],
        "authors": ["yanis-benali"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 520, "hours": 3},
        "updated_after": None,
        "image": {
            "alt": (
                "Un verre se remplit d’eau sous un robinet de cuisine en inox, dans une lumière "
                "naturelle"
            ),
            "caption": (
                "Les résultats du contrôle sanitaire de l’eau potable de Vierzon sont consultables "
                "en ligne."
            ),
            "photographer": "Claire Bouvet",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "sun",
        },
        "comments": True,
    },
    {
        "slug": "opinion-dernier-cafe-de-village",
        "title": "Le dernier café d’un village n’est pas un commerce comme les autres",
        "section": "societe",
        "topic": None,
        "article_type": "opinion",
        "standfirst": (
            "Quand le bistrot ferme, c’est souvent le dernier lieu où l’on se croise sans "
            "rendez-vous qui disparaît. Les communes qui ont choisi de racheter leur café montrent "
            "qu’il existe d’autres issues, plaide notre journaliste."
        ),
        "body": [
            (
                "paragraph",
                "Dans de nombreuses communes rurales, la scène se répète : un rideau de fer "
                "baissé, une affichette « fermeture définitive » scotchée sur la vitre, une "
                "licence IV mise en vente. Le patron part à la retraite, personne ne reprend, et "
                "le village perd en quelques jours ce qui lui tenait lieu de place publique. Il "
                "reste une mairie ouverte deux matinées par semaine, un abribus, parfois une "
                "église. Plus d’endroit où l’on entre sans raison.",
            ),
            (
                "paragraph",
                "On aurait tort de regarder ces fermetures avec la seule nostalgie. Le café rural "
                "remplit des fonctions très concrètes : on y dépose un colis, on y prend des "
                "nouvelles d’un voisin malade, on y trouve quelqu’un pour donner un coup de main "
                "ou garder une clé. Le patron sait qui ne descend plus au comptoir depuis trois "
                "jours. Aucun service social ne reproduit ce maillage informel, qui ne coûte rien "
                "à la collectivité tant qu’il existe.",
            ),
            ("subheading", "Des communes qui reprennent la main"),
            (
                "paragraph",
                "Certaines municipalités ont pris le problème à bras-le-corps. Dans un village de "
                "400 habitants du Cantal où nous nous sommes rendus, la mairie a racheté les murs "
                "et la licence, puis confié la gérance à un couple de trentenaires moyennant un "
                "loyer modéré. Le café fait aussi dépôt de pain, relais colis et point de retrait "
                "de médicaments commandés à la pharmacie du bourg voisin. Trois ans plus tard, il "
                "est à l’équilibre.",
            ),
            ("subheading", "Un investissement plutôt qu’une dépense"),
            (
                "paragraph",
                "Ces projets exigent des moyens que toutes les communes n’ont pas. C’est là que "
                "l’État et les départements devraient intervenir, en facilitant le rachat des "
                "licences menacées de disparition et en finançant les premières années de "
                "gérance. Quelques dizaines de milliers d’euros par village : c’est peu, comparé "
                "au coût de l’isolement, que les maires connaissent mieux que quiconque. Un café "
                "qui rouvre ne sauvera pas à lui seul une commune. Mais un café qui ferme en "
                "accélère souvent le déclin.",
            ),
        ],
        "authors": ["yanis-benali"],
        "agencies": [],
        "dateline": "",
        "published_ago": {"days": 1180, "hours": 5},
        "updated_after": None,
        "image": {
            "alt": (
                "La terrasse d’un café de village avec quelques tables en métal sur une place "
                "ombragée de platanes"
            ),
            "caption": "Dans de nombreux villages, le café reste le dernier commerce ouvert.",
            "photographer": "Lucas Ferrier",
            "source": "KIOSQUE INFO",
            "agency": "",
            "palette": "sun",
        },
        "comments": True,
    },
]
