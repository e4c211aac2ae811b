#!/usr/bin/env python3
"""The breaking-news spike against deploy/local-cluster.sh (run by bench/spike.sh, which sets the environment).

Readers through Varnish ramp up in steps (wrk), an editor's script updates the story every UPDATE_EVERY seconds
and posts a live entry every ENTRY_EVERY seconds through the admin API, and SSE readers hold connections through
Pushpin. Prints requests/s and p50/p99 per step, the share Varnish served without a node, publish-to-front and
live-delivery times, errors, each node's CPU and RSS; then kills one node with SIGKILL and prints what readers saw.
"""
import asyncio
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

FRONT = os.environ["FRONT"]
PUSHPIN = os.environ["PUSHPIN"]
TOKEN = os.environ["TOKEN"]
STORY = int(os.environ["STORY_ID"])
STORY_PATH = os.environ["STORY_PATH"]
NODES = os.environ.get("NODES", "").split()  # every node's address, to time when each shows an update
NODE_PIDS = [int(p) for p in os.environ["NODE_PIDS"].split()]
VARNISH_NAME = os.environ["VARNISH_NAME"]
SECONDS = int(os.environ.get("SPIKE_SECONDS", "60"))
STEPS = [int(c) for c in os.environ.get("SPIKE_STEPS", "64 128 256 512 1024").split()]
SSE_READERS = int(os.environ.get("SSE_READERS", "5000"))
SSE_RAMP = int(os.environ.get("SSE_RAMP", "100"))  # connections being opened at once
SSE_TRIES = int(os.environ.get("SSE_TRIES", "5"))
SSE_CONNECT_SECONDS = float(os.environ.get("SSE_CONNECT_SECONDS", "90"))
KILL = os.environ.get("SPIKE_KILL", "1") != "0"
UPDATE_EVERY = float(os.environ.get("UPDATE_EVERY", "5"))
ENTRY_EVERY = float(os.environ.get("ENTRY_EVERY", "2"))


