# testlib.sh - shared helpers for the shell tests (sourced)
set -u

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# json_get FIELD - read one top-level field of the JSON object on stdin
json_get() {
	python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"
}

# json_categories - the sorted, unique categories of a scan result on stdin
json_categories() {
	python3 -c 'import json,sys; print(" ".join(sorted({f["category"] for f in json.load(sys.stdin)["findings"]})))'
}

# The shipped rules of this tree, as an absolute path for generated configs.
RULES_DIR=$(cd "${top_srcdir:-.}/rules" && pwd)
