# smlib.sh - run a private Sendmail instance on loopback for tests
#
#	Works in scripts with or without "set -eu". The counterpart of
#	tests/integration/postfix/pflib.sh; both share tests/integration/mta.sh.
#
# SYNOPSIS
#	. tests/integration/sendmail/smlib.sh
#	sm_have_sendmail || exit 77           # prints why not
#	sm_start WORKDIR [MILTER_SOCKET]      # sets a trap that calls sm_stop
#	sm_milter_start SOCKET CMD [ARG...]   # optional: a milter we own
#	sm_send FROM RCPT... < message        # prints "250 2.0.0 ... accepted"
#	sm_cmd ARG...                         # sendmail -C WORKDIR/etc/sendmail.cf ARG...
#	sm_wait_idle [SECONDS]; sm_wait_sink N [SECONDS]
#	sm_sink_messages; sm_sink_count; sm_sink_envelope FILE; sm_sink_body FILE
#	sm_queue_ids; sm_quarantine_ids       # ids in the queue / in quarantine
#	sm_stop
#
# DESCRIPTION
#	Debian's sendmail-bin conflicts with postfix as a package, so the
#	tests use a copy unpacked without installing it
#	(contrib/sendmail-prefix.sh): $OMAMORI_SENDMAIL_PREFIX, by default
#	/opt/omamori-sendmail, with bin/sendmail (no setgid bit, so that
#	LD_LIBRARY_PATH=PREFIX/lib finds the unpacked libwrap), lib/ and cf/
#	(sendmail-cf's m4 tree).
#
#	sm_start builds an instance from scratch under WORKDIR:
#
#	  WORKDIR/etc/sendmail.mc, .cf  generated here, see _sm_write_config
#	  WORKDIR/etc/hosts             bind-mounted on /etc/hosts, see below
#	  WORKDIR/etc/aliases ...       alias, class, status and help files
#	  WORKDIR/queue/                QueueDirectory (qf, df, hf files)
#	  WORKDIR/sendmail.pid          the daemon's pid file
#	  WORKDIR/bin/sendmail          the command: every use of Sendmail
#	                                here goes through it (see below)
#	  WORKDIR/bin/sendmail-ns       the same without -C
#	  WORKDIR/sink/, sink.counter   what the smtp-sink got, its counters
#	  WORKDIR/milter/               milter logs
#	  WORKDIR/pids                  processes to kill in sm_stop
#
#	The daemon listens on 127.0.0.1:$SM_PORT only (no MSA on 587). All
#	mail goes to the smart host [127.0.0.2], an smtp-sink on
#	127.0.0.2:$SM_SINK_PORT (the port is in the mailer arguments):
#	Sendmail takes [127.0.0.1] for itself and would refuse to relay to
#	it. The milter is INPUT_MAIL_FILTER with F=T: when it cannot be
#	reached, mail is tempfailed, not passed.
#
# ENVIRONMENT (read by sm_start; set before calling it)
#	OMAMORI_SENDMAIL_PREFIX  the unpacked Sendmail (/opt/omamori-sendmail)
#	SM_NO_TRAP	non-empty: sm_start sets no trap; call sm_stop yourself
#	SM_LIFETIME	watchdog: stop everything after this many seconds
#			even if the test hangs (default: 1800)
#	SM_MILTER_WAIT	seconds sm_milter_start waits for a milter (default 10)
#	SM_WAIT_TIMEOUT	default bound for the sm_wait_* functions (default: 60)
#	SM_EXTRA_MC	extra .mc lines, added before the MAILER lines
#	SM_NAMESPACE	auto (default), yes or no: see the first quirk below
#	PF_PYTHON	Python 3 for pfsend.py (default: /usr/bin/python3)
#
# SET BY sm_start
#	SM_DIR SM_ETC SM_CF SM_QUEUE SM_BIN SM_PORT SM_SINK_PORT SM_MILTER
#
# SENDMAIL QUIRKS SOLVED HERE (details next to the code)
#	- At start Sendmail looks its own host name up through the system
#	  resolver and sleeps a minute when it cannot. Every Sendmail
#	  process here runs in a private mount namespace (unshare -m) where
#	  WORKDIR/etc/hosts, naming this machine, is bind-mounted on
#	  /etc/hosts; the machine's own /etc/hosts is never written.
#	  WORKDIR/bin/sendmail does this for each command, so the daemon,
#	  mailq, queue runs and the milter's notices all see the same.
#	  Where no mount namespace may be made (a container without
#	  CAP_SYS_ADMIN) but the machine's name resolves to a qualified
#	  name already, Sendmail runs without one (SM_NAMESPACE=no forces
#	  that, =yes forbids it).
#	- Its own lookups (service switch) use files only, and nocanonify
#	  and accept_unresolvable_domains keep it from wanting DNS for
#	  the made-up domains of the tests.
#	- Load average limits are set very high: on a busy CI machine the
#	  defaults would make Sendmail queue mail instead of delivering it,
#	  or refuse connections.
#	- The daemon is run as root with -C; it does not need the setgid bit
#	  (it runs as root) and the queue is created here, mode 0700.

