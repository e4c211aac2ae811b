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
NODE_PIDS = [int(p) for p in os.environ["NODE_PIDS"].split()]
VARNISH_NAME = os.environ["VARNISH_NAME"]
SECONDS = int(os.environ.get("SPIKE_SECONDS", "60"))
STEPS = [int(c) for c in os.environ.get("SPIKE_STEPS", "64 128 256 512 1024").split()]
SSE_READERS = int(os.environ.get("SSE_READERS", "5000"))
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


def varnish_counters():
    out = subprocess.run(["varnishstat", "-n", VARNISH_NAME, "-1", "-f", "MAIN.client_req", "-f", "MAIN.cache_hit",
                          "-f", "MAIN.cache_hitpass", "-f", "MAIN.cache_miss", "-f", "MAIN.s_pass", "-f",
                          "MAIN.s_pipe", "-f", "MAIN.cache_hit_grace"], capture_output=True, text=True).stdout
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
    """SSE readers on asyncio: each holds a connection through Pushpin and notes when each entry id arrives."""

    def __init__(self):
        self.arrivals = {}  # entry id -> list of arrival times
        self.connected = 0
        self.failed = 0
        self.loop = asyncio.new_event_loop()

    async def reader(self, host, port):
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(f"GET /live/{STORY}/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n"
                         .encode())
            await writer.drain()
            status = await reader.readline()
            if b" 200" not in status:
                self.failed += 1
                return
            self.connected += 1
            while True:
                line = await reader.readline()
                if not line:
                    break
                if line.startswith(b"id: "):
                    entry = int(line[4:].strip() or 0)
                    self.arrivals.setdefault(entry, []).append(time.time())
        except OSError:
            self.failed += 1

    def start(self):
        host, port = PUSHPIN.split("//")[1].split(":")

        async def all_readers():
            for i in range(SSE_READERS):
                self.loop.create_task(self.reader(host, int(port)))
                if i % 200 == 199:
                    await asyncio.sleep(0.05)
            while True:
                await asyncio.sleep(3600)

        threading.Thread(target=lambda: self.loop.run_until_complete(all_readers()), daemon=True).start()


class Editor:
    """Updates the story and posts live entries through the admin API; times each update to the front."""

    def __init__(self):
        self.posted = {}  # entry id -> time posted
        self.to_front = []
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
                api("PATCH", f"/api/v1/admin/stories/{STORY}", {"standfirst": marker},
                    {"If-Match": headers["ETag"]})
                while time.time() - started < 10:
                    with urllib.request.urlopen(FRONT + STORY_PATH, timeout=5) as page:
                        if marker.encode() in page.read():
                            self.to_front.append(time.time() - started)
                            break
                    time.sleep(0.02)
            except (urllib.error.URLError, OSError, KeyError):
                self.failures += 1
            time.sleep(max(0.0, UPDATE_EVERY - (time.time() - started)))


def wrk(connections, seconds):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s",
                          FRONT + STORY_PATH], capture_output=True, text=True).stdout
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
    sse.start()
    time.sleep(min(20, 2 + SSE_READERS / 500))
    print(f"sse: {sse.connected} connected, {sse.failed} failed")
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
    served = (after["MAIN.cache_hit"] - before["MAIN.cache_hit"]) / max(1, after["MAIN.client_req"]
                                                                        - before["MAIN.client_req"])
    print(f"front: {requests} requests, {errors} errors, {served:.4f} served by Varnish without a node")
    if editor.to_front:
        print(f"publish to front: n={len(editor.to_front)} p50 {statistics.median(editor.to_front) * 1000:.0f} ms, "
              f"p95 {percentile(editor.to_front, 0.95) * 1000:.0f} ms, max {max(editor.to_front) * 1000:.0f} ms")
    delays, missing = [], 0
    for entry, posted in editor.posted.items():
        arrived = sse.arrivals.get(entry, [])
        delays.extend(t - posted for t in arrived)
        missing += sse.connected - len(arrived)
    if delays:
        print(f"live delivery: {len(editor.posted)} entries x {sse.connected} readers, p50 "
              f"{statistics.median(delays) * 1000:.0f} ms, p99 {percentile(delays, 0.99) * 1000:.0f} ms, "
              f"missing {missing}")
    print(f"editor: {editor.failures} failed calls")
    for (pid, cpu0, _), (_, cpu1, rss) in zip(usage_before, usage_after):
        if cpu0 is not None and cpu1 is not None:
            print(f"node pid {pid}: CPU {100 * (cpu1 - cpu0) / wall:.0f} % of one core, RSS {rss} MB")
    # One node killed with SIGKILL a third into a run at the middle step's connections.
    middle = STEPS[len(STEPS) // 2]
    victim = NODE_PIDS[1]
    timer = threading.Timer(3, lambda: os.kill(victim, signal.SIGKILL))
    timer.start()
    rate, total, p50, p99, failed = wrk(middle, 10)
    print(f"node killed (pid {victim}) during 10 s at c={middle}: {total} requests, {failed} errors "
          f"({100 * failed / max(1, total):.3f} %), p99 {p99}")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # the SSE readers' tasks are still open: end without asyncio listing each one
