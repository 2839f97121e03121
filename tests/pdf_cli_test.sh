#!/usr/bin/env bash
# The PDF output as a user gets it from the command line: formats, PDF/A levels, fonts,
# the embedded XML, determinism. Each check prints what it expected when it fails.
gongwen=$1
seed0=fixtures/seeds/000_2ff49a1744f89f60.txt
seed2=fixtures/seeds/002_acf107ec8495534f.txt
source "$(dirname "$0")/cli_lib.sh"
is_pdf() { head -c 8 "$1" | grep -q '^%PDF-1.7' || { echo "  $1 is not a PDF 1.7 file"; return 1; }; }
fonts_have() { pdffonts "$1" | grep -q -- "$2" || { echo "  $1 has no font $2:"; pdffonts "$1"; return 1; }; }
fonts_lack() { ! pdffonts "$1" | grep -q -- "$2" || { echo "  $1 still uses $2"; return 1; }; }

check "pdf by extension" exit_is 0 "$gongwen" convert "$seed0" -o "$tmp/a.pdf"
check "it is a PDF" is_pdf "$tmp/a.pdf"
check "pdf to stdout with -t" exit_is 0 bash -c "'$gongwen' convert '$seed0' -t pdf -o - > '$tmp/b.pdf'"
check "stdout PDF equals the file" cmp -s "$tmp/a.pdf" "$tmp/b.pdf"
# The second run's clock reads twenty years on (faketime), in another time zone: no date or time
# of the run gets in. GONGWEN_FAKETIME=0 (the sanitizer build, where libfaketime deadlocks in an
# ASan program's start-up) keeps the real clock.
later=()
[ "${GONGWEN_FAKETIME:-1}" = 0 ] || later=(faketime -m '2045-03-01 08:00:00')
check "second run, twenty years on, same bytes" exit_is 0 env TZ=Asia/Shanghai "${later[@]}" "$gongwen" convert "$seed0" -o "$tmp/c.pdf"
check "deterministic" cmp -s "$tmp/a.pdf" "$tmp/c.pdf"
check "SOURCE_DATE_EPOCH does not override the document's date" \
  exit_is 0 env SOURCE_DATE_EPOCH=1700000000 "$gongwen" convert "$seed0" -o "$tmp/d.pdf"
check "document date wins" cmp -s "$tmp/a.pdf" "$tmp/d.pdf"

# PDF/A-3b with the native XML inside, equal to what -t xml writes.
check "pdfa 3b" exit_is 0 "$gongwen" convert "$seed2" --pdfa 3b -o "$tmp/r.pdf"
check "xml of the same input" exit_is 0 "$gongwen" convert "$seed2" -t xml -o "$tmp/r.xml"
mkdir -p "$tmp/detached"
check "pdfdetach extracts it" exit_is 0 bash -c "cd '$tmp/detached' && pdfdetach -saveall '$tmp/r.pdf'"
check "embedded XML equals convert -t xml" cmp -s "$tmp/detached/002_acf107ec8495534f.xml" "$tmp/r.xml"
check "embedded XML is valid against the XSD" \
  xmllint --noout --schema converters/xml/gongwen-document-1.xsd "$tmp/detached/002_acf107ec8495534f.xml"
check "2b has no attachment" bash -c "pdfdetach -list '$tmp/a.pdf' | grep -q '^0 embedded files'"

# Fonts chosen by the user, on the command line and in a file.
uming=$(fc-match -f '%{file}' 'AR PL UMing TW')
check "font override" exit_is 0 "$gongwen" convert "$seed0" --font "body=$uming" -o "$tmp/f.pdf"
check "body set in the chosen font" fonts_have "$tmp/f.pdf" UMing
check "Fandol FangSong no longer used" fonts_lack "$tmp/f.pdf" FandolFang
printf '# fonts of our office\nbody = %s\n\nheading1=%s\n' "$uming" "$uming" > "$tmp/fonts.conf"
check "font config file" exit_is 0 "$gongwen" convert "$seed0" --font-config "$tmp/fonts.conf" -o "$tmp/g.pdf"
check "config replaces 黑体 too" fonts_lack "$tmp/g.pdf" FandolHei
mkdir -p "$tmp/office" && ln -s "$uming" "$tmp/office/ours.ttc" && printf 'body = ours.ttc:1\n' > "$tmp/office/fonts.conf"
check "config path relative to the config file" exit_is 0 "$gongwen" convert "$seed0" --font-config "$tmp/office/fonts.conf" -o "$tmp/h.pdf"
check "relative font used" fonts_have "$tmp/h.pdf" UMing
check "unknown PDF/A level" exit_is 2 "$gongwen" convert "$seed0" --pdfa 1a -o "$tmp/x.pdf"
check "unknown font role" exit_is 2 "$gongwen" convert "$seed0" --font "footer=$uming" -o "$tmp/x.pdf"
check "unknown role named" stderr_has "footer"
check "missing font file" exit_is 2 "$gongwen" convert "$seed0" --font body=/nonexistent.otf -o "$tmp/x.pdf"
check "bad config line named" exit_is 2 bash -c "echo 'body' > '$tmp/bad.conf'; '$gongwen' convert '$seed0' --font-config '$tmp/bad.conf' -o '$tmp/x.pdf'"
check "no partial output" test ! -e "$tmp/x.pdf"

# A batch on two threads writes the same bytes as single runs.
check "batch of pdfs" exit_is 0 "$gongwen" convert fixtures/seeds -t pdf -d "$tmp/batch" -j 2 -q
check "batch output equals single run" bash -c "cmp -s \"\$(find '$tmp/batch' -name '000_*.pdf')\" '$tmp/a.pdf'"

# A character no font has: a warning on stderr, still a PDF.
printf '关于测试的报告\n\n这是一个\xf3\xb0\x80\x81测试段落。\n' > "$tmp/odd.txt"
check "missing glyph still converts" exit_is 0 "$gongwen" convert "$tmp/odd.txt" -o "$tmp/odd.pdf"
check "missing glyph warned" stderr_has "U+F0001"

finish