SM_LIBDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$SM_LIBDIR/../mta.sh"
SM_PREFIX=${OMAMORI_SENDMAIL_PREFIX:-/opt/omamori-sendmail}
PF_PYTHON=${PF_PYTHON:-/usr/bin/python3}
SM_WAIT_TIMEOUT=${SM_WAIT_TIMEOUT:-60}
SM_DIR=
SM_STARTED=

# _sm_say - diagnostics to stderr, so stdout stays for results
_sm_say() {
    echo "smlib: $*" >&2
}

# sm_have_sendmail - 0 when everything sm_start needs is here; else says
#	why: status 1 when not root or the unpacked Sendmail is missing (a
#	test may skip), 2 when something else is broken (a test should fail)
sm_have_sendmail() {
    local prog
    if [ "$(id -u)" != 0 ]; then
        echo "a private Sendmail needs root (mount namespace, queue as root)"
        return 1
    fi
    if [ ! -x "$SM_PREFIX/bin/sendmail" ] || [ ! -r "$SM_PREFIX/cf/m4/cf.m4" ] \
        || [ ! -d "$SM_PREFIX/lib" ]; then
        echo "no unpacked Sendmail in $SM_PREFIX (run contrib/sendmail-prefix.sh as root)"
        return 1
    fi
    for prog in m4 unshare mount smtp-sink; do
        if ! command -v "$prog" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$prog" ]; then
            echo "$prog not found"
            return 2
        fi
    done
    if [ ! -x "$PF_PYTHON" ]; then
        echo "$PF_PYTHON not found (needed by pfsend.py)"
        return 2
    fi
    if ! LD_LIBRARY_PATH=$SM_PREFIX/lib "$SM_PREFIX/bin/sendmail" -d0.1 -bt -C /dev/null </dev/null 2>&1 \
        | grep -q '^Version '; then
        echo "the unpacked $SM_PREFIX/bin/sendmail does not run"
        return 2
    fi
    if ! _sm_use_namespace >/dev/null; then
        if [ "${SM_NAMESPACE:-auto}" = yes ]; then
            echo "no private mount namespace here (unshare -m failed)"
            return 2
        fi
        # Sendmail wants a qualified name (one with a dot).
        case $(getent hosts "$(hostname)" 2>/dev/null | awk '{ print $2; exit }') in
        *.*) ;;
        *)
            echo "no private mount namespace (unshare -m failed, or SM_NAMESPACE=no), and this machine's name does not resolve to a qualified one: Sendmail would sleep a minute at each start"
            return 2
            ;;
        esac
    fi
    if ! "$PF_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.2", 0))' 2>/dev/null; then
        echo "127.0.0.2 is not usable here (the smart host)"
        return 2
    fi
    return 0
}

