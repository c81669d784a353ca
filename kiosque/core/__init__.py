"""Cross-cutting glue: security headers, language routing, health check, serving."""
