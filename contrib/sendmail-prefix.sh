#!/bin/sh
# sendmail-prefix.sh - unpack Debian's Sendmail into a private prefix for
#	the omamori tests and the demo, without installing it
#
# USAGE
#	sh contrib/sendmail-prefix.sh [PREFIX]    (as root; default
#						   /opt/omamori-sendmail)
#
# DESCRIPTION
#	sendmail-bin conflicts with postfix as a package, and the tests need
#	both. So the packages are only downloaded ("apt-get download") and
#	unpacked with "dpkg -x"; nothing is configured, no service starts,
#	/etc and /usr are not touched. PREFIX then holds:
#
#	  PREFIX/root/          the unpacked packages (sendmail-bin,
#	                        sendmail-base, sendmail-cf, libwrap0)
#	  PREFIX/bin/sendmail   a copy of the binary without its setgid bit:
#	                        in secure mode the loader would ignore
#	                        LD_LIBRARY_PATH, and libwrap lives in PREFIX
#	  PREFIX/lib            the unpacked shared libraries (LD_LIBRARY_PATH)
#	  PREFIX/cf             sendmail-cf's m4 tree (cf.m4 and friends)
#	  PREFIX/VERSION        the package versions unpacked
#
#	The tests look for PREFIX in $OMAMORI_SENDMAIL_PREFIX, else in
#	/opt/omamori-sendmail, and skip when it is missing. Safe to run
#	again: the prefix is rebuilt from scratch.
set -eu

prefix=${1:-${OMAMORI_SENDMAIL_PREFIX:-/opt/omamori-sendmail}}
pkgs="sendmail-bin sendmail-base sendmail-cf libwrap0"

if [ "$(id -u)" -ne 0 ]; then
	echo "sendmail-prefix.sh: run as root" >&2
	exit 1
fi
tmp=$(mktemp -d /tmp/omamori-smdeb.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# apt's download user (_apt) must be able to write there.
chmod 0755 "$tmp"
chown _apt "$tmp" 2>/dev/null || true
# shellcheck disable=SC2086
(cd "$tmp" && apt-get download -q $pkgs)
rm -rf "$prefix.new"
mkdir -p "$prefix.new/root" "$prefix.new/bin"
: >"$prefix.new/VERSION"
for deb in "$tmp"/*.deb; do
	dpkg -x "$deb" "$prefix.new/root"
	dpkg-deb -f "$deb" Package Version | sed "s/^[^:]*: //" | paste -sd' ' >>"$prefix.new/VERSION"
done
# cp, not the file itself: the copy has no setgid bit (mode 0755).
cp "$prefix.new/root/usr/libexec/sendmail/sendmail" "$prefix.new/bin/sendmail"
chmod 0755 "$prefix.new/bin/sendmail"
libdir=$(cd "$prefix.new/root" && ls -d usr/lib/*-linux-gnu | head -n 1)
ln -s "root/$libdir" "$prefix.new/lib"
ln -s root/usr/share/sendmail/cf "$prefix.new/cf"
# It must run from here: "-d0.1" prints its version before it reads any
# configuration.
LD_LIBRARY_PATH=$prefix.new/lib "$prefix.new/bin/sendmail" -d0.1 -bt -C /dev/null </dev/null \
	>"$tmp/version" 2>&1 || true
if ! grep -q '^Version ' "$tmp/version"; then
	echo "sendmail-prefix.sh: the unpacked sendmail does not run:" >&2
	cat "$tmp/version" >&2
	exit 1
fi
rm -rf "$prefix"
mv "$prefix.new" "$prefix"
# The symlinks are relative: they still hold after the move.
echo "sendmail-prefix.sh: $(grep -m1 sendmail-bin "$prefix/VERSION") in $prefix"