# _sm_use_namespace - 0 when Sendmail runs in a private mount namespace
_sm_use_namespace() {
    case ${SM_NAMESPACE:-auto} in
    no) return 1 ;;
    *) unshare -m -- /bin/sh -c 'mount --bind /dev/null /dev/null' 2>/dev/null ;;
    esac
}

# _sm_write_wrapper - WORKDIR/bin/sendmail: the unpacked binary with our
#	.cf, in a mount namespace of its own with our hosts file; and
#	WORKDIR/bin/sendmail-ns, the same without "-C" (for callers that
#	name the .cf themselves, like omamori review)
_sm_write_wrapper() {
    local name conf ns=1
    _sm_use_namespace || ns=
    for name in sendmail sendmail-ns; do
        conf=
        [ "$name" = sendmail ] && conf="-C \"$SM_CF\""
        if [ -z "$ns" ]; then
            cat >"$SM_DIR/bin/$name" <<EOF
#!/bin/sh
# Generated by smlib.sh: Sendmail from $SM_PREFIX${conf:+ with $SM_CF}.
# No private mount namespace here; this machine's name resolves as it is.
LD_LIBRARY_PATH=$SM_PREFIX/lib
export LD_LIBRARY_PATH
exec "$SM_PREFIX/bin/sendmail" $conf "\$@"
EOF
            chmod 0755 "$SM_DIR/bin/$name"
            continue
        fi
        cat >"$SM_DIR/bin/$name" <<EOF
#!/bin/sh
# Generated by smlib.sh: Sendmail from $SM_PREFIX${conf:+ with $SM_CF}.
# A private mount namespace with $SM_ETC/hosts on /etc/hosts: Sendmail
# must resolve its own host name at start, or it sleeps a minute.
exec unshare -m -- /bin/sh -c 'mount --bind "\$0" /etc/hosts || exit 75
LD_LIBRARY_PATH=$SM_PREFIX/lib
export LD_LIBRARY_PATH
exec "\$@"' "$SM_ETC/hosts" "$SM_PREFIX/bin/sendmail" $conf "\$@"
EOF
        chmod 0755 "$SM_DIR/bin/$name"
    done
}

