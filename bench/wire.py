#!/usr/bin/env python3
"""The wire desk's intake, measured against a running site (bench/wire.sh starts it).

- items per second: N ninjs items (and N NewsML-G2 items), 3 versions each, moved into <data dir>/wire/incoming at
  once; timed until every file has left incoming/. Interleaved with the reference (the same files read, parsed as
  JSON or XML and copied to another folder by this script), round by round, so the machine's drift hits both.
- file to desk at a trickle: one file every 1/rate s; the time from the move into incoming/ until it is in
  processed/ (moved there after its transaction committed, i.e. when the desk shows it); p50, p95.
- kill to withdrawn: a published, cached story made from an item; the time from the kill file's move into
  incoming/ until the article answers 410, interleaved with the time a plain new version takes to reach processed/.
"""
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import sys
import time
import urllib.parse
import urllib.request
import xml.dom.minidom

BASE, DATA, USER, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
N, ROUNDS, TRICKLE, RATE, KILLS = (int(a) for a in sys.argv[5:10])
WIRE = os.path.join(DATA, "wire")
INCOMING = os.path.join(WIRE, "incoming")
PROCESSED = os.path.join(WIRE, "processed")


def ninjs(guid, version, status="usable", urgency=4):
    return json.dumps({
        "uri": guid, "type": "text", "version": str(version), "versioncreated": "2026-12-01T10:%02d:00Z" % version,
        "pubstatus": status, "urgency": urgency, "slugline": "bench", "located": "OSLO", "by": "Bench Writer",
        "copyrightholder": "NTB", "headlines": [{"role": "main", "value": "Bench item %s v%d" % (guid[-12:], version)}],
        "descriptions": [{"role": "summary", "value": "Version %d." % version}],
        "bodies": [{"role": "main", "contenttype": "text/html",
                    "value": "<p>Paragraph one of version %d.</p><p>Paragraph two.</p>" % version}]})


