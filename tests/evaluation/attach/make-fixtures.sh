#!/bin/bash
# NAME
#	make-fixtures.sh - build the attachment test messages for omamori
# SYNOPSIS
#	tests/evaluation/attach/make-fixtures.sh OUTDIR
# DESCRIPTION
#	Writes OUTDIR/*.eml (the cases in tests/evaluation/attach/labels.tsv) and verifies
#	them.  Debian tools make what they are made for (zip, 7z, tar, gzip,
#	bzip2, xz, gcab, xorriso, qpdf, openssl, gpg); mkfix.py (python3,
#	standard library) builds everything else by hand and writes the mail.
#	Every password is the one in mkfix.py (PASSWORD).
#	Packages: zip p7zip-full tar gzip bzip2 xz-utils gcab xorriso qpdf
#	openssl gnupg python3 coreutils.
# DIAGNOSTICS
#	Exit 0 when every message was built and verified; 1 otherwise.
# ENVIRONMENT
#	KEEP_WORK=1 keeps the work directory (tool outputs), so that
#	"mkfix.py verify WORK OUTDIR" can be run again; PYTHON picks python3.

set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
OUT=$1
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-python3}
PW='Sakura#2024'
STAMP=@1713142800		# touch -d: 2024-04-15 10:00 JST, file times in archives

for t in zip 7z tar gzip bzip2 xz gcab xorriso qpdf openssl gpg gpgconf "$PY"; do
	command -v "$t" >/dev/null || { echo "$0: missing $t" >&2; exit 1; }
