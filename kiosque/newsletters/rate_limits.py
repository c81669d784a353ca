"""How often the public sign-up form may be used, counted in the shared cache.

Two counts (settings NEWSLETTER_SUBSCRIBE_RATE_LIMIT and
NEWSLETTER_CONFIRMATION_RATE_LIMIT, "N/s|m|h|d" or "off"): requests per client
address (behind the edge, the one its trusted proxies report: API_TRUSTED_PROXIES;
an IPv6 client by its /64), and confirmation mails per e-mail address, so nobody can
fill a stranger's mailbox.
The same fixed windows as the API's limit (kiosque/api/rate_limit.py).
"""

import hashlib
import ipaddress

from django.conf import settings

from kiosque.api.rate_limit import client_ip, parse_rate, seconds_to_wait_for


def client_rate():
    return parse_rate(settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT, "NEWSLETTER_SUBSCRIBE_RATE_LIMIT")


def address_rate():
    return parse_rate(
        settings.NEWSLETTER_CONFIRMATION_RATE_LIMIT, "NEWSLETTER_CONFIRMATION_RATE_LIMIT"
    )


def client_key(address: str) -> str:
    """An IPv4 client by its address; an IPv6 one by its /64, the block one subscriber
    line or host is given (its own addresses would each get a fresh count)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:  # ::ffff:192.0.2.1 is the IPv4 client it maps
        return str(ip.ipv4_mapped)
    return str(ipaddress.IPv6Network((ip, 64), strict=False))


def client_may_post(request) -> bool:
    return seconds_to_wait_for(f"nl-ip:{client_key(client_ip(request))}", client_rate()) == 0


def address_may_be_mailed(email: str) -> bool:
    # Hashed: cache keys (and a Redis MONITOR) never show a reader's address.
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]
    return seconds_to_wait_for(f"nl-mail:{digest}", address_rate()) == 0
