"""`wire_item_ingest`: one parsed dispatch into the database, idempotently.

The outcome of each item is what the CLI prints: created, updated, unchanged, ignored,
held, killed or rejected.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from kiosque.newsroom.models import Agency
from kiosque.wires import articles as article_services
from kiosque.wires import packages
from kiosque.wires.credits import agency_named
from kiosque.wires.events import dispatch_version_stored
from kiosque.wires.models import (
    ItemStatus,
    Policy,
    WireArticle,
    WireItem,
    WireItemVersion,
    WireSource,
)
from kiosque.wires.parsing.common import ParsedItem, PubStatus, WireRejected
from kiosque.wires.pictures import LoadedPicture, load_pictures, picture_store

logger = logging.getLogger(__name__)
EPOCH_YEAR = 1970


@dataclass
class IngestResult:
    outcome: str
    identity: str
    version: str
    url: str = ""
    reason: str = ""

    def as_dict(self) -> dict:
        return {
            "outcome": self.outcome,
            "id": self.identity,
            "version": self.version,
            "url": self.url or None,
            "reason": self.reason or None,
        }


def version_key(parsed: ParsedItem) -> str:
    if parsed.version is not None or parsed.version_text:
        return parsed.version_label[:80]
    if parsed.version_created.year > EPOCH_YEAR:
        return parsed.version_created.isoformat()
    # Neither a version nor a time: the payload itself tells versions apart.
    return "sha256:" + hashlib.sha256(parsed.raw.encode()).hexdigest()[:32]


def is_newer(parsed: ParsedItem, latest: WireItemVersion) -> bool:
    if parsed.version is not None and latest.version_number is not None:
        return parsed.version > latest.version_number
    return parsed.version_created >= latest.version_created


def stored_version_outcome(key: str, latest_key: str | None) -> str:
    """The outcome of a version the item holds already (docs/wires.md).

    `unchanged` only when it is the latest stored; any other stored version lost against
    the latest (on arrival, or when a newer one replaced it), so it is older: `ignored`.
    An item whose latest version was deleted by hand has nothing to compare with."""
    if latest_key is None or key == latest_key:
        return "unchanged"
    return "ignored"


def status_of(parsed: ParsedItem) -> str:
    if parsed.pubstatus == PubStatus.CANCELED:
        return ItemStatus.CANCELED
    if parsed.pubstatus == PubStatus.WITHHELD:
        return ItemStatus.WITHHELD
    if parsed.embargoed_until and parsed.embargoed_until > timezone.now():
        return ItemStatus.EMBARGOED
    return ItemStatus.USABLE


def _agency(parsed: ParsedItem, source: WireSource | None) -> Agency | None:
    if source is not None:
        return source.agency
    return agency_named(parsed.provider or parsed.copyright_holder)


def _item_locked(
    parsed: ParsedItem, source, agency, status, *, seen: bool
) -> tuple[WireItem, bool]:
    """The item row, locked; created if new. The unique identity settles races.

    `seen`: the item existed a moment ago. When it did not, creating it straight away is
    the cheaper bet; a worker that created it meanwhile makes the insert fail, and we
    take their row."""
    if seen:
        item = WireItem.objects.select_for_update().filter(identity=parsed.identity).first()
        if item is not None:
            return item, False
    try:
        with transaction.atomic():
            item = WireItem.objects.create(
                identity=parsed.identity,
                source=source,
                agency=agency,
                status=status,
                version_created=parsed.version_created,
            )
        return item, True
    except IntegrityError:
        # Another worker created it a moment ago: use theirs.
        return WireItem.objects.select_for_update().get(identity=parsed.identity), False


def wire_item_ingest(
    *,
    parsed: ParsedItem,
    source: WireSource | None = None,
    base_dir: Path | None = None,
    base_url: str = "",
    publish: bool = False,
    file_name: str = "",
    known_new: bool = False,
) -> IngestResult:
    """Store one dispatch. `known_new`: the batch saw no row for this identity a moment
    ago (see batch.py), so the look-up is skipped; a worker creating it meanwhile is
    still caught by the unique identity (`_item_locked`)."""
    key = version_key(parsed)
    label = key
    existing = None if known_new else WireItem.objects.filter(identity=parsed.identity).first()
    if existing is not None:
        # Settled before any picture is read (decision 0010).
        outcome = _stored_outcome(existing, key)
        if outcome is not None:
            return IngestResult(outcome, parsed.identity, label, _url(existing))
        if _older_than_latest(parsed, existing):
            return _record_older(parsed, key, label, file_name)
    status = status_of(parsed)
    pictures = [] if status == ItemStatus.CANCELED else _pictures(parsed, base_dir, base_url)
    stored: list = []
    try:
        with transaction.atomic():
            return _store(
                parsed,
                key,
                status,
                source=source,
                pictures=pictures,
                publish=publish,
                file_name=file_name,
                stored=stored,
                seen=existing is not None,
            )
    except BaseException:
        for image in stored:  # rows rolled back; their files must go too
            image.file.delete(save=False)
        raise


def _pictures(parsed: ParsedItem, base_dir: Path | None, base_url: str) -> list[LoadedPicture]:
    try:
        return load_pictures(parsed.pictures, base_dir=base_dir, base_url=base_url)
    except WireRejected as rejected:
        rejected.identity = parsed.identity
        rejected.version = parsed.version_label
        raise


def _stored_outcome(item: WireItem, key: str) -> str | None:
    """`unchanged` or `ignored` when the item holds this version already, else None."""
    latest = item.latest_version
    latest_key = latest.version_key if latest is not None else None
    if key != latest_key and not item.versions.filter(version_key=key).exists():
        return None
    return stored_version_outcome(key, latest_key)


def _older_than_latest(parsed: ParsedItem, item: WireItem) -> bool:
    return item.latest_version is not None and not is_newer(parsed, item.latest_version)


def _record_older(parsed, key, label, file_name) -> IngestResult:
    with transaction.atomic():
        item = WireItem.objects.select_for_update().get(identity=parsed.identity)
        _older_version_keep(item, parsed, key, file_name)
    # Older than the latest even when a worker recorded the same late version meanwhile
    # (the latest only ever moves forward): `ignored` either way, never `unchanged`.
    return IngestResult("ignored", parsed.identity, label, _url(item))


def _older_version_keep(item: WireItem, parsed: ParsedItem, key: str, file_name: str) -> None:
    """Keep a late version in the item's history, flagged, never applied. get_or_create:
    on SQLite the item's lock is no lock, and another worker may be recording it too."""
    WireItemVersion.objects.get_or_create(
        item=item, version_key=key, defaults=_version_fields(parsed, file_name, older=True)
    )


