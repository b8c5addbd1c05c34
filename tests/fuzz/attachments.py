#!/usr/bin/env python3
"""attachments.py - seeds for fuzz_attach: the attachments of messages

Reads message paths on standard input and writes the decoded payload of
every non-text leaf part into DIR, one file each, named by content hash.
"""
import email
import email.policy
import hashlib
import os
import sys


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: attachments.py DIR < message-paths\n")
        return 2
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    written = 0
    for path in sys.stdin.read().splitlines():
        try:
            with open(path, "rb") as fp:
                msg = email.message_from_binary_file(fp, policy=email.policy.compat32)
        except (OSError, ValueError):
            continue
        for part in msg.walk():
            if part.is_multipart() or part.get_content_maintype() == "text":
                continue
            try:
                data = part.get_payload(decode=True)
            except (ValueError, TypeError):
                continue
            if not data or len(data) > 262144:
                continue
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(out, name), "wb") as fp:
                fp.write(data)
            written += 1
    print("attachments.py: %d attachments" % written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
