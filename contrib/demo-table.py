#!/usr/bin/python3
"""
NAME
    demo-table.py - what happened to each demo message (used by demo.sh)

SYNOPSIS
    demo-table.py envelope FILE
    demo-table.py table REPLIES SINKDIR QUEUEJSON AUDITLOG

DESCRIPTION
    "envelope" prints the sender and the recipients of a message file
    (From, then To and Cc), one address per line, for demo.sh to send
    the message with.

    "table" joins four views of one demo run and prints a table for
    people: the SMTP reply each message got (REPLIES: "file<TAB>reply"
    lines), what the sink received (SINKDIR, one file per delivery, with
    the envelope in X-Mail-Args/X-Rcpt-Args), what Postfix holds
    (QUEUEJSON, postqueue -j output) and omamori's audit record of each
    decision (AUDITLOG, JSON Lines; matched by Message-ID, then by queue
    id). Sender notices at the sink are matched to their message by the
    queue id at the start of the reference in X-Omamori-Notice.
"""

import email
import email.header
import email.policy
import email.utils
import json
import os
import re
import sys


def addresses(msg, *names):
    """Bare addresses from the named headers, in order."""
    values = []
    for name in names:
        values.extend(str(v) for v in msg.get_all(name, []))
    return [a for _, a in email.utils.getaddresses(values) if a]


def envelope(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.compat32)
    sender = addresses(msg, "From")
    rcpts = addresses(msg, "To", "Cc", "Bcc")
    for a in sender[:1] + rcpts:
        print(a)


def decoded(value):
    """A header value as text (RFC 2047 decoded), on one line."""
    if value is None:
        return ""
    parts = []
    for text, charset in email.header.decode_header(str(value)):
        if isinstance(text, bytes):
            text = text.decode(charset or "ascii", "replace")
        parts.append(text)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def read_sink(sinkdir):
    """Every message the sink got: (envelope rcpts, message object)."""
    out = []
    for name in sorted(os.listdir(sinkdir)):
        path = os.path.join(sinkdir, name)
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            raw = f.read()
        rcpts = [m.decode("ascii", "replace")
                 for m in re.findall(rb"^X-Rcpt-Args: *<([^>]*)>", raw, re.M)]
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        out.append((rcpts, msg))
    return out


def read_jsonl(path):
    recs = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    try:
                        recs.append(json.loads(line))
                    except ValueError:
                        pass
    return recs


def wrap(text, width, indent):
    """Greedy word wrap for the detail lines."""
    lines, cur = [], ""
    for word in text.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = word if not cur else cur + " " + word
    if cur:
        lines.append(cur)
    return ("\n" + " " * indent).join(lines)


def table(replies_path, sinkdir, queue_path, audit_path):
    replies = []
    with open(replies_path, encoding="utf-8") as f:
        for line in f:
            name, _, reply = line.rstrip("\n").partition("\t")
            replies.append((name, reply))
    sink = read_sink(sinkdir)
    queue = read_jsonl(queue_path)
    held_ids = {q.get("queue_id") for q in queue if q.get("queue_name") == "hold"}
    # Lines written for Sendmail say so: held mail is in its quarantine.
    held_where = "Sendmail's quarantine" if any(q.get("mta") == "sendmail" for q in queue) \
        else "Postfix's hold queue"
    audit = [r for r in read_jsonl(audit_path) if r.get("type") == "decision"]

    print("%-32s %-9s %-8s %s" % ("message", "direction", "omamori", "what happened"))
    print("-" * 100)
    for path, reply in replies:
        name = os.path.basename(path)
        with open(path, "rb") as f:
            orig = email.message_from_binary_file(f, policy=email.policy.compat32)
        msgid = (orig.get("Message-ID") or "").strip().strip("<>")
        orig_rcpts = {a.lower() for a in addresses(orig, "To", "Cc", "Bcc")}
        qid = None
        # Postfix: "250 2.0.0 Ok: queued as ID"; Sendmail: "250 2.0.0 ID
        # Message accepted for delivery".
        m = re.search(r"queued as ([0-9A-Za-z]+)|^250 2\.0\.0 ([0-9A-Za-z]+) Message accepted", reply)
        if m:
            qid = m.group(1) or m.group(2)
        rec = None
        for r in audit:
            if (msgid and (r.get("message_id") or "").strip("<>") == msgid) or (qid and r.get("queue_id") == qid):
                rec = r
        if rec and not qid:
            qid = rec.get("queue_id")
        direction = rec.get("direction", "-") if rec else "-"
        action = rec.get("action", "-") if rec else "-"
        details = []
        code = reply[:1]
        delivered = [(rc, s) for rc, s in sink
                     if msgid and (s.get("Message-ID") or "").strip().strip("<>") == msgid
                     and not s.get("X-Omamori-Notice")]
        if code == "5":
            what = "REJECTED at end of DATA"
            details.append("SMTP reply: " + reply)
        elif code == "4":
            what = "deferred (the client retries)"
            details.append("SMTP reply: " + reply)
        elif qid and qid in held_ids:
            what = "HELD in %s (%s)" % (held_where, qid)
        elif delivered:
            rcpts = delivered[0][0]
            what = "delivered to %s" % ", ".join(rcpts)
            s = delivered[0][1]
            hdrs = ["%s: %s" % (h, decoded(s.get(h))) for h in
                    ("X-Omamori-Verdict", "X-Omamori-Categories", "X-Omamori-Ref") if s.get(h)]
            if hdrs:
                details.append("headers: " + "; ".join(hdrs))
            added = [r for r in rcpts if r.lower() not in orig_rcpts]
            if added:
                details.append("manager added to the envelope: %s; Cc now: %s"
                               % (", ".join(added), decoded(s.get("Cc"))))
            subj = decoded(s.get("Subject"))
            if subj != decoded(orig.get("Subject")):
                details.append("Subject now: " + subj)
        elif code == "2":
            what = "accepted, not yet at the sink"
        else:
            what = "not sent: " + reply
        if rec and rec.get("findings"):
            details.append("findings: " + ", ".join(
                "%s x%d%s" % (f["category"], f.get("count", 1),
                              " (%s)" % f["sample"] if f.get("sample") else "")
                for f in rec["findings"]))
        notices = [s for rc, s in sink if qid and (s.get("X-Omamori-Notice") or "").startswith(qid + ".")]
        for s in notices:
            rcpt = ", ".join(addresses(s, "To")) or "-"
            details.append("notice to %s: %s" % (rcpt, decoded(s.get("Subject"))))
        print("%-32s %-9s %-8s %s" % (name, direction, action, what))
        for d in details:
            print("%34s%s" % ("", wrap(d, 64, 36)))
    print("-" * 100)
    print("%d messages sent, %d decisions in the audit log, %d deliveries at the sink "
          "(%d of them sender notices), %d held"
          % (len(replies), len(audit), len(sink),
             sum(1 for _, s in sink if s.get("X-Omamori-Notice")), len(held_ids)))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "envelope":
        envelope(sys.argv[2])
    elif len(sys.argv) == 6 and sys.argv[1] == "table":
        table(*sys.argv[2:])
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