def _version_fields(parsed: ParsedItem, file_name: str, *, older: bool = False) -> dict:
    return {
        "version_number": parsed.version,
        "version_created": parsed.version_created,
        "first_created": parsed.first_created,
        "status": status_of(parsed),
        "embargoed_until": parsed.embargoed_until,
        "correction": parsed.is_correction,
        "superseded_on_arrival": older,
        "format": parsed.format,
        "file_name": file_name[:500],
        "raw": parsed.raw,
        "fields": parsed.model_dump(mode="json", exclude={"raw"}),
    }


def _store(parsed, key, status, *, source, pictures, publish, file_name, stored, seen):
    label = key
    agency = _agency(parsed, source)
    item, created = _item_locked(parsed, source, agency, status, seen=seen)
    if not created:
        # Checked again under the lock: another worker may have stored it meanwhile.
        outcome = _stored_outcome(item, key)
        if outcome is None and _older_than_latest(parsed, item):
            _older_version_keep(item, parsed, key, file_name)
            outcome = "ignored"
        if outcome is not None:
            return IngestResult(outcome, parsed.identity, label, _url(item))
    version = WireItemVersion(item=item, version_key=key, **_version_fields(parsed, file_name))
    version.full_clean(exclude=["item", "pictures"])
    version.save()
    agency_name = agency.name if agency else ""
    for picture in pictures:
        image = picture_store(picture=picture, agency_name=agency_name)
        stored.append(image)
        version.pictures.add(image)
    item.latest_version = version
    item.headline = parsed.headline[:500]
    item.status = status
    item.urgency = parsed.urgency
    item.language = parsed.language[:16]
    item.item_type = parsed.item_type[:20]
    item.correction = parsed.is_correction
    item.version_created = parsed.version_created
    item.agency = item.agency or agency
    item.save()
    # What other apps made of the dispatch follows it (a live's entry: kiosque.live).
    dispatch_version_stored.send(sender=WireItem, item=item, version=version, created=created)
    # NewsML-G2 packages: a text takes the pictures its package gave it; a package or a
    # picture arriving after its text completes that text (see packages.py).
    completed: list[WireItemVersion] = []
    if parsed.item_type == "composite":
        packages.package_members_store(package=item, members=parsed.members)
    if parsed.item_type == "text" and status != ItemStatus.CANCELED:
        version.pictures.add(*packages.package_pictures(identity=item.identity))
    else:
        completed = packages.texts_completed_by(item)

    outcome = "created" if created else "updated"
    if status == ItemStatus.CANCELED:
        article_services.articles_withdraw(
            item=item, reason=parsed.ednote or "Dépêche annulée par l'agence."
        )
        return IngestResult("killed", parsed.identity, label)
    policy = source.policy if source is not None else Policy.DESK
    if publish:
        policy = Policy.AUTO_PUBLISH
    if status != ItemStatus.WITHHELD and parsed.item_type == "text":
        _apply(item, version, policy)
    for text_version in completed:
        _pictures_arrived(text_version, policy)
    if status in {ItemStatus.EMBARGOED, ItemStatus.WITHHELD}:
        outcome = "held"
    if created and policy == Policy.DESK and not completed:
        return IngestResult(outcome, parsed.identity, label)  # a new item has no article
    return IngestResult(outcome, parsed.identity, label, _url(item))


