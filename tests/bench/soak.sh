#!/bin/bash
# soak.sh - omamori-milter under a long, mixed load: many messages through
#	a private Postfix, reloads every few seconds, a SIGKILL and restart
#	half way, memory, open files and threads sampled every second
#
# USAGE
#	tests/bench/soak.sh [-n MESSAGES] [-s SESSIONS] [--hup SECONDS]
#	                    [--corpus DIR] [--out DIR]        (as root)
#
#	-n N          messages (default 50000)
#	-s N          parallel SMTP sessions (default 8)
#	--hup S       seconds between SIGHUPs (default 5)
#	--corpus DIR  real-world messages to send besides tests/fixtures
#	              (default ../shared/corpus beside the tree, when present)
#	--out DIR     where soak.csv and soak.html go (default: a new
#	              directory /tmp/omamori-soak.*, kept)
#
# DESCRIPTION
#	One private Postfix (tests/integration/postfix/pflib.sh) with omamori-milter in
#	front; tests/bench/soak.py sends the messages, outbound (a trusted
#	client, 127.0.0.1) and inbound (an outside client, 127.0.0.2), with
#	the daemon's audit log on. It prints a summary; soak.html has the
#	curves. A message accepted with 2xx that is neither delivered nor
#	in the hold queue is lost, and fails the run (exit 1). Not a test:
#	run it on demand on a quiet machine and quote its figures.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP_SRC=$(cd "$HERE/../.." && pwd)
# shellcheck source=tests/integration/postfix/pflib.sh
. "$HERE/../integration/postfix/pflib.sh"

N=50000
S=8
HUP=5
CORPUS=$TOP_SRC/../shared/corpus
OUT=
while [ $# -gt 0 ]; do
	case $1 in
	-n) N=$2; shift 2 ;;
	-s) S=$2; shift 2 ;;
	--hup) HUP=$2; shift 2 ;;
	--corpus) CORPUS=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	-h|--help) sed -n '2,28p' "$0"; exit 0 ;;
	*) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ "$(id -u)" = 0 ] || { echo "soak.sh: run as root (a private Postfix)" >&2; exit 77; }
MILTER=${OMAMORI_MILTER:-$TOP_SRC/_dev/src/omamori-milter}
[ -x "$MILTER" ] || { echo "soak.sh: no $MILTER (set OMAMORI_MILTER)" >&2; exit 2; }
W=$(mktemp -d /tmp/omamori-soak.XXXXXX)
chmod 0755 "$W"
OUT=${OUT:-$W/out}
mkdir -p "$OUT" "$W/spool" "$W/audit"

# The message set: tests/fixtures, and the corpus when there is one.
find "$TOP_SRC/tests/fixtures" "$TOP_SRC/tests/golden" -name '*.eml' > "$W/list"
if [ -d "$CORPUS" ]; then
	tail -n +2 "$CORPUS/INDEX.tsv" | cut -f1 | sed "s|^|$CORPUS/|" >> "$W/list"
fi
echo "soak: $(wc -l < "$W/list") distinct messages, $N to send, $S sessions, reload every ${HUP}s"

SOCK=unix:$W/pf/milter/omamori.sock
PF_NO_TRAP=1 pf_start "$W/pf" "$SOCK" || exit 1
trap 'pf_stop' EXIT
PF_SINK_MODE=store
cat > "$W/omamori.conf" <<CONF
internal_domains = sakura-hoken.example
trusted_networks = 127.0.0.1/32
rules_dir = $TOP_SRC/rules
socket = $SOCK
socket_mode = 0666
user =
pid_file = $W/omamori-milter.pid
temp_dir = $W/spool
notice_command =
audit_log = $W/audit/audit.log
audit_key_file = $W/audit/audit.key
audit_fsync = never
CONF
start() {
	pf_milter_start "$SOCK" "$MILTER" -c "$W/omamori.conf" -f >/dev/null
}
export PF_MILTER_WAIT=${PF_MILTER_WAIT:-60}
start || exit 1
# The restart after SIGKILL: the daemon again, detached; stopped at exit.
trap 'kill "$(cat "$W/omamori-milter.pid" 2>/dev/null)" 2>/dev/null; pf_stop' EXIT
restart="$MILTER -c $W/omamori.conf -f >>$W/milter-restarted.log 2>&1 </dev/null &"
python3 "$HERE/soak.py" --port "$PF_PORT" --pidfile "$W/omamori-milter.pid" \
	--restart "$restart" --sink "$PF_DIR/sink" --postfix-etc "$PF_ETC" \
	--list "$W/list" -n "$N" --sessions "$S" --hup "$HUP" --out "$OUT"
rc=$?
echo "soak: work directory $W"
exit $rc
