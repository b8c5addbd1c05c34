# mta.sh - helpers shared by the tests that run a real MTA on loopback
#	(sourced by tests/integration/postfix/pflib.sh and tests/integration/sendmail/smlib.sh)
#
#	Works in scripts with or without "set -eu". Nothing here knows
#	which MTA runs: ports, waiting, processes, and the smtp-sink
#	capture files both MTAs relay to.
#
# SYNOPSIS
#	mta_now_ms                       wall clock in milliseconds
#	mta_wait_until SECONDS CMD...    poll CMD every 0.1s; 1 on timeout
#	mta_alive PID                    0 when PID runs and is no zombie
#	mta_listening PORT [ADDR]        0 when something listens there
#	mta_free_port [EXCLUDE...]       print a free TCP port on loopback
#	mta_sink_envelope FILE           "MAIL addr" / "RCPT addr" lines
#	mta_sink_body FILE               the message as the sink received it

# mta_now_ms - wall clock in milliseconds
mta_now_ms() {
    local t=${EPOCHREALTIME/./}
    echo $((t / 1000))
}

# mta_wait_until SECONDS CMD... - poll CMD every 0.1s until true or timeout
mta_wait_until() {
    local limit=$1 deadline
    shift
    deadline=$(($(mta_now_ms) + limit * 1000))
    while ! "$@"; do
        [ "$(mta_now_ms)" -ge "$deadline" ] && return 1
        sleep 0.1
    done
    return 0
}

# mta_alive PID - 0 when PID exists and is not a zombie
mta_alive() {
    local state
    [ -r "/proc/$1/stat" ] || return 1
    state=$(sed 's/^.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
    [ -n "$state" ] && [ "$state" != Z ]
}

# mta_not_alive PID - negation of mta_alive, for mta_wait_until
mta_not_alive() {
    ! mta_alive "$1"
}

# mta_port_free PORT - 0 when nothing on loopback uses PORT (any 127/8
#	address: the sinks listen on 127.0.0.2)
mta_port_free() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [ -z "$(ss -Htan "( sport = :$port )" 2>/dev/null)" ] || return 1
    fi
    # Belt and braces: a refused connection means no listener.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        return 1
    fi
    return 0
}

# mta_free_port [EXCLUDE...] - print a free TCP port on loopback
mta_free_port() {
    local port x taken
    for _ in $(seq 1 100); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        taken=
        for x in "$@"; do
            [ "$port" = "$x" ] && taken=1
        done
        [ -n "$taken" ] && continue
        if mta_port_free "$port"; then
            echo "$port"
            return 0
        fi
    done
    echo "mta.sh: no free port found" >&2
    return 1
}

# mta_listening PORT [ADDR] - 0 when something listens on ADDR:PORT
#	(default 127.0.0.1). ss looks without connecting: a probe
#	connection to an MTA would be an SMTP session, logged, and passed
#	to the milter.
mta_listening() {
    local addr=${2:-127.0.0.1}
    if command -v ss >/dev/null 2>&1; then
        [ -n "$(ss -Hltn "( sport = :$1 )" 2>/dev/null | grep -F " $addr:$1 ")" ]
    else
        (exec 3<>"/dev/tcp/$addr/$1") 2>/dev/null
    fi
}

# mta_sink_envelope FILE - print "MAIL addr" and one "RCPT addr" per
#	recipient, from smtp-sink's X-Mail-Args / X-Rcpt-Args lines
mta_sink_envelope() {
    sed -n -e 's/^X-Mail-Args: *<\([^>]*\)>.*/MAIL \1/p' \
        -e 's/^X-Rcpt-Args: *<\([^>]*\)>.*/RCPT \1/p' \
        -e '/^Received: /q' "$1"
}

# mta_sink_body FILE - the message as the sink received it: without the
#	sink's X-* lines, its Received: header and the empty line it appends
mta_sink_body() {
    awk 'body { if (held) print prev; prev = $0; held = 1; next }
         /^Received: / && !rcv { rcv = 1; next }
         rcv && /^[ \t]/ { next }
         rcv { body = 1; prev = $0; held = 1 }
         END { if (held && prev != "") print prev }' "$1"
}
