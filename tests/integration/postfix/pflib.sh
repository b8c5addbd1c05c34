# pflib.sh - run a private Postfix instance on loopback for tests
#
#	Works in scripts with or without "set -eu".
#
# SYNOPSIS
#	. tests/integration/postfix/pflib.sh
#	pf_have_postfix || exit 77
#	pf_start WORKDIR [MILTER_SOCKET]      # sets a trap that calls pf_stop
#	pf_milter_start SOCKET CMD [ARG...]   # optional: a milter we own
#	pf_send [--login USER] FROM RCPT... < message   # prints "250 2.0.0 Ok..."
#	pf_wait_idle [SECONDS]
#	pf_sink_messages                      # one file per delivered message
#	pf_sink_envelope FILE                 # "MAIL addr" / "RCPT addr" lines
#	pf_queue_json; pf_log; pf_procs
#	pf_stop
#
# DESCRIPTION
#	pf_start builds a Postfix instance from scratch under WORKDIR and
#	runs it as root next to (never instead of) the system instance:
#
#	  WORKDIR/etc/main.cf, master.cf   generated here, see _pf_write_config
#	  WORKDIR/queue/                   queue_directory (Postfix fills it)
#	  WORKDIR/data/                    data_directory
#	  WORKDIR/log/maillog              Postfix log (postlogd, no syslog)
#	  WORKDIR/sink/                    one file per message the sink got
#	  WORKDIR/sink.counter, sink.err   smtp-sink's -c counters, errors
#	  WORKDIR/milter/                  suggested place for milter sockets
#	  WORKDIR/pids                     processes to kill in pf_stop
#
#	smtpd listens on 127.0.0.1:$PF_PORT. All mail is relayed to an
#	smtp-sink on 127.0.0.1:$PF_SINK_PORT (both ports picked free at
#	start). Nothing listens anywhere else and nothing looks up DNS.
#	Every Postfix command is given "-c WORKDIR/etc"; /etc/postfix is
#	only read for what the package installs there (postfix-files, the
#	list of queue directories to create), never written.
#
#	One instance per shell: the state lives in PF_* variables. Run a
#	second instance in a subshell if you need two.
#
# ENVIRONMENT (read by pf_start; set before calling it)
#	PF_SINK_MODE	store (default): every message to WORKDIR/sink/;
#			count: only count (fast; for benchmarks)
#	PF_SINK_USER	user smtp-sink runs as (default: nobody)
#	PF_SMTPD_LIMIT	max smtpd processes (default: 100)
#	PF_EXTRA_MAIN	extra main.cf lines, appended last so they win
#			(e.g. "milter_default_action = accept")
#	PF_NO_TRAP	non-empty: pf_start sets no trap; call pf_stop yourself
#	PF_LIFETIME	watchdog: stop everything after this many seconds
#			even if the test hangs (default: 1800)
#	PF_MILTER_WAIT	seconds pf_milter_start waits for a milter socket (default 10)
#	PF_WAIT_TIMEOUT	default bound for the pf_wait_* functions (default: 60)
#	PF_PYTHON	Python 3 for pfsend.py (default: /usr/bin/python3)
#
# SET BY pf_start
#	PF_DIR PF_ETC PF_QUEUE PF_PORT PF_SINK_PORT PF_SINK_PID PF_MILTER
#
# POSTFIX QUIRKS SOLVED HERE (details next to the code)
#	- postfix(1) chdirs to queue_directory before anything else, so
#	  WORKDIR/queue must exist (root-owned, 0755) before "postfix check".
#	- "postfix start" runs post-install create-missing, which creates the
#	  queue subdirectories with the right owners (postfix, group
#	  postdrop for maildrop/ and public/). We never run set-permissions:
#	  it would also chown/chmod the package's files under /usr.
#	- No multi_instance setup is needed: as root, "postfix -c DIR" and
#	  "postqueue -c DIR" accept any config directory; the
#	  alternate_config_directories check only binds unprivileged users.
#	- master.cf is ours, with chroot "n" for every service: Debian's
#	  default chroots daemons into the queue directory, where they
#	  would find no /etc/services, /etc/hosts or libraries.
#	- maillog_file needs a "postlog" unix-dgram service in master.cf
#	  (postfix check refuses to start without it) and a directory listed
#	  in maillog_file_prefixes.
#	- Postfix daemons drop to user postfix: WORKDIR and every parent
#	  must be searchable by it, or smtpd/cleanup cannot reach a milter
#	  socket under WORKDIR (pf_start checks this). A milter socket must
#	  be writable by user postfix (pf_milter_start runs the milter with
#	  umask 000).
#	- smtp-sink refuses to run as root without -u USER, and its -M
#	  (stop after N messages) exits before answering the last ".", so the
#	  harness counts with -c instead.
#	- "postfix stop" leaves the daemons as orphans for a moment; here PID
#	  1 reaps them only every second or two. pf_stop waits until no
#	  process is left in the queue directory (zombies do not count).