def api(method, path, body=None, headers=None):
    request = urllib.request.Request(os.environ["NODE1"] + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json",
                                              **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status, answer.headers, json.loads(answer.read() or b"{}")


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


COUNTERS = ["MAIN.client_req", "MAIN.cache_hit", "MAIN.cache_hit_grace", "MAIN.cache_miss", "MAIN.cache_hitmiss",
            "MAIN.cache_hitpass", "MAIN.s_pass", "MAIN.s_pipe", "MAIN.busy_sleep", "MAIN.bgfetch",
            "MAIN.backend_req", "MAIN.backend_retry", "MAIN.backend_fail", "MAIN.s_synth"]


def varnish_counters():
    arguments = ["varnishstat", "-n", VARNISH_NAME, "-1"]
    for counter in COUNTERS:
        arguments += ["-f", counter]
    out = subprocess.run(arguments, capture_output=True, text=True).stdout
    return {line.split()[0]: int(line.split()[1]) for line in out.splitlines() if line.strip()}


def node_usage():
    usage = []
    for pid in NODE_PIDS:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            ticks = int(fields[11]) + int(fields[12])
            with open(f"/proc/{pid}/status") as status:
                rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
            usage.append((pid, ticks / os.sysconf("SC_CLK_TCK"), rss // 1024))
        except (FileNotFoundError, StopIteration):
            usage.append((pid, None, None))
    return usage


class Sse:
    """SSE readers on asyncio: each holds a connection through Pushpin and notes when each entry id arrives.

    Connections are opened SSE_RAMP at a time (a reader waits for a free slot before it connects), and a reader
    whose connection is refused or answered otherwise than 200 tries again after a short pause, up to SSE_TRIES
    times, as a browser's EventSource does. Opening all at once overflows the listen backlog on a loaded machine
    (the first run's 1,351 refused) and times each handshake out behind thousands of others."""

    def __init__(self):
        self.arrivals = {}  # entry id -> list of arrival times
        self.connected = 0
        self.failed = 0
        self.retried = 0
        self.reasons = {}
        self.connect_times = []
        self.loop = asyncio.new_event_loop()
        # asyncio keeps only weak references to tasks. A reader waiting on its socket is then part of a cycle nothing
        # else holds (task, stream reader, the future it waits on), and the garbage collector destroys it: its
        # StreamWriter closes the connection, Pushpin drops the subscriber, and the reader is never counted as
        # closed. That was the "Pushpin published to only 1,191 of 5,000": 3,809 tasks collected, not Pushpin.
        self.tasks = set()

    def note(self, reason):
        self.reasons[reason] = self.reasons.get(reason, 0) + 1

    async def reader(self, host, port, slots):
        for attempt in range(SSE_TRIES):
            if attempt:
                self.retried += 1
                await asyncio.sleep(0.5 * attempt)
            async with slots:
                started = time.time()
                try:
                    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 10)
                    writer.write(f"GET /live/{STORY}/events HTTP/1.1\r\nHost: {host}\r\n"
                                 "Accept: text/event-stream\r\n\r\n".encode())
                    await writer.drain()
                    status = await asyncio.wait_for(reader.readline(), 10)
                except (OSError, asyncio.TimeoutError) as error:
                    self.note(type(error).__name__)
                    continue
                if b" 200" not in status:
                    self.note(status.decode(errors="replace").strip()[:40] or "no status")
                    writer.close()
                    continue
                self.connect_times.append(time.time() - started)
            self.connected += 1
            since = time.time()
            try:
                while True:
                    line = await reader.readline()
                    if not line:
                        break
                    if line.startswith(b"id: "):
                        entry = int(line[4:].strip() or 0)
                        self.arrivals.setdefault(entry, []).append((time.time(), since))
            except OSError:
                pass
            self.connected -= 1
            self.note("closed after connecting")
            return
        self.failed += 1

    def start(self):
        host, port = PUSHPIN.split("//")[1].split(":")

        async def all_readers():
            slots = asyncio.Semaphore(SSE_RAMP)
            for _ in range(SSE_READERS):
                self.tasks.add(self.loop.create_task(self.reader(host, int(port), slots)))
            while True:
                await asyncio.sleep(3600)

        threading.Thread(target=lambda: self.loop.run_until_complete(all_readers()), daemon=True).start()

    def wait(self, seconds):
        """Until every reader is connected or has given up, for at most {seconds}."""
        deadline = time.time() + seconds
        while time.time() < deadline and self.connected + self.failed < SSE_READERS:
            time.sleep(0.2)


class Editor:
    """Updates the story and posts live entries through the admin API; times each update to the front."""

    def __init__(self):
        self.posted = {}  # entry id -> time the POST was sent
        self.committed = {}  # entry id -> time its answer came (it had committed by then)
        self.to_front = []  # from sending the PATCH until the front shows it
        self.answered = []  # from sending the PATCH until the node answered it (committed)
        self.hops = []  # per update: (answered, {node: first seen there}, front), each from sending the PATCH
        self.failures = 0
        self.running = True

    def entries(self):
        n = 0
        while self.running:
            n += 1
            started = time.time()
            try:
                _, _, answer = api("POST", f"/api/v1/admin/stories/{STORY}/live/entries",
                                   {"body": f"Spike entry {n} at {started:.3f}", "key_event": False})
                self.posted[answer["id"]] = started
                self.committed[answer["id"]] = time.time()
            except (urllib.error.URLError, OSError, KeyError):
                self.failures += 1
            time.sleep(max(0.0, ENTRY_EVERY - (time.time() - started)))

    def updates(self):
        n = 0
        while self.running:
            n += 1
            started = time.time()
            marker = f"Update {n} of the spike at {started:.3f}"
            try:
                _, headers, _ = api("GET", f"/api/v1/admin/stories/{STORY}")
                # The editor's save: timed from here (reading the ETag first is the editor opening the story).
                started = time.time()
                api("PATCH", f"/api/v1/admin/stories/{STORY}", {"standfirst": marker},
                    {"If-Match": headers["ETag"]})
                answered = time.time() - started
                self.answered.append(answered)
                # The hops: each node's own answer (its page cache, bypassing Varnish) and the front, polled together.
                seen, front = {}, None
                while time.time() - started < 10 and front is None:
                    for name, base in [("front", FRONT)] + [(f"node{i + 1}", url) for i, url in enumerate(NODES)]:
                        if name in seen:
                            continue
                        with urllib.request.urlopen(base + STORY_PATH, timeout=5) as page:
                            if marker.encode() in page.read():
                                seen[name] = time.time() - started
                    front = seen.pop("front", None)
                    if front is None:
                        time.sleep(0.02)
                if front is not None:
                    self.to_front.append(front)
                self.hops.append((answered, seen, front))
            except (urllib.error.URLError, OSError, KeyError):
                self.failures += 1
            time.sleep(max(0.0, UPDATE_EVERY - (time.time() - started)))


def wrk(connections, seconds, per_second=None):
    script = ["-s", os.path.join(os.path.dirname(__file__), "spike-seconds.lua")] if per_second is not None else []
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s",
                          *script, FRONT + STORY_PATH], capture_output=True, text=True).stdout
    if per_second is not None:
        for second, answers, failed in re.findall(r"^second (\d+) (\d+) (\d+)$", out, re.M):
            per_second[int(second)] = (int(answers), int(failed))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    latency = dict(re.findall(r"\s+(50|99)%\s+([\d.]+\w+)", out))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    socket_errors = sum(int(x) for x in errors.groups()) if errors else 0
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, total, latency.get("50", "?"), latency.get("99", "?"), socket_errors + (int(non2xx.group(1))
                                                                                        if non2xx else 0)


