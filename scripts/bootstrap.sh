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
  libxlsxwriter-dev                   # the summary workbook
  libcairo2-dev libfreetype-dev libfontconfig-dev libpodofo-dev   # PDF drawing and archival structure
  fonts-arphic-uming fonts-arphic-ukai fonts-noto-cjk icc-profiles-free
  libxml2-utils                       # xmllint, to validate our XML against its XSD in the tests
  poppler-utils qpdf mupdf-tools      # pdftotext/pdffonts, qpdf --check, mutool: the PDF tests
  python3 python3-openpyxl            # reading the workbook back in the tests (/usr/bin/python3)
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "bootstrap: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "bootstrap: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
