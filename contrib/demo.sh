#!/bin/sh
# demo.sh - build omamori if needed and show what it decides for each of
# the bundled sample messages (tests/fixtures/samples), with the demo
# configuration (the firm is sakura-hoken.example).
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
if [ ! -x _build/src/omamori ]; then
	echo "building omamori (first run only)..."
	[ -x configure ] || autoreconf -fi >/dev/null 2>&1
	mkdir -p _build
	(cd _build && "$top/configure" -q && make -j"$(nproc 2>/dev/null || echo 2)" >/dev/null)
fi
omamori=_build/src/omamori
printf '%-32s %-9s %-8s %s\n' "message" "direction" "action" "findings (category x count)"
for eml in tests/fixtures/samples/*.eml; do
	"$omamori" scan -c tests/fixtures/demo.conf "$eml" | python3 -c '
import json, sys
o = json.load(sys.stdin)
f = ", ".join("%s x%d" % (x["category"], x["count"]) for x in o["findings"]) or "-"
print("%-32s %-9s %-8s %s" % (sys.argv[1], o["direction"], o["action"], f))
if o.get("reply"):
    print("%-32s reply: %s" % ("", o["reply"]))
' "$(basename "$eml")"
done
