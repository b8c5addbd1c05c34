#!/bin/sh
# demo.sh - omamori-milter in front of a real Postfix or Sendmail, with
#	the demo mail
#
# USAGE
#	sh contrib/demo.sh                  (as root, after contrib/debian-setup.sh)
#	sh contrib/demo.sh --mta sendmail   (the same in front of Sendmail)
#
# DESCRIPTION
#	Builds omamori if it is not built yet, then, all on this machine:
#	starts a private Postfix instance on 127.0.0.1 (its own config and
#	queue under /tmp/omamori-demo.*, relaying to a local smtp-sink; the
#	system's Postfix is not touched), starts omamori-milter in front of
#	it on a unix socket with tests/fixtures/demo-milter.conf (the firm
#	is sakura-hoken.example, manager kanri@sakura-hoken.example), sends
#	the sample mail of tests/fixtures/samples through it over SMTP, and
#	prints what happened to each message: delivered (with which
#	X-Omamori headers, manager added or not), held (with the findings)
#	or rejected (with the SMTP reply), and the sender notices. Then the
#	audit log is verified and searched, and everything is stopped and
#	removed. Nothing listens on anything but 127.0.0.1 and unix sockets;
#	a watchdog stops the instance after 5 minutes whatever happens.
#
#	With --mta sendmail the MTA is a private Sendmail instead, from the
#	copy contrib/debian-setup.sh unpacks into /opt/omamori-sendmail
#	(contrib/sendmail-prefix.sh; the system has no Sendmail installed),
#	run as tests/integration/sendmail/smlib.sh does: its own .cf, queue and pid file
#	under /tmp/omamori-demo.*, on 127.0.0.1, relaying to a sink on
#	127.0.0.2. Held mail is then in Sendmail's quarantine (mailq -qQ).
#
#	Without root or the MTA it shows the engine's verdicts only
#	("omamori scan" on each sample).
#
# ENVIRONMENT
#	DEMO_KEEP   non-empty: keep the work directory for a look around
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
cd "$(dirname "$0")/.." || exit 1
top=$(pwd)
MTA=postfix
while [ $# -gt 0 ]; do
	case $1 in
	--mta) MTA=${2:-}; shift 2 || shift ;;
	--mta=*) MTA=${1#--mta=}; shift ;;
	*) echo "usage: sh contrib/demo.sh [--mta postfix|sendmail]" >&2; exit 2 ;;
	esac
done
case $MTA in
postfix) MTA_NAME=Postfix ;;
sendmail) MTA_NAME=Sendmail ;;
*) echo "demo: --mta postfix or --mta sendmail, not \"$MTA\"" >&2; exit 2 ;;
esac

# --- build if needed
if [ ! -x _build/src/omamori ] || [ ! -x _build/src/omamori-milter ]; then
	echo "building omamori (first run only; log in _build/build.log)..."
	if ! { [ -x configure ] || autoreconf -fi >/dev/null 2>&1; }; then
		echo "demo: autoreconf failed (run contrib/debian-setup.sh first)" >&2
		exit 1
	fi
	mkdir -p _build
	if ! (cd _build && "$top/configure" -q >build.log 2>&1 \
		&& make -j"$(nproc 2>/dev/null || echo 2)" >>build.log 2>&1); then
		echo "demo: build failed; see _build/build.log" >&2
		exit 1
	fi
fi
OMAMORI=$top/_build/src/omamori
MILTER=$top/_build/src/omamori-milter
TABLE=$top/contrib/demo-table.py