PF_LIBDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Ports, waiting and the sink readers are shared with smlib.sh.
. "$PF_LIBDIR/../mta.sh"
PF_PYTHON=${PF_PYTHON:-/usr/bin/python3}
PF_WAIT_TIMEOUT=${PF_WAIT_TIMEOUT:-60}
PF_DIR=
PF_STARTED=

# _pf_say - diagnostics to stderr, so stdout stays for results
_pf_say() {
    echo "pflib: $*" >&2
}

# _pf_now_ms - wall clock in milliseconds
_pf_now_ms() { mta_now_ms; }

# pf_have_postfix - 0 when everything pf_start needs is here; else says why
pf_have_postfix() {
    local prog
    for prog in postfix postconf postqueue postsuper smtp-sink; do
        if ! command -v "$prog" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$prog" ]; then
            echo "postfix not installed ($prog not found)"
            return 1
        fi
    done
    if ! id postfix >/dev/null 2>&1 || ! getent group postdrop >/dev/null; then
        echo "postfix user or postdrop group missing"
        return 1
    fi
    if [ "$(id -u)" != 0 ]; then
        echo "a private Postfix instance needs root (postfix start)"
        return 1
    fi
    if [ ! -x "$PF_PYTHON" ]; then
        echo "$PF_PYTHON not found (needed by pfsend.py)"
        return 1
    fi
    return 0
}

# _pf_port_free PORT - 0 when nothing on 127.0.0.1 uses PORT
_pf_port_free() { mta_port_free "$@"; }

# _pf_free_port [EXCLUDE] - print a free TCP port on 127.0.0.1
_pf_free_port() { mta_free_port "$@"; }

# _pf_listening PORT - 0 when something listens on 127.0.0.1:PORT.
#	ss looks without connecting: a probe connection to smtpd would be
#	an SMTP session, logged, and passed to the milter.
_pf_listening() {
    if command -v ss >/dev/null 2>&1; then
        [ -n "$(ss -Hltn "( sport = :$1 )" 2>/dev/null)" ]
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
    fi
}

# _pf_wait_until SECONDS CMD... - poll CMD every 0.1s until true or timeout
_pf_wait_until() { mta_wait_until "$@"; }

