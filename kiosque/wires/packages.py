"""NewsML-G2 packages: a package's pictures are attached to its text item.

A package (packageItem) lists items by guid: typically one text and its pictures, sent
together in a newsMessage or as separate files of one drop. Whatever arrives first, the
association is made when the last of them is stored: the members of each package's latest
version are kept as rows (`WirePackageMember`), so a text item finds its packages, and a
package or a picture finds its text items, with one indexed query.

Several text items in one package all get the package's pictures.
"""

from __future__ import annotations

from kiosque.newsroom.models import NewsImage
from kiosque.wires.models import ItemStatus, WireItem, WireItemVersion, WirePackageMember
from kiosque.wires.parsing.common import PackageMember

PICTURE_TYPES = {"picture", "graphic"}


def package_members_store(*, package: WireItem, members: list[PackageMember]) -> None:
    """The package's latest version says which items it holds: replace the old list."""
    package.members.all().delete()
    WirePackageMember.objects.bulk_create(
        WirePackageMember(
            package=package,
            identity=member.identity[:500],
            item_class=member.item_class[:20],
            position=position,
        )
        for position, member in enumerate(members)
    )


def package_pictures(*, identity: str) -> list[NewsImage]:
    """The stored pictures of every package listing this text item, in package order."""
    package_ids = list(
        WirePackageMember.objects.filter(identity=identity).values_list("package_id", flat=True)
    )
    if not package_ids:
        return []
    members = list(
        WirePackageMember.objects.filter(package_id__in=package_ids)
        .exclude(identity=identity)
        .values_list("identity", flat=True)
    )
    pictures = {
        item.identity: item
        for item in WireItem.objects.filter(identity__in=members, item_type__in=PICTURE_TYPES)
        .exclude(status=ItemStatus.CANCELED)
        .select_related("latest_version")
    }
    images: list[NewsImage] = []
    for member in members:
        item = pictures.get(member)
        if item is not None and item.latest_version is not None:
            images.extend(item.latest_version.pictures.order_by("pk"))
    return images


def texts_completed_by(item: WireItem) -> list[WireItemVersion]:
    """A package or a picture just stored: attach the pictures to the text items they
    belong with. Returns the text versions that gained pictures."""
    if item.item_type == "composite":
        package_ids = [item.pk]
    elif item.item_type in PICTURE_TYPES:
        package_ids = list(
            WirePackageMember.objects.filter(identity=item.identity).values_list(
                "package_id", flat=True
            )
        )
    else:
        return []
    if not package_ids:
        return []
    members = WirePackageMember.objects.filter(package_id__in=package_ids).values_list(
        "identity", flat=True
    )
    texts = (
        WireItem.objects.filter(identity__in=list(members), item_type="text")
        .exclude(latest_version=None)
        .select_related("latest_version")
    )
    completed = []
    for text in texts:
        version = text.latest_version
        present = set(version.pictures.values_list("pk", flat=True))
        added = [p for p in package_pictures(identity=text.identity) if p.pk not in present]
        if added:
            version.pictures.add(*added)
            completed.append(version)
    return completed
