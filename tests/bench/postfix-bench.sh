#!/bin/bash
# postfix-bench.sh - throughput of Postfix alone, with a do-nothing milter,
#	and with omamori-milter, side by side on this machine
#
# USAGE
#	tests/bench/postfix-bench.sh [options]          (as root)
#
#	-n N              messages per run for every size (default: 2000 for
#	                  10 KB, 500 for 200 KB)
#	--n10k N, --n200k N   the same, per size
#	-s "N ..."        parallel SMTP sessions of smtp-source, one or more
#	                  counts, each run in turn (default: 10)
#	-r N              rounds (default: 3); the table shows medians
#	--sizes "10 200"  which message sizes to run, in KB (10 and/or 200)
#	--msg10k FILE, --msg200k FILE   send this message instead of the
#	                  generated one (LF line ends, headers included)
#	--workload DIR    instead of the two sizes, the messages of DIR
#	                  (*.eml; "gen" writes tests/bench/workload.py's set
#	                  into the work directory): Japanese text in UTF-8
#	                  and ISO-2022-JP, CSV and XLSX attachments, a 2 MB
#	                  PDF, an HTML newsletter. Messages per run for each:
#	                  -n, else 10 MB worth, between 100 and 2000
#	--shapes "a b"    only these messages of the workload (names without
#	                  .eml)
#	--omamori PATH --config FILE    also run omamori-milter: started once
#	                  as "PATH -c FILE -f"; its socket is the config's
#	                  "socket" key, which should be a unix: socket like
#	                  nullmilter's (inet: works, but is not the same test);
#	                  audit_log must be writable (the daemon writes one
#	                  record per message) or empty to leave the record out
#	--rspamd PREFIX   also run rspamd from PREFIX (tests/bench/rspamd-prefix.sh
#	                  makes one): its milter-mode proxy, scanning by
#	                  itself, with a private configuration under the
#	                  work directory and every network module off
#	--reuse           send all messages of a session over one connection
#	                  (smtp-source -d); default: one connection per message
#	--keep            keep the work directory (/tmp/omamori-bench.*)
#
# DESCRIPTION
#	One private Postfix instance (tests/integration/postfix/pflib.sh) relays to an
#	smtp-sink that only counts (no message is written to disk by the
#	sink; Postfix's own queue is on disk as in production). For each
#	round, size and configuration, smtp-source pushes N copies of the
#	same message into Postfix; the time runs from the first connection
#	until the sink has counted all N deliveries. The configurations run
#	one after another within a round, in an order that rotates from
#	round to round, so slow drift in the machine hits all of them:
#
#	  postfix      no milter
#	  nullmilter   tests/bench/nullmilter.c, built here, on a unix socket
#	  omamori      omamori-milter, when --omamori is given
#	  rspamd       rspamd, when --rspamd is given
#
#	rspamd runs as "PREFIX/bin/rspamd -f -i" (as root: -i keeps the
#	workers root, as the work directory is root's) with the package's
#	rules, modules and scores, but its own configuration in
#	WORK/rspamd: only the rspamd_proxy worker, milter = yes, with
#	self_scan (no normal worker behind it), one process per CPU, on a
#	unix socket next to nullmilter's; DNS goes to 127.0.0.1:53 (where
#	nothing answers), and every module that would look up DNS (RBL,
#	SURBL, SPF, DKIM, DMARC, ARC, ASN, MX, hfilter, emails), ask a hash
#	or scanning service (fuzzy, DCC, antivirus, external services),
#	need Redis (ratelimit, neural, greylist, reputation, replies, ...)
#	or fetch maps over HTTP (multimap's freemail lists, phishing,
#	whitelist, rspamd_update) is off; mime_types and mid read the
#	package's copies of their maps. Bayes finds no Redis and stays
#	off. So rspamd does what it can do alone: the regexp, chartable,
#	MIME and header rules, Lua rules, hyperscan. Its worker count and
#	peak RSS include the main process and hs_helper. rspamd's log is
#	WORK/rspamd/log/rspamd.log (--keep keeps it).
#
#	Switching configuration = postconf + postfix reload. Before round 1 a
#	short warm-up run fills caches. The generated messages are outbound
#	business mail of sakura-hoken.example (internal) to
#	partner-shoji.example (external): UTF-8 text/plain, Japanese with
#	ASCII lines mixed in, no personal data, so a policy has nothing to
#	stop; a message that is not delivered fails the run.
#
#	Output: one "# run" line per run, then a table of medians:
#	config, message, sessions, msgs/s, MB/s, ratio to nullmilter, ratio
#	to postfix, share of all CPUs busy, the CPU time (user + system, all
#	threads, from /proc/PID/stat) the milter's processes (a supervisor
#	and its worker) spent per message, the p50 and p99 of the time
#	before the queue manager (Postfix's delays=a: the transfer and the
#	milter's answer at end of message), what a milter adds to them over
#	Postfix alone, and the peak RSS of the milter's processes during the
#	run (VmHWM, reset before each run through clear_refs).
#	The numbers are only comparable within one invocation.
#
# EXIT STATUS
#	0 all runs completed, 1 a run failed or timed out, 2 bad usage,
#	77 Postfix or a build tool missing.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/integration/postfix/pflib.sh
. "$HERE/../integration/postfix/pflib.sh"

