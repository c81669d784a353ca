# ruff: noqa: E501  (msgids must match the source strings exactly, long or not)
"""French translations of the bounds on outside input and of the image upload (issue 19).

kiosque/core/bounds.py (dates of the reader search and of the admin's forms) and
kiosque/newsroom/image_upload.py. Filled into the .po files by `make messages` with the
other scripts/translations_fr*.py.
"""

TRANSLATIONS = {
    "Enter a date between the years %(earliest)s and %(latest)s.": (
        "Saisissez une date comprise entre les années %(earliest)s et %(latest)s."
    ),
    "This picture is damaged or incomplete: export it again and upload the new file.": (
        "Cette image est abîmée ou incomplète\u00a0: exportez-la de nouveau et envoyez le nouveau fichier."
    ),
    "File": "Fichier",
}
