"""The credit printed under a news photo: (Photographer / Source / Agency)."""

UNKNOWN_PHOTOGRAPHER = "-"


def photo_credit(*, photographer: str, source: str, agency: str) -> str:
    """E.g. "(- / WHITE HOUSE / AFP)" when the photographer is unknown.

    The photographer slot is always there (a dash when unknown), because readers and
    agencies read the credit by position; empty source and agency are left out.
    """
    parts = [photographer.strip() or UNKNOWN_PHOTOGRAPHER]
    for part in (source, agency):
        part = (part or "").strip()
        # An agency's own photo reads "(X / AFP)", not "(X / AFP / AFP)".
        if part and part.casefold() not in {p.casefold() for p in parts}:
            parts.append(part)
    return "(" + " / ".join(parts) + ")"