# --- without root or the MTA: the engine's verdicts only
# scan_only REASON - "omamori scan" over the samples
scan_only() {
	echo "demo: $1; showing the engine's verdicts without $MTA_NAME."
	printf '%-32s %-9s %-8s %s\n' "message" "direction" "action" "findings (category x count)"
	for eml in tests/fixtures/samples/*.eml; do
		"$OMAMORI" scan -c tests/fixtures/demo.conf "$eml" | python3 -c '
import json, sys
o = json.load(sys.stdin)
f = ", ".join("%s x%d" % (x["category"], x["count"]) for x in o["findings"]) or "-"
print("%-32s %-9s %-8s %s" % (sys.argv[1], o["direction"], o["action"], f))
if o.get("reply"):
    print("%-32s reply: %s" % ("", o["reply"]))
' "$(basename "$eml")"
	done
	exit 0
}

# shellcheck source=tests/integration/postfix/pflib.sh
. "$top/tests/integration/postfix/pflib.sh"
# shellcheck source=tests/integration/sendmail/smlib.sh
. "$top/tests/integration/sendmail/smlib.sh"
if [ "$MTA" = sendmail ]; then
	why=$(sm_have_sendmail) || scan_only "$why"
else
	why=$(pf_have_postfix) || scan_only "$why"
fi

WORK=$(mktemp -d /tmp/omamori-demo.XXXXXX)
chmod 0755 "$WORK"
cleanup() {
	if [ "$MTA" = sendmail ]; then sm_stop; else pf_stop; fi
	if [ -n "${DEMO_KEEP:-}" ]; then
		echo "demo: work directory kept: $WORK"
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

export PF_NO_TRAP=1 PF_LIFETIME=300 PF_WAIT_TIMEOUT=60
export SM_NO_TRAP=1 SM_LIFETIME=300 SM_WAIT_TIMEOUT=60
echo "starting a private $MTA_NAME on 127.0.0.1 with omamori-milter in front..."
if [ "$MTA" = sendmail ]; then
	# Sendmail connects to the milter over loopback TCP.
	SOCK=inet:$(mta_free_port)@127.0.0.1
	sm_start "$WORK/sm" "$SOCK" || { echo "demo: the private Sendmail did not start" >&2; exit 1; }
	MTA_PORT=$SM_PORT SINK=127.0.0.2:$SM_SINK_PORT SINK_DIR=$SM_DIR/sink
	NOTICE_COMMAND="$SM_BIN -i -f <> --"
	mta_send() { sm_send "$@"; }
	mta_milter_start() { sm_milter_start "$@"; }
	mta_wait_idle() { sm_wait_idle "$@"; }
	# Held mail, in the form postqueue -j gives it (demo-table.py reads it).
	mta_held_json() {
		sm_quarantine_ids | sed 's/.*/{"queue_name": "hold", "queue_id": "&", "mta": "sendmail"}/'
	}
else
	SOCK=unix:$WORK/pf/milter/omamori.sock
	pf_start "$WORK/pf" "$SOCK" || { echo "demo: the private Postfix did not start" >&2; exit 1; }
	MTA_PORT=$PF_PORT SINK=127.0.0.1:$PF_SINK_PORT SINK_DIR=$PF_DIR/sink
	NOTICE_COMMAND="/usr/sbin/sendmail -C $PF_ETC -i -f <> --"
	mta_send() { pf_send "$@"; }
	mta_milter_start() { pf_milter_start "$@"; }
	mta_wait_idle() { pf_wait_idle "$@"; }
	mta_held_json() { pf_queue_json; }
fi

# The demo policy, then this run's paths (runs as root: no "user").
mkdir -p "$WORK/etc" "$WORK/spool" "$WORK/audit"
cp tests/fixtures/demo-managers "$WORK/etc/demo-managers"
{
	cat tests/fixtures/demo-milter.conf
	echo
	echo "# paths of this demo run"
	echo "rules_dir = $top/rules"
	echo "socket = $SOCK"
	echo "socket_mode = 0666"
	echo "user ="
	echo "pid_file = $WORK/omamori-milter.pid"
	echo "temp_dir = $WORK/spool"
	echo "audit_log = $WORK/audit/audit.log"
	echo "audit_key_file = $WORK/audit/audit.key"
	echo "state ="
	echo "notice_command = $NOTICE_COMMAND"
	echo "notice_from = postmaster@sakura-hoken.example"
} >"$WORK/etc/omamori.conf"
CONF=$WORK/etc/omamori.conf
if ! "$OMAMORI" config check -c "$CONF" >/dev/null; then
	echo "demo: the demo configuration is not valid" >&2
	exit 1
fi
if ! MILTER_PID=$(mta_milter_start "$SOCK" "$MILTER" -c "$CONF" -f); then
	echo "demo: omamori-milter did not start" >&2
	exit 1
fi
echo "$MTA_NAME on 127.0.0.1:$MTA_PORT, omamori-milter on ${SOCK#unix:}, sink on $SINK"
echo

