#!/bin/sh
# make-fixtures.sh - rewrite the Office 97 fixtures with LibreOffice, a
# real writer of the formats (test_office reads them). Needs
# libreoffice-calc-nogui and libreoffice-writer-nogui; the test itself
# does not, so CI does not install LibreOffice. Invented data only.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice -env:UserInstallation=file://"$tmp"/profile --headless \
	--infilter="CSV:44,34,76,1" --convert-to xls --outdir . cust.csv
soffice -env:UserInstallation=file://"$tmp"/profile --headless \
	--convert-to doc --outdir . memo.txt
