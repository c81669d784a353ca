"""The reference article: the same page in every bench database, so timings compare.

`make bench` times this article's page on a database with 1,000 articles and on one
with 200,000: it has the same words, credits, picture and 60 comments in both, and it
is the newest article, so only the size of what surrounds it differs.
"""

REFERENCE_SLUG = "valmorin-adopte-son-budget-apres-six-heures-de-debat"
REFERENCE_TITLE = "À Valmorin, le conseil municipal adopte son budget après six heures de débat"
REFERENCE_SECTION = "politique"
REFERENCE_PATH = f"/{REFERENCE_SECTION}/{REFERENCE_SLUG}/"
REFERENCE_COMMENTS = 60
REFERENCE_SEED = 20_260_601
