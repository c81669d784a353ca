"""An XSS corpus written for Kiosque: shapes × context breakouts, each payload numbered.

Every payload, were it ever to run, calls `__xss(<its number>)`: the browser test
defines that function before any script of the page, so an execution names its payload.
A payload is built from a *shape* (how the code would get into the page: a tag, an event
handler, a URL, a style, a parser confusion, a template tag...) with `{js}` where the
call goes, placed after a *breakout* (what would end the context the text lands in: an
attribute value, a <textarea>, a <title>, a JSON-LD <script>, a comment). The shapes
aim at what this site does with text: Jinja2 and Django templates (autoescape, `|safe`,
template syntax in an editor's or agency's text), nh3 on agency and editor HTML, French
typography inserting no-break spaces, comment links made clickable, JSON-LD and
OpenGraph in the <head>, and Wagtail's admin scripts rendering stored text.

Payload text is kept under 3,000 characters (a comment's limit); `short_payloads()` are
the ones a display name (50 characters) keeps whole.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

HOOK = "__xss"
# Where a payload names itself: `__xss(12)`, in clear or written with the escapes and
# entities that the encoded shapes use (a parser or a script may decode them).
MARKER = re.compile(
    r"xss(?:&#40;|%28|\W{0,4})(\d+)|\[(\d+)\]\.map\(_*xss|'ss'}`]\((\d+)", re.IGNORECASE
)


def marked_ids(text: str) -> set[int]:
    """The payload numbers written in `text`."""
    return {int("".join(groups)) for groups in MARKER.findall(text)}


@dataclass(frozen=True)
class Payload:
    id: int
    family: str
    text: str

    def __str__(self) -> str:
        return f"#{self.id} [{self.family}] {self.text!r}"


# --- how the call itself is written ---------------------------------------------------
# A filter that looks for `alert(` or for the hook's name would miss these; the page's
# escaping must not care how the code is spelt.
def _call(n: int) -> str:
    return f"{HOOK}({n})"


CALL_SPELLINGS = (
    _call,
    lambda n: f"top['_'+'_xss']({n})",
    lambda n: f"self[`__x${{'ss'}}`]({n})",
    lambda n: f"\\u005f\\u005fxss({n})",
    lambda n: f"[{n}].map({HOOK})",
    lambda n: f"{HOOK}`{n}`",
    lambda n: f"Function('{HOOK}({n})')()",
    lambda n: f"setTimeout('{HOOK}({n})')",
    lambda n: f"eval(atob('{base64.b64encode(_call(n).encode()).decode()}'))",
    lambda n: f"(0,{HOOK})({n})",
)


# --- shapes: where the call sits --------------------------------------------------------
# `{js}` is the call; `{b64}` the base64 of `<script>{js}</script>`; `{html_js}` the call
# as HTML decimal entities; `{pct}` the call percent-encoded.
SHAPES: dict[str, tuple[str, ...]] = {
    "script": (
        "<script>{js}</script>",
        "<ScRiPt>{js}</sCrIpT>",
        "<script type=module>{js}</script>",
        "<script src=data:text/javascript,{js}></script>",
        "<script>/*</script>*/{js}//</script>",
        "<scr<script>ipt>{js}</scr</script>ipt>",
        "<<script>{js}//<</script>",
        "<script/x>{js}</script>",
        "<script\n>{js}</script\n>",
        "<script>{js}",
    ),
    "event-handler": (
        "<img src=x onerror={js}>",
        '<img src="x" onerror="{js}">',
        "<img/src/onerror={js}>",
        "<img src=x:x onerror={js}//",
        "<image src=x onerror={js}>",
        "<body onload={js}>",
        "<input autofocus onfocus={js}>",
        "<details open ontoggle={js}>",
        "<video src=x onerror={js}>",
        "<audio src=x onerror={js}>",
        "<video><source onerror={js}></video>",
        "<iframe onload={js}></iframe>",
        "<object data=x onerror={js}></object>",
        "<style onload={js}></style>",
        "<link rel=stylesheet href=x onerror={js}>",
        "<marquee onstart={js}>x</marquee>",
        "<select autofocus onfocus={js}></select>",
        "<textarea autofocus onfocus={js}></textarea>",
        "<div contenteditable autofocus onfocus={js}>x</div>",
        "<a id=x tabindex=0 onfocusin={js}>x</a>",
        "<img src=x onerror\t=\t{js}>",
        "<img src=x onerror={html_js}>",
        "<div onpointerenter={js} style=position:fixed;inset:0>x</div>",
        "<p onmouseover={js}>survolez</p>",
        "<body onpageshow={js}>",
        "<input type=image src=x onerror={js}>",
    ),
    "svg": (
        "<svg onload={js}>",
        "<svg/onload={js}>",
        "<svg><script>{js}</script></svg>",
        "<svg><script href=data:,{js} />",
        "<svg><animate onbegin={js} attributeName=x dur=1s>",
        "<svg><set onbegin={js} attributeName=x to=1>",
        "<svg><a xlink:href=javascript:{js}><text y=20>x</text></a></svg>",
        "<svg><a><animate attributeName=href values=javascript:{js} /><text y=9>x</text></a>",
        "<svg><foreignObject><img src=x onerror={js}></foreignObject></svg>",
        "<svg><image href=x onerror={js} />",
        "<svg><style><img src=x onerror={js}></style></svg>",
        "<svg><title><img src=x onerror={js}></title></svg>",
        "<svg><desc><img src=x onerror={js}></desc></svg>",
        "<svg><discard onbegin={js} />",
    ),
    "mathml": (
        "<math><mtext><img src=x onerror={js}></mtext></math>",
        "<math><mi xlink:href=javascript:{js}>x</mi></math>",
        "<math href=javascript:{js}>x</math>",
        "<math><maction actiontype=statusline xlink:href=javascript:{js}>x</maction></math>",
        '<math><annotation-xml encoding="text/html"><img src=x onerror={js}></annotation-xml>',
        "<math><mtext><table><mglyph><style><img src=x onerror={js}>",
        "<math><style><img src=x onerror={js}></style></math>",
        "<math><semantics><annotation-xml encoding=application/xhtml+xml><svg onload={js}>",
    ),
    "url": (
        "<a href=javascript:{js}>lien</a>",
        '<a href="JaVaScRiPt:{js}">lien</a>',
        '<a href=" &#14; javascript:{js}">lien</a>',
        '<a href="java&#x09;script:{js}">lien</a>',
        "<a href=javascript&colon;{js}>lien</a>",
        '<a href="&#x6A;avascript:{js}">lien</a>',
        "<a href=data:text/html;base64,{b64}>lien</a>",
        '<iframe src="javascript:{js}"></iframe>',
        "<iframe src=data:text/html;base64,{b64}></iframe>",
        '<iframe srcdoc="<script>{js}</script>"></iframe>',
        '<object data="javascript:{js}"></object>',
        "<embed src=data:text/html;base64,{b64}>",
        "<form action=javascript:{js}><button>x</button></form>",
        "<form><button formaction=javascript:{js}>x</button></form>",
        '<meta http-equiv=refresh content="0;url=javascript:{js}">',
        "<base href=javascript:{js}//>",
        "javascript:{js}",
        "data:text/html;base64,{b64}",
        "[cliquez](javascript:{js})",
        'https://exemple.org/?"><script>{js}</script>',
        "https://exemple.org/'onmouseover='{js}'",
        'www.exemple.fr/"onfocus="{js}"autofocus="',
        "https://exemple.org/#<img src=x onerror={js}>",
    ),
    "css": (
        '<div style="background:url(javascript:{js})">x</div>',
        '<div style="width:expression({js})">x</div>',
        "<style>*{{background:url('javascript:{js}')}}</style>",
        '<style>@import "data:text/css,*{{x:expression({js})}}";</style>',
        "<link rel=stylesheet href=data:text/css,body{{behavior:url(javascript:{js})}}>",
        "<style>@keyframes k{{}}</style><b style=animation-name:k onanimationstart={js}>x</b>",
        "<p style=transition:all;transition-duration:1ms ontransitionend={js}>x</p>",
        "<style>body{{background:url(x)}}</style><img src=x onerror={js}>",
        "<div style=\"-moz-binding:url('data:text/xml,<x>{js}</x>')\">x</div>",
        "</style><script>{js}</script>",
    ),
    "mutation": (
        '<noscript><p title="</noscript><img src=x onerror={js}>">',
        '<!--<img src="--><img src=x onerror={js}//">',
        '<textarea><img title="</textarea><img src=x onerror={js}>">',
        '<title><img title="</title><img src=x onerror={js}>">',
        '<xmp><img title="</xmp><img src=x onerror={js}>">',
        '<noembed><img title="</noembed><img src=x onerror={js}>">',
        '<iframe><img title="</iframe><img src=x onerror={js}>">',
        '<noframes><img title="</noframes><img src=x onerror={js}>">',
        "<form><math><mtext></form><form><mglyph><style></math><img src=x onerror={js}>",
        '<svg></p><style><a id="</style><img src=x onerror={js}>">',
        '<math><mi><mglyph><svg><mtext><textarea><a title="</textarea><img src=x onerror={js}>">',
        "<template><script>{js}</script></template>",
        "<select><template><img src=x onerror={js}></template></select>",
        "<table><img src=x onerror={js}><td>x</td></table>",
        "<![CDATA[><img src=x onerror={js}>]]>",
        "<?xml-stylesheet ?><img src=x onerror={js}>",
        '<a title="<img src=x onerror={js}>">x</a>',
        "<img alt='><svg onload={js}>'>",
        "<!--><svg onload={js}>-->",
        "<listing>&lt;img src=x onerror={js}&gt;</listing>",
    ),
    "encoding": (
        "&lt;script&gt;{js}&lt;/script&gt;",
        "&#60;script&#62;{js}&#60;/script&#62;",
        "&amp;lt;img src=x onerror={js}&amp;gt;",
        "%3Cscript%3E{pct}%3C%2Fscript%3E",
        "%253Cscript%253E{js}%253C%252Fscript%253E",
        "\\u003cscript\\u003e{js}\\u003c/script\\u003e",
        "\\x3cscript\\x3e{js}\\x3c/script\\x3e",
        "+ADw-script+AD4-{js}+ADw-/script+AD4-",
        "\uff1cscript\uff1e{js}\uff1c/script\uff1e",
        "\u00bcscript\u00be{js}\u00bc/script\u00be",
        "<img src=x onerror=&#x5F;&#x5F;xss&#40;{n}&#41;>",
        "&lt;img src=x onerror={js}&gt;",
        "<img src=x onerror=&#0000095;&#0000095;xss({n})>",
        "PHNjcmlwdD4=<script>{js}</script>",
    ),
    "unicode": (
        "\u202e<script>{js}</script>",
        "<scr\u200bipt>{js}</scr\u200bipt>",
        "<img src=x o\u200bnerror={js}>",
        "\u2066<svg onload={js}>\u2069",
        "<a href=java\u200bscript:{js}>lien</a>",
        "<a href=javascript\u00ad:{js}>lien</a>",
        "\ufeff<script>{js}</script>",
        "<img src=x onerror\u3000={js}>",
        "<svg\u000conload={js}>",
        "\u2028<script>{js}</script>\u2029",
        "\u200f<img src=x onerror={js}>\u200e",
        "<a href=\u202ejavascript:{js}>lien</a>",
        "\u0130<svg onload={js}>",
        "<\u0131mg src=x onerror={js}>",
    ),
    "template": (
        "{{{{ '<script>{js}</script>'|safe }}}}",
        '{{{{ "<svg onload={js}>"|safe }}}}',
        "{{% autoescape off %}}<img src=x onerror={js}>{{% endautoescape %}}",
        "{{% autoescape false %}}<img src=x onerror={js}>{{% endautoescape %}}",
        "{{% set x = '<svg onload={js}>' %}}{{{{ x|safe }}}}",
        "{{{{ '<img src=x onerror={js}>'|mark_safe }}}}",
        "{{% filter safe %}}<svg onload={js}>{{% endfilter %}}",
        "{{% raw %}}<img src=x onerror={js}>{{% endraw %}}",
        "{{% verbatim %}}<img src=x onerror={js}>{{% endverbatim %}}",
        "{{{{ lipsum.__globals__ }}}}<svg onload={js}>",
        "{{{{constructor.constructor('{js}')()}}}}",
        "${{{js}}}",
        "#{{{js}}}",
        "<%= {js} %>",
        "{{{{ request }}}}{{{{ settings.SECRET_KEY }}}}<svg onload={js}>",
    ),
}

# --- breakouts: what would end the context the text lands in --------------------------
BREAKOUTS_PER_SHAPE = 3
BREAKOUTS = (
    "",
    '">',
    "'>",
    "</textarea></title></style></noscript></template>",
    "</script>",
    "-->",
)
# Payloads that are nothing but an attribute or a script string, for text rendered
# inside one (a value="", a data-* read by a script, a JSON string in a <script>).
CONTEXT_ONLY = (
    ('" onfocus="{js}" autofocus="', "attribute"),
    ("' onfocus='{js}' autofocus='", "attribute"),
    ('" onmouseover="{js}', "attribute"),
    ("` onfocus=`{js}` autofocus `", "attribute"),
    ('x" onerror="{js}" src="x', "attribute"),
    ('" style="animation-name:k" onanimationstart="{js}', "attribute"),
    ("';{js};//", "js-string"),
    ('";{js};//', "js-string"),
    ("\\';{js};//", "js-string"),
    ('\\";{js};//', "js-string"),
    ('"-{js}-"', "js-string"),
    ("'-{js}-'", "js-string"),
    ("</script><script>{js}</script>", "json-ld"),
    ('"}}]</script><script>{js}</script>', "json-ld"),
    ("<!--<script>{js}</script>-->", "json-ld"),
)

TEMPLATE_FAMILIES = ("template",)
ENCODED_FAMILIES = ("encoding", "unicode")


def _fill(shape: str, n: int, spelling) -> str:
    js = spelling(n)
    return shape.format(
        js=js,
        n=n,
        b64=base64.b64encode(f"<script>{_call(n)}</script>".encode()).decode(),
        html_js="".join(f"&#{ord(c)};" for c in _call(n)),
        pct=quote(_call(n), safe=""),
    )


@cache
def all_payloads() -> tuple[Payload, ...]:
    """Every payload once, numbered from 1 in a stable order."""
    payloads: list[Payload] = []

    def add(family: str, shape: str, prefix: str = "") -> None:
        n = len(payloads) + 1
        spelling = CALL_SPELLINGS[n % len(CALL_SPELLINGS)]
        # Encoded and template shapes keep their own spelling of the call: the point
        # is the encoding, and the plain call is what a decoder would produce.
        if family in ENCODED_FAMILIES or family in TEMPLATE_FAMILIES:
            spelling = _call
        payloads.append(Payload(n, family, prefix + _fill(shape, n, spelling)))

    shape_number = 0
    for family, shapes in SHAPES.items():
        for shape in shapes:
            # Each shape bare, then after three of the breakouts, taken in turn: every
            # breakout meets every family without multiplying the corpus by six.
            add(family, shape)
            for step in range(BREAKOUTS_PER_SHAPE):
                add(family, shape, BREAKOUTS[1 + (shape_number + step) % (len(BREAKOUTS) - 1)])
            shape_number += 1
    for shape, family in CONTEXT_ONLY:
        add(family, shape)
    return tuple(payloads)


def payload(n: int) -> Payload:
    return all_payloads()[n - 1]


def short_payloads(limit: int) -> list[Payload]:
    """The payloads a field of `limit` characters keeps whole."""
    return [p for p in all_payloads() if len(p.text) <= limit]


def families() -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in all_payloads():
        counts[p.family] = counts.get(p.family, 0) + 1
    return counts
