#!/bin/sh
# demo.sh - omamori-milter in front of a real Postfix, with the demo mail
#
# USAGE
#	sh contrib/demo.sh            (as root, after contrib/debian-setup.sh)
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
#	Without root or Postfix it shows the engine's verdicts only
#	("omamori scan" on each sample).
#
# ENVIRONMENT
#	DEMO_KEEP   non-empty: keep the work directory for a look around
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
cd "$(dirname "$0")/.." || exit 1
top=$(pwd)

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

# --- without root or Postfix: the engine's verdicts only
# scan_only REASON - "omamori scan" over the samples
scan_only() {
	echo "demo: $1; showing the engine's verdicts without Postfix."
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

# shellcheck source=tests/postfix/pflib.sh
. "$top/tests/postfix/pflib.sh"
why=$(pf_have_postfix) || scan_only "$why"

WORK=$(mktemp -d /tmp/omamori-demo.XXXXXX)
chmod 0755 "$WORK"
cleanup() {
	pf_stop
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

SOCK=unix:$WORK/pf/milter/omamori.sock
export PF_NO_TRAP=1 PF_LIFETIME=300 PF_WAIT_TIMEOUT=60
echo "starting a private Postfix on 127.0.0.1 with omamori-milter in front..."
if ! pf_start "$WORK/pf" "$SOCK"; then
	echo "demo: the private Postfix did not start" >&2
	exit 1
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
	echo "notice_command = /usr/sbin/sendmail -C $PF_ETC -i -f <> --"
	echo "notice_from = postmaster@sakura-hoken.example"
} >"$WORK/etc/omamori.conf"
CONF=$WORK/etc/omamori.conf
if ! "$OMAMORI" config check -c "$CONF" >/dev/null; then
	echo "demo: the demo configuration is not valid" >&2
	exit 1
fi
if ! pf_milter_start "$SOCK" "$MILTER" -c "$CONF" -f >/dev/null; then
	echo "demo: omamori-milter did not start" >&2
	exit 1
fi
echo "Postfix on 127.0.0.1:$PF_PORT, omamori-milter on ${SOCK#unix:}, sink on 127.0.0.1:$PF_SINK_PORT"
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
	reply=$(pf_send "${src[@]}" --timeout 60 "${env[@]}" <"$eml")
	printf '%s\t%s\n' "$eml" "$reply" >>"$WORK/replies"
done

# Deliveries and notices leave the queue; held mail stays in "hold".
pf_wait_idle 60 || echo "demo: Postfix's queue is still busy; the table may be incomplete"
sleep 1
pf_wait_idle 30 >/dev/null 2>&1
pf_queue_json >"$WORK/queue.json" 2>/dev/null

echo "What happened to each message:"
echo
"$PF_PYTHON" "$TABLE" table "$WORK/replies" "$PF_DIR/sink" "$WORK/queue.json" "$WORK/audit/audit.log"
echo
echo "The audit log ($WORK/audit/audit.log):"
echo "\$ omamori log verify"
"$OMAMORI" log verify -c "$CONF"
echo
echo "\$ omamori log search --from tanaka@sakura-hoken.example"
"$OMAMORI" log search -c "$CONF" --from tanaka@sakura-hoken.example
echo
echo "stopping Postfix, omamori-milter and the sink..."
exit 0