done

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/omamori-attach.XXXXXX")
export GNUPGHOME=$WORK/gnupg
cleanup() {
	if [ -d "$GNUPGHOME" ]; then
		gpgconf --homedir "$GNUPGHOME" --kill gpg-agent 2>/dev/null || true
	fi
	if [ -n "${KEEP_WORK:-}" ]; then
		echo "$0: inputs kept in $WORK" >&2
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1713142800
rm -f "$OUT"/*.eml

# 1. plain inputs (CSV, memo, PDFs, nested zip, inner MIME entities)
"$PY" "$HERE/mkfix.py" payloads "$WORK"
IN=$WORK/in
O=$WORK/out
mkdir -p "$O"
find "$IN" -exec touch -d "$STAMP" {} +
CSV=顧客リスト_2024.csv
CSV2=顧客リスト_追加分.csv
MEMO=打ち合わせメモ.txt
PRICE=価格表.csv
q() { "$@" >/dev/null; }

# 2. archives with personal data, not encrypted
(cd "$IN/pii" && zip -q -X -9 "$O/pii.zip" "$CSV")
(cd "$IN/pii" && q 7z a -t7z -mx=9 "$O/pii.7z" "$CSV")
(cd "$IN/pii" && tar --format=ustar --owner=0 --group=0 --numeric-owner -cf "$O/pii.tar" "$CSV")
gzip -n -9 -c "$O/pii.tar" >"$O/pii.tar.gz"
bzip2 -9 -c "$O/pii.tar" >"$O/pii.tar.bz2"
xz -9 -c "$O/pii.tar" >"$O/pii.tar.xz"
gzip -n -9 -c "$IN/pii/$CSV" >"$O/pii.csv.gz"
bzip2 -9 -c "$IN/pii/$CSV" >"$O/pii.csv.bz2"
xz -9 -c "$IN/pii/$CSV" >"$O/pii.csv.xz"
(cd "$IN/pii" && gcab -c -z "$O/pii.cab" "$CSV")
xorriso -no_rc -abort_on FAILURE -report_about FAILURE -as mkisofs -quiet -no-pad -J -R \
	-V CUSTOMERS -o "$O/pii.iso" "$IN/pii" 2>/dev/null
(cd "$IN/nest" && q 7z a -t7z "$O/nested.7z" 顧客データ.zip)

# 3. encrypted archives
(cd "$IN/pii" && zip -q -X -e -P "$PW" "$O/zipcrypto-pii.zip" "$CSV")
(cd "$IN/nopii" && zip -q -X -e -P "$PW" "$O/zipcrypto-nopii.zip" "$MEMO" "$PRICE")
(cd "$IN/pii" && q 7z a -tzip -mem=AES256 -p"$PW" "$O/aes-pii.zip" "$CSV")
(cd "$IN/nopii" && q 7z a -tzip -mem=AES256 -p"$PW" "$O/aes-nopii.zip" "$MEMO" "$PRICE")
(cd "$IN/pii" && q 7z a -t7z -p"$PW" "$O/enc-pii.7z" "$CSV")
(cd "$IN/pii" && q 7z a -t7z -mhe=on -p"$PW" "$O/enc-mhe-pii.7z" "$CSV")
(cd "$IN/nopii" && q 7z a -t7z -mhe=on -p"$PW" "$O/enc-mhe-nopii.7z" "$MEMO" "$PRICE")
(cd "$IN/nopii" && q 7z a -t7z "$O/nopii.7z" "$MEMO" "$PRICE")
# one AES member (7z) and one clear member (Info-ZIP adds it unencrypted)
cp "$O/aes-pii.zip" "$O/mixed-aes.zip"
(cd "$IN/pii2" && zip -q -X "$O/mixed-aes.zip" "$CSV2")
cp "$O/zipcrypto-pii.zip" "$O/mixed-zc.zip"
(cd "$IN/pii2" && zip -q -X "$O/mixed-zc.zip" "$CSV2")
mkdir -p "$IN/zz" && cp "$O/aes-pii.zip" "$IN/zz/顧客リスト_暗号化.zip"
(cd "$IN/zz" && zip -q -X "$O/zip-in-zip-aes.zip" 顧客リスト_暗号化.zip)

# 4. PDFs with passwords (user password = encrypted; owner only = not)
qpdf --encrypt "$PW" "owner-$PW" 256 -- "$IN/pdf/pii.pdf" "$O/pdf-user-aes256-pii.pdf"
qpdf --encrypt "$PW" "owner-$PW" 128 --use-aes=y -- "$IN/pdf/nopii.pdf" "$O/pdf-user-aes128-nopii.pdf"
qpdf --encrypt "" "owner-$PW" 256 -- "$IN/pdf/pii.pdf" "$O/pdf-owner-pii.pdf"
qpdf --encrypt "" "owner-$PW" 256 -- "$IN/pdf/nopii.pdf" "$O/pdf-owner-nopii.pdf"

# 5. whole-message encryption: S/MIME to a throw-away certificate, PGP symmetric
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -keyout "$WORK/partner.key" \
	-out "$WORK/partner.crt" -subj "/O=Partner Shoji/CN=suzuki@partner-shoji.example" \
	-addext "subjectAltName=email:suzuki@partner-shoji.example" 2>/dev/null
openssl cms -encrypt -binary -aes256 -in "$IN/smime-inner.eml" -outform DER \
	-out "$O/smime.p7m" "$WORK/partner.crt"
openssl cms -decrypt -binary -inform DER -in "$O/smime.p7m" -inkey "$WORK/partner.key" \
	-recip "$WORK/partner.crt" | cmp -s - "$IN/smime-inner.eml" ||
	{ echo "$0: S/MIME round trip failed" >&2; exit 1; }
mkdir -m 700 "$GNUPGHOME"
G=(gpg --batch --yes --quiet --pinentry-mode loopback --passphrase "$PW")
"${G[@]}" --symmetric --armor --cipher-algo AES256 -o "$O/pgp.asc" "$IN/pgp-inner.eml"
"${G[@]}" --symmetric --armor --cipher-algo AES256 -o "$O/pgp-inline.asc" "$IN/pgp-inline.txt"
"${G[@]}" --decrypt "$O/pgp.asc" 2>/dev/null | cmp -s - "$IN/pgp-inner.eml" ||
	{ echo "$0: PGP round trip failed" >&2; exit 1; }

# 6. the messages, then the verify step (python email parse + byte compare,
#    7z/qpdf look inside each attachment)
"$PY" "$HERE/mkfix.py" messages "$WORK" "$OUT"
