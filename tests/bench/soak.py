#!/usr/bin/env python3
"""soak.py - many messages of mixed shapes through a private Postfix with
omamori-milter in front, reloads every few seconds and a SIGKILL and
restart on the way; the daemon's RSS, open files and threads sampled
every second. Run on demand (tests/bench/soak.sh starts Postfix and the
daemon, then runs this); never part of "make check".

The sender has SESSIONS threads. Each message is one file of the message
set (the shared corpus and tests/fixtures), sent either as outbound mail
(from 127.0.0.1, a trusted client, internal sender to an outside
recipient) or as inbound mail (from 127.0.0.2, an outside client), with
an X-Soak-Id header so that it can be found at the sink. A 4xx reply is
retried (that is what an MTA does); a 2xx reply must end at the sink or
in Postfix's hold queue; a 5xx is the policy's answer.

Output: soak.csv (one line per second), soak.html (the curves, drawn as
inline SVG), and a summary on standard output. Exit status 1 when a
message accepted with 2xx is neither delivered nor held (lost).
"""
import argparse
import os
import random
import signal
import smtplib
import subprocess
import sys
import threading
import time

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--pidfile", required=True, help="the daemon's pid file (supervisor)")
ap.add_argument("--restart", required=True, help="shell command that starts the daemon again")
ap.add_argument("--sink", required=True, help="directory the sink writes messages to")
ap.add_argument("--postfix-etc", required=True)
ap.add_argument("--list", required=True, help="file with one message path per line")
ap.add_argument("-n", type=int, default=50000)
ap.add_argument("--sessions", type=int, default=8)
ap.add_argument("--hup", type=float, default=5.0, help="seconds between SIGHUPs")
ap.add_argument("--kill-at", type=float, default=0.5, help="fraction of messages sent before SIGKILL")
ap.add_argument("--out", default=".")
args = ap.parse_args()

files = [l.strip() for l in open(args.list) if l.strip()]
random.seed(1)
bodies = []
for f in files:
    try:
        with open(f, "rb") as fp:
            data = fp.read(2 * 1024 * 1024)
    except OSError:
        continue
    # Header and body, LF line ends; our id goes first.
    bodies.append(data.replace(b"\r\n", b"\n"))
if not bodies:
    sys.exit("soak: no readable messages in " + args.list)

lock = threading.Lock()
next_i = 0
stats = {"2": 0, "4": 0, "5": 0, "err": 0, "retries": 0}
why5 = {}
accepted = set()
stop_sampling = False


def take():
    global next_i
    with lock:
        if next_i >= args.n:
            return None
        i = next_i
        next_i += 1
        return i


def send_one(i):
    body = bodies[i % len(bodies)]
    inbound = (i % 3 == 2)
    if inbound:
        src, mfrom, rcpt = "127.0.0.2", "sender%d@outside.example" % i, "tanaka@sakura-hoken.example"
    else:
        src, mfrom, rcpt = "127.0.0.1", "tanaka@sakura-hoken.example", "partner%d@partner-shoji.example" % (i % 50)
    msg = b"X-Soak-Id: %d\n" % i + body
    for attempt in range(20):
        text = b""
        try:
            with smtplib.SMTP("127.0.0.1", args.port, timeout=120, source_address=(src, 0)) as s:
                s.ehlo("soak.example")
                code, mmsg = s.mail(mfrom)
                if code >= 400:
                    raise smtplib.SMTPResponseException(code, mmsg)
                code, rmsg = s.rcpt(rcpt)
                if code >= 400:
                    raise smtplib.SMTPResponseException(code, rmsg)
                code, text = s.data(msg)
        except smtplib.SMTPResponseException as e:
            code, text = e.smtp_code, e.smtp_error
        except (OSError, smtplib.SMTPException):
            code = 0
        if code and code < 400:
            with lock:
                stats["2"] += 1
                accepted.add(i)
            return
        if code >= 500:
            key = (text if isinstance(text, bytes) else str(text).encode()).decode("utf-8", "replace")[:70]
            with lock:
                stats["5"] += 1
                why5[key] = why5.get(key, 0) + 1
            return
        with lock:
            stats["4" if code else "err"] += 1
            stats["retries"] += 1
        time.sleep(min(0.2 * (attempt + 1), 2.0))
    with lock:
        stats["err"] += 1


def sender():
    while True:
        i = take()
        if i is None:
            return
        send_one(i)


def daemon_pids():
    """The supervisor and its worker, or (None, None)."""
    try:
        sup = int(open(args.pidfile).read().strip())
    except (OSError, ValueError):
        return None, None
    try:
        kids = open("/proc/%d/task/%d/children" % (sup, sup)).read().split()
    except OSError:
        return sup, None
    return sup, int(kids[0]) if kids else None


def proc_sample(pid):
    rss = threads = fds = 0
    try:
        for line in open("/proc/%d/status" % pid):
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("Threads:"):
                threads = int(line.split()[1])
        fds = len(os.listdir("/proc/%d/fd" % pid))
    except OSError:
        pass
    return rss, threads, fds


samples = []
events = []


def sampler():
    t0 = time.time()
    last_hup = t0
    killed = False
    while not stop_sampling:
        time.sleep(1.0)
        now = time.time()
        sup, worker = daemon_pids()
        rss, threads, fds = proc_sample(worker) if worker else (0, 0, 0)
        with lock:
            done = next_i
        samples.append((round(now - t0), rss, threads, fds, done))
        if sup and now - last_hup >= args.hup:
            try:
                os.kill(sup, signal.SIGHUP)
                events.append((round(now - t0), "reload"))
            except OSError:
                pass
            last_hup = now
        if not killed and done >= args.n * args.kill_at and sup:
            try:
                os.kill(sup, signal.SIGKILL)
            except OSError:
                pass
            killed = True
            events.append((round(now - t0), "SIGKILL"))
            time.sleep(0.5)
            subprocess.run(args.restart, shell=True)
            events.append((round(time.time() - t0), "restart"))


