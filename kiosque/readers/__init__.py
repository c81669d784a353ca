"""Reader accounts: glue over django-allauth (profile, export, deletion)."""
