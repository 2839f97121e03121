#!/usr/bin/env bash
# golden.sh GONGWEN NAME: compares the outputs for fixtures/seeds/NAME.txt with the reviewed
# files fixtures/expected/NAME.{xml,inspect.txt}; validates the XML against the XSD.
set -uo pipefail
gongwen=$1
name=$2
input=fixtures/seeds/$name.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
"$gongwen" convert "$input" -t xml -o "$tmp/out.xml" --quiet || status=1
"$gongwen" inspect "$input" > "$tmp/out.inspect.txt" || status=1
diff -u "fixtures/expected/$name.xml" "$tmp/out.xml" || { echo "golden: XML differs for $name"; status=1; }
diff -u "fixtures/expected/$name.inspect.txt" "$tmp/out.inspect.txt" || { echo "golden: inspect differs for $name"; status=1; }
if command -v xmllint > /dev/null; then
  xmllint --noout --schema converters/xml/gongwen-document-1.xsd "$tmp/out.xml" || status=1
fi
exit $status
