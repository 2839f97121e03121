#!/usr/bin/env bash
# golden.sh GONGWEN NAME [INPUT EXPECTED_DIR]: compares the outputs for INPUT (default
# fixtures/seeds/NAME.txt) with the reviewed files EXPECTED_DIR/NAME.{xml,inspect.txt} (default
# fixtures/expected); validates the XML against the XSD.
set -uo pipefail
gongwen=$1
name=$2
input=${3:-fixtures/seeds/$name.txt}
expected=${4:-fixtures/expected}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
"$gongwen" convert "$input" -t xml -o "$tmp/out.xml" --quiet || status=1
"$gongwen" inspect "$input" > "$tmp/out.inspect.txt" || status=1
diff -u "$expected/$name.xml" "$tmp/out.xml" || { echo "golden: XML differs for $name"; status=1; }
diff -u "$expected/$name.inspect.txt" "$tmp/out.inspect.txt" || { echo "golden: inspect differs for $name"; status=1; }
if command -v xmllint > /dev/null; then
  xmllint --noout --schema converters/xml/gongwen-document-1.xsd "$tmp/out.xml" || status=1
fi
exit $status
