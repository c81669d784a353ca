"""Templates name what they show, so the edge knows what to purge when it changes."""

from django import template

from kiosque.edge.keys import add_keys, article_key

register = template.Library()


@register.simple_tag(takes_context=True)
def shows_article(context, article) -> str:
    """Mark the response as showing `article` (a card, a related link, a count)."""
    add_keys(context.get("request"), [article_key(article.pk)])
    return ""


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary, keys):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary
        self.keys = keys

    def render(self, context):
        from kiosque.edge.fragments import cached_fragment

        vary = [value.resolve(context) for value in self.vary]
        keys = self.keys.resolve(context) if self.keys is not None else ()
        return cached_fragment(
            context.get("request"),
            self.name.resolve(context),
            vary,
            lambda: self.nodelist.render(context),
            keys=keys or (),
        )


@register.tag("fragment")
def fragment(parser, token):
    """{% fragment "name" vary... [keys=...] %}…{% endfragment %}: a cached public part.

    The block is rendered once per combination of `vary` values and kept until one of
    the surrogate keys it shows changes (kiosque.edge.fragments). `keys` adds keys the
    block shows without adding them itself (the page it belongs to, say).
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name")
    name = parser.compile_filter(bits[1])
    vary, keys = [], None
    for bit in bits[2:]:
        if bit.startswith("keys="):
            keys = parser.compile_filter(bit[len("keys=") :])
        else:
            vary.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, name, vary, keys)


@register.filter
def surrogate_keys(page) -> set[str]:
    """The keys of a page's own response, for a fragment of that page."""
    from kiosque.edge.keys import keys_for_shown_page

    return keys_for_shown_page(page) if page is not None and getattr(page, "pk", None) else set()