# _pf_postfix_milter SPEC - libmilter socket spec to Postfix milter syntax
#	unix:/p, local:/p, /p  -> unix:/p
#	inet:PORT@HOST         -> inet:HOST:PORT
#	inet:PORT              -> inet:127.0.0.1:PORT
#	inet:HOST:PORT         -> unchanged
_pf_postfix_milter() {
    local spec=$1 rest
    case $spec in
    '') echo "" ;;
    unix:*) echo "$spec" ;;
    local:*) echo "unix:${spec#local:}" ;;
    /*) echo "unix:$spec" ;;
    inet:*@*)
        rest=${spec#inet:}
        echo "inet:${rest#*@}:${rest%%@*}"
        ;;
    inet:*:*) echo "$spec" ;;
    inet:*) echo "inet:127.0.0.1:${spec#inet:}" ;;
    *)
        _pf_say "unknown milter socket form: $spec"
        return 1
        ;;
    esac
}

# _pf_searchable_by_postfix DIR - 0 when user postfix can reach DIR
_pf_searchable_by_postfix() {
    local d=$1
    while [ -n "$d" ] && [ "$d" != / ]; do
        # Owner root and "other" x bit set, or owned by postfix: enough.
        if [ "$(stat -c %U "$d")" != postfix ] \
            && [ $(( 0$(stat -c %a "$d") & 01 )) -eq 0 ]; then
            _pf_say "user postfix cannot search $d (mode $(stat -c %a "$d"))"
            return 1
        fi
        d=$(dirname "$d")
    done
    return 0
}

# _pf_write_config - generate main.cf and master.cf from scratch
_pf_write_config() {
    local milter
    milter=$(_pf_postfix_milter "$PF_MILTER") || return 1
    cat >"$PF_ETC/main.cf" <<EOF
# Private Postfix instance for omamori tests, generated by pflib.sh.
# Nothing here may reach beyond 127.0.0.1 or WORKDIR.

# Modern defaults, no backwards-compatibility warnings in the log.
compatibility_level = 3.6

# Everything this instance writes lives under WORKDIR. config_directory
# is not set here: it is whatever "postfix -c" names.
queue_directory = $PF_QUEUE
data_directory = $PF_DIR/data
mail_owner = postfix
setgid_group = postdrop

# A fixed identity, so nothing depends on the machine's hostname. The
# sink greets as "smtp-sink", so the smtp client sees no mail loop.
myhostname = mta.omamori-test.example
mydomain = omamori-test.example
myorigin = \$myhostname
smtpd_banner = \$myhostname ESMTP

# Listen on loopback only, IPv4 only (no ::1 warnings on hosts without
# it). The smtp client then also binds to 127.0.0.1.
inet_interfaces = 127.0.0.1
inet_protocols = ipv4

# No local delivery at all: every recipient is remote and goes to the
# sink. Empty alias/local maps keep Postfix from wanting aliases.db.
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
relay_domains =
biff = no
append_dot_mydomain = no

# Clients on loopback may relay; nobody else can connect anyway.
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions =
# Tests may claim a SASL login with "XCLIENT LOGIN=user" (pf_send --login).
smtpd_authorized_xclient_hosts = 127.0.0.0/8

# All mail to the sink. Brackets: no MX lookup. No DNS anywhere: the
# client uses the numeric address, smtpd does not resolve the peer
# (milters see client name "unknown", address 127.0.0.1).
relayhost = [127.0.0.1]:$PF_SINK_PORT
default_transport = smtp
relay_transport = smtp
smtp_dns_support_level = disabled
smtp_host_lookup = native
smtpd_peername_lookup = no
smtp_connect_timeout = 5s
smtp_tls_security_level = none
smtpd_tls_security_level = none

# Deferred mail comes back fast, so tests of tempfail see the retry.
queue_run_delay = 2s
minimal_backoff_time = 2s
maximal_backoff_time = 10s
maximal_queue_lifetime = 1h
bounce_queue_lifetime = 1h
delay_warning_time = 0
# Room for large test messages (limit tests set their own).
message_size_limit = 52428800

# Log to a file through postlogd; the directory must be a listed prefix.
maillog_file = $PF_DIR/log/maillog
maillog_file_prefixes = $PF_DIR/log

# Milters: the same for SMTP and for sendmail(1)-submitted mail. A milter
# that is down, slow or crashing must not let mail through: tempfail.
# Protocol 6 is what libmilter 8.14+ speaks. Timeouts are shorter than
# Postfix's defaults (30s/30s/300s) so a hung milter fails a test fast.
smtpd_milters = $milter
non_smtpd_milters = $milter
milter_protocol = 6
milter_default_action = tempfail
milter_connect_timeout = 10s
milter_command_timeout = 30s
milter_content_timeout = 60s
EOF
    if [ -n "${PF_EXTRA_MAIN:-}" ]; then
        printf '\n# Added by the test (PF_EXTRA_MAIN)\n%s\n' "$PF_EXTRA_MAIN" \
            >>"$PF_ETC/main.cf"
    fi

    # Column 5 (chroot) is "n" everywhere: see the quirks at the top.
    # No tlsmgr/postscreen/local/virtual/pipe services: nothing uses them.
    cat >"$PF_ETC/master.cf" <<EOF
# service        type  private unpriv chroot wakeup maxproc command
127.0.0.1:$PF_PORT inet  n       -      n      -      ${PF_SMTPD_LIMIT:-100} smtpd
pickup           unix  n       -      n      60     1       pickup
cleanup          unix  n       -      n      -      0       cleanup
qmgr             unix  n       -      n      300    1       qmgr
rewrite          unix  -       -      n      -      -       trivial-rewrite
bounce           unix  -       -      n      -      0       bounce
defer            unix  -       -      n      -      0       bounce
trace            unix  -       -      n      -      0       bounce
verify           unix  -       -      n      -      1       verify
flush            unix  n       -      n      1000?  0       flush
proxymap         unix  -       -      n      -      -       proxymap
smtp             unix  -       -      n      -      -       smtp
relay            unix  -       -      n      -      -       smtp
showq            unix  n       -      n      -      -       showq
error            unix  -       -      n      -      -       error
retry            unix  -       -      n      -      -       error
discard          unix  -       -      n      -      -       discard
anvil            unix  -       -      n      -      1       anvil
scache           unix  -       -      n      -      1       scache
postlog          unix-dgram n  -      n      -      1       postlogd
EOF
}

# _pf_add_pid PID - remember a process pf_stop must end (in memory, and
#	in a file for the watchdog, which was forked earlier)
_pf_add_pid() {
    PF_PIDS+=("$1")
    echo "$1" >>"$PF_DIR/pids"
}

# _pf_our_pids - PIDs from _pf_add_pid, whether or not WORKDIR still exists
_pf_our_pids() {
    { printf '%s\n' "${PF_PIDS[@]}"; cat "$PF_DIR/pids" 2>/dev/null; } \
        | sort -u | grep . || true
}

# _pf_master_pid - PID of this instance's master, if known
_pf_master_pid() {
    if [ -z "${PF_MASTER_PID:-}" ] && [ -r "$PF_QUEUE/pid/master.pid" ]; then
        PF_MASTER_PID=$(tr -d ' \n' <"$PF_QUEUE/pid/master.pid")
    fi
    echo "${PF_MASTER_PID:-}"
}

# _pf_alive PID - 0 when PID exists and is not a zombie
_pf_alive() { mta_alive "$@"; }

# pf_procs - print PIDs still running for this instance: Postfix daemons
#	(recognised by their working directory, the queue directory), the
#	sink, and milters started with pf_milter_start
pf_procs() {
    local p cwd
    [ -n "$PF_DIR" ] || return 0
    {
        for p in /proc/[0-9]*; do
            cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
            # "(deleted)": a test removed WORKDIR while Postfix ran.
            if [ "$cwd" = "$PF_QUEUE" ] || [ "$cwd" = "$PF_QUEUE (deleted)" ]; then
                echo "${p#/proc/}"
            fi
        done
        _pf_master_pid
        _pf_our_pids
    } | sort -un | while read -r p; do
        [ -n "$p" ] && _pf_alive "$p" && echo "$p"
    done
    return 0
}

# _pf_start_sink - start smtp-sink on PF_SINK_PORT; 0 when listening
_pf_start_sink() {
    local user=${PF_SINK_USER:-nobody} args
    args=(-4 -c -u "$user" -h smtp-sink)
    # -u: smtp-sink refuses to run as root without it. The sink writes
    # its capture files as that user.
    chown "$user" "$PF_DIR/sink"
    if [ "${PF_SINK_MODE:-store}" = store ]; then
        # One file per transaction: the sink's X-Mail-Args/X-Rcpt-Args
        # lines (the envelope) and then the message as received.
        args+=(-d "$PF_DIR/sink/%Y%m%d%H%M%S.")
    fi
    # -c counters go to a file: pf_sink_count reads the last one.
    smtp-sink "${args[@]}" "127.0.0.1:$PF_SINK_PORT" 256 \
        </dev/null >"$PF_DIR/sink.counter" 2>"$PF_DIR/sink.err" &
    PF_SINK_PID=$!
    _pf_add_pid "$PF_SINK_PID"
    # It binds before it switches user; a bad -u shows only after that.
    if ! _pf_wait_until 10 _pf_listening "$PF_SINK_PORT" \
        || ! sleep 0.2 || ! _pf_alive "$PF_SINK_PID"; then
        _pf_say "smtp-sink did not start: $(cat "$PF_DIR/sink.err")"
        return 1
    fi
    return 0
}

# _pf_watchdog OWNER - background guard: when the owning shell dies
#	(even by SIGKILL) or PF_LIFETIME passes, stop the instance
_pf_watchdog() {
    local owner=$1 deadline
    deadline=$(($(_pf_now_ms) + ${PF_LIFETIME:-1800} * 1000))
    # _pf_alive, not kill -0: an owner killed but not yet reaped is a zombie.
    while _pf_alive "$owner" && [ "$(_pf_now_ms)" -lt "$deadline" ]; do
        sleep 1
    done
    _pf_alive "$owner" && _pf_say "PF_LIFETIME reached, stopping $PF_DIR"
    _pf_teardown
}

# pf_start WORKDIR [MILTER_SOCKET] - create and start the private instance
pf_start() {
    local dir=$1 milter=${2:-} out try owner=$BASHPID
    if [ -n "$PF_STARTED" ]; then
        _pf_say "an instance is already running in this shell ($PF_DIR)"
        return 1
    fi
    if [ -z "$dir" ]; then
        _pf_say "usage: pf_start WORKDIR [MILTER_SOCKET]"
        return 1
    fi
    pf_have_postfix >/dev/null || { _pf_say "$(pf_have_postfix)"; return 1; }
    mkdir -p "$dir" || return 1
    PF_DIR=$(cd "$dir" && pwd)
    PF_ETC=$PF_DIR/etc
    PF_QUEUE=$PF_DIR/queue
    PF_MILTER=$milter
    if [ -e "$PF_QUEUE/pid/master.pid" ] && [ -e "$PF_ETC/main.cf" ] \
        && postfix -c "$PF_ETC" status >/dev/null 2>&1; then
        _pf_say "a Postfix instance is already running in $PF_DIR"
        return 1
    fi
    # 0755: user postfix must reach milter sockets and the sink directory.
    chmod 0755 "$PF_DIR"
    _pf_searchable_by_postfix "$PF_DIR" || return 1
    # postfix(1) chdirs to queue_directory first thing: create it root-owned
    # (post-install create-missing wants it so and fills it in).
    mkdir -p "$PF_ETC" "$PF_QUEUE" "$PF_DIR/log" "$PF_DIR/sink" "$PF_DIR/milter"
    chmod 0755 "$PF_ETC" "$PF_QUEUE" "$PF_DIR/log" "$PF_DIR/milter"
    chown root:root "$PF_ETC" "$PF_QUEUE"
    : >"$PF_DIR/pids"
    PF_PIDS=()
    PF_MASTER_PID=

    if [ -z "${PF_NO_TRAP:-}" ]; then
        trap 'pf_stop' EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
        trap 'exit 129' HUP
    fi
    PF_STARTED=1
    # Redirected so that a caller reading our stdout through a pipe is
    # not kept waiting by the watchdog.
    # owner is taken here: in "cmd \$BASHPID &" it would expand in the child.
    _pf_watchdog "$owner" </dev/null >/dev/null 2>>"$PF_DIR/watchdog.err" &
    PF_WATCHDOG_PID=$!

    # Ports are picked free but can be taken before we bind: retry.
    for try in 1 2 3; do
        PF_PORT=$(_pf_free_port) || return 1
        PF_SINK_PORT=$(_pf_free_port "$PF_PORT") || return 1
        _pf_write_config || return 1
        _pf_start_sink || { _pf_kill_sink; continue; }
        if ! out=$(timeout 60 postfix -c "$PF_ETC" check 2>&1); then
            _pf_say "postfix check failed: $out"
            return 1
        fi
        if out=$(timeout 60 postfix -c "$PF_ETC" start 2>&1) \
            && _pf_wait_until 10 _pf_listening "$PF_PORT"; then
            PF_MASTER_PID=
            _pf_master_pid >/dev/null
            export PF_DIR PF_ETC PF_QUEUE PF_PORT PF_SINK_PORT PF_MILTER
            return 0
        fi
        _pf_say "postfix start failed (try $try): $out"
        tail -n 5 "$PF_DIR/log/maillog" >&2 2>/dev/null
        timeout 30 postfix -c "$PF_ETC" stop >/dev/null 2>&1 || true
        _pf_kill_sink
    done
    return 1
}

# _pf_kill_sink - end smtp-sink
_pf_kill_sink() {
    if [ -n "${PF_SINK_PID:-}" ]; then
        kill "$PF_SINK_PID" 2>/dev/null || true
        wait "$PF_SINK_PID" 2>/dev/null || true
        PF_SINK_PID=
    fi
}

# _pf_teardown - stop milters, Postfix and sink; no waiting on the caller
_pf_teardown() {
    local p left master
    [ -n "$PF_DIR" ] || return 0
    # Milters first, as Postfix would tempfail mail it is handed meanwhile;
    # harmless, nothing is sent at this point.
    for p in $(_pf_our_pids); do
        if _pf_alive "$p"; then kill "$p" 2>/dev/null || true; fi
    done
    master=$(_pf_master_pid)
    if [ -n "$master" ] && _pf_alive "$master"; then
        # postfix stop waits up to 5s, then kills the process group. When
        # it cannot (WORKDIR removed under us), SIGTERM to master does the
        # same: master terminates its children and exits.
        if ! timeout 20 postfix -c "$PF_ETC" stop >/dev/null 2>&1; then
            kill "$master" 2>/dev/null || true
        fi
    fi
    # Orphaned daemons finish on their own within a second or so.
    _pf_wait_until 10 _pf_none_left || true
    left=$(pf_procs | tr '\n' ' ')
    if [ -n "$left" ]; then
        _pf_say "killing leftover processes: $left"
        # shellcheck disable=SC2086
        kill -9 $left 2>/dev/null || true
        _pf_wait_until 5 _pf_none_left || true
    fi
    return 0
}

# _pf_none_left - 0 when pf_procs prints nothing
_pf_none_left() {
    [ -z "$(pf_procs)" ]
}

# pf_stop - stop everything pf_start and pf_milter_start started
pf_stop() {
    local rc=$?
    [ -n "$PF_STARTED" ] || return "$rc"
    PF_STARTED=
    if [ -n "${PF_WATCHDOG_PID:-}" ]; then
        kill "$PF_WATCHDOG_PID" 2>/dev/null || true
        wait "$PF_WATCHDOG_PID" 2>/dev/null || true
        PF_WATCHDOG_PID=
    fi
    _pf_teardown
    # Reap our own children (sink, milters) so no zombies stay behind.
    _pf_kill_sink
    wait 2>/dev/null || true
    return "$rc"
}

# pf_milter_start SOCKET CMD [ARG...] - run a milter in the background,
#	owned by this instance; wait until SOCKET accepts connections.
#	umask 000 so that user postfix may connect to a UNIX socket.
#	Its output goes to WORKDIR/milter/<name>.log. Prints the PID.
pf_milter_start() {
    local sock=$1 name pid path port
    shift
    name=$(basename "$1")
    case $sock in
    unix:* | local:*) path=${sock#*:} ;;
    /*) path=$sock ;;
    inet:*@*) port=${sock#inet:}; port=${port%%@*} ;;
    inet:*:*) port=${sock##*:} ;;
    inet:*) port=${sock#inet:} ;;
    esac
    [ -n "${path:-}" ] && rm -f "$path"
    (umask 000; exec "$@") </dev/null >>"$PF_DIR/milter/$name.log" 2>&1 &
    pid=$!
    _pf_add_pid "$pid"
    if [ -n "${path:-}" ]; then
        _pf_wait_until "${PF_MILTER_WAIT:-10}" test -S "$path" || true
    else
        _pf_wait_until "${PF_MILTER_WAIT:-10}" _pf_listening "$port" || true
    fi
    if ! _pf_alive "$pid"; then
        _pf_say "milter $name exited: $(tail -n 5 "$PF_DIR/milter/$name.log")"
        return 1
    fi
    if [ -n "${path:-}" ] && [ ! -S "$path" ]; then
        _pf_say "milter $name: no socket $path after ${PF_MILTER_WAIT:-10}s"
        return 1
    fi
    echo "$pid"
}

# pf_milter_stop PID - stop one milter started with pf_milter_start
pf_milter_stop() {
    kill "$1" 2>/dev/null || true
    _pf_wait_until 10 _pf_not_alive "$1" || kill -9 "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    return 0
}

# _pf_not_alive PID - negation of _pf_alive, for _pf_wait_until
_pf_not_alive() {
    ! _pf_alive "$1"
}

# pf_postconf "KEY = VALUE"... - change main.cf and reload the instance
pf_postconf() {
    local kv
    for kv in "$@"; do
        postconf -c "$PF_ETC" -e "$kv" || return 1
    done
    pf_reload
}

# pf_reload - make the running instance re-read main.cf/master.cf.
#	Daemons of the old generation finish their current client and
#	exit; give them a moment so the next session sees the new config.
pf_reload() {
    timeout 30 postfix -c "$PF_ETC" reload >/dev/null 2>&1 || return 1
    sleep 1
}

# pf_set_milter [SOCKET] - switch smtpd_milters/non_smtpd_milters (empty: none)
pf_set_milter() {
    local milter
    milter=$(_pf_postfix_milter "${1:-}") || return 1
    PF_MILTER=${1:-}
    pf_postconf "smtpd_milters = $milter" "non_smtpd_milters = $milter"
}

# pf_send [--login USER] [--helo NAME] [--timeout S] FROM RCPT... < message
#	SMTP to the instance; prints the final reply ("250 2.0.0 Ok: queued
#	as ..."); status 0 for 2xx, 4 for 4xx, 5 for 5xx, 1 for trouble
pf_send() {
    "$PF_PYTHON" "$PF_LIBDIR/pfsend.py" --port "$PF_PORT" "$@"
}

# pf_queue_json - the queue as postqueue -j prints it (one object per line)
pf_queue_json() {
    timeout 30 postqueue -c "$PF_ETC" -j
}

# _pf_queue_busy - 0 when mail is still on its way (maildrop, incoming,
#	active); mail only in deferred or hold does not count
_pf_queue_busy() {
    pf_queue_json | grep -Eq '"queue_name": *"(maildrop|incoming|active)"'
}

# _pf_queue_idle - negation of _pf_queue_busy
_pf_queue_idle() {
    ! _pf_queue_busy
}

# pf_wait_idle [SECONDS] - wait until nothing is in flight; 1 on timeout
pf_wait_idle() {
    _pf_wait_until "${1:-$PF_WAIT_TIMEOUT}" _pf_queue_idle && return 0
    _pf_say "queue not idle after ${1:-$PF_WAIT_TIMEOUT}s"
    return 1
}

# pf_sink_messages - print the paths of captured messages, oldest first
pf_sink_messages() {
    find "$PF_DIR/sink" -type f -printf '%T@ %p\n' 2>/dev/null \
        | sort -n | cut -d' ' -f2-
}

# pf_sink_count - messages the sink has received (from its -c counters)
pf_sink_count() {
    local last
    last=$(tail -c 80 "$PF_DIR/sink.counter" 2>/dev/null | tr '\r' '\n' \
        | grep 'mesg=' | tail -n 1)
    last=${last##*mesg=}
    echo "${last:-0}"
}

# _pf_sink_has N - 0 when the sink counted at least N messages
_pf_sink_has() {
    [ "$(pf_sink_count)" -ge "$1" ]
}

# pf_wait_sink N [SECONDS] - wait until the sink has N messages; 1 on timeout
pf_wait_sink() {
    _pf_wait_until "${2:-$PF_WAIT_TIMEOUT}" _pf_sink_has "$1" && return 0
    _pf_say "sink has $(pf_sink_count) of $1 messages after ${2:-$PF_WAIT_TIMEOUT}s"
    return 1
}

# pf_sink_envelope FILE - print "MAIL addr" and one "RCPT addr" per
#	recipient, from the sink's X-Mail-Args / X-Rcpt-Args lines
pf_sink_envelope() { mta_sink_envelope "$@"; }

# pf_sink_body FILE - the message as the sink received it: without the
#	sink's X-* lines, its Received: header and the empty line it appends
pf_sink_body() { mta_sink_body "$@"; }

# pf_log - the instance's log
pf_log() {
    cat "$PF_DIR/log/maillog" 2>/dev/null
}