N10=2000
N200=500
CONC=10
ROUNDS=3
SIZES="10 200"
MSG10=
MSG200=
WORKLOAD=
SHAPES_WANT=
N_SET=
OMAMORI=
OMCONF=
RSPAMD=
REUSE=
KEEP=
FROM=tanaka@sakura-hoken.example
RCPT=info@partner-shoji.example

usage() {
    sed -n '/^# USAGE/,/^# DESCRIPTION/p' "$0" | sed '$d; s/^#//' >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case $1 in
    -n) N10=${2:?-n needs a value}; N200=$2; N_SET=$2; shift ;;
    --n10k) N10=${2:?--n10k needs a value}; shift ;;
    --n200k) N200=${2:?--n200k needs a value}; shift ;;
    -s) CONC=${2:?-s needs a value}; shift ;;
    -r) ROUNDS=${2:?-r needs a value}; shift ;;
    --sizes) SIZES=${2:?--sizes needs a value}; shift ;;
    --msg10k) MSG10=${2:?--msg10k needs a file}; shift ;;
    --msg200k) MSG200=${2:?--msg200k needs a file}; shift ;;
    --workload) WORKLOAD=${2:?--workload needs a directory}; shift ;;
    --shapes) SHAPES_WANT=${2:?--shapes needs names}; shift ;;
    --omamori) OMAMORI=${2:?--omamori needs a path}; shift ;;
    --config) OMCONF=${2:?--config needs a file}; shift ;;
    --rspamd) RSPAMD=${2:?--rspamd needs a prefix}; shift ;;
    --reuse) REUSE=1 ;;
    --keep) KEEP=1 ;;
    -h | --help) usage ;;
    *) echo "postfix-bench: unknown option $1" >&2; usage ;;
    esac
    shift || usage
done
for v in "$N10" "$N200" $CONC "$ROUNDS"; do
    case $v in '' | *[!0-9]* | 0) echo "postfix-bench: not a positive number: $v" >&2; exit 2 ;; esac
done
for s in $SIZES; do
    case $s in 10 | 200) ;; *) echo "postfix-bench: size must be 10 or 200" >&2; exit 2 ;; esac
done
MAXCONC=0
for c in $CONC; do [ "$c" -gt "$MAXCONC" ] && MAXCONC=$c; done
if [ -n "$WORKLOAD" ] && [ "$WORKLOAD" != gen ] && [ ! -d "$WORKLOAD" ]; then
    echo "postfix-bench: --workload: no directory $WORKLOAD" >&2
    exit 2
fi
if [ -n "$OMAMORI" ] || [ -n "$OMCONF" ]; then
    if [ ! -x "$OMAMORI" ] || [ ! -r "$OMCONF" ]; then
        echo "postfix-bench: --omamori needs an executable and --config a readable file" >&2
        exit 2
    fi
    OMAMORI=$(cd "$(dirname "$OMAMORI")" && pwd)/$(basename "$OMAMORI")
    OMCONF=$(cd "$(dirname "$OMCONF")" && pwd)/$(basename "$OMCONF")
