# Varnish 7 in front of Dateline nodes (docs/scaling.md, "Front caches"). Debian: apt-get install varnish
# varnish-modules (the xkey vmod). Pages are kept by what the nodes send (s-maxage), purged by key by the nodes
# (PURGE with an xkey-purge header, BAN for everything), served stale while refetched (grace), and fetched once
# for many waiting readers (request coalescing, Varnish's default for cacheable objects).
vcl 4.1;

import directors;
import std;
import xkey;

# Asks each node every second; a node is sick after 3 of the last 5 probes failed. /actuator/health answers 503
# when the node's database is gone or its change follower lags (docs/scaling.md, "Health"), so a node that would
# serve old pages is taken out as well.
probe dateline_health {
    .request =
        "GET /actuator/health HTTP/1.1"
        "Host: localhost"
        "Connection: close"
        "User-Agent: varnish-probe";
    .interval = 1s;
    .timeout = 1s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

# --- nodes: deploy/local-cluster.sh and the tests write this part (one backend per node, the purgers' ACL,
# --- and where live event streams go: Pushpin, or the nodes themselves)
backend node1 { .host = "127.0.0.1"; .port = "8081"; .probe = dateline_health; }
backend node2 { .host = "127.0.0.1"; .port = "8082"; .probe = dateline_health; }
backend node3 { .host = "127.0.0.1"; .port = "8083"; .probe = dateline_health; }
backend pushpin { .host = "127.0.0.1"; .port = "7999"; }

# Only the nodes may purge: list each node's address as Varnish sees it.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
    nodes.add_backend(node3);
}

sub dateline_stream_backend {
    set req.backend_hint = pushpin;
}
# --- end of nodes

sub vcl_recv {
    # A sick node is skipped by the director: the next healthy one answers.
    set req.backend_hint = nodes.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        # Hard purge: the next reader gets the new page, never a stale copy under grace.
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }

    # Live event streams are held open: piped, never buffered, to Pushpin when it is used.
    if (req.url ~ "^/live/[0-9]+/events") {
        call dateline_stream_backend;
        return (pipe);
    }

    # The wire desk's event stream (editors' open desks, held open): passed with its session cookie, streamed to
    # the desk as each event comes (vcl_backend_response), never kept.
    if (req.url ~ "^/newsroom/wire/events(\?|$)") {
        return (pass);
    }

    # Staff and writers go straight through: the newsroom, the API, sign-in, health, every POST.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(newsroom|api|actuator)(/|\?|$)" || req.url ~ "^/search(\?|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A session cookie (staff, or anyone who opened a form), or a commenter whose comment still waits: the node
    # decides, page by page, and sends those answers private.
    if (req.http.Cookie ~ "(^|;\s*)(JSESSIONID|SESSION|dateline_pending)=") {
        return (pass);
    }
    # Every other reader is anonymous: one shared copy. Cookies the page reads in the browser (the remembered
    # commenter) stay in the browser.
    unset req.http.Cookie;

    # While any node is healthy, serve a page at most 10 s past its freshness while it is refetched; when none is,
    # serve what is held (up to beresp.grace) rather than an error.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_pipe {
    # Each piped request gets its own backend connection.
    set bereq.http.Connection = "close";
}

sub vcl_backend_response {
    # An event stream goes out byte by byte as the node writes it: no buffering, no gzip, nothing kept.
    if (beresp.http.Content-Type ~ "^text/event-stream") {
        set beresp.do_stream = true;
        set beresp.do_gzip = false;
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    set beresp.grace = 6h;
    # Only what a node declares shared (Cache-Control: public, s-maxage) is kept: pages, feeds, assets. A private
    # answer, a Set-Cookie, an error page or a 404 (a story about to be published) is fetched each time.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_synth {
    # How many pages a purge dropped, for the node's debug log.
    if (req.http.x-purged) {
        set resp.http.X-Purged = req.http.x-purged;
    }
}

sub vcl_deliver {
    # Whether the reader's answer came from this cache: HIT, MISS (fetched and kept) or PASS (never kept).
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } elsif (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
