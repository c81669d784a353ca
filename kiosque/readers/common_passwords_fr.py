"""Passwords French readers choose most, written for Kiosque (decision 0077).

Django's CommonPasswordValidator knows an English-speaking list; French readers type
« azerty », « motdepasse », « marseille » or « jetaime », and add a year or a « ! » to
reach the minimum length. Each entry is a core, already normalised the way
kiosque.readers.passwords.password_cores() normalises what a reader types: lower case,
no accents, no spaces or punctuation, no digits or symbols at either end. So one entry
stands for « Marseille13 », « marseille 2024! » and « MARSEILLE ». Grouped by where
such passwords come from; order does not matter.
"""

KEYBOARD_WALKS = """
azerty azertyuiop azertyu azertyui azertyuio azert azer aze azertyuiopqsdfghjklm
qsdfgh qsdfghjklm qsdfghjk qsdf wxcvbn wxcvbnazerty azertyqsdfgh azertyqsdfghwxcvbn
azeqsdwxc aqwzsxedc aqwzsx azerqsdf azerqsdfwxcv poiuytreza poiuyt ytreza mlkjhgfdsq
mlkjhg nbvcxw aqzsedrftg qwerty qwertyuiop qwertz qwertzuiop asdfgh asdfghjkl zxcvbn
zxcvbnm qazwsx qazwsxedc qweasd qweasdzxc abc abcd abcde abcdef abcdefg abcdefgh
abcdefghi abcdefghij abcdefghijkl abcdefghijklmnopqrstuvwxyz zyxwvu azertyazerty
"""

LOG_IN_WORDS = """
motdepasse motdepass motpasse monmotdepasse mdp mdpmdp password passw passwd pass
passe passeport secret motsecret codesecret code monpass mypassword confidentiel
acces accesinterdit bienvenue welcome letmein admin administrateur administrator
root utilisateur identifiant login connexion inscription compte moncompte nouveau
nouveaumotdepasse changeme changer test tester essai azertymotdepasse
"""

AFFECTION = """
jetaime jetadore jetaimetoi jetaimeamour jetaimemonamour jetaimemoncoeur moncoeur
mamour monamour amour amoureux amoureuse toujours pourtoujours alavie alamort
doudou loulou chouchou choupette choupinette chouchoute chou bisou bisous gros
grosbisous cheri cherie monbebe bebe bebes mabiche macherie moncheri tendresse
coeur petitcoeur ange monange princesse prince reine roi mapuce puce pupuce poupou
poupoune nounours bisounours calin calins iloveyou loveyou love lovely
"""

FAMILY = """
maman papa mamie papi papy mamina famille mafamille mesenfants enfants enfant fils
fille bonheur bonheurs soleil monsoleil etoile lune soleillune
"""

PETS_AND_SWEETS = """
chat chaton chatte minou minet mimine titou filou caramel noisette pistache vanille
cannelle praline biscuit chipie kiki fifi rex medor milou snoopy garfield nemo
chocolat bonbon nutella fromage baguette croissant camembert crepe champagne pastis
ricard biere pizza frites
"""

FIRST_NAMES = """
marie jean pierre nicolas julien thomas camille manon lea chloe emma ines sarah
laura julie pauline marine mathilde lucie clara louise alice jade lina lola zoe anais
oceane celine sandrine nathalie isabelle sylvie christine catherine valerie stephanie
sophie aurelie audrey emilie elodie melanie caroline virginie delphine veronique
martine monique francoise jacqueline nicole michel philippe alain patrick christophe
stephane eric david frederic laurent olivier sebastien vincent francois jerome
alexandre antoine maxime kevin romain guillaume mathieu benjamin florian quentin hugo
lucas louis gabriel raphael arthur jules leo adam nathan enzo theo noah ethan paul
mohamed karim yanis rayan sofiane mehdi amine fatima yasmine sabrina nadia samir
jeanne marius lena juliette charlotte margaux justine morgane amandine jessica
jennifer cedric damien fabrice thierry pascal didier bruno daniel gerard bernard
"""

PLACES = """
france paris marseille lyon toulouse bordeaux lille nantes nice strasbourg
montpellier rennes brest toulon grenoble dijon reims rouen nancy metz lemans angers
tours limoges clermont perpignan avignon ajaccio bastia bretagne normandie provence
corse alsace savoie lorraine auvergne bourgogne picardie vendee martinique
guadeloupe reunion guyane algerie maroc tunisie senegal belgique suisse quebec
"""

FOOTBALL = """
psg parissaintgermain allezparis ici cestparis om olympiquedemarseille allezlom
droitaubut ol olympiquelyonnais asse saintetienne allezlesverts losc girondins
fcnantes ogcnice rclens lens sangetor staderennais asmonaco monaco fcmetz tfc
realmadrid madrid barcelone barca juventus liverpool manchester arsenal chelsea
allezlesbleus lesbleus bleus equipedefrance zidane zizou mbappe griezmann benzema
platini ribery henry messi ronaldo neymar football foot footballeur rugby tennis
"""

CULTURE = """
starwars harrypotter pokemon pikachu naruto dragonball onepiece minecraft fortnite
batman superman spiderman asterix obelix tintin babar barbapapa goldorak johnny
hallyday nirvana metallica hellokitty princesse disney mickey
"""

COMMON_WORDS = """
bonjour bonsoir salut coucou hello merci liberte egalite fraternite vivelafrance
marseillaise republique noel vacances plage mer montagne ski printemps ete automne
hiver janvier fevrier mars avril mai juin juillet aout septembre octobre novembre
decembre lundi mardi mercredi jeudi vendredi samedi dimanche ordinateur internet
informatique orange free sfr bouygues wanadoo laposte google facebook gmail hotmail
yahoo apple iphone samsung windows microsoft linux journal lemonde lefigaro
liberation abonnement abonne lecteur lectrice commentaire commentaires dragon
monkey master sunshine shadow freedom whatever trustno merde putain tamere
"""

COMMON_PASSWORD_CORES = frozenset(
    word
    for group in (
        KEYBOARD_WALKS,
        LOG_IN_WORDS,
        AFFECTION,
        FAMILY,
        PETS_AND_SWEETS,
        FIRST_NAMES,
        PLACES,
        FOOTBALL,
        CULTURE,
        COMMON_WORDS,
    )
    for word in group.split()
)
