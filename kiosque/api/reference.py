"""The API's browsable documentation: a plain HTML page generated from the OpenAPI
document (decision 0037).

django-ninja's Swagger UI loads its scripts from a CDN, which the site's CSP refuses
and which would tell a third party about every visitor; the bundled copy needs 1.5 MB
of JavaScript. This page needs none: it is rendered on the server from the very same
OpenAPI document, so it cannot drift from it, and it passes the reader CSP as is
(no script, no inline style, one same-origin stylesheet).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.shortcuts import render
from ninja.openapi.docs import DocsBase

METHODS = ("get", "head", "post", "put", "patch", "delete")


@dataclass
class Parameter:
    name: str
    where: str
    required: bool
    type: str
    description: str


@dataclass
class Operation:
    method: str
    path: str
    anchor: str
    summary: str
    description: str
    parameters: list[Parameter] = field(default_factory=list)
    responses: list[tuple[str, str]] = field(default_factory=list)
    body: str = ""  # the JSON request body's type, for a write
    security: list[str] = field(default_factory=list)  # the schemes it needs, by name


@dataclass
class Model:
    name: str
    fields: list[Parameter]
    description: str = ""
    closed: bool = False  # additionalProperties: false, any other field is refused


@dataclass
class SecurityScheme:
    name: str
    kind: str
    description: str


def _type_name(schema: dict) -> str:
    """A short, readable type: `integer ≥ 1`, `string (date-time)`, `Article`, `list of X`."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        kinds = [_type_name(s) for s in schema["anyOf"] if s.get("type") != "null"]
        nullable = any(s.get("type") == "null" for s in schema["anyOf"])
        return " or ".join(kinds) + (" or null" if nullable else "")
    if schema.get("type") == "array":
        return "list of " + _type_name(schema.get("items", {}))
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    name = schema.get("type", "object")
    if "format" in schema:
        name += f" ({schema['format']})"
    bounds = []
    if "minimum" in schema:
        bounds.append(f"≥ {schema['minimum']}")
    if "maximum" in schema:
        bounds.append(f"≤ {schema['maximum']}")
    if "maxLength" in schema:
        bounds.append(f"at most {schema['maxLength']} characters")
    return name + (", " + ", ".join(bounds) if bounds else "")


def _parameter(spec: dict) -> Parameter:
    schema = spec.get("schema", {})
    return Parameter(
        name=spec["name"],
        where=spec.get("in", ""),
        required=bool(spec.get("required")),
        type=_type_name(schema),
        description=spec.get("description") or schema.get("description", ""),
    )


def _response_type(response: dict) -> str:
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    return _type_name(schema) if schema else "—"


def _request_body(spec: dict) -> str:
    schema = spec.get("requestBody", {}).get("content", {}).get("application/json", {})
    return _type_name(schema["schema"]) if "schema" in schema else ""


def _security_schemes(document: dict) -> list[SecurityScheme]:
    schemes = document.get("components", {}).get("securitySchemes", {})
    found = []
    for name, scheme in sorted(schemes.items()):
        kind = scheme.get("type", "")
        if kind == "http":
            kind = f"HTTP {scheme.get('scheme', '')}".strip()
            if scheme.get("bearerFormat"):
                kind += f" ({scheme['bearerFormat']})"
        found.append(SecurityScheme(name, kind, scheme.get("description", "")))
    return found


def reference_from_openapi(document: dict) -> dict:
    operations = []
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method not in item:
                continue
            spec = item[method]
            operations.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    anchor=spec.get("operationId", f"{method}-{path}"),
                    summary=spec.get("summary", ""),
                    description=spec.get("description", ""),
                    parameters=[_parameter(p) for p in spec.get("parameters", [])],
                    responses=[
                        (status, _response_type(answer))
                        for status, answer in sorted(spec.get("responses", {}).items())
                    ],
                    body=_request_body(spec),
                    security=sorted({name for need in spec.get("security", []) for name in need}),
                )
            )
    models = []
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        models.append(
            Model(
                name=name,
                fields=[
                    Parameter(
                        name=field_name,
                        where="",
                        required=field_name in required,
                        type=_type_name(field_schema),
                        description=field_schema.get("description", ""),
                    )
                    for field_name, field_schema in schema.get("properties", {}).items()
                ],
                description=schema.get("description", ""),
                closed=schema.get("additionalProperties") is False,
            )
        )
    info = document.get("info", {})
    return {
        "info": info,
        "operations": operations,
        "models": models,
        "security_schemes": _security_schemes(document),
    }


class ReferencePage(DocsBase):
    """ninja's `docs` hook: our page instead of Swagger UI."""

    def render_page(self, request, api, **kwargs):
        document = api.get_openapi_schema(path_params=kwargs)
        context = reference_from_openapi(document)
        context["openapi_url"] = self.get_openapi_url(api, kwargs)
        return render(request, "api/reference.html", context)
