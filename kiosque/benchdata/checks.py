"""After a bulk load: is the page tree what treebeard and Wagtail would have built?"""

# ruff: noqa: S608 -- the SQL below is built from constants only, never from input.

from django.db import connection
from django.db.models import F
from wagtail.models import Page

from kiosque.discussion.models import Comment
from kiosque.newsroom.models import ArticlePage

# treebeard's Page.find_problems() (what `kiosque fixtree` runs) makes two queries per
# page: half an hour on 200,000 articles. The same five checks, set-based, take seconds;
# the tests check that both agree.
STEP = Page.steplen
TREE_CHECKS = {
    "bad characters": "SELECT id FROM wagtailcore_page WHERE path NOT REGEXP %s",
    "bad step length": f"SELECT id FROM wagtailcore_page WHERE LENGTH(path) % {STEP} <> 0",
    "orphans": f"""
        SELECT child.id FROM wagtailcore_page child
        LEFT JOIN wagtailcore_page parent
          ON parent.path = SUBSTR(child.path, 1, LENGTH(child.path) - {STEP})
        WHERE child.depth > 1 AND parent.id IS NULL""",
    "wrong depth": f"SELECT id FROM wagtailcore_page WHERE depth * {STEP} <> LENGTH(path)",
    "wrong numchild": f"""
        SELECT page.id FROM wagtailcore_page page
        LEFT JOIN (
            SELECT SUBSTR(path, 1, LENGTH(path) - {STEP}) AS parent_path, COUNT(*) AS n
            FROM wagtailcore_page WHERE depth > 1 GROUP BY 1
        ) children ON children.parent_path = page.path
        WHERE page.numchild <> COALESCE(children.n, 0)""",
    "wrong url_path": f"""
        SELECT child.id FROM wagtailcore_page child
        JOIN wagtailcore_page parent
          ON parent.path = SUBSTR(child.path, 1, LENGTH(child.path) - {STEP})
        WHERE child.depth > 2 AND child.url_path <> parent.url_path || child.slug || '/'""",
}


def tree_problems() -> list[str]:
    """Human-readable problems; an empty list means the tree and threads are sound.

    treebeard's five checks, plus what it does not look at: every url_path is its
    parent's plus the slug, every article row has its page row, and every reply hangs
    in a thread of its own article.
    """
    problems = []
    alphabet = f"^[{Page.alphabet}]+$"
    with connection.cursor() as cursor:
        for name, sql in TREE_CHECKS.items():
            if "REGEXP" in sql and connection.vendor == "postgresql":
                sql = sql.replace("NOT REGEXP", "!~")
            if "REGEXP" in sql or "!~" in sql:
                cursor.execute(sql, [alphabet])
            else:
                cursor.execute(sql)  # no parameters: the % of the modulo stays as it is
            ids = [row[0] for row in cursor.fetchmany(5)]
            if ids:
                problems.append(f"{name}: e.g. page id(s) {ids}")
    pages_of_articles = Page.objects.filter(content_type__model="articlepage").count()
    if pages_of_articles != ArticlePage.objects.count():
        problems.append("article rows and their page rows differ in number")
    strays = Comment.objects.exclude(thread__article_id=F("article_id")).count()
    strays += (
        Comment.objects.filter(parent__isnull=False)
        .exclude(parent__article_id=F("article_id"))
        .count()
    )
    if strays:
        problems.append(f"comments threaded under another article: {strays}")
    return problems
