#!/bin/sh
# run-all.sh - build omamori twice and run every test in both builds:
#   _build  the normal build (gcc, -Werror), then "make distcheck";
#   _asan   clang with ASan + UBSan (LeakSanitizer on): the corpus
#           test there proves no crash and no leak on every message,
#           and the build proves the code is -Werror clean on clang too.
# Ends with one line "N passed, N failed, N skipped" over both builds.
# Usage: tests/run-all.sh [--quick]   (--quick: no distcheck)
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)
quick=${1:-}
status=0

summarise() {
	# Sum the automake test-suite.log counters of a build directory.
	sed -n 's/^# \(PASS\|FAIL\|SKIP\|ERROR\|XFAIL\|XPASS\): *\([0-9]*\)$/\1 \2/p' "$1/test-suite.log" 2>/dev/null
}

run_build() {
	dir=$1
	shift
	echo "== $dir: configure $*"
	mkdir -p "$top/$dir"
	cd "$top/$dir"
	"$top/configure" -q "$@"
	make -j"$jobs" >/dev/null
	if ! make -j"$jobs" check; then
		status=1
		for log in tests/*.log tests/*/*.log; do
			case "$log" in */test-suite.log) continue ;; esac
			if grep -q '^FAIL\|^ERROR' "$log" 2>/dev/null; then
				echo "---- $log"
				tail -n 60 "$log"
			fi
		done
	fi
	cd "$top"
}

[ -x configure ] || autoreconf -fi
run_build _build
run_build _asan --enable-sanitizers CC=clang

if [ "$quick" != "--quick" ] && [ $status -eq 0 ]; then
	echo "== make distcheck"
	dlog=$(mktemp "${TMPDIR:-/tmp}/omamori-distcheck.XXXXXX")
	(cd _build && make -j"$jobs" distcheck >"$dlog" 2>&1) || {
		tail -n 80 "$dlog"
		echo "distcheck failed"
		status=1
	}
	grep -E '^(PASS|FAIL|SKIP|ERROR|XPASS):' "$dlog" | sed 's/^/distcheck: /'
	rm -f "$dlog"
fi

pass=0 fail=0 skip=0
for d in _build _asan; do
	eval "$(summarise "$d" | awk '{ if ($1=="PASS"||$1=="XFAIL") p+=$2; else if ($1=="SKIP") s+=$2; else f+=$2 }
		END { printf "p=%d f=%d s=%d\n", p, f, s }')"
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
done
[ $status -eq 0 ] || [ $fail -gt 0 ] || fail=1
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
