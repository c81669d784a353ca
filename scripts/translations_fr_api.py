"""French translations of the public API app's interface strings (kiosque/api).

The API itself, its OpenAPI document and its reference page are in English, like its
field names; only the app's name shows in the admin.
"""

TRANSLATIONS = {
    "Public API": "API publique",
}
