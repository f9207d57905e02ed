#!/bin/sh
# Install the system programs the reviewer uses, where we can: Tesseract OCR with Indonesian
# and English data, poppler-utils (pdftotext/pdftoppm). Never fails the setup: without them,
# scanned pages are reported as "needs OCR" instead of being read.
# LibreOffice (optional, for legacy .doc/.xls/.ppt) is installed where apt-get runs as root or
# REVIEWER_OFFICE_FORMATS=1; without it those files get a one-line "needs LibreOffice" error.
# It is installed on its own, so a failure there never stops the OCR tools.
office="libreoffice-core libreoffice-writer libreoffice-calc libreoffice-impress"
if ! command -v soffice >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            $office) >/dev/null 2>&1 || echo "warning: apt-get could not install LibreOffice (optional)" >&2
    elif [ "${REVIEWER_OFFICE_FORMATS:-}" = 1 ] && command -v sudo >/dev/null 2>&1; then
        sudo apt-get install -y -qq --no-install-recommends $office || echo "warning: could not install LibreOffice" >&2
    fi
fi
need=""
command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ind || need="$need tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
[ -z "$need" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing:$need"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need) >/dev/null 2>&1 \
        || echo "warning: apt-get could not install$need" >&2
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get install -y -qq $need || echo "warning: could not install$need" >&2
else
    echo "warning: please install$need (Tesseract OCR with the 'ind' language; poppler-utils)." >&2
    echo "  Windows: https://github.com/UB-Mannheim/tesseract/wiki, then add it to PATH." >&2
fi
exit 0