fi

if [ -n "$RSPAMD" ]; then
    if [ ! -x "$RSPAMD/bin/rspamd" ] || [ ! -d "$RSPAMD/etc" ]; then
        echo "postfix-bench: --rspamd: no PREFIX/bin/rspamd and PREFIX/etc in $RSPAMD" \
            "(tests/bench/rspamd-prefix.sh makes them)" >&2
        exit 2
    fi
    RSPAMD=$(cd "$RSPAMD" && pwd)
fi

if ! why=$(pf_have_postfix); then
    echo "postfix-bench: skipped: $why" >&2
    exit 77
fi
for prog in smtp-source cc; do
    if ! command -v "$prog" >/dev/null; then
        echo "postfix-bench: skipped: $prog not found" >&2
        exit 77
    fi
done

WORK=$(mktemp -d /tmp/omamori-bench.XXXXXX)
chmod 0755 "$WORK"
SOURCE_PID=
cleanup() {
    local rc=$?
    [ -n "$SOURCE_PID" ] && kill "$SOURCE_PID" 2>/dev/null
    pf_stop
    if [ -n "$KEEP" ] || [ "$rc" -ne 0 ]; then
        echo "# work directory kept: $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    return "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# --- build the do-nothing milter
# cc -O2 nullmilter.c -lmilter -pthread (no make rule yet)
if ! cc -O2 -Wall -o "$WORK/nullmilter" "$HERE/nullmilter.c" -lmilter -pthread; then
    echo "postfix-bench: cannot build nullmilter (libmilter-dev installed?)" >&2
    exit 77
fi

# --- test messages
# gen_message KB FILE - an outbound business message of about KB kilobytes
gen_message() {
    "$PF_PYTHON" - "$1" "$2" "$FROM" "$RCPT" <<'EOF'
import base64, sys
kb, path, sender, rcpt = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
ja = [
    "いつもお世話になっております。営業企画課の田中です。",
    "先日の打ち合わせの件につきまして、議事録をお送りいたします。",
    "来週の定例会議は本社三階の会議室Ｂにて開催いたします。",
    "資料の最新版は部内の共有フォルダに格納しておりますので、ご確認ください。",
    "新しい商品パンフレットの校正につきまして、ご意見をお聞かせいただけますと幸いです。",
    "研修の日程調整について、皆様のご都合をお知らせください。",
    "本件につきましては、社内で検討の上、改めてご連絡いたします。",
    "年末年始の営業日程につきまして、下記のとおりご案内いたします。",
    "添付の手順書に沿って設定を進めていただけますようお願いいたします。",
    "ご不明な点がございましたら、お気軽にお問い合わせください。",
    "引き続きどうぞよろしくお願い申し上げます。",
]
en = [
    "Please find the notes of our last meeting below.",
    "Action items: review the draft, update the schedule, send feedback by Friday.",
    "The quarterly report will be shared on the team site next week.",
    "See https://www.sakura-hoken.example/news for the latest notices.",
    "Agenda: (1) campaign review (2) brochure proofs (3) training plan",
    "Thanks and best regards,",
]
subject = "=?UTF-8?B?" + base64.b64encode("定例会議の議事録について".encode()).decode() + "?="
head = (
    "From: =?UTF-8?B?" + base64.b64encode("田中 一郎".encode()).decode() + "?= <" + sender + ">\n"
    "To: <" + rcpt + ">\n"
    "Subject: " + subject + "\n"
    "Date: Mon, 23 Nov 2026 10:00:00 +0900\n"
    "Message-ID: <bench-" + str(kb) + "k@sakura-hoken.example>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "\n"
)
target = kb * 1024
out = [head]
size = len(head.encode())
i = 0
while size < target:
    # A paragraph: three Japanese sentences, then now and then an ASCII line.
    lines = [ja[(i + k) % len(ja)] for k in range(3)]
    if i % 3 == 0:
        lines.append(en[i % len(en)])
    para = "\n".join(lines) + "\n\n"
    out.append(para)
    size += len(para.encode())
    i += 1
text = "".join(out).encode()[:target]
text = text.decode("utf-8", errors="ignore").rstrip("\n") + "\n"
open(path, "w", encoding="utf-8").write(text)
EOF
}

# Each message shape has a file (MSGFILE[shape]) and a count per run (NMSG[shape]).
declare -A MSGFILE NMSG
if [ -n "$WORKLOAD" ]; then
    if [ "$WORKLOAD" = gen ]; then
        WORKLOAD=$WORK/workload
        "$PF_PYTHON" "$HERE/workload.py" "$WORKLOAD" || exit 1
    fi
    SIZES=
    for f in "$WORKLOAD"/*.eml; do
        [ -f "$f" ] || continue
        s=$(basename "$f" .eml)
        if [ -n "$SHAPES_WANT" ]; then
            case " $SHAPES_WANT " in *" $s "*) ;; *) continue ;; esac
        fi
        MSGFILE[$s]=$f
        bytes=$(wc -c <"$f")
        n=$((10 * 1024 * 1024 / bytes))
        [ "$n" -lt 100 ] && n=100
        [ "$n" -gt 2000 ] && n=2000
        NMSG[$s]=${N_SET:-$n}
        SIZES="$SIZES $s"
    done
    if [ -z "$SIZES" ]; then
        echo "postfix-bench: no messages in $WORKLOAD" >&2
        exit 2
    fi
else
    MSGFILE[10]=${MSG10:-$WORK/msg-10k.eml}
    MSGFILE[200]=${MSG200:-$WORK/msg-200k.eml}
    [ -n "$MSG10" ] || gen_message 10 "${MSGFILE[10]}" || exit 1
    [ -n "$MSG200" ] || gen_message 200 "${MSGFILE[200]}" || exit 1
    NMSG[10]=$N10
    NMSG[200]=$N200
fi
for s in $SIZES; do
    if [ "${NMSG[$s]}" -lt "$MAXCONC" ]; then
        NMSG[$s]=$MAXCONC
    fi
done

# rspamd_write_config DIR SOCKET COUNT - a private rspamd configuration in
#	DIR: the milter-mode proxy scanning by itself on SOCKET, COUNT
#	processes, no other worker, and the network modules off (see
#	DESCRIPTION)
rspamd_write_config() {
    local d=$1 sock=$2 count=$3 m
    mkdir -p "$d/local.d" "$d/override.d" "$d/run" "$d/db" "$d/log" "$d/tmp" || return 1
    cat >"$d/rspamd.conf" <<EOF
# Private rspamd for postfix-bench.sh: the package's rules and modules
# (\$CONFDIR), overridden from \$LOCAL_CONFDIR (this directory).
.include "\$CONFDIR/common.conf"

options {
    pidfile = "\$RUNDIR/rspamd.pid";
    .include "\$CONFDIR/options.inc"
    .include(priority=10) "\$LOCAL_CONFDIR/override.d/options.inc"
}

logging {
    type = "file";
    filename = "\$LOGDIR/rspamd.log";
    level = "notice";
}

# The language data is in the prefix, not in /usr/share/rspamd.
lang_detection {
    languages = "\$SHAREDIR/languages";
}

worker "rspamd_proxy" {
    bind_socket = "$sock mode=0666";
    count = $count;
    milter = yes;
    timeout = 120s;
    upstream "local" {
        default = yes;
        self_scan = yes;
    }
}
EOF
    cat >"$d/override.d/options.inc" <<EOF
# No fuzzy_check and no DKIM (key lookups in DNS): local rules only.
filters = "chartable,regexp";
dns {
    nameserver = ["127.0.0.1:53"];
    timeout = 1s;
    retransmits = 1;
}
tempdir = "$d/tmp";
control_socket = "\$RUNDIR/control.sock mode=0600";
EOF
    for m in rbl surbl dkim spf dmarc arc asn mx_check hfilter emails \
        fuzzy_check dcc antivirus external_services \
        ratelimit neural greylist history_redis reputation replies \
        url_redirector bimi spamtrap clickhouse elastic metadata_exporter \
        metric_exporter aws_s3 p0f \
        multimap phishing whitelist rspamd_update dkim_signing external_relay; do
        echo "enabled = false;" >"$d/local.d/$m.conf" || return 1
    done
    # Both would try maps.rspamd.com first; the package has copies.
    # shellcheck disable=SC2016  # rspamd expands ${CONFDIR}
    echo 'file = ["${CONFDIR}/maps.d/mime_types.inc"];' >"$d/override.d/mime_types.conf"
    # shellcheck disable=SC2016
    echo 'source { url = ["${CONFDIR}/maps.d/mid.inc"]; }' >"$d/override.d/mid.conf"
}

# rspamd_start - start rspamd from $RSPAMD on $RSPSOCK; prints its pid
rspamd_start() {
    local d=$WORK/rspamd p=$RSPAMD
    # A prefix that does not run at all fails here, not after the wait.
    if ! "$p/bin/rspamd" --version >/dev/null 2>&1; then
        echo "postfix-bench: $p/bin/rspamd does not run:" >&2
        "$p/bin/rspamd" --version 2>&1 | tail -n 3 >&2
        return 1
    fi
    rspamd_write_config "$d" "${RSPSOCK#unix:}" "$(nproc)" || return 1
    # Loading the rules takes 5-10 s here before the socket appears
    # (hyperscan's databases are compiled after, hence the warm-up).
    PF_MILTER_WAIT=60 pf_milter_start "$RSPSOCK" "$p/bin/rspamd" -f -i -c "$d/rspamd.conf" \
        --var=CONFDIR="$p/etc" --var=LOCAL_CONFDIR="$d" --var=SHAREDIR="$p/share" \
        --var=RULESDIR="$p/share/rules" --var=LUALIBDIR="$p/share/lualib" \
        --var=PLUGINSDIR="$p/share/plugins" --var=WWWDIR="$p/share/www" \
        --var=RUNDIR="$d/run" --var=DBDIR="$d/db" --var=LOGDIR="$d/log" && return 0
    echo "postfix-bench: rspamd did not start; the end of $d/log/rspamd.log:" >&2
    tail -n 5 "$d/log/rspamd.log" >&2 2>/dev/null
    return 1
}

# --- Postfix, sink, milters
PF_SINK_MODE=count
PF_SMTPD_LIMIT=$((MAXCONC + 20))
PF_NO_TRAP=1  # our own trap (cleanup) calls pf_stop
export PF_SINK_MODE PF_SMTPD_LIMIT PF_NO_TRAP
if ! pf_start "$WORK/pf"; then
    echo "postfix-bench: private Postfix did not start" >&2
    exit 1
fi
# Delays to the microsecond, for the latency percentiles.
pf_postconf "delay_logging_resolution_limit = 6" || exit 1
NULLSOCK=unix:$PF_DIR/milter/null.sock
NULLPID=$(pf_milter_start "$NULLSOCK" "$WORK/nullmilter" -p "$NULLSOCK") || exit 1
OMPID=

CONFIGS="postfix nullmilter"
if [ -n "$OMAMORI" ]; then
    OMSOCK=$(sed -n 's/^[ \t]*socket[ \t]*=[ \t]*\([^ \t#]*\).*/\1/p' "$OMCONF" | tail -n 1)
    if [ -z "$OMSOCK" ]; then
        echo "postfix-bench: no 'socket = ...' in $OMCONF" >&2
        exit 2
    fi
    case $OMSOCK in
    unix:* | local:* | /*)
        _pf_searchable_by_postfix "$(dirname "${OMSOCK#*:}")" || exit 2 ;;
    *) echo "# note: omamori socket $OMSOCK is not a unix socket like nullmilter's" >&2 ;;
    esac
    OMPID=$(pf_milter_start "$OMSOCK" "$OMAMORI" -c "$OMCONF" -f) || exit 1
    CONFIGS="$CONFIGS omamori"
fi
RSPPID=
if [ -n "$RSPAMD" ]; then
    RSPSOCK=unix:$PF_DIR/milter/rspamd.sock
    RSPPID=$(rspamd_start) || exit 1
    CONFIGS="$CONFIGS rspamd"
fi

CURRENT_MILTER=none
# use_config NAME - point Postfix at the milter of configuration NAME
use_config() {
    local want
    case $1 in
    postfix) want= ;;
    nullmilter) want=$NULLSOCK ;;
    omamori) want=$OMSOCK ;;
    rspamd) want=$RSPSOCK ;;
    esac
    [ "$want" = "$CURRENT_MILTER" ] && return 0
    pf_set_milter "$want" || return 1
    CURRENT_MILTER=$want
}

# sink_count - messages counted by the sink so far (one fork per call)
sink_count() {
    local c
    c=$(tail -c 48 "$PF_DIR/sink.counter" 2>/dev/null)
    c=${c##*mesg=}
    c=${c%%[!0-9]*}
    echo "${c:-0}"
}

# cpu_jiffies - "busy total" jiffies of all CPUs, from /proc/stat
cpu_jiffies() {
    awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i
                   print t - $5 - $6, t; exit }' /proc/stat
}

# proc_tree PID - the process and its children (omamori-milter's
#	supervisor and the worker it forks)
proc_tree() {
    [ -n "$1" ] && [ -r "/proc/$1/stat" ] || return 0
    echo "$1"
    ps -o pid= --ppid "$1" 2>/dev/null | tr -d ' '
}

# proc_cpu_ms PID - user + system CPU time of a process and its children,
#	all their threads, in ms
proc_cpu_ms() {
    local p t=0 v
    for p in $(proc_tree "$1"); do
        [ -r "/proc/$p/stat" ] || continue
        # Fields after the ")" of the command name: utime is the 12th, stime the 13th.
        v=$(sed 's/.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')
        t=$((t + ${v:-0}))
    done
    awk -v t="$t" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%d", t * 1000 / hz }'
}

# rss_reset PID - start the peak RSS (VmHWM) of the process tree afresh
rss_reset() {
    local p
    for p in $(proc_tree "$1"); do
        echo 5 >"/proc/$p/clear_refs" 2>/dev/null
    done
}

# rss_peak_mb PID - the sum of the peak RSS of the process tree, in MB
rss_peak_mb() {
    local p
    for p in $(proc_tree "$1"); do
        awk '/^VmHWM:/ { print $2 }' "/proc/$p/status" 2>/dev/null
    done | awk '{ t += $1 } END { printf "%.1f", t / 1024 }'
}

# delay_pcts FROMLINE - p50 and p99 (ms) of delays=a of the deliveries
#	logged from line FROMLINE of the Postfix log on
delay_pcts() {
    pf_log | tail -n +"$1" | sed -n '/status=sent/s/.*delays=\([0-9.]*\)\/.*/\1/p' | sort -g \
        | awk '{ v[NR] = $1 } END { if (NR == 0) { print "- -"; exit }
            i50 = int(NR * 0.50 + 0.999); i99 = int(NR * 0.99 + 0.999)
            printf "%.2f %.2f", v[i50] * 1000, v[i99] * 1000 }'
}

