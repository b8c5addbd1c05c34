#!/bin/sh
# rspamd-prefix.sh - unpack Debian's rspamd into a private prefix for
#	postfix-bench.sh --rspamd, without installing it
#
# USAGE
#	sh tests/bench/rspamd-prefix.sh [PREFIX]    (as root; default
#						     /opt/omamori-rspamd)
#
# DESCRIPTION
#	The rspamd package depends on libhyperscan5, which conflicts with
#	libvectorscan5 (installed for omamori), and installing it would
#	start a service. So the packages are only downloaded ("apt-get
#	download") and unpacked with "dpkg -x"; nothing is configured, no
#	service starts, /etc and /usr are not touched. The shared
#	libraries the binary still lacks are found with ldd and their
#	packages unpacked too (libluajit-5.1-2 on Debian 12; libhyperscan5
#	only where no libhs.so.5 is installed). PREFIX then holds:
#
#	  PREFIX/root/       the unpacked packages
#	  PREFIX/bin/rspamd  a wrapper that sets LD_LIBRARY_PATH and runs
#	                     root/usr/bin/rspamd
#	  PREFIX/lib         LD_LIBRARY_PATH: root/usr/lib/rspamd and the
#	                     unpacked multiarch library directory
#	  PREFIX/etc         the package's configuration tree (CONFDIR)
#	  PREFIX/share       rules, Lua libraries and plugins (SHAREDIR)
#	  PREFIX/VERSION     the package versions unpacked
#
#	Safe to run again: the prefix is rebuilt from scratch, and only
#	replaces the old one once the unpacked rspamd runs. Prints the
#	prefix on its last line.
set -eu

prefix=${1:-${OMAMORI_RSPAMD_PREFIX:-/opt/omamori-rspamd}}
# soname the loader may miss -> package that holds it
known_libs="libluajit-5.1.so.2=libluajit-5.1-2 libhs.so.5=libhyperscan5"

die() {
	echo "rspamd-prefix.sh: $*" >&2
	exit 1
}

[ "$(id -u)" -eq 0 ] || die "run as root"
for prog in apt-get dpkg dpkg-deb ldd; do
	command -v "$prog" >/dev/null || die "$prog not found"
done
case $prefix in
/*) ;;
*) die "PREFIX must be an absolute path: $prefix" ;;
esac
tmp=$(mktemp -d /tmp/omamori-rspamddeb.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# apt's download user (_apt) must be able to write there.
chmod 0755 "$tmp"
chown _apt "$tmp" 2>/dev/null || true

# fetch PKG... - download the packages into $tmp
fetch() {
	# shellcheck disable=SC2086
	(cd "$tmp" && apt-get download -q "$@") >"$tmp/apt.log" 2>&1 || {
		cat "$tmp/apt.log" >&2
		die "apt-get download $* failed (apt-get update needed?)"
	}
}

# missing - the sonames the unpacked binary and its libraries lack
missing() {
	for f in "$new/root/usr/bin/rspamd" "$new"/root/usr/lib/rspamd/*.so.*; do
		[ -f "$f" ] || continue
		LD_LIBRARY_PATH=$libpath ldd "$f" 2>/dev/null |
			sed -n 's/^[ \t]*\([^ ]*\) => not found.*/\1/p'
	done | sort -u
}

new=$prefix.new
rm -rf "$new"
mkdir -p "$new/root" "$new/bin"
fetch rspamd
dpkg -x "$tmp"/rspamd_*.deb "$new/root"
[ -x "$new/root/usr/bin/rspamd" ] || die "no usr/bin/rspamd in the package"
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
libpath=$new/root/usr/lib/rspamd:$new/root/usr/lib/$arch

# Two passes: a library unpacked in the first may need another one.
for pass in 1 2; do
	libs=$(missing)
	[ -n "$libs" ] || break
	pkgs=
	for so in $libs; do
		pkg=
		for pair in $known_libs; do
			[ "${pair%%=*}" = "$so" ] && pkg=${pair#*=}
		done
		[ -n "$pkg" ] || die "rspamd needs $so, and no package for it is known here"
		pkgs="$pkgs $pkg"
	done
	echo "rspamd-prefix.sh: pass $pass: unpacking$pkgs for $(echo "$libs" | paste -sd" ")" >&2
	# shellcheck disable=SC2086
	fetch $pkgs
	for pkg in $pkgs; do
		dpkg -x "$tmp/$pkg"_*.deb "$new/root"
	done
done
libs=$(missing)
[ -z "$libs" ] || die "still missing after unpacking: $(echo "$libs" | paste -sd" ")"

for deb in "$tmp"/*.deb; do
	dpkg-deb -f "$deb" Package Version | sed "s/^[^:]*: //" | paste -sd' ' >>"$new/VERSION"
done
mkdir -p "$new/lib"
ln -s ../root/usr/lib/rspamd "$new/lib/rspamd"
[ -d "$new/root/usr/lib/$arch" ] && ln -s "../root/usr/lib/$arch" "$new/lib/$arch"
ln -s root/etc/rspamd "$new/etc"
ln -s root/usr/share/rspamd "$new/share"
# The wrapper finds its prefix from its own path, so the prefix can move.
cat >"$new/bin/rspamd" <<'EOF'
#!/bin/sh
# rspamd from a private prefix (tests/bench/rspamd-prefix.sh)
p=$(cd "$(dirname "$0")/.." && pwd)
LD_LIBRARY_PATH=$(ls -d "$p"/lib/* | paste -sd:)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH
exec "$p/root/usr/bin/rspamd" "$@"
EOF
chmod 0755 "$new/bin/rspamd"
if ! out=$("$new/bin/rspamd" --version 2>&1) || ! echo "$out" | grep -q '^Rspamd daemon version'; then
	echo "$out" >&2
	die "the unpacked rspamd does not run"
fi
rm -rf "$prefix"
mv "$new" "$prefix"
echo "rspamd-prefix.sh: $out in $prefix" >&2
echo "$prefix"
