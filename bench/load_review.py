"""Load test of the review page: N concurrent clients, M requests in all (pages and decisions).

    .venv/bin/python bench/load_review.py [--clients 50] [--requests 10000] [--post-share 0.2]

Starts `checker review serve` on the seeds in a separate process with a fresh database, then clients read
the queue and record pages and POST decisions (with the page's CSRF token). Prints errors, p50/p95 latency
per kind, and checks that every decision the server acknowledged (303) is in the database.
"""

from __future__ import annotations

import argparse
import http.client
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=10000)
    ap.add_argument("--post-share", type=float, default=0.2)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="checker-load-"))
    db = tmp / "reviews.db"
    port = free_port()
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "checker"), "review", "serve", str(ROOT / "seeds"),
                               "--db", str(db), "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    try:
        host = f"127.0.0.1:{port}"
        deadline = time.time() + 60
        while True:
            try:
                c = http.client.HTTPConnection(host, timeout=5)
                c.request("GET", "/health")
                if c.getresponse().status == 200:
                    break
            except OSError:
                if time.time() > deadline:
                    raise SystemExit("server did not start")
                time.sleep(0.2)
        c = http.client.HTTPConnection(host, timeout=30)
        c.request("GET", "/")
        queue = c.getresponse().read().decode()
        ids = sorted(set(re.findall(r'href="/item/(C[0-9a-f]{12})"', queue)))
        c.request("GET", f"/item/{ids[0]}")
        csrf = re.search(r'name="csrf" value="([^"]+)"', c.getresponse().read().decode()).group(1)
        rng = random.Random(1)
        plan = []
        for i in range(a.requests):
            r = rng.random()
            if r < a.post_share:
                plan.append(("post", rng.choice(ids), i))
            elif r < a.post_share + 0.4:
                plan.append(("item", rng.choice(ids), i))
            else:
                plan.append(("queue", None, i))
        lat: dict[str, list[float]] = {"queue": [], "item": [], "post": []}
        errors: list[str] = []
        acked = 0
        lock = threading.Lock()
        local = threading.local()

        def conn() -> http.client.HTTPConnection:
            if getattr(local, "c", None) is None:
                local.c = http.client.HTTPConnection(host, timeout=60)
            return local.c

        def one(job):
            nonlocal acked
            kind, rid, i = job
            t = time.perf_counter()
            try:
                cn = conn()
                if kind == "queue":
                    cn.request("GET", "/")
                elif kind == "item":
                    cn.request("GET", f"/item/{rid}")
                else:
                    body = urllib.parse.urlencode({"csrf": csrf, "target": rid, "target_kind": "commitment",
                                                   "action": "unratable", "note": f"load {i}", "reviewer": "load"})
                    cn.request("POST", "/decide", body=body,
                               headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{host}"})
                resp = cn.getresponse()
                resp.read()
                ok = resp.status == (303 if kind == "post" else 200)
                with lock:
                    lat[kind].append(time.perf_counter() - t)
                    if not ok:
                        errors.append(f"{kind} {rid}: HTTP {resp.status}")
                    elif kind == "post":
                        acked += 1
            except Exception as e:  # noqa: BLE001 - counted, not raised
                local.c = None
                with lock:
                    errors.append(f"{kind} {rid}: {type(e).__name__}: {e}")

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=a.clients) as pool:
            list(pool.map(one, plan))
        wall = time.perf_counter() - t0
        from checker.review.store import ReviewStore

        with ReviewStore(db) as s:
            stored = s.count()
        print(f"{a.requests} requests from {a.clients} concurrent clients in {wall:.1f} s "
              f"({a.requests / wall:.0f} req/s); errors {len(errors)}")
        for kind, xs in lat.items():
            if xs:
                xs.sort()
                print(f"  {kind:6} n={len(xs):5}  p50 {1000 * statistics.median(xs):7.1f} ms  "
                      f"p95 {1000 * xs[int(0.95 * (len(xs) - 1))]:7.1f} ms")
        print(f"decisions acknowledged {acked}, stored {stored}: {'nothing lost' if stored == acked else 'LOST'}")
        for e in errors[:5]:
            print("  error:", e)
        sys.exit(0 if not errors and stored == acked else 1)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