# run_once CONFIG SHAPE N ROUND CONC - one timed run; appends to $WORK/results
run_once() {
    local config=$1 kb=$2 n=$3 round=$4 conc=$5 file base t0 t_inj='' t1 now c limit
    local args secs inj rate cpu0 cpu1 busy mpid ms0 ms1 msper line0 pcts rss
    file=${MSGFILE[$kb]}
    use_config "$config" || return 1
    pf_wait_idle 120 || return 1
    base=$(sink_count)
    args=(-s "$conc" -m "$n" -F "$file" -f "$FROM" -t "$RCPT"
        -M client.sakura-hoken.example)
    [ -n "$REUSE" ] && args+=(-d)
    # A generous bound: 20 messages/s at least, and 2 minutes at least.
    limit=$((n / 20 > 120 ? n / 20 : 120))
    case $config in
    nullmilter) mpid=$NULLPID ;;
    omamori) mpid=$OMPID ;;
    rspamd) mpid=$RSPPID ;;
    *) mpid= ;;
    esac
    ms0=$(proc_cpu_ms "$mpid")
    rss_reset "$mpid"
    line0=$(($(pf_log | wc -l) + 1))
    cpu0=$(cpu_jiffies)
    t0=$(_pf_now_ms)
    smtp-source "${args[@]}" "127.0.0.1:$PF_PORT" \
        >"$WORK/source.out" 2>"$WORK/source.err" &
    SOURCE_PID=$!
    while :; do
        now=$(_pf_now_ms)
        if [ -z "$t_inj" ] && ! kill -0 "$SOURCE_PID" 2>/dev/null; then
            t_inj=$now
            if ! wait "$SOURCE_PID"; then
                echo "# run FAILED: smtp-source: $(head -n 3 "$WORK/source.err")" >&2
                SOURCE_PID=
                return 1
            fi
            SOURCE_PID=
        fi
        c=$(($(sink_count) - base))
        if [ "$c" -ge "$n" ] && [ -n "$t_inj" ]; then
            t1=$now
            cpu1=$(cpu_jiffies)
            ms1=$(proc_cpu_ms "$mpid")
            break
        fi
        if [ $(((now - t0) / 1000)) -ge "$limit" ]; then
            echo "# run FAILED: $config $kb: $c of $n delivered after ${limit}s" >&2
            [ -n "$SOURCE_PID" ] && kill "$SOURCE_PID" 2>/dev/null
            return 1
        fi
        sleep 0.02
    done
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1000 }')
    inj=$(awk -v a="$t0" -v b="$t_inj" 'BEGIN { printf "%.3f", (b - a) / 1000 }')
    rate=$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.1f", n / s }')
    # Share of all CPUs busy during the run (user+system+irq, not idle/iowait).
    busy=$(echo "$cpu0 $cpu1" | awk '{ printf "%.0f", 100 * ($3 - $1) / ($4 - $2) }')
    msper=-
    rss=-
    if [ -n "$mpid" ]; then
        msper=$(awk -v a="$ms0" -v b="$ms1" -v n="$n" 'BEGIN { printf "%.2f", (b - a) / n }')
        rss=$(rss_peak_mb "$mpid")
    fi
    # The last deliveries' log lines may trail the sink's count a little.
    sleep 0.5
    pcts=$(delay_pcts "$line0")
    printf '# run round=%s config=%s msg=%s sessions=%s n=%d secs=%s inject_secs=%s msgs/s=%s cpu_busy=%s%% milter_cpu_ms/msg=%s delay_a_p50/p99_ms=%s peak_rss_mb=%s\n' \
        "$round" "$config" "$kb" "$conc" "$n" "$secs" "$inj" "$rate" "$busy" "$msper" "${pcts/ //}" "$rss"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$config" "$kb" "$conc" "$rate" "$busy" "$msper" \
        ${pcts} "$rss" >>"$WORK/results"
}