def _apply(item: WireItem, version: WireItemVersion, policy: str) -> None:
    if policy == Policy.DESK:
        return
    links = list(item.articles.select_related("article"))
    if policy == Policy.AUTO_PUBLISH and not links:
        article = article_services.article_create_from_item(item=item, version=version)
        article_services.article_publish(article=article)
        return
    for link in links:
        article = article_services.article_apply_version(link=link, version=version)
        if policy == Policy.AUTO_PUBLISH:
            article_services.article_publish(article=article)


def _pictures_arrived(version: WireItemVersion, policy: str) -> None:
    """Pictures joined a text version already made into articles: bring them in as the
    policy says (the desk policy leaves the articles to their editors)."""
    item = version.item
    if policy == Policy.DESK or item.status not in {ItemStatus.USABLE, ItemStatus.EMBARGOED}:
        return
    for link in item.articles.select_related("article"):
        if link.applied_version_id != version.pk:
            continue
        article = article_services.article_apply_version(link=link, version=version)
        if policy == Policy.AUTO_PUBLISH:
            article_services.article_publish(article=article)


def already_stored(parsed_items: list[ParsedItem]) -> tuple[dict[str, IngestResult], set[str]]:
    """The items of a batch whose version is stored already, in two queries: a batch
    sent again costs a parse per item, not a round of lookups each. Also the identities
    the database knows (any version), so that new ones skip their own look-up."""
    identities = {p.identity for p in parsed_items}
    if not identities:
        return {}, set()
    # (identity, version key) → the key of that item's latest version.
    stored = {
        (identity, key): latest_key
        for identity, key, latest_key in WireItemVersion.objects.filter(
            item__identity__in=identities
        ).values_list("item__identity", "version_key", "item__latest_version__version_key")
    }
    known = {identity for identity, _ in stored}
    # Two versions of one item in the batch: the first stored may replace the latest the
    # query saw, so what the second one is depends on that order; each goes the whole way.
    repeated = _identities_repeated(parsed_items)
    urls = {
        link.item.identity: article_services.article_absolute_url(link.article)
        for link in WireArticle.objects.filter(
            item__identity__in=identities, article__live=True
        ).select_related("item", "article")
    }
    results = {}
    for parsed in parsed_items:
        key = version_key(parsed)
        if (parsed.identity, key) in stored and parsed.identity not in repeated:
            outcome = stored_version_outcome(key, stored[(parsed.identity, key)])
            results[f"{parsed.identity} {key}"] = IngestResult(
                outcome, parsed.identity, key, urls.get(parsed.identity, "")
            )
    return results, known


def _identities_repeated(parsed_items: list[ParsedItem]) -> set[str]:
    seen: set[str] = set()
    repeated: set[str] = set()
    for parsed in parsed_items:
        (repeated if parsed.identity in seen else seen).add(parsed.identity)
    return repeated


def _url(item: WireItem) -> str:
    link = (
        WireArticle.objects.filter(item=item, article__live=True).select_related("article").first()
    )
    return article_services.article_absolute_url(link.article) if link else ""
