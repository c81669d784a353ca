# Kiosque's edge: Varnish (Debian's varnish 7 + varnish-modules for xkey).
#
# The application says how long each response may be kept (Cache-Control s-maxage),
# files it under surrogate keys (the `xkey` header) and purges those keys when content
# changes (PURGE with an `xkey-purge` header, from EDGE_URL). This file only has to:
# keep cookies away from public pages, never store anything personal, serve stale pages
# while refreshing them or while the application is down, and say HIT or MISS.
#
# `make edge` runs it on EDGE_PORT (8080) in front of BACKEND_PORT (8000), rewriting
# the two lines marked "make edge" below. In production set the backend address, the
# admin path (ADMIN_PATH) and the addresses allowed to purge (the application's hosts).

vcl 4.1;

import std;
import xkey;

backend kiosque {
    .host = "127.0.0.1";
    .port = "8000"; # make edge: BACKEND_PORT
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may purge: the application's web servers, workers and CLI hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = kiosque;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            # Hard purge: a killed or corrected article must not be served even once more.
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged));
        }
        return (purge);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # The personal parts of the site, the admin and documents that may be restricted:
    # never cached, cookies kept.
    if (req.url ~ "^/(en/)?(compte|commentaires|signaler)/"
        || req.url ~ "^/admin/" # make edge: ADMIN_PATH
        || req.url ~ "^/documents/"
        || req.url ~ "^/healthz") {
        return (pass);
    }

    # Everything else is the same for every reader: no cookie (and so no session, no
    # logged-in state) ever reaches the application from a public page request.
    unset req.http.Cookie;
    unset req.http.Authorization;

    # Campaign parameters do not change a page: one cached copy for all of them.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=") {
        set req.url = regsuball(req.url, "(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }

    # Stale while revalidating (a minute) when the application is up; stale for as long
    # as stale-if-error allows when it is down.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Anything that sets a cookie or says it is personal is never stored.
    # Only what the application explicitly calls shareable is stored: a response
    # without Cache-Control (an error page from a proxy, a view nobody thought about) is not.
    if (beresp.http.Set-Cookie
        || !beresp.http.Cache-Control
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # s-maxage gives beresp.ttl (Varnish reads it before max-age). Keep expired objects
    # a day for stale-if-error and for conditional revalidation (ETag, Last-Modified).
    set beresp.grace = 24h;
    set beresp.keep = 24h;
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Surrogate keys are for the edge only.
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    set resp.http.X-Cache = "MISS";
}