# How busy is the machine without us? Other work skews every figure.
c0=$(cpu_jiffies)
sleep 2
c1=$(cpu_jiffies)
IDLE_BUSY=$(echo "$c0 $c1" | awk '{ printf "%.0f", 100 * ($3 - $1) / ($4 - $2) }')
echo "# postfix-bench: $(nproc) CPUs, ${IDLE_BUSY}% busy before start, load $(cut -d' ' -f1-3 /proc/loadavg)," \
    "postfix $(postconf -d -h mail_version 2>/dev/null), concurrency $CONC," \
    "rounds $ROUNDS, $( [ -n "$REUSE" ] && echo "connection reuse" || echo "one connection per message")"
if [ "$IDLE_BUSY" -gt 10 ]; then
    echo "# WARNING: other processes kept the CPUs ${IDLE_BUSY}% busy before the start;"
    echo "# WARNING: the figures below are not reliable (see top(1))."
fi
for kb in $SIZES; do
    echo "# message $kb: ${MSGFILE[$kb]} ($(wc -c <"${MSGFILE[$kb]}") bytes, ${NMSG[$kb]} per run)"
done
: >"$WORK/results"
T_START=$(_pf_now_ms)

# Warm-up: page cache, process images, first-connection costs.
use_config postfix || exit 1
for kb in $SIZES; do
    run_once postfix "$kb" 100 0 "$MAXCONC" >/dev/null || exit 1
