"""Numbers and dates from URLs, query strings and forms: 400 or 404, never a 500.

Issue 19's probe found ids past 2**63 (SQLite's driver raises OverflowError), digits
that are not ASCII ("²": `isdigit()` says yes, `int()` says no) and dates at year 1 or
9999 (a day or a time zone added overflows) answering 500 (decision 0078). Django's test
client re-raises a view's exception: a 500 fails these tests with its traceback.
"""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from kiosque.core.bounds import INT64_MAX, IdConverter, whole_number
from kiosque.discussion.models import Comment, CommentLike, CommentReport
from kiosque.live.models import LiveEntry, LivePage
from kiosque.newsroom.models import ArticlePage
from kiosque.wires.batch import ingest_file
from kiosque.wires.models import WireArticle, WireItem
from tests.discussion.helpers import make_reader
from tests.editorial.admin_forms import article_form
from tests.live.composer_helpers import entry_form
from tests.live.helpers import make_live
from tests.wires.helpers import ninjs, write_json

# What a bot, a typo or an attacker puts where an id goes.
HOSTILE_NUMBERS = [str(2**63), "1" + "0" * 30, "-1", "1e5", "²", "abc"]
# What cannot even be a path segment of digits is a 404 by the resolver already; the
# numbers that are digits are the ones to watch in paths.
HOSTILE_PATH_NUMBERS = [str(2**63), "1" + "0" * 30]
HOSTILE_DAYS = ["0001-01-01", "9999-12-31", "01/01/0001", "31/12/9999", "0000-01-01", "garbage"]


# --- the shared layer -------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", [*HOSTILE_NUMBERS, str(2**64), "1.5", "", " 7", "7 ", "+7", "0x10", None, "٣", "١٢"]
)
def test_whole_number_refuses_anything_but_ascii_digits_in_64_bits(raw):
    assert whole_number(raw) is None


def test_whole_number_reads_ids_and_honours_its_maximum():
    assert whole_number("0") == 0
    assert whole_number(str(INT64_MAX)) == INT64_MAX
    assert whole_number("51", maximum=50) is None
    assert whole_number("050", maximum=50) == 50


def test_the_id_converter_matches_no_more_than_64_bits():
    converter = IdConverter()
    assert converter.to_python(str(INT64_MAX)) == INT64_MAX
    with pytest.raises(ValueError):
        converter.to_python(str(INT64_MAX + 1))


