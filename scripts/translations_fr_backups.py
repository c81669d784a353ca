"""French translations of the backups app (issue 19).

`kiosque backup` and `kiosque restore` speak to operators in English on the command
line, as the project's other commands do; the app's name is the only string readers of
the admin may see. Filled into the .po files by `make messages` with the other
scripts/translations_fr*.py.
"""

TRANSLATIONS = {
    "Backups": "Sauvegardes",
}