# _sm_write_config - generate the .mc and build the .cf with m4
_sm_write_config() {
    local host
    host=$(hostname 2>/dev/null || echo localhost)
    # The machine's name first resolves to a fixed, qualified name.
    printf '127.0.0.1\tmta.omamori-test.example %s localhost\n' "$host" \
        >"$SM_ETC/hosts"
    printf 'hosts\tfiles\naliases\tfiles\n' >"$SM_ETC/service.switch"
    printf 'postmaster: root\nMAILER-DAEMON: postmaster\n' >"$SM_ETC/aliases"
    : >"$SM_ETC/local-host-names"
    : >"$SM_ETC/trusted-users"
    : >"$SM_ETC/statistics"
    cp "$SM_PREFIX/root/etc/mail/helpfile" "$SM_ETC/helpfile" 2>/dev/null \
        || : >"$SM_ETC/helpfile"
    cat >"$SM_ETC/sendmail.mc" <<EOF
divert(-1)
# Private Sendmail instance for omamori tests, generated by smlib.sh.
# Nothing here may reach beyond 127.0.0.1/127.0.0.2 or WORKDIR.
divert(0)dnl
OSTYPE(\`linux')dnl
dnl A fixed identity, whatever the machine is called.
define(\`confDOMAIN_NAME', \`mta.omamori-test.example')dnl
dnl Everything this instance reads and writes lives under WORKDIR.
define(\`QUEUE_DIR', \`$SM_QUEUE')dnl
define(\`confPID_FILE', \`$SM_DIR/sendmail.pid')dnl
define(\`STATUS_FILE', \`$SM_ETC/statistics')dnl
define(\`ALIAS_FILE', \`$SM_ETC/aliases')dnl
define(\`confCW_FILE', \`-o $SM_ETC/local-host-names')dnl
define(\`confCT_FILE', \`-o $SM_ETC/trusted-users')dnl
define(\`HELP_FILE', \`$SM_ETC/helpfile')dnl
define(\`confSERVICE_SWITCH_FILE', \`$SM_ETC/service.switch')dnl
define(\`confHOSTS_FILE', \`$SM_ETC/hosts')dnl
dnl No DNS, no probing of the machine's interfaces, no ident.
define(\`confDONT_PROBE_INTERFACES', \`true')dnl
define(\`confTO_IDENT', \`0s')dnl
FEATURE(\`nocanonify')dnl
FEATURE(\`accept_unresolvable_domains')dnl
dnl Busy CI machines: never queue-only or refuse because of the load.
define(\`confQUEUE_LA', \`1000')dnl
define(\`confREFUSE_LA', \`1000')dnl
define(\`confDELAY_LA', \`0')dnl
define(\`confMAX_DAEMON_CHILDREN', \`0')dnl
dnl Deferred mail is retried at the next queue run (sm_start: -q2s).
define(\`confMIN_QUEUE_AGE', \`0')dnl
dnl Room for the large test messages (Postfix has no header limit here).
define(\`confMAX_HEADERS_LENGTH', \`1048576')dnl
define(\`confMAX_MESSAGE_SIZE', \`52428800')dnl
dnl Listen on 127.0.0.1 only; no MSA on port 587.
FEATURE(\`no_default_msa')dnl
DAEMON_OPTIONS(\`Port=$SM_PORT, Addr=127.0.0.1, Name=MTA')dnl
dnl Only loopback can connect: let it relay.
FEATURE(\`promiscuous_relay')dnl
dnl All mail to the sink. Not [127.0.0.1]: Sendmail would take it for
dnl itself ("mail loops back to me").
define(\`SMART_HOST', \`[127.0.0.2]')dnl
define(\`RELAY_MAILER_ARGS', \`TCP \$h $SM_SINK_PORT')dnl
define(\`SMTP_MAILER_ARGS', \`TCP \$h $SM_SINK_PORT')dnl
define(\`ESMTP_MAILER_ARGS', \`TCP \$h $SM_SINK_PORT')dnl
define(\`confTO_CONNECT', \`5s')dnl
EOF
    if [ -n "$SM_MILTER" ]; then
        cat >>"$SM_ETC/sendmail.mc" <<EOF
dnl The milter: F=T tempfails mail when it cannot be reached. Timeouts
dnl are short so that a hung milter fails a test fast.
INPUT_MAIL_FILTER(\`omamori', \`S=$SM_MILTER, F=T, T=C:10s;S:30s;R:30s;E:60s')dnl
EOF
    fi
    if [ -n "${SM_EXTRA_MC:-}" ]; then
        printf 'dnl Added by the test (SM_EXTRA_MC)\n%s\n' "$SM_EXTRA_MC" \
            >>"$SM_ETC/sendmail.mc"
    fi
    cat >>"$SM_ETC/sendmail.mc" <<EOF
MAILER(\`local')dnl
MAILER(\`smtp')dnl
EOF
    # promiscuous_relay prints a warning on stderr: keep it out of the way.
    if ! m4 -D_CF_DIR_="$SM_PREFIX/cf/" "$SM_PREFIX/cf/m4/cf.m4" \
        "$SM_ETC/sendmail.mc" >"$SM_CF" 2>"$SM_ETC/m4.err"; then
        _sm_say "m4 failed: $(cat "$SM_ETC/m4.err")"
        return 1
    fi
    return 0
}

# _sm_add_pid PID - remember a process sm_stop must end
_sm_add_pid() {
    SM_PIDS+=("$1")
    echo "$1" >>"$SM_DIR/pids"
}

# _sm_our_pids - PIDs from _sm_add_pid
_sm_our_pids() {
    { printf '%s\n' "${SM_PIDS[@]}"; cat "$SM_DIR/pids" 2>/dev/null; } \
        | sort -u | grep . || true
}

# _sm_daemon_pid - the daemon's pid, from its pid file
_sm_daemon_pid() {
    head -n 1 "$SM_DIR/sendmail.pid" 2>/dev/null | tr -d ' \n'
}

# sm_procs - PIDs still running for this instance: Sendmail processes
#	(they all chdir to the queue directory), the sink and our milters
sm_procs() {
    local p cwd
    [ -n "$SM_DIR" ] || return 0
    {
        for p in /proc/[0-9]*; do
            cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
            if [ "$cwd" = "$SM_QUEUE" ] || [ "$cwd" = "$SM_QUEUE (deleted)" ]; then
                echo "${p#/proc/}"
            fi
        done
        _sm_daemon_pid
        echo
        _sm_our_pids
    } | sort -un | while read -r p; do
        [ -n "$p" ] && mta_alive "$p" && echo "$p"
    done
    return 0
}

# _sm_none_left - 0 when sm_procs prints nothing
_sm_none_left() {
    [ -z "$(sm_procs)" ]
}

# _sm_start_sink - smtp-sink on 127.0.0.2:SM_SINK_PORT; 0 when listening
_sm_start_sink() {
    chown nobody "$SM_DIR/sink"
    # -u: smtp-sink refuses to run as root without it. One file per
    # transaction: its X-Mail-Args/X-Rcpt-Args lines, then the message.
    smtp-sink -4 -c -u nobody -h smtp-sink -d "$SM_DIR/sink/%Y%m%d%H%M%S." \
        "127.0.0.2:$SM_SINK_PORT" 256 \
        </dev/null >"$SM_DIR/sink.counter" 2>"$SM_DIR/sink.err" &
    SM_SINK_PID=$!
    _sm_add_pid "$SM_SINK_PID"
    if ! mta_wait_until 10 mta_listening "$SM_SINK_PORT" 127.0.0.2 \
        || ! sleep 0.2 || ! mta_alive "$SM_SINK_PID"; then
        _sm_say "smtp-sink did not start: $(cat "$SM_DIR/sink.err")"
        return 1
    fi
    return 0
}

# _sm_kill_sink - end smtp-sink
_sm_kill_sink() {
    if [ -n "${SM_SINK_PID:-}" ]; then
        kill "$SM_SINK_PID" 2>/dev/null || true
        wait "$SM_SINK_PID" 2>/dev/null || true
        SM_SINK_PID=
    fi
}

# _sm_watchdog OWNER - stop the instance when the owning shell dies
#	(even by SIGKILL) or SM_LIFETIME passes
_sm_watchdog() {
    local owner=$1 deadline
    deadline=$(($(mta_now_ms) + ${SM_LIFETIME:-1800} * 1000))
    while mta_alive "$owner" && [ "$(mta_now_ms)" -lt "$deadline" ]; do
        sleep 1
    done
    mta_alive "$owner" && _sm_say "SM_LIFETIME reached, stopping $SM_DIR"
    _sm_teardown
}

# _sm_teardown - stop milters, Sendmail and sink
_sm_teardown() {
    local p left daemon
    [ -n "$SM_DIR" ] || return 0
    for p in $(_sm_our_pids); do
        if mta_alive "$p"; then kill "$p" 2>/dev/null || true; fi
    done
    daemon=$(_sm_daemon_pid)
    # SIGTERM to the daemon: it ends its children and exits.
    if [ -n "$daemon" ] && mta_alive "$daemon"; then
        kill "$daemon" 2>/dev/null || true
    fi
    mta_wait_until 10 _sm_none_left || true
    left=$(sm_procs | tr '\n' ' ')
    if [ -n "$left" ]; then
        _sm_say "killing leftover processes: $left"
        # shellcheck disable=SC2086
        kill -9 $left 2>/dev/null || true
        mta_wait_until 5 _sm_none_left || true
    fi
    return 0
}

# sm_start WORKDIR [MILTER_SOCKET] - create and start the private instance.
#	MILTER_SOCKET in libmilter's syntax (inet:PORT@127.0.0.1,
#	unix:/path), which is also Sendmail's.
sm_start() {
    local dir=$1 milter=${2:-} try owner=$BASHPID out
    if [ -n "$SM_STARTED" ]; then
        _sm_say "an instance is already running in this shell ($SM_DIR)"
        return 1
    fi
    if [ -z "$dir" ]; then
        _sm_say "usage: sm_start WORKDIR [MILTER_SOCKET]"
        return 1
    fi
    sm_have_sendmail >/dev/null || { _sm_say "$(sm_have_sendmail)"; return 1; }
    mkdir -p "$dir" || return 1
    SM_DIR=$(cd "$dir" && pwd)
    SM_ETC=$SM_DIR/etc
    SM_CF=$SM_ETC/sendmail.cf
    SM_QUEUE=$SM_DIR/queue
    SM_BIN=$SM_DIR/bin/sendmail
    case $milter in
    local:*) milter=unix:${milter#local:} ;;
    /*) milter=unix:$milter ;;
    esac
    SM_MILTER=$milter
    chmod 0755 "$SM_DIR"
    mkdir -p "$SM_ETC" "$SM_QUEUE" "$SM_DIR/bin" "$SM_DIR/sink" "$SM_DIR/milter"
    chmod 0700 "$SM_QUEUE"
    : >"$SM_DIR/pids"
    SM_PIDS=()

    if [ -z "${SM_NO_TRAP:-}" ]; then
        trap 'sm_stop' EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
        trap 'exit 129' HUP
    fi
    SM_STARTED=1
    _sm_watchdog "$owner" </dev/null >/dev/null 2>>"$SM_DIR/watchdog.err" &
    SM_WATCHDOG_PID=$!

    _sm_write_wrapper
    for try in 1 2 3; do
        SM_PORT=$(mta_free_port) || return 1
        SM_SINK_PORT=$(mta_free_port "$SM_PORT") || return 1
        _sm_write_config || return 1
        _sm_start_sink || { _sm_kill_sink; continue; }
        rm -f "$SM_DIR/sendmail.pid"
        # -q2s: a queue run every 2 seconds retries deferred mail.
        if out=$(timeout 60 "$SM_BIN" -bd -q2s 2>&1) \
            && mta_wait_until 20 mta_listening "$SM_PORT"; then
            export SM_DIR SM_ETC SM_CF SM_QUEUE SM_BIN SM_PORT SM_SINK_PORT SM_MILTER
            return 0
        fi
        _sm_say "sendmail -bd failed (try $try): $out"
        [ -n "$(_sm_daemon_pid)" ] && kill "$(_sm_daemon_pid)" 2>/dev/null
        _sm_kill_sink
    done
    return 1
}

# sm_stop - stop everything sm_start and sm_milter_start started
sm_stop() {
    local rc=$?
    [ -n "$SM_STARTED" ] || return "$rc"
    SM_STARTED=
    if [ -n "${SM_WATCHDOG_PID:-}" ]; then
        kill "$SM_WATCHDOG_PID" 2>/dev/null || true
        wait "$SM_WATCHDOG_PID" 2>/dev/null || true
        SM_WATCHDOG_PID=
    fi
    _sm_teardown
    _sm_kill_sink
    wait 2>/dev/null || true
    return "$rc"
}

# sm_milter_start SOCKET CMD [ARG...] - run a milter in the background,
#	owned by this instance; wait until SOCKET accepts connections.
#	Its output goes to WORKDIR/milter/<name>.log. Prints the PID.
sm_milter_start() {
    local sock=$1 name pid path='' port=''
    shift
    name=$(basename "$1")
    case $sock in
    unix:* | local:*) path=${sock#*:} ;;
    /*) path=$sock ;;
    inet:*@*) port=${sock#inet:}; port=${port%%@*} ;;
    inet:*) port=${sock#inet:} ;;
    esac
    [ -n "$path" ] && rm -f "$path"
    (umask 000; exec "$@") </dev/null >>"$SM_DIR/milter/$name.log" 2>&1 &
    pid=$!
    _sm_add_pid "$pid"
    if [ -n "$path" ]; then
        mta_wait_until "${SM_MILTER_WAIT:-10}" test -S "$path" || true
    else
        mta_wait_until "${SM_MILTER_WAIT:-10}" mta_listening "$port" || true
    fi
    if ! mta_alive "$pid"; then
        _sm_say "milter $name exited: $(tail -n 5 "$SM_DIR/milter/$name.log")"
        return 1
    fi
    echo "$pid"
}

# sm_milter_stop PID - stop one milter started with sm_milter_start
sm_milter_stop() {
    kill "$1" 2>/dev/null || true
    mta_wait_until 10 mta_not_alive "$1" || kill -9 "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    return 0
}

# sm_cmd ARG... - the instance's sendmail command (mailq is sm_cmd -bp)
sm_cmd() {
    timeout 60 "$SM_BIN" "$@"
}

# sm_send [--source ADDR] [--timeout S] FROM RCPT... < message - SMTP to
#	the instance; prints the final reply; status 0 for 2xx, 4 for 4xx,
#	5 for 5xx, 1 for trouble
sm_send() {
    "$PF_PYTHON" "$SM_LIBDIR/../postfix/pfsend.py" --port "$SM_PORT" "$@"
}

# _sm_mailq_ids OUTPUT - queue ids from mailq's listing on stdin
_sm_mailq_ids() {
    # Entry lines start with the id, maybe followed by a status mark
    # (* being delivered, X too large, - in the making).
    awk '/^[A-Za-z0-9]+[*X-]? +[0-9]+ / { id = $1; sub(/[*X-]$/, "", id); print id }'
}

# sm_queue_ids - ids of the mail in the queue (not quarantined)
sm_queue_ids() {
    sm_cmd -bp 2>/dev/null | _sm_mailq_ids
}

# sm_quarantine_ids - ids of the quarantined (held) mail
sm_quarantine_ids() {
    sm_cmd -bp -qQ 2>/dev/null | _sm_mailq_ids
}

# _sm_queue_idle - 0 when no message is on its way (no qf file; held
#	mail is an hf file and does not count)
_sm_queue_idle() {
    [ -z "$(find "$SM_QUEUE" -maxdepth 2 -name 'qf*' -print -quit 2>/dev/null)" ]
}

# sm_wait_idle [SECONDS] - wait until nothing is in flight; 1 on timeout
sm_wait_idle() {
    mta_wait_until "${1:-$SM_WAIT_TIMEOUT}" _sm_queue_idle && return 0
    _sm_say "queue not idle after ${1:-$SM_WAIT_TIMEOUT}s"
    return 1
}

# sm_sink_messages - paths of captured messages, oldest first
sm_sink_messages() {
    find "$SM_DIR/sink" -type f -printf '%T@ %p\n' 2>/dev/null \
        | sort -n | cut -d' ' -f2-
}

# sm_sink_count - messages the sink has received (from its -c counters)
sm_sink_count() {
    local last
    last=$(tail -c 80 "$SM_DIR/sink.counter" 2>/dev/null | tr '\r' '\n' \
        | grep 'mesg=' | tail -n 1)
    last=${last##*mesg=}
    echo "${last:-0}"
}

# _sm_sink_has N - 0 when the sink counted at least N messages
_sm_sink_has() {
    [ "$(sm_sink_count)" -ge "$1" ]
}

# sm_wait_sink N [SECONDS] - wait until the sink has N messages
sm_wait_sink() {
    mta_wait_until "${2:-$SM_WAIT_TIMEOUT}" _sm_sink_has "$1" && return 0
    _sm_say "sink has $(sm_sink_count) of $1 messages after ${2:-$SM_WAIT_TIMEOUT}s"
    return 1
}

# sm_sink_envelope FILE, sm_sink_body FILE - see mta.sh
sm_sink_envelope() { mta_sink_envelope "$@"; }
sm_sink_body() { mta_sink_body "$@"; }
