"""`kiosque backup` and `kiosque restore`: one archive of everything not rebuilt from code.

See docs/backups.md for the operator's side and docs/decisions/0079 for the choices.
"""
