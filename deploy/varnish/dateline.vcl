# Varnish 7 in front of Dateline nodes (docs/scaling.md, "Front caches"). Debian: apt-get install varnish
# varnish-modules (the xkey vmod). Pages are kept by what the nodes send (s-maxage), purged by key by the nodes
# (PURGE with an xkey-softpurge or xkey-purge header, BAN for everything), served at most 1 s stale while one
# fetch refreshes them (grace), and fetched once for many waiting readers (request coalescing, Varnish's default
# for cacheable objects). A fetch that fails is tried once more on another node (retry).
vcl 4.1;

import directors;
import std;
import xkey;

# Asks each node twice a second; a node is sick after 3 of the last 4 probes failed (1.5 s after it died). The
# timeout is generous on purpose: a node busy with a spike answers slowly, and a probe that gave up too soon would
# take healthy nodes out one after another. /actuator/health answers 503 when the node's database is gone or its
# change follower lags (docs/scaling.md, "Health"), so a node that would serve old pages is taken out as well.
# Until the probe notices, the retry below sends a failed fetch to another node.
probe dateline_health {
    .request =
        "GET /actuator/health HTTP/1.1"
        "Host: localhost"
        "Connection: close"
        "User-Agent: varnish-probe";
    .interval = 500ms;
    .timeout = 2s;
    .window = 4;
    .threshold = 2;
    .initial = 2;
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
        if (req.http.xkey-softpurge) {
            # Soft purge (an edit, a comment, a live entry): the pages stay as stale objects. The next reader gets
            # one while a single background fetch refreshes it; readers more than 1 s after the purge wait for
            # that fetch instead (req.grace below), so nobody sees the old page longer than that.
            set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
        } elsif (req.http.xkey-purge) {
            # Hard purge (a story withdrawn or killed): never served again, not even under grace.
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        } else {
            return (synth(400, "No xkey-purge or xkey-softpurge header"));
        }
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

    # While any node is healthy, serve a page at most 1 s past its freshness (or its soft purge) while one fetch
    # refreshes it; a reader later than that waits for the fetch. When no node is healthy, serve what is held (up
    # to beresp.grace) rather than an error.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 1s;
    }
    return (hash);
}

sub vcl_pipe {
    # Each piped request gets its own backend connection.
    set bereq.http.Connection = "close";
}

sub vcl_backend_error {
    # The node did not answer (killed, restarting): a GET or HEAD is tried again before the reader sees an
    # error. The director is asked again, and round robin gives the next node.
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    # A background refresh that failed everywhere: keep serving the copy held.
    if (bereq.is_bgfetch) {
        return (abandon);
    }
    # The error goes to this reader only. Kept for no time at all, so it is not a hit-for-miss that would hide
    # the page held under grace from the next readers (served while no node is healthy, see vcl_recv).
    set beresp.ttl = 0s;
    set beresp.grace = 0s;
    set beresp.keep = 0s;
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
    if (beresp.status >= 500) {
        # The same for a node that answered 502-504 (shutting down, overloaded, its database gone).
        if (beresp.status >= 502 && beresp.status <= 504 && bereq.retries < 2
                && (bereq.method == "GET" || bereq.method == "HEAD")) {
            return (retry);
        }
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        # Passed on to this reader, and not remembered as hit-for-miss: that would send every reader of a page
        # read a thousand times a second to the nodes, one by one, for two minutes.
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.keep = 0s;
        return (deliver);
    }
    # A page rendered while a change landed on its node comes stale at once (s-maxage=0, PageCacheFilter): it is
    # kept all the same, so the readers waiting for it get it and, for at most 1 s (req.grace), the next readers
    # too while one background fetch renders it again. Passing it on as hit-for-miss instead would send every
    # reader of a page that changes every few seconds to the nodes one by one, just when they are slowest.
    set beresp.grace = 6h;
    # Only what a node declares shared (Cache-Control: public, s-maxage) is kept: pages, feeds, assets. A private
    # answer, a Set-Cookie or a 404 (a story about to be published) is fetched each time.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Kept, stale or not: Varnish's built-in rule would turn a lifetime of 0 (the raced render above) into a
    # hit-for-miss for 120 s.
    return (deliver);
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
