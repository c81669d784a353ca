# Kiosque's edge: Varnish (Debian's varnish 7 + varnish-modules for xkey).
#
# The application says how long each response may be kept (Cache-Control s-maxage),
# files it under surrogate keys (the `xkey` header) and purges those keys when content
# changes (PURGE with an `xkey-purge` header, from every URL of EDGE_URL). This file
# only has to: spread requests over the application hosts that answer their health
# probe, keep cookies away from public pages, never store anything personal, serve
# stale pages while refreshing them or while the application is down, and say HIT or
# MISS.
#
# The three blocks between ">>> make edge:" and "<<<" lines are written by
# `kiosque edge` (`make edge`: one application host, 127.0.0.1:BACKEND_PORT; repeat
# --backend HOST:PORT for several, --purger ADDRESS[/BITS] for the ACL) and by
# kiosque.edge.varnish.vcl_for() for the cluster. By hand: one `backend` per
# application host, one `add_backend` line per backend, the application hosts'
# addresses in `purgers`, and the admin path (ADMIN_PATH).

vcl 4.1;

import directors;
import std;
import xkey;

# A dead application host is marked sick after two failed probes out of the last three:
# about two seconds after it stops answering (refused connections fail at once; a host
# that vanished costs a probe timeout more). Until then, a fetch it fails is retried on
# another host (vcl_backend_error below), so readers see no error in between.
probe healthz {
    .url = "/healthz";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    # Healthy from the start: a just-started edge serves at once; a dead host
    # still goes sick after two probes.
    .initial = 2;
}

# >>> make edge: backends
backend app_127_0_0_1_8000 {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .probe = healthz;
}
# <<< make edge: backends

sub vcl_init {
    new application = directors.round_robin();
    # >>> make edge: director
    application.add_backend(app_127_0_0_1_8000);
    # <<< make edge: director
}

# Who may purge: the application's web servers, workers and CLI hosts.
acl purgers {
    # >>> make edge: purgers
    "127.0.0.1";
    "::1";
    # <<< make edge: purgers
}

sub vcl_recv {
    if (req.restarts == 0) {
        # Our own markers (below): never taken from a client.
        unset req.http.X-Kiosque-Shared;
        unset req.http.X-Kiosque-Stale-If-Error;
    }
    # ESI (« Les plus lus »): only the pages this edge stores get includes to assemble;
    # what a client sends is never believed.
    unset req.http.Surrogate-Capability;
    set req.backend_hint = application.backend();

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
    if (req.url ~ "^/(en/)?(compte|commentaires|signaler|lettres)/"
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

    # Stale while revalidating (a minute) when an application host is up; stale for as
    # long as the object's grace (stale-if-error) allows when none is, or when the
    # application failed this very request (X-Kiosque-Stale-If-Error, vcl_deliver; a
    # restart keeps req.grace, so it is set again, to more than any object's grace).
    if (req.http.X-Kiosque-Stale-If-Error) {
        set req.grace = 3650d;
    } else if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    set req.http.X-Kiosque-Shared = "1";
    set req.http.Surrogate-Capability = "kiosque=ESI/1.0";
    return (hash);
}

sub vcl_miss {
    # Second pass after the application failed (vcl_deliver): a stale copy was the only
    # hope; without one, say so rather than ask the failing application again.
    if (req.http.X-Kiosque-Stale-If-Error) {
        return (synth(503, "Service Unavailable"));
    }
}

sub vcl_backend_fetch {
    unset bereq.http.X-Kiosque-Shared;
    unset bereq.http.X-Kiosque-Stale-If-Error;
}

sub vcl_backend_error {
    # The host did not answer (refused, reset, timed out) and may not be marked sick yet:
    # a request that changes nothing is tried on the next host, a bounded number of times.
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 3) {
        return (retry);
    }
    # Nothing stored, so the stale copy stays; the client side decides (vcl_synth).
    if (bereq.uncacheable) {
        return (deliver);
    }
    return (abandon);
}

sub vcl_backend_response {
    # A page with an include (« Les plus lus ») is assembled here at each delivery: the
    # page stays stored while the included part is fetched, kept and purged on its own.
    if (beresp.http.Surrogate-Control ~ "ESI/1\.0") {
        unset beresp.http.Surrogate-Control;
        set beresp.do_esi = true;
        set beresp.http.X-Kiosque-ESI = "1";
    }
    # An application error on a shared page is never stored, and never replaces the copy
    # readers have: stale-if-error (the client side serves the stale copy, vcl_deliver).
    if (beresp.status >= 500 && !bereq.uncacheable) {
        return (abandon);
    }
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
    # s-maxage gives beresp.ttl (Varnish reads it before max-age). Expired objects are
    # kept as long as the application's stale-if-error says (EDGE_STALE_IF_ERROR; a
    # day without it) to be served while it is down, and a day for conditional
    # revalidation (ETag, Last-Modified).
    set beresp.grace = 24h;
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 24h);
    }
    set beresp.keep = 24h;
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (resp.status >= 500 && req.http.X-Kiosque-Shared && !req.http.X-Kiosque-Stale-If-Error) {
        call stale_if_error;
    }
    # A page view (kiosque/audience/counting.py), whether the copy comes from the cache
    # or not: logged for varnishncsa (deploy/varnish/kiosque-audience.service), then
    # removed, as the object keeps it for the next readers.
    if (resp.http.X-Kiosque-Count) {
        if (req.esi_level == 0) {
            std.log("count:" + resp.http.X-Kiosque-Count);
        }
        unset resp.http.X-Kiosque-Count;
    }
    if (req.esi_level > 0 && resp.status != 200) {
        # An included part that failed leaves its place empty: no error page in a page.
        return (synth(204, "No Content"));
    }
    if (resp.http.X-Kiosque-ESI) {
        # The page's validators describe the page without its included part, which may
        # have changed since: a 304 would keep an old « Les plus lus » in the browser.
        unset resp.http.X-Kiosque-ESI;
        unset resp.http.ETag;
        unset resp.http.Last-Modified;
        unset req.http.If-None-Match;
        unset req.http.If-Modified-Since;
    }
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
    if (resp.status >= 500 && req.http.X-Kiosque-Shared && !req.http.X-Kiosque-Stale-If-Error) {
        call stale_if_error;
    }
    if (req.esi_level > 0) {
        set resp.body = "";
        return (deliver);
    }
    set resp.http.X-Cache = "MISS";
    unset resp.http.X-Varnish;
    if (resp.status == 503) {
        # Every application host failed and no copy of the page was kept.
        set resp.http.Content-Type = "text/html; charset=utf-8";
        set resp.http.Retry-After = "30";
        set resp.http.Cache-Control = "no-store";
        set resp.body = {"<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Page momentanément indisponible</title></head>
<body>
<h1>Page momentanément indisponible</h1>
<p>Le site ne répond pas pour le moment. Réessayez dans quelques instants.</p>
</body>
</html>
"};
        return (deliver);
    }
}

# A shared page the application failed to give (every host tried): look it up again,
# accepting a copy as stale as its grace (stale-if-error) allows.
sub stale_if_error {
    set req.http.X-Kiosque-Stale-If-Error = "1";
    return (restart);
}
