#!/usr/bin/env bash
# Installs the Debian packages gongwen needs to build and test. Idempotent: silent when
# everything is present; installs only what is missing. Nothing is fetched from outside
# Debian's archive.
set -euo pipefail

packages=(
  g++ cmake ninja-build make pkg-config
  libicu-dev libpugixml-dev libssl-dev
  googletest libgtest-dev
  libgumbo-dev                        # HTML5 parsing
  libsimdjson-dev                     # reading gongwen's JSON back (the On-Demand parser)
  libcli11-dev                        # the command line's options
  libxlsxwriter-dev                   # the summary workbook
  libfreetype-dev libfontconfig-dev   # the PDF layout's fonts: glyph metrics, finding families
  libharfbuzz-dev libdeflate-dev      # the font layer (hb-subset) and the PDF writer's compression …
  libisal-dev                         # … and ISA-L's igzip for the font programs (see converters/pdf/direct.cpp)
  libxxhash-dev                       # the PDF's /ID: XXH3-128 of its bytes
  libpodofo-dev                       # reading PDFs (the archival package's probe of attachments)
  fonts-arphic-uming fonts-arphic-ukai fonts-noto-cjk icc-profiles-free
  fonts-dejavu-core                   # a hinted TrueType font with composite glyphs: the subsetter's test
  libxml2-utils                       # xmllint, to validate our XML against its XSD in the tests
  libxml2-dev                         # the archival package verifier reads packages as a SAX stream
  libzip-dev                          # the OFD package's zip container
  poppler-utils qpdf mupdf-tools      # pdftotext/pdffonts, qpdf --check, mutool: the PDF tests
  chromium                            # the OFD test's reader: ofd.js (npm) in headless Chromium …
  python3 python3-openpyxl            # reading the workbook back in the tests (/usr/bin/python3)
  libreoffice-calc-nogui              # soffice --convert-to csv: LibreOffice reads the workbook back (~77 MB)
  time                                # /usr/bin/time: peak memory of the large-input test
  faketime                            # a faked clock: --timeout and the workbook's independence of the clock, tested
  inotify-tools                       # inotifywait: the interrupt test signals when an output is being written
  parallel                            # GNU parallel: the README's sharded recipe, run with local jobs
  clang libclang-rt-14-dev llvm       # the sanitizer build and libFuzzer; llvm-symbolizer for its reports
)

# … run by Node.js and npm: Debian's packages, unless the machine already has a node and an npm
# of its own (NodeSource's nodejs carries npm and conflicts with Debian's npm package).
tools=(node:nodejs npm:npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
for t in "${tools[@]}"; do
  command -v "${t%%:*}" > /dev/null || missing+=("${t#*:}")
done

sudo=""
need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: run as root or install sudo" >&2; exit 1; }
    sudo="sudo"
  fi
}
export DEBIAN_FRONTEND=noninteractive

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  need_root
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# The GB/T 9704 fonts of the PDF writer (仿宋, 黑体, 楷体, 小标宋): the Fandol fonts are packaged in
# Debian only inside texlive-lang-chinese, which would pull in TeX. We download that one .deb
# and unpack just these four files to a fixed place the PDF writer looks in first.
fandol_dir=/usr/local/share/fonts/gongwen
fandol_fonts=(FandolFang-Regular.otf FandolHei-Regular.otf FandolKai-Regular.otf FandolSong-Bold.otf)
fandol_missing=0
for f in "${fandol_fonts[@]}"; do [ -s "$fandol_dir/$f" ] || fandol_missing=1; done
if [ $fandol_missing -eq 1 ]; then
  echo "bootstrap: extracting the Fandol fonts from texlive-lang-chinese into $fandol_dir" >&2
  need_root
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  chmod 755 "$tmp"   # apt downloads as the unprivileged _apt user, which must be able to write here
  [ "$(id -u)" -ne 0 ] || ! id _apt >/dev/null 2>&1 || chown _apt "$tmp"
  if ! (cd "$tmp" && apt-get download -qq texlive-lang-chinese >&2); then
    $sudo apt-get update -qq >&2   # a fresh image has no package lists yet
    (cd "$tmp" && apt-get download -qq texlive-lang-chinese >&2)
  fi
  mkdir "$tmp/x"
  members=()
  for f in "${fandol_fonts[@]}"; do members+=("./usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/$f"); done
  dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb | tar -x -C "$tmp/x" "${members[@]}"
  $sudo install -d -m 755 "$fandol_dir"
  $sudo install -m 644 "$tmp/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/"*.otf "$fandol_dir/"
  ! command -v fc-cache >/dev/null || $sudo fc-cache "$fandol_dir" >/dev/null 2>&1 || true
fi
