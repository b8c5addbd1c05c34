#!/bin/bash
# test_harness.sh - self-test of the private Postfix harness (pflib.sh)
#
# USAGE
#	tests/integration/postfix/test_harness.sh        (as root)
#	PF_KEEP=1 tests/integration/postfix/test_harness.sh   keep the work directory
#
# DESCRIPTION
#	Round 1 starts a private Postfix without milter, sends 3 messages
#	over SMTP (one with two recipients), and checks that exactly these
#	3 reach the sink, each with its envelope sender and recipients and
#	its body intact, and that pf_stop leaves no process behind.
#
#	Round 2 does the same with the do-nothing milter
#	(tests/bench/nullmilter.c, built here) on a UNIX socket under the
#	work directory, then stops the milter and checks that Postfix now
#	answers 4xx (milter_default_action = tempfail): proof that the mail
#	really went through the milter and that a dead milter fails closed.
#
#	Output is TAP. Exit 0 all passed, 1 something failed, 77 skipped
#	(Postfix not installed, or not root).

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/integration/postfix/pflib.sh
. "$HERE/pflib.sh"

if ! why=$(pf_have_postfix); then
    echo "1..0 # SKIP $why"
    exit 77
fi

n=0
failed=0
# ok COND-STATUS DESCRIPTION - print one TAP line
ok() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        failed=$((failed + 1))
    fi
}
# skip DESCRIPTION - a test that could not run
skip() {
    n=$((n + 1))
    echo "ok $n - $1 # SKIP"
}

TOP=$(mktemp -d /tmp/omamori-pftest.XXXXXX)
chmod 0755 "$TOP"
cleanup() {
    pf_stop
    if [ "$failed" -eq 0 ] && [ -z "${PF_KEEP:-}" ]; then
        rm -rf "$TOP"
    else
        echo "# work directory kept: $TOP"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

FROM=tanaka@sakura-hoken.example

# message I - a small Japanese/ASCII test message numbered I
message() {
    cat <<EOF
From: 田中 <$FROM>
To: test-$1@kokyaku.example
Subject: harness test $1
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

お世話になっております。試験メール $1 です。
This is harness test message $1.
.a line that starts with a dot
EOF
}

# one_round LABEL [MILTER] - start, send 3, check, stop; TAP lines
one_round() {
    local label=$1 milter=${2:-} i reply rc want got f left
    PF_NO_TRAP=1 pf_start "$TOP/$label" "$milter"
    ok $? "$label: private instance starts on 127.0.0.1:${PF_PORT:-?}"
    [ -n "${PF_PORT:-}" ] || return 1

    if [ -n "$milter" ]; then
        MILTER_PID=$(pf_milter_start "$milter" "$NULLMILTER" -p "$milter")
        ok $? "$label: nullmilter listens on $milter"
    fi

    rc=0
    for i in 1 2 3; do
        if [ "$i" = 2 ]; then
            set -- "test-$i@kokyaku.example" "cc-$i@partner-shoji.example"
        else
            set -- "test-$i@kokyaku.example"
        fi
        reply=$(message "$i" | pf_send "$FROM" "$@") || rc=1
        case $reply in 250\ *) ;; *) rc=1; echo "# message $i: $reply" ;; esac
    done
    ok $rc "$label: 3 messages accepted with 250"

    pf_wait_idle 30
    ok $? "$label: queue drains"
    pf_wait_sink 3 30
    ok $? "$label: sink counted 3 deliveries"
    got=$(pf_sink_messages | wc -l)
    [ "$got" -eq 3 ]
    ok $? "$label: 3 messages captured by the sink (got $got)"

    want=$(printf '%s\n' \
        "MAIL $FROM RCPT test-1@kokyaku.example" \
        "MAIL $FROM RCPT cc-2@partner-shoji.example RCPT test-2@kokyaku.example" \
        "MAIL $FROM RCPT test-3@kokyaku.example" | sort)
    got=$(for f in $(pf_sink_messages); do
        { pf_sink_envelope "$f" | grep '^MAIL'
          pf_sink_envelope "$f" | grep '^RCPT' | sort; } | tr '\n' ' ' | sed 's/ $//'
        echo
    done | sort)
    [ "$want" = "$got" ]
    ok $? "$label: envelope sender and recipients as sent"
    [ "$want" = "$got" ] || printf '# want:\n%s\n# got:\n%s\n' "$want" "$got" | sed 's/^/# /'

    rc=0
    for f in $(pf_sink_messages); do
        i=$(pf_sink_body "$f" | sed -n 's/^Subject: harness test \([0-9]\)$/\1/p')
        [ -n "$i" ] || { rc=1; continue; }
        pf_sink_body "$f" | grep -qx "お世話になっております。試験メール $i です。" || rc=1
        pf_sink_body "$f" | grep -qx '\.a line that starts with a dot' || rc=1
    done
    ok $rc "$label: bodies intact (UTF-8 text, leading dot)"

    # The host's clock stepping under a virtual machine is not ours to
    # judge (cleanup: "file system clock is N seconds ahead", then
    # "resetting file time stamps").
    ! pf_log | grep -E 'fatal:|panic:|warning:' \
        | grep -Ev 'warning: file system clock is [0-9]+ seconds? ahead of local clock|warning: resetting file time stamps' \
        | sed 's/^/# /' | grep .
    ok $? "$label: no fatal, panic or warning in the Postfix log"

    if [ -n "$milter" ]; then
        pf_milter_stop "$MILTER_PID"
        reply=$(message 4 | pf_send "$FROM" test-4@kokyaku.example)
        case $reply in 4[0-9][0-9]\ *) rc=0 ;; *) rc=1 ;; esac
        pf_log | grep -q 'warning: connect to Milter service' || rc=1
        ok $rc "$label: milter down -> tempfail ($reply)"
    fi

    pf_stop
    left=$(pf_procs | tr '\n' ' ')
    [ -z "$left" ]
    ok $? "$label: pf_stop leaves no processes${left:+ (left: $left)}"
    return 0
}

echo "1..21"
one_round plain

if command -v cc >/dev/null && [ -r /usr/include/libmilter/mfapi.h ]; then
    NULLMILTER=$TOP/nullmilter
    cc -O2 -o "$NULLMILTER" "$HERE/../../bench/nullmilter.c" -lmilter -pthread
    ok $? "nullmilter builds"
    one_round milter "unix:$TOP/milter/milter/null.sock"
else
    skip "nullmilter builds (no cc or libmilter-dev)"
    for i in $(seq 1 11); do skip "milter round (no nullmilter)"; done
fi

[ "$failed" -eq 0 ]
