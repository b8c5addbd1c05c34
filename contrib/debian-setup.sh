#!/bin/sh
# debian-setup.sh - install everything omamori needs to build, test and
# run on Debian 12 (bookworm). Run as root. Safe to run again.
set -eu

if [ "$(id -u)" -ne 0 ]; then
	echo "debian-setup.sh: run as root (sudo $0)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive

# The postfix package asks how to configure the system instance; omamori's
# demo and tests run private instances of their own, so leave it unconfigured.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections

apt-get update -q
apt-get install -y -q --no-install-recommends \
	build-essential autoconf automake libtool pkg-config clang libclang-rt-14-dev \
	libgmime-3.0-dev libglib2.0-dev libpcre2-dev libarchive-dev libmagic-dev \
	libssl-dev libxml2-dev libuchardet-dev libvectorscan-dev libcmocka-dev \
	libmilter-dev libjson-glib-dev zlib1g-dev libpsl-dev libidn2-dev \
	python3 python3-xlwt postfix miltertest swaks \
	zip unzip p7zip-full qpdf gnupg openssl file ca-certificates \
	xz-utils bzip2 gcab xorriso chromium fonts-ipafont-gothic
# PDF: poppler-data holds the Adobe-Japan1 CMaps and CID-to-Unicode table
# the engine reads at run time for Japanese fonts without ToUnicode;
# poppler-utils (pdftotext) and LibreOffice are test references.
apt-get install -y -q --no-install-recommends \
	poppler-data poppler-utils libreoffice-writer-nogui
# State shared across messages (send delay, approval, registered domains):
# SQLite on one gateway, Redis when several share it; redis-server is for
# the tests, which start their own on loopback.
apt-get install -y -q --no-install-recommends \
	libsqlite3-dev sqlite3 libhiredis-dev redis-server
# redis-server's package starts a system instance; the tests do not use it.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
	systemctl disable --now redis-server >/dev/null 2>&1 || true
fi
# Sendmail for its tests and "contrib/demo.sh --mta sendmail": the
# sendmail-bin package conflicts with postfix, so it is not installed but
# downloaded and unpacked into /opt/omamori-sendmail (a fixed directory
# the tests look in; OMAMORI_SENDMAIL_PREFIX names another). Nothing in
# /etc or /usr changes and no Sendmail service starts.
sh "$(dirname "$0")/sendmail-prefix.sh" /opt/omamori-sendmail
echo "debian-setup.sh: done"
