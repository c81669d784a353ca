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
        if part and part not in parts:  # an agency's own photo: "(X / AFP)", not "AFP / AFP"
            parts.append(part)
    return "(" + " / ".join(parts) + ")"
