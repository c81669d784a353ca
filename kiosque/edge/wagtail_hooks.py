"""The edge middleware needs to know which page a response shows, and when an article
page changes by the clock alone."""

from wagtail import hooks

from kiosque.edge.freshness import article_steps
from kiosque.edge.middleware import note_clock_steps, note_page
from kiosque.edge.policy import article_horizon
from kiosque.newsroom.article_parts import ARTICLE_CONTEXT_HOOK, ArticleRequest


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    note_page(request, page)


# After the parts that add keys (order 0): it reads the discussion's closing date.
@hooks.register(ARTICLE_CONTEXT_HOOK, order=100)
def note_article_clock_steps(article_request: ArticleRequest, context: dict) -> None:
    """The edge keeps the article page no longer than until the clock alone changes it."""
    newsroom = article_request.newsroom
    note_clock_steps(
        article_request.request,
        article_steps(
            article_request.article.first_published_at,
            article_request.now,
            newsroom.zone,
            banner_min_years=newsroom.age_banner_min_years,
            comments_close_at=context.get("comments_close_at"),
            horizon=article_horizon(),
        ),
    )