def main():
    print(f"# spike: {SECONDS} s ramp over {STEPS} connections, {SSE_READERS} SSE readers, an update every "
          f"{UPDATE_EVERY:g} s, a live entry every {ENTRY_EVERY:g} s; load {os.getloadavg()[0]:.2f}")
    sse = Sse()
    started = time.time()
    sse.start()
    sse.wait(SSE_CONNECT_SECONDS)
    print(f"sse: {sse.connected} connected in {time.time() - started:.1f} s ({SSE_RAMP} opened at a time), "
          f"{sse.failed} gave up after {SSE_TRIES} tries, {sse.retried} retries; connect p50 "
          f"{percentile(sse.connect_times, 0.5) * 1000:.0f} ms, "
          f"p99 {percentile(sse.connect_times, 0.99) * 1000:.0f} ms;"
          f" failures by kind {sse.reasons}")
    editor = Editor()
    threads = [threading.Thread(target=editor.entries, daemon=True),
               threading.Thread(target=editor.updates, daemon=True)]
    for thread in threads:
        thread.start()
    before, usage_before, wall = varnish_counters(), node_usage(), time.time()
    errors = requests = 0
    for connections in STEPS:
        rate, total, p50, p99, failed = wrk(connections, max(1, SECONDS // len(STEPS)))
        requests += total
        errors += failed
        print(f"front c={connections}: {rate:.0f} req/s, p50 {p50}, p99 {p99}, errors {failed}")
    after, usage_after, wall = varnish_counters(), node_usage(), time.time() - wall
    editor.running = False
    time.sleep(ENTRY_EVERY + 1)
    # Late is not lost: wait until no entry has arrived at any reader for 3 s (at most 60 s), so that "missing"
    # counts deliveries that never came, not ones still on their way on a loaded machine.
    settled, arrived = time.time() + 60, -1
    while time.time() < settled and arrived != sum(len(times) for times in list(sse.arrivals.values())):
        arrived = sum(len(times) for times in list(sse.arrivals.values()))
        time.sleep(3)
    delta = {name: after.get(name, 0) - before.get(name, 0) for name in COUNTERS}
    # Reader requests: the nodes' PURGEs (synthetic answers) are client requests too. A reader woken from the
    # waiting list was served by one coalesced fetch without reaching a node, yet counts neither as hit nor miss.
    readers = max(1, delta["MAIN.client_req"] - delta["MAIN.s_synth"])
    to_nodes = delta["MAIN.cache_miss"] + delta["MAIN.s_pass"]  # cache_miss counts the hit-for-miss ones too
    print(f"front: {requests} requests, {errors} errors; of {readers} reader requests at Varnish "
          f"{1 - to_nodes / readers:.4f} served without reaching a node, {delta['MAIN.cache_hit'] / readers:.4f} "
          f"from memory at once, {delta['MAIN.busy_sleep']} after waiting for a coalesced fetch")
    print("varnish: " + ", ".join(f"{name[5:]} {after.get(name, 0) - before.get(name, 0)}" for name in COUNTERS))
    if editor.answered:
        print(f"update answered by node 1: p50 {statistics.median(editor.answered) * 1000:.0f} ms, "
              f"max {max(editor.answered) * 1000:.0f} ms")
    if editor.to_front:
        print(f"publish to front: n={len(editor.to_front)} p50 {statistics.median(editor.to_front) * 1000:.0f} ms, "
              f"p95 {percentile(editor.to_front, 0.95) * 1000:.0f} ms, max {max(editor.to_front) * 1000:.0f} ms")
    for answered, seen, front in editor.hops:
        print(f"  update hops (ms from the PATCH): answered {answered * 1000:.0f}, "
              + ", ".join(f"{name} {seen[name] * 1000:.0f}" for name in sorted(seen))
              + f", front {'-' if front is None else f'{front * 1000:.0f}'}")
    # Only readers connected before the entry was posted: a later one gets it in its first answer (catch-up).
    delays, after_answer, missing = [], [], 0
    for entry, posted in editor.posted.items():
        arrived = [t for t, since in sse.arrivals.get(entry, []) if since <= posted]
        delays.extend(t - posted for t in arrived)
        after_answer.extend(t - editor.committed[entry] for t in arrived)
        missing += max(0, sse.connected - len(arrived))
    if delays:
        print(f"live delivery: {len(editor.posted)} entries x {sse.connected} readers, p50 "
              f"{statistics.median(delays) * 1000:.0f} ms, p99 {percentile(delays, 0.99) * 1000:.0f} ms, "
              f"missing {missing}; from the POST's answer: p50 {statistics.median(after_answer) * 1000:.0f} ms, "
              f"p99 {percentile(after_answer, 0.99) * 1000:.0f} ms")
    print(f"editor: {editor.failures} failed calls")
    for (pid, cpu0, _), (_, cpu1, rss) in zip(usage_before, usage_after):
        if cpu0 is not None and cpu1 is not None:
            print(f"node pid {pid}: CPU {100 * (cpu1 - cpu0) / wall:.0f} % of one core, RSS {rss} MB")
    if not KILL:
        return
    # One node killed with SIGKILL a third into a run at the middle step's connections.
    middle = STEPS[len(STEPS) // 2]
    victim = NODE_PIDS[1]
    killed = []
    timer = threading.Timer(3, lambda: (killed.append(time.time()), os.kill(victim, signal.SIGKILL)))
    timer.start()
    seconds = {}
    before = varnish_counters()
    rate, total, p50, p99, failed = wrk(middle, 10, seconds)
    after = varnish_counters()
    print(f"node killed (pid {victim}) during 10 s at c={middle}: {total} requests, {failed} errors "
          f"({100 * failed / max(1, total):.3f} %), p99 {p99}; Varnish retried "
          f"{after['MAIN.backend_retry'] - before['MAIN.backend_retry']} fetches")
    if killed and seconds:
        first = int(killed[0])
        answers, errors_after = (sum(seconds.get(s, (0, 0))[i] for s in (first, first + 1)) for i in (0, 1))
        print(f"the second after the kill (wall seconds {first}-{first + 1}): {errors_after} errors in {answers} "
              f"answers ({100 * errors_after / max(1, answers):.3f} %); per second: "
              + ", ".join(f"{s - first:+d}: {a}/{e}" for s, (a, e) in sorted(seconds.items())))


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # the SSE readers' tasks are still open: end without asyncio listing each one