t_start = time.time()
smp = threading.Thread(target=sampler, daemon=True)
smp.start()
threads = [threading.Thread(target=sender) for _ in range(args.sessions)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - t_start

# Wait for Postfix to deliver what it accepted (bounded).
deadline = time.time() + 600
while time.time() < deadline:
    q = subprocess.run(["postqueue", "-c", args.postfix_etc, "-j"], capture_output=True, text=True).stdout
    if '"active"' not in q and '"incoming"' not in q and '"maildrop"' not in q:
        break
    time.sleep(2)
stop_sampling = True
smp.join(timeout=5)

delivered = set()
for name in os.listdir(args.sink):
    try:
        with open(os.path.join(args.sink, name), "rb") as fp:
            for line in fp:
                if line.startswith(b"X-Soak-Id: "):
                    delivered.add(int(line.split()[1]))
                    break
                if line in (b"\n", b"\r\n"):
                    break
    except (OSError, ValueError):
        continue
held = set()
q = subprocess.run(["postqueue", "-c", args.postfix_etc, "-j"], capture_output=True, text=True).stdout
for line in q.splitlines():
    if '"hold"' not in line and '"deferred"' not in line:
        continue
    import json
    qid = json.loads(line)["queue_id"]
    body = subprocess.run(["postcat", "-c", args.postfix_etc, "-bhq", qid], capture_output=True).stdout
    for bl in body.splitlines():
        if bl.startswith(b"X-Soak-Id: "):
            held.add(int(bl.split()[1]))
            break
lost = sorted(accepted - delivered - held)

with open(os.path.join(args.out, "soak.csv"), "w") as fp:
    fp.write("second,rss_kb,threads,fds,messages_sent\n")
    for s in samples:
        fp.write("%d,%d,%d,%d,%d\n" % s)


def svg(col, label, unit):
    pts = [(s[0], s[col]) for s in samples if s[col] > 0]
    if not pts:
        return ""
    w, h = 900, 200
    tmax = max(p[0] for p in pts) or 1
    vmax = max(p[1] for p in pts) or 1
    poly = " ".join("%.1f,%.1f" % (40 + p[0] * (w - 60) / tmax, h - 20 - p[1] * (h - 40) / vmax) for p in pts)
    marks = "".join('<line x1="%.1f" x2="%.1f" y1="20" y2="%d" stroke="%s"/>'
                    % (40 + t * (w - 60) / tmax, 40 + t * (w - 60) / tmax, h - 20,
                       "#c00" if e == "SIGKILL" else "#eee") for t, e in events if e != "restart")
    return ('<h2>%s</h2><svg width="%d" height="%d" style="border:1px solid #ccc">%s'
            '<polyline fill="none" stroke="#036" stroke-width="1.5" points="%s"/>'
            '<text x="4" y="16" font-size="12">max %d %s</text>'
            '<text x="%d" y="%d" font-size="12">%d s</text></svg>'
            % (label, w, h, marks, poly, vmax, unit, w - 60, h - 4, tmax))


with open(os.path.join(args.out, "soak.html"), "w") as fp:
    fp.write("<!doctype html><meta charset=utf-8><title>omamori soak</title>"
             "<h1>omamori-milter soak: %d messages, %d sessions, %.0f s</h1>"
             "<p>Grey lines: reloads (SIGHUP); red: SIGKILL and restart.</p>"
             % (args.n, args.sessions, elapsed))
    fp.write(svg(1, "Resident memory of the worker", "KB"))
    fp.write(svg(3, "Open files of the worker", ""))
    fp.write(svg(2, "Threads of the worker", ""))

# Warm-up: the first 10% of the time; flat means the last fifth stays near it.
live = [s for s in samples if s[1] > 0]
after_kill = [s for s in live if not events or s[0] > max([t for t, e in events if e == "restart"] or [0]) + 5]
def rss_at(part, seq):
    if not seq:
        return 0
    k = max(1, len(seq) // 10)
    return sum(s[1] for s in (seq[:k] if part == "start" else seq[-k:])) // k
print("soak: %d messages in %.0f s (%.1f msg/s), %d sessions" % (args.n, elapsed, args.n / elapsed, args.sessions))
print("soak: replies 2xx=%d 4xx=%d (retried) 5xx=%d errors=%d" % (stats["2"], stats["4"], stats["5"], stats["err"]))
print("soak: accepted=%d delivered=%d held-or-deferred=%d lost=%d" % (len(accepted), len(accepted & delivered), len(accepted & held), len(lost)))
for k, v in sorted(why5.items(), key=lambda kv: -kv[1])[:5]:
    print("soak:   5xx x%d: %s" % (v, k))
print("soak: reloads=%d kills=%d" % (sum(1 for _, e in events if e == "reload"), sum(1 for _, e in events if e == "SIGKILL")))
print("soak: worker RSS after restart: first tenth %d KB, last tenth %d KB; max fds %d, max threads %d" % (
    rss_at("start", after_kill), rss_at("end", after_kill),
    max([s[3] for s in live] or [0]), max([s[2] for s in live] or [0])))
print("soak: curves in %s/soak.html, samples in %s/soak.csv" % (args.out, args.out))
if lost:
    print("soak: LOST (accepted, not delivered, not held): %s" % lost[:20])
    sys.exit(1)
