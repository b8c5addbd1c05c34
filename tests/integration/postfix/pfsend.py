#!/usr/bin/python3
"""
NAME
    pfsend.py - send one message over SMTP and print the final reply

SYNOPSIS
    pfsend.py --port PORT [--host 127.0.0.1] [--helo NAME] [--login USER]
              [--source ADDR] [--timeout SECONDS] FROM RCPT... < message

DESCRIPTION
    Reads one RFC 5322 message from stdin (LF or CRLF line ends; LF is
    turned into CRLF, leading dots are doubled), speaks ESMTP to the
    server and prints exactly one line on stdout: the reply that decided
    the fate of the message, as "CODE TEXT" (multi-line replies joined
    with spaces). Normally that is the reply to the end of DATA; when the
    server refuses earlier (greeting, MAIL, every RCPT, DATA itself) it is
    that reply. Recipients refused while others were accepted are
    reported on stderr and the message goes to the others.

    --login USER sends "XCLIENT LOGIN=USER" first, so that Postfix treats
    the session as SASL-authenticated by USER (the server must list the
    client in smtpd_authorized_xclient_hosts). This is how tests give a
    milter an {auth_authen} macro without setting up SASL.

    --source ADDR connects from that local address (e.g. 127.0.0.2, a
    loopback client that is not 127.0.0.1), for a server or milter that
    treats clients differently by address.

    BODY=8BITMIME is sent when the message has 8-bit bytes and the server
    offers it; SMTPUTF8 when an address is not ASCII.

EXIT STATUS
    0 reply 2xx, 4 reply 4xx, 5 reply 5xx, 1 connection or protocol
    trouble (printed as "000 text"), 2 bad usage.
"""

import argparse
import re
import smtplib
import socket
import sys


def xtext(value):
    """xtext - encode a value for an XCLIENT attribute (RFC 3461 xtext)"""
    out = []
    for ch in value.encode("utf-8"):
        if ch < 33 or ch > 126 or ch in (ord("+"), ord("=")):
            out.append("+%02X" % ch)
        else:
            out.append(chr(ch))
    return "".join(out)


def flat(code, text):
    """flat - one printable line for a reply"""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return "%03d %s" % (code, " ".join(text.split("\n")).strip())


def finish(code, text, client=None):
    """finish - print the deciding reply, close politely, exit by its class"""
    print(flat(code, text), flush=True)
    if client is not None:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            pass
    if 200 <= code < 300:
        sys.exit(0)
    if 400 <= code < 500:
        sys.exit(4)
    if 500 <= code < 600:
        sys.exit(5)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description="send one message over SMTP")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--helo", default="client.omamori-test.example")
    ap.add_argument("--login", default=None)
    ap.add_argument("--source", default=None)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("sender")
    ap.add_argument("rcpts", nargs="+")
    args = ap.parse_args()

    data = sys.stdin.buffer.read()
    data = re.sub(rb"\r?\n", b"\r\n", data)

    try:
        client = smtplib.SMTP(timeout=args.timeout,
                              local_hostname=args.helo,
                              source_address=(args.source, 0) if args.source else None)
        code, text = client.connect(args.host, args.port)
        if code != 220:
            finish(code, text, client)
        code, text = client.ehlo()
        if code != 250:
            finish(code, text, client)
        if args.login is not None:
            code, text = client.docmd("XCLIENT", "LOGIN=" + xtext(args.login))
            if code != 220:
                finish(code, text, client)
            client.ehlo_resp = None
            code, text = client.ehlo()
            if code != 250:
                finish(code, text, client)

        opts = []
        if re.search(rb"[\x80-\xff]", data) and client.has_extn("8bitmime"):
            opts.append("BODY=8BITMIME")
        if any(not a.isascii() for a in [args.sender] + args.rcpts):
            opts.append("SMTPUTF8")
        code, text = client.mail(args.sender, opts)
        if code != 250:
            finish(code, text, client)

        accepted = 0
        last = (0, b"")
        for rcpt in args.rcpts:
            code, text = client.rcpt(rcpt)
            if code in (250, 251):
                accepted += 1
            else:
                last = (code, text)
                print("pfsend.py: RCPT %s: %s" % (rcpt, flat(code, text)),
                      file=sys.stderr)
        if accepted == 0:
            finish(last[0], last[1], client)

        try:
            code, text = client.data(data)
        except smtplib.SMTPDataError as err:
            finish(err.smtp_code, err.smtp_error, client)
        finish(code, text, client)
    except smtplib.SMTPServerDisconnected as err:
        finish(0, "server disconnected: %s" % err)
    except (smtplib.SMTPException, OSError, socket.timeout) as err:
        finish(0, "%s: %s" % (type(err).__name__, err))


if __name__ == "__main__":
    main()