done
# rspamd's first messages wait for hs_helper's databases.
if [ -n "$RSPPID" ]; then
    for kb in $SIZES; do
        run_once rspamd "$kb" 100 0 "$MAXCONC" >/dev/null || exit 1
    done
fi
: >"$WORK/results"

# shellcheck disable=SC2086  # a list of words
set -- $CONFIGS
NCONF=$#
FAILED=0
for round in $(seq 1 "$ROUNDS"); do
    for kb in $SIZES; do
        n=${NMSG[$kb]}
        for conc in $CONC; do
            # Rotate the order: round 1 starts with the first configuration,
            # round 2 with the second, and so on.
            for k in $(seq 0 $((NCONF - 1))); do
                idx=$(((round - 1 + k) % NCONF + 1))
                run_once "${!idx}" "$kb" "$n" "$round" "$conc" || FAILED=1
                [ "$FAILED" = 0 ] || break 4
            done
        done
    done
done

echo "# total time $(( ($(_pf_now_ms) - T_START) / 1000 ))s, load now $(cut -d' ' -f1-3 /proc/loadavg)"
# Anything odd in Postfix's log (milter trouble, deferrals) spoils the figures.
odd=$(pf_log | grep -cE 'warning:|fatal:|panic:|status=(deferred|bounced)|milter-(reject|discard|hold)')
if [ "$odd" -gt 0 ]; then
    echo "# Postfix log has $odd warning/deferral lines, e.g.:"
    pf_log | grep -E 'warning:|fatal:|panic:|status=(deferred|bounced)|milter-(reject|discard|hold)' \
        | head -n 5 | sed 's/^/#   /'
