#!/usr/bin/env python3
"""The cluster test's 30 s hang, on one node (README, "A cluster"): six threads of form pages
(GET /submit) and status lookups against a stack started by scripts/stack.sh, while ROUNDS
rounds SIGKILL eight FastCGI workers each (submit and status, as the cluster test does; 11 s
between rounds so that multiwatch keeps replacing them). A request in flight for more than 4 s
is described while it hangs: what the client received (tcp_info), and every FastCGI connection
of nginx's workers with the bytes waiting in it and the process holding its other end.
Prints the slowest requests at the end. NOKILL=1: the same load without kills.

Usage: killhang.py STATE_DIR PORT [ROUNDS]   (not part of any suite: an experiment)
"""

import http.client
import os
import random
import re
import subprocess
import sys
import threading
import time

STATE, PORT = sys.argv[1], int(sys.argv[2])
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 4
lock = threading.Lock()
inflight, ports, results = {}, {}, []
stop = False


def one(rid, kind):
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=45)
    ip = "10.9.%d.%d" % (rid % 250, rid // 250 % 250)
    t0, st = time.monotonic(), 0
    with lock:
        inflight[rid] = t0
    try:
        c.connect()
        ports[rid] = c.sock.getsockname()[1]
        if kind == "form":
            c.request("GET", "/jubao/submit", headers={"X-Real-IP": ip})
        else:
            c.request("POST", "/jubao/status", body="ticket=1000000000000009&code=ABCDEFGH",
                      headers={"Content-Type": "application/x-www-form-urlencoded", "X-Real-IP": ip})
        r = c.getresponse()
        r.read()
        st = r.status
    except (OSError, http.client.HTTPException):
        st = 0
    finally:
        c.close()
    with lock:
        inflight.pop(rid, None)
        results.append((time.monotonic() - t0, kind, st))


def load(n):
    rid = n
    while not stop:
        rid += 1000
        one(rid, random.choice(["form", "form", "lookup"]))


def children(pidfile):
    with open(os.path.join(STATE, "run", pidfile)) as f:
        parent = f.read().strip()
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", parent], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def socket_owners():
    """socket inode: the pids holding it."""
    owners = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir("/proc/%s/fd" % pid):
                link = os.readlink("/proc/%s/fd/%s" % (pid, fd))
                if link.startswith("socket:["):
                    owners.setdefault(link[8:-1], []).append(pid)
        except OSError:
            pass
    return owners


def describe(rid, age):
    print("slow request %d, %.1f s so far" % (rid, age))
    tcp = subprocess.run(["ss", "-tniH"], capture_output=True, text=True).stdout.splitlines()
    for k, line in enumerate(tcp):
        if ":%s " % ports.get(rid) in line and k + 1 < len(tcp):
            print("  tcp %s %s" % (" ".join(line.split()[2:4]),
                                   re.findall(r"bytes_(?:sent|received):\d+", tcp[k + 1])))
    owners = socket_owners()
    unix = {f[5]: f for f in (line.split() for line in
            subprocess.run(["ss", "-xanH"], capture_output=True, text=True).stdout.splitlines())
            if len(f) >= 8}
    nginx = set(str(p) for p in children("nginx.pid"))
    for ino, pids in owners.items():
        f = unix.get(ino)
        if f is None or not nginx & set(pids) or f[4] != "*":
            continue
        peer = unix.get(f[7])
        if peer is not None and (not peer[4].endswith(".sock") or "mysqld" in peer[4]):
            continue            # not a FastCGI connection
        print("  nginx FastCGI connection: recv-q %s send-q %s; other end %s, held by %s" % (
            f[2], f[3], peer[4].replace(STATE + "/", "") if peer else "gone",
            owners.get(f[7], "nobody")))


def watch():
    seen = set()
    while not stop:
        now = time.monotonic()
        with lock:
            slow = [(r, now - t0) for r, t0 in inflight.items() if now - t0 > 4 and r not in seen]
        for rid, age in slow:
            seen.add(rid)
            describe(rid, age)
        time.sleep(0.5)


def main():
    global stop
    threads = [threading.Thread(target=load, args=(n,), daemon=True) for n in range(6)]
    for t in threads:
        t.start()
    threading.Thread(target=watch, daemon=True).start()
    time.sleep(2)
    for _ in range(ROUNDS):
        for i in range(8):
            prog = ("submit", "status")[(i // 2) % 2]
            victim = random.choice(children(prog + ".daemon"))
            if os.environ.get("NOKILL") != "1":
                os.kill(victim, 9)
            time.sleep(0.35)
        time.sleep(11)
    stop = True
    deadline = time.monotonic() + 50
    while inflight and time.monotonic() < deadline:
        time.sleep(0.5)
    results.sort(reverse=True)
    print("requests %d, hung (over 30 s) %d, slowest %s" % (
        len(results), sum(1 for r in results if r[0] > 30),
        ["%.2f s %s %d" % r for r in results[:5]]))


if __name__ == "__main__":
    main()