# --- send every sample over SMTP, envelope from its headers
: >"$WORK/replies"
for eml in tests/fixtures/samples/*.eml; do
	mapfile -t env < <("$PF_PYTHON" "$TABLE" envelope "$eml")
	if [ "${#env[@]}" -lt 2 ]; then
		echo "demo: no sender or recipient in $eml" >&2
		continue
	fi
	# Mail from outside the firm comes from "the Internet": 127.0.0.2.
	src=()
	case ${env[0]} in
	*@sakura-hoken.example) ;;
	*) src=(--source 127.0.0.2) ;;
	esac
	reply=$(mta_send "${src[@]}" --timeout 60 "${env[@]}" <"$eml")
	printf '%s\t%s\n' "$eml" "$reply" >>"$WORK/replies"
done

# Deliveries and notices leave the queue; held mail stays in "hold"
# (Postfix) or in quarantine (Sendmail).
mta_wait_idle 60 || echo "demo: $MTA_NAME's queue is still busy; the table may be incomplete"
sleep 1
mta_wait_idle 30 >/dev/null 2>&1
mta_held_json >"$WORK/queue.json" 2>/dev/null

echo "What happened to each message:"
echo
"$PF_PYTHON" "$TABLE" table "$WORK/replies" "$SINK_DIR" "$WORK/queue.json" "$WORK/audit/audit.log"
# --- the send delay (R5): outbound mail waits, the sender may cancel it
#     by replying to the notice; omamori review due (a timer, as root)
#     sends what is due and drops what was cancelled.
if [ "$MTA" = postfix ]; then
	echo
	echo "Send delay (送信保留): the daemon again, now with delay_outbound = 8s"
	pf_milter_stop "$MILTER_PID"
	mkdir -p "$WORK/state"
	{
		echo "delay_outbound = 8s"
		echo "state = sqlite:$WORK/state/state.db"
		echo "review_postqueue = $(command -v postqueue || echo /usr/sbin/postqueue)"
		echo "review_postsuper = $(command -v postsuper || echo /usr/sbin/postsuper)"
		echo "review_postfix_dir = $PF_ETC"
	} >>"$CONF"
	if ! MILTER_PID=$(mta_milter_start "$SOCK" "$MILTER" -c "$CONF" -f); then
		echo "demo: omamori-milter did not start with the delay" >&2
		exit 1
	fi
	FROM=tanaka@sakura-hoken.example
	TO=yamada@partner-shoji.example
	delay_msg() {
		printf 'From: 田中 <%s>\nTo: %s\nCc: kanri@sakura-hoken.example\nSubject: %s\n' "$FROM" "$TO" "$1"
		printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n'
		printf 'お世話になっております。お見積りの件、承知いたしました。\n'
	}
	# first_notice - the first delay notice at the sink (cancel address in Reply-To)
	first_notice() {
		local f
		for f in $(ls -tr "$SINK_DIR" 2>/dev/null); do
			grep -q '^Reply-To: omamori-cancel+' "$SINK_DIR/$f" && { echo "$SINK_DIR/$f"; return 0; }
		done
		return 1
	}
	r1=$(delay_msg "delay-demo-1 (cancelled)" | mta_send "$FROM" "$TO" kanri@sakura-hoken.example)
	notice=
	for _ in $(seq 1 40); do
		notice=$(first_notice) && break
		sleep 0.25
	done
	r2=$(delay_msg "delay-demo-2 (sent when due)" | mta_send "$FROM" "$TO" kanri@sakura-hoken.example)
	echo "  two outbound messages: $r1 / $r2"
	mta_wait_idle 30 >/dev/null 2>&1
	if [ -z "$notice" ]; then
		echo "demo: no delay notice reached the sink" >&2
	else
		cancel=$(sed -n 's/^Reply-To: //p' "$notice" | head -n 1)
		echo "  the sender's notice (Reply-To $cancel) says:"
		mta_sink_body "$notice" | "$PF_PYTHON" -c '
import email, sys
m = email.message_from_binary_file(sys.stdin.buffer)
for part in m.walk():
    if part.get_content_type() == "text/plain":
        text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8", "replace")
        for line in text.splitlines()[:8]:
            print("    | " + line)
        break'
		echo "  the sender replies to the cancel address:"
		r=$(printf 'From: %s\nTo: %s\nSubject: Re: cancel\n\nやめます\n' "$FROM" "$cancel" \
			| mta_send "$FROM" "$cancel")
		echo "    $r (the reply itself is not delivered anywhere)"
	fi
	echo "  \$ omamori review list   (both wait in the hold queue for their delay)"
	"$OMAMORI" review list -c "$CONF" | sed 's/^/    /'
	echo "  ... 9 seconds later, the timer runs \$ omamori review due"
	sleep 9
	"$OMAMORI" review due -c "$CONF" 2>&1 | sed 's/^/    /'
	mta_wait_idle 30 >/dev/null 2>&1
	sleep 1
	got=
	for f in "$SINK_DIR"/*; do
		[ -f "$f" ] || continue
		grep -q '^Reply-To: omamori-' "$f" && continue
		grep -q 'Subject: .*delay-demo-1' "$f" && got="$got cancelled-one-DELIVERED(wrong)"
		grep -q 'Subject: .*delay-demo-2' "$f" && got="$got delay-demo-2-delivered"
	done
	echo "  at the sink: ${got:- nothing}"
fi
echo
echo "The audit log ($WORK/audit/audit.log):"
echo "\$ omamori log verify"
"$OMAMORI" log verify -c "$CONF"
echo
echo "\$ omamori log search --from tanaka@sakura-hoken.example"
"$OMAMORI" log search -c "$CONF" --from tanaka@sakura-hoken.example

echo
echo "stopping $MTA_NAME, omamori-milter and the sink..."
exit 0
