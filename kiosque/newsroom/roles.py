"""The newsroom's roles, as Wagtail groups. Created by migration 0002_roles.

Least privilege: each role gets what its job needs and nothing more.
"""

JOURNALIST = "Journalistes"
EDITOR = "Éditeurs"
MODERATOR = "Modérateurs"
ADMINISTRATOR = "Administrateurs"

ALL_ROLES = (JOURNALIST, EDITOR, MODERATOR, ADMINISTRATOR)

# Page permissions, granted on the root page so they cover the whole site.
PAGE_PERMISSIONS = {
    JOURNALIST: ("add_page", "change_page"),  # write and edit drafts, submit; never publish
    EDITOR: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    MODERATOR: (),  # comments only (see the discussion app)
    ADMINISTRATOR: (
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ),
}

# Image and document permissions, granted on the root collection.
COLLECTION_PERMISSIONS = {
    JOURNALIST: ("add_image", "choose_image", "add_document", "choose_document"),
    EDITOR: (
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ),
    MODERATOR: (),
    ADMINISTRATOR: (
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ),
}

# Model permissions: (app_label, model, codename).
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")
MODEL_PERMISSIONS = {
    JOURNALIST: (ADMIN_ACCESS,),
    EDITOR: (
        ADMIN_ACCESS,
        ("wagtailredirects", "redirect", "add_redirect"),
        ("wagtailredirects", "redirect", "change_redirect"),
        ("wagtailredirects", "redirect", "delete_redirect"),
    ),
    MODERATOR: (ADMIN_ACCESS,),
    ADMINISTRATOR: (
        ADMIN_ACCESS,
        ("wagtailredirects", "redirect", "add_redirect"),
        ("wagtailredirects", "redirect", "change_redirect"),
        ("wagtailredirects", "redirect", "delete_redirect"),
        ("newsroom", "agency", "add_agency"),
        ("newsroom", "agency", "change_agency"),
        ("newsroom", "agency", "delete_agency"),
        ("newsroom", "newsroomsettings", "change_newsroomsettings"),
        ("auth", "user", "add_user"),
        ("auth", "user", "change_user"),
        ("auth", "user", "delete_user"),
        ("auth", "group", "add_group"),
        ("auth", "group", "change_group"),
        ("wagtailcore", "site", "change_site"),
    ),
}