def newsml(guid, version):
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="%s" version="%d" standard="NewsML-G2">
<itemMeta><itemClass qcode="ninat:text"/><versionCreated>2026-12-01T09:%02d:00Z</versionCreated>
<pubStatus qcode="stat:usable"/></itemMeta><contentMeta><urgency>4</urgency><located><name>BERLIN</name></located>
<headline>Bench G2 %s v%d</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Version %d.</p></body></html></inlineXML></contentSet>
</newsItem>""" % (guid, version, version, guid[-12:], version, version))


def write_batch(folder, kind, tag):
    os.makedirs(folder, exist_ok=True)
    for version in (1, 2, 3):
        for i in range(N):
            guid = "urn:bench:%s:%s:%d" % (kind, tag, i)
            name = "%s-%s-%05d-v%d.%s" % (kind, tag, i, version, "json" if kind == "ninjs" else "xml")
            with open(os.path.join(folder, name), "w") as f:
                f.write(ninjs(guid, version) if kind == "ninjs" else newsml(guid, version))
    return sorted(os.listdir(folder), key=lambda n: (n[-6:], n))  # v1 files before v2 before v3


def wait_empty(folder, timeout=3600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not [n for n in os.listdir(folder) if not n.endswith(".part")]:
            return
        time.sleep(0.02)
    raise SystemExit("incoming/ not emptied within %d s" % timeout)


def dateline_round(kind, tag):
    staging = os.path.join(WIRE, "staging-" + tag)
    names = write_batch(staging, kind, tag)
    started = time.monotonic()
    for name in names:
        os.replace(os.path.join(staging, name), os.path.join(INCOMING, name))
    wait_empty(INCOMING)
    elapsed = time.monotonic() - started
    shutil.rmtree(staging)
    return len(names) / elapsed


def reference_round(kind, tag):
    staging = os.path.join(WIRE, "ref-" + tag)
    target = os.path.join(WIRE, "ref-out-" + tag)
    names = write_batch(staging, kind, tag)
    os.makedirs(target)
    started = time.monotonic()
    for name in names:
        path = os.path.join(staging, name)
        with open(path, "rb") as f:
            data = f.read()
        json.loads(data) if kind == "ninjs" else xml.dom.minidom.parseString(data)
        shutil.copyfile(path, os.path.join(target, name))
    elapsed = time.monotonic() - started
    shutil.rmtree(staging)
    shutil.rmtree(target)
    return len(names) / elapsed


def drop(name, content):
    part = os.path.join(INCOMING, name + ".part")
    with open(part, "w") as f:
        f.write(content)
    os.replace(part, os.path.join(INCOMING, name))
    return time.monotonic()


def until_processed(name, since, timeout=60):
    path = os.path.join(PROCESSED, name)
    deadline = since + timeout
    while time.monotonic() < deadline:
        if os.path.exists(path):
            return time.monotonic() - since
        time.sleep(0.002)
    raise SystemExit(name + " not processed within %d s" % timeout)


# --- a signed-in admin for the kill part: the desk's Use, then an API token to publish
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


plain = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def csrf(path):
    page = opener.open(BASE + path).read().decode()
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def post(path, fields):
    body = urllib.parse.urlencode(dict(fields, _csrf=csrf("/newsroom" if path != "/newsroom/login" else path))).encode()
    try:
        return plain.open(urllib.request.Request(BASE + path, data=body))
    except urllib.error.HTTPError as e:
        return e


def status(path):
    try:
        return urllib.request.urlopen(BASE + path).status
    except urllib.error.HTTPError as e:
        return e.code


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


os.makedirs(INCOMING, exist_ok=True)
results = {}
for kind in ("ninjs", "newsml"):
    ratios, ours, refs = [], [], []
    for r in range(ROUNDS):
        ref = reference_round(kind, "r%d%s" % (r, time.time_ns()))
        own = dateline_round(kind, "d%d%s" % (r, time.time_ns()))
        refs.append(ref)
        ours.append(own)
        ratios.append(own / ref)
    results[kind] = (statistics.median(ours), statistics.median(refs), statistics.median(ratios))
    print("%-6s %d items x 3 versions: %.0f files/s (%.0f items/s); reference %.0f files/s; ratio %.3f (median of %d)"
          % (kind, N, results[kind][0], results[kind][0] / 3, results[kind][1], results[kind][2], ROUNDS))

# A watcher notes when each dropped file reaches processed/, while the files keep coming at the rate.
import threading
pending, trickle, done = {}, [], threading.Event()


def watch():
    while not done.is_set() or pending:
        for name, at in list(pending.items()):
            if os.path.exists(os.path.join(PROCESSED, name)):
                trickle.append(time.monotonic() - at)
                del pending[name]
        time.sleep(0.002)


watcher = threading.Thread(target=watch)
watcher.start()
for i in range(TRICKLE):
    name = "trickle-%d-%05d.json" % (time.time_ns(), i)
    pending[name] = drop(name, ninjs("urn:bench:trickle:%d:%d" % (time.time_ns(), i), 1))
    time.sleep(max(0, 1 / RATE - 0.001))
done.set()
watcher.join(120)
print("file to desk at %d items/s, %d items: p50 %.0f ms, p95 %.0f ms, max %.0f ms"
      % (RATE, TRICKLE, percentile(trickle, 50) * 1000, percentile(trickle, 95) * 1000, max(trickle) * 1000))

post("/newsroom/login", {"username": USER, "password": PASSWORD})
token_page = post("/newsroom/tokens", {"name": "bench-%d" % time.time_ns(), "role": "admin"})
token = re.search(r'id="new-token"[^>]*>([^<]+)<', opener.open(BASE + "/newsroom/tokens").read().decode()).group(1)
kills, references = [], []
for k in range(KILLS):
    guid = "urn:bench:kill:%d:%d" % (time.time_ns(), k)
    until_processed("kill-%d-v1.json" % k, drop("kill-%d-v1.json" % k, ninjs(guid, 1)))
    desk = opener.open(BASE + "/newsroom/wire?q=" + urllib.parse.quote(guid[-12:])).read().decode()
    item = re.search(r'id="wire-(\d+)"', desk).group(1)
    used = post("/newsroom/wire/%s/use" % item, {})
    article = re.search(r"/newsroom/articles/(\d+)", used.headers["Location"]).group(1)
    published = json.loads(urllib.request.urlopen(urllib.request.Request(
        BASE + "/api/v1/admin/stories/%s/publish" % article, data=b"", method="POST",
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})).read())
    path = published["path"]
    status(path)
    status(path)  # cached now
    # reference: a plain newer version of another item, file to processed/
    references.append(until_processed("ref-%d.json" % k, drop("ref-%d.json" % k, ninjs(guid + "-ref", 1))))
    at = drop("kill-%d-v2.json" % k, ninjs(guid, 2, "canceled"))
    while status(path) != 410:
        if time.monotonic() - at > 30:
            raise SystemExit("not withdrawn within 30 s")
        time.sleep(0.005)
    kills.append(time.monotonic() - at)
print("kill to withdrawn (410 on a cached page), %d kills: median %.0f ms, max %.0f ms; a plain version's file "
      "to desk in between: median %.0f ms; ratio %.2f"
      % (KILLS, statistics.median(kills) * 1000, max(kills) * 1000, statistics.median(references) * 1000,
         statistics.median(kills) / statistics.median(references)))
