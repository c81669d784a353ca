"""`makemessages` that also reads the reader pages' Jinja2 templates (decision 0066).

Django's command reads templates as Django templates; for a file in a `jinja2/` folder
this one lists the messages with Jinja2's own extractor (the `_()` calls and trans
blocks), written as gettext calls on the same lines for xgettext, so the .po files
keep one entry per message with its real places.
"""

import io

from django.core.management.commands import makemessages
from jinja2.ext import babel_extract

KEYWORDS = ("_", "gettext", "ngettext")
# Tags that the templates use beyond Jinja2's own (Wagtail's include_block).
EXTENSIONS = "wagtail.jinja2tags.core"


def gettext_calls(template_source: str) -> str:
    """Python source with, on each line of the template, the gettext calls of that line."""
    lines = [""] * (template_source.count("\n") + 1)
    options = {"extensions": EXTENSIONS, "silent": "false"}  # a syntax error stops the run
    found = babel_extract(io.BytesIO(template_source.encode()), KEYWORDS, [], options)
    for line, function, message, _comments in found:
        # A call's arguments that are not strings come as None: `_("%(n)s", n=x)` gives
        # ("%(n)s", None); ngettext's singular and plural are its first two.
        strings = message if isinstance(message, tuple) else (message,)
        if function == "ngettext":
            call = f"ngettext({strings[0]!r}, {strings[1]!r}, 1)"
        else:
            call = f"gettext({strings[0]!r})"
        lines[line - 1] += call + "; "
    return "\n".join(lines)


class JinjaAwareBuildFile(makemessages.BuildFile):
    @property
    def is_jinja2(self) -> bool:
        return "/jinja2/" in self.path.replace("\\", "/")

    def preprocess(self):
        if not (self.is_templatized and self.is_jinja2):
            return super().preprocess()
        with open(self.path, encoding="utf-8") as source:
            content = gettext_calls(source.read())
        with open(self.work_path, "w", encoding="utf-8") as work:
            work.write(content)


class Command(makemessages.Command):
    build_file_class = JinjaAwareBuildFile
