"""All newsroom models, importable from kiosque.newsroom.models."""

from kiosque.newsroom.models.agencies import Agency
from kiosque.newsroom.models.articles import ArticleAuthor, ArticlePage, ArticleType
from kiosque.newsroom.models.home import HomeFeaturedSlot, HomePage
from kiosque.newsroom.models.images import NewsImage, NewsRendition
from kiosque.newsroom.models.listings import (
    AuthorIndexPage,
    AuthorPage,
    SectionPage,
    TopicIndexPage,
    TopicPage,
)
from kiosque.newsroom.models.newsroom_settings import NewsroomSettings
from kiosque.newsroom.models.publications import ArticlePublication
from kiosque.newsroom.models.standard import StandardPage

__all__ = [
    "Agency",
    "ArticleAuthor",
    "ArticlePage",
    "ArticlePublication",
    "ArticleType",
    "AuthorIndexPage",
    "AuthorPage",
    "HomeFeaturedSlot",
    "HomePage",
    "NewsImage",
    "NewsRendition",
    "NewsroomSettings",
    "SectionPage",
    "StandardPage",
    "TopicIndexPage",
    "TopicPage",
]
