#!/usr/bin/env bash
# The generated workbooks open in a real spreadsheet program: writes the sample workbooks (tools/excel/samples.cs: a
# commune's form workbook, a history workbook of three communes × 2020–2024, the report from both writers), converts
# each with LibreOffice headless to PDF, and the first page of each PDF to PNG. Look at the PNGs; docs/images/ keeps
# the ones shown in docs/excel.md. Not part of CI.
# Needs: the Debian packages libreoffice-calc-nogui (soffice) and poppler-utils (pdftoppm; Calc in LibreOffice 7.4
# has no PNG export filter of its own).
# Usage: tools/excel/libreoffice-check.sh [output folder, default artifacts/excel-check] [--docs]
#   --docs also copies the PNGs to docs/images/excel-*.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/excel-check}
docs=false
[ "${2:-}" = "--docs" ] && docs=true
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y --no-install-recommends libreoffice-calc-nogui" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y --no-install-recommends poppler-utils" >&2; exit 1; }
mkdir -p "$out/pdf" "$out/png"
# --no-cache: a file-based app does not see changes in the projects it references otherwise.
dotnet run --no-cache tools/excel/samples.cs -- "$out"
for name in form history report-closedxml report-streaming; do
  # A private profile folder: a user's running LibreOffice (or a parallel run) does not block the conversion.
  soffice -env:UserInstallation=file://"$(realpath "$out")"/.lo-profile --headless --convert-to pdf --outdir "$out/pdf" "$out/$name.xlsx" >/dev/null
  pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$out/pdf/$name.pdf" "$out/png/$name"
  echo "$out/png/$name.png"
done
if $docs; then
  mkdir -p docs/images
  for name in form history report-streaming; do cp "$out/png/$name.png" "docs/images/excel-$name.png"; done
fi
