"""Who is not a reader: robots, link previews, monitors and scripts, by their User-Agent.

A request is dropped when its User-Agent is empty or contains one of these words,
ignoring case. The list is short on purpose: the well-behaved robots name themselves
("Googlebot", "bingbot", "AhrefsBot", "GPTBot"...), and a robot that passes itself off
as a browser cannot be told from a reader by its User-Agent anyway. Link previews (a
message app fetching the page to show a card) are not readers either.
"""

ROBOT_WORDS = (
    "bot",  # Googlebot, bingbot, Applebot, GPTBot, Twitterbot, Slackbot, TelegramBot...
    "crawl",  # crawler, Crawl
    "spider",  # Baiduspider, YandexSpider... (Yandex also says "bot")
    "slurp",  # Yahoo
    "facebookexternalhit",  # Facebook and Instagram's link previews
    "facebookcatalog",
    "mediapartners",  # Google's advertising crawler
    "google-inspectiontool",
    "feedfetcher",
    "preview",  # BingPreview, SkypeUriPreview, "Quora Link Preview"
    "whatsapp",  # its link preview; a reader opens the link in a browser
    "headlesschrome",  # scripted browsers (also our own browser tests)
    "lighthouse",  # PageSpeed Insights
    "pingdom",
    "uptime",  # UptimeRobot, Uptime-Kuma
    "monitor",  # Site24x7 and other monitors
    "curl",
    "wget",
    "python-",  # python-requests, python-urllib, python-httpx
    "go-http-client",
    "okhttp",
    "java/",
    "libwww",
    "httpclient",  # Apache HttpClient
    "scrapy",
    "axios",
    "node-fetch",
)
# The dash varnishncsa writes for an absent header.
NO_USER_AGENT = ("", "-")


def is_robot(user_agent: str) -> bool:
    text = user_agent.strip()
    if text in NO_USER_AGENT:
        return True
    lowered = text.lower()
    return any(word in lowered for word in ROBOT_WORDS)