def _patterns(patterns, prefix="", urlconf=""):
    """(route, the URL module that declares it, pattern) of every URL of the site."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            name = pattern.urlconf_name
            module = name if isinstance(name, str) else getattr(name, "__name__", urlconf)
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern), module)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), urlconf, pattern


def test_no_kiosque_url_takes_an_unbounded_integer():
    """Every id in Kiosque's own URLs goes through <id:…>; Wagtail's own <int:…>
    patterns reach only exact lookups, which Django bounds (checked below)."""
    found = []
    for route, module, pattern in _patterns(get_resolver().url_patterns, urlconf="kiosque.urls"):
        converters = getattr(pattern.pattern, "converters", {})
        if module.startswith("kiosque") and any(
            isinstance(c, IntConverter) for c in converters.values()
        ):
            found.append(route)
    for subpage in LivePage().get_subpage_urls():
        if any(isinstance(c, IntConverter) for c in subpage.pattern.converters.values()):
            found.append(f"LivePage: {subpage.pattern}")
    assert found == []
    routes = [
        route for route, module, _ in _patterns(get_resolver().url_patterns, urlconf="kiosque.urls")
    ]
    assert sum("<id:" in route for route in routes) >= 15  # the walk saw them


# --- the site, as a visitor reaches it ----------------------------------------------


@pytest.fixture
def site(newsroom, article, tmp_path):
    """An article open to comments, a running live, a dispatch, and who uses them."""
    chief = get_user_model().objects.create_superuser("chef", "chef@kiosque.invalid", "x")
    admin = Client()
    admin.force_login(chief)
    reader = Client()
    reader.force_login(make_reader())
    ingest_file(write_json(tmp_path, "a.json", ninjs()))
    return {
        "article": article,
        "live": make_live(newsroom.monde),
        "item": WireItem.objects.get(),
        "anonymous": Client(),
        "reader": reader,
        "admin": admin,
    }


# (who, method, address with {n} where the number goes, form data with {n})
PATH_TARGETS = [
    ("anonymous", "get", "/commentaires/{n}/", None),
    ("reader", "get", "/commentaires/{n}/moi/", None),
    ("reader", "post", "/commentaires/{n}/publier/", {"body": "Un avis."}),
    ("reader", "post", "/commentaires/commentaire/{n}/modifier/", {"body": "Un avis."}),
    ("reader", "post", "/commentaires/commentaire/{n}/supprimer/", None),
    ("reader", "post", "/commentaires/commentaire/{n}/aimer/", None),
    ("reader", "post", "/commentaires/commentaire/{n}/signaler/", {"reason": "spam"}),
    ("anonymous", "get", "/signaler/{n}/", None),
    ("anonymous", "get", "/direct/{n}/nouveautes.json", None),
    ("anonymous", "get", "/sitemaps/articles-{n}.xml", None),
    ("anonymous", "get", "/api/v1/articles/{n}", None),
    ("admin", "get", "/admin/moderation/commentaire/{n}/", None),
    ("admin", "post", "/admin/moderation/commentaire/{n}/", {"action": "approve"}),
    ("admin", "get", "/admin/moderation/lecteur/{n}/", None),
    ("admin", "get", "/admin/depeches/{n}/", None),
    ("admin", "post", "/admin/depeches/{n}/article/", None),
    ("admin", "post", "/admin/depeches/link/{n}/apply/", None),
    ("admin", "get", "/admin/direct/{n}/", None),
    ("admin", "post", "/admin/direct/depeche/{n}/", None),
    ("admin", "post", "/admin/jetons-api/{n}/revoquer/", None),
    ("admin", "get", "/admin/pages/{n}/edit/", None),  # Wagtail's own <int:…>
]

# Parameters: (who, method, address, the data with {n}); {article}, {live}, {item} filled in.
PARAMETER_TARGETS = [
    ("anonymous", "get", "/sport/", {"page": "{n}"}),
    ("anonymous", "get", "{live_url}", {"avant": "{n}"}),
    ("anonymous", "get", "/commentaires/{article}/", {"repondre": "{n}"}),
    ("anonymous", "get", "/recherche/", {"q": "Genève", "page": "{n}"}),
    ("anonymous", "get", "/recherche/", {"q": "Genève", "section": "{n}"}),
    ("reader", "post", "/commentaires/{article}/publier/", {"body": "Un avis.", "parent": "{n}"}),
    ("admin", "get", "/admin/depeches/", {"agency": "{n}"}),
    ("admin", "get", "/admin/depeches/", {"urgency": "{n}", "p": "{n}"}),
    ("admin", "post", "/admin/depeches/{item}/article/", {"section": "{n}"}),
    ("admin", "post", "/admin/direct/depeche/{item}/", {"live": "{n}"}),
    ("admin", "get", "/admin/moderation/", {"article": "{n}", "section": "{n}", "p": "{n}"}),
    ("admin", "post", "/admin/moderation/lot/", {"action": "approve", "comments": "{n}"}),
    ("admin", "get", "/admin/redaction/ligne-de-credit/", {"author": "{n}", "agency": "{n}"}),
    ("anonymous", "get", "/api/v1/articles", {"section": "{n}"}),
]
# Where a bad number is no filter (the page as without it), not an error.
IGNORED_WHEN_BAD = {"avant", "repondre", "agency", "urgency", "article"}


def _fill(text: str, site: dict, number: str) -> str:
    article, live, item = site["article"], site["live"], site["item"]
    return text.format(
        n=number,
        article=article.pk,
        article_url=article.url,
        live_url=live.url,
        item=item.pk,
    )


def _request(site, who, method, address, data, number):
    client = site[who]
    form = {key: _fill(value, site, number) for key, value in (data or {}).items()}
    return getattr(client, method)(_fill(address, site, number), form)


def _counts(site) -> dict[str, int]:
    return {
        "article revisions": site["article"].revisions.count(),
        "comments": Comment.objects.count(),
        "likes": CommentLike.objects.count(),
        "reports": CommentReport.objects.count(),
        "articles": ArticlePage.objects.count(),
        "wire links": WireArticle.objects.count(),
        "live entries": LiveEntry.objects.count(),
        "moderated": Comment.objects.exclude(status=Comment.Status.PENDING).count(),
    }


def _label(target, number) -> str:
    who, method, address, data = target
    return f"{who} {method.upper()} {address} {data or ''} n={number}"


@pytest.mark.django_db
def test_ids_past_64_bits_in_a_path_are_not_found(site):
    """One test for every address (a site built once): each failure is listed."""
    before = _counts(site)
    wrong = []
    for target in PATH_TARGETS:
        for number in HOSTILE_PATH_NUMBERS:
            response = _request(site, *target, number)
            # The API answers its own 422 for a path parameter out of its range.
            allowed = {404, 422} if target[2].startswith("/api/") else {404}
            if response.status_code not in allowed:
                wrong.append((_label(target, number), response.status_code))
    assert wrong == []
    assert _counts(site) == before  # nothing written


@pytest.mark.django_db
def test_hostile_numbers_in_parameters_answer_400_or_404_and_write_nothing(site):
    before = _counts(site)
    wrong = []
    for target in PARAMETER_TARGETS:
        address, data = target[2], target[3]
        allowed = {400, 404, 422}
        if IGNORED_WHEN_BAD & set(data):
            allowed.add(200)  # the page as without the filter
        if address.endswith(("/lot/", "/admin/direct/depeche/{item}/")):
            allowed.add(302)  # back, with « tick comments… » or « choose a running live »
        for number in HOSTILE_NUMBERS:
            response = _request(site, *target, number)
            if response.status_code not in allowed:
                wrong.append((_label(target, number), response.status_code))
    assert wrong == []
    assert _counts(site) == before


@pytest.mark.django_db
def test_search_dates_out_of_range_are_a_bad_request_that_says_why(client, article):
    for day in HOSTILE_DAYS:
        for field in ("since", "until"):
            response = client.get("/en/recherche/", {"q": "Genève", field: day})
            assert response.status_code == 400, (field, day)
            if day not in {"garbage", "0000-01-01"}:  # these are no date at all
                assert "between the years 1800 and 2199" in response.content.decode(), day
    for field, day in (("since", "1800-01-01"), ("until", "2199-12-31")):
        response = client.get("/recherche/", {"q": "Genève", field: day})
        assert response.status_code == 200  # the search ran, with its filter


@pytest.mark.django_db
def test_an_api_date_with_no_utc_time_is_422_and_year_one_in_utc_is_valid(client, article):
    for value in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00"):
        response = client.get("/api/v1/articles", {"updated_since": value})
        assert response.status_code == 422, value
        assert "out of range" in response.json()["detail"][0]["msg"]
    response = client.get("/api/v1/articles", {"updated_since": "0001-01-01T00:00:00Z"})
    assert response.status_code == 200
    assert len(response.json()["items"]) == 1


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.django_db
def test_forged_comment_cursors_start_from_the_beginning(client, article):
    for raw in ("0001-01-01T00:00:00+05:00|1", "9999-12-31T23:59:59-05:00|1",
                f"{2**64}|{2**64}", "2026-01-01T00:00:00|²"):  # fmt: skip
        for sort in ("newest", "oldest", "liked"):
            response = client.get(
                f"/commentaires/{article.pk}/", {"apres": _cursor(raw), "tri": sort}
            )
            assert response.status_code == 200, (raw, sort)


# --- admin forms ----------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_dates_out_of_range_are_refused_in_the_form_and_write_nothing(site):
    """Year 1 overflowed on save (a 500); year 9999 was stored. Both are now the form
    again with its message, for every date of the admin's model forms."""
    article, live = site["article"], site["live"]
    before = _counts(site)
    for day in ("0001-01-01 00:00", "9999-12-31 23:59"):
        entry = entry_form("Texte", posted_at=day)
        composer = site["admin"].post(f"/admin/direct/{live.pk}/", entry)
        # The admin speaks the newsroom's French.
        assert "entre les années 1800 et 2199" in composer.content.decode()
    # A page's own date (Wagtail's) and an inline panel's (Kiosque's corrections).
    for fields in (
        {"go_live_at": "0001-01-01 00:00"},
        {"corrections": [("9999-12-31 23:59", "Une date fausse.")]},
    ):
        edit = site["admin"].post(
            f"/admin/pages/{article.pk}/edit/", article_form(article, **fields)
        )
        assert edit.status_code == 200 and "entre les années 1800" in edit.content.decode()
    # A page chooser given an id past 64 bits (SQLite's OverflowError before).
    edit = site["admin"].post(
        f"/admin/pages/{article.pk}/edit/", article_form(article, topic=str(2**63))
    )
    assert edit.status_code == 200  # the form again, with its error
    assert _counts(site) == before