fi
[ "$FAILED" = 0 ] || exit 1

# --- table of medians
for kb in $SIZES; do
    printf '%s\t%s\n' "$kb" "$(wc -c <"${MSGFILE[$kb]}")"
done >"$WORK/sizes"
awk -F'\t' -v configs="$CONFIGS" -v sizes="$SIZES" -v concs="$CONC" '
function median(list,    n, i, j, t, v) {
    n = split(list, v, " ")
    if (n == 0 || v[1] == "-") return "-"
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
            t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
        }
    if (n % 2) return v[(n + 1) / 2]
    return (v[n / 2] + v[n / 2 + 1]) / 2
}
function add(a, b) { return (a == "-" || b == "-") ? "-" : sprintf("%.2f", a - b) }
FILENAME ~ /sizes$/ { bytes[$1] = $2; next }
{ k = $1 SUBSEP $2 SUBSEP $3
  runs[k] = runs[k] " " $4; cpu[k] = cpu[k] " " $5; ms[k] = ms[k] " " $6
  p50[k] = p50[k] " " $7; p99[k] = p99[k] " " $8; rss[k] = rss[k] " " $9 }
END {
    nc = split(configs, c, " ")
    ns = split(sizes, s, " ")
    nn = split(concs, q, " ")
    printf "%-11s %-18s %4s %8s %7s %6s %7s %5s %9s %8s %8s %7s %7s %8s\n", "config", "message", "sess", \
        "msgs/s", "MB/s", "vs null", "vs pfx", "cpu%", "milter ms", "p50 ms", "p99 ms", "+p50", "+p99", "RSS MB"
    for (i = 1; i <= ns; i++)
        for (h = 1; h <= nn; h++) {
            kk = SUBSEP s[i] SUBSEP q[h]
            base = median(runs["postfix" kk])
            null = median(runs["nullmilter" kk])
            b50 = median(p50["postfix" kk]); b99 = median(p99["postfix" kk])
            for (j = 1; j <= nc; j++) {
                k = c[j] kk
                m = median(runs[k])
                mm = (c[j] == "postfix") ? "-" : sprintf("%.2f", median(ms[k]))
                a50 = median(p50[k]); a99 = median(p99[k])
                printf "%-11s %-18s %4s %8.1f %7.2f %6.2f %7.2f %5d %9s %8s %8s %7s %7s %8s\n", c[j], s[i], q[h], \
                    m, m * bytes[s[i]] / 1e6, m / null, m / base, median(cpu[k]), mm, a50, a99, \
                    (c[j] == "postfix") ? "-" : add(a50, b50), (c[j] == "postfix") ? "-" : add(a99, b99), \
                    (c[j] == "postfix") ? "-" : median(rss[k])
            }
        }
}' "$WORK/sizes" "$WORK/results"
