"""HTTP methods reader pages answer; anything else gets 405 from Wagtail."""

from wagtail.compat import HTTPMethod

# Reader pages are documents: nothing is ever posted to them (comments and accounts
# have their own endpoints), so a POST or PUT is refused rather than silently served.
READ_ONLY_METHODS = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
