"""The content model: la une, rubriques, dossiers, articles, authors, agencies."""
