#!/usr/bin/env bash
# The pages of docs/exports.md "A meeting told in full": replay
# tests/scenarios/whole-story.json into a fresh record, ratify a financial decision
# taken outside meetings there, export the minutes, action log and financial log in
# English, Welsh and both, and turn chosen pages into PNGs (LibreOffice, pdftoppm).
#   bash scripts/story_pages.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d)}"
mkdir -p "$work/pdf"
secretary=".venv/bin/secretary"
db="$work/record.sqlite"
rm -f "$db" "$db"-*
$secretary replay tests/scenarios/whole-story.json --db "$db" > /dev/null
$secretary outside add --db "$db" --date 2026-04-20 --kind remote \
  --title "Extra physiotherapy sessions" --financial --amount 4000 \
  --signatory "Carys Miles" --consulted "all members by email" > /dev/null
$secretary outside ratify --db "$db" --meeting 1 --decision 1 --outcome ratified > /dev/null
for lang in en cy bilingual; do
  $secretary export --db "$db" --meeting 1 --language "$lang" --today 2026-05-20 \
    --next-meeting 2026-07-09 --minutes "$work/minutes-$lang.docx" \
    --actions "$work/actions-$lang.docx" --financial "$work/financial-$lang.docx" --force
done
soffice --headless -env:UserInstallation="file://$work/lo-profile" \
  --infilter="MS Word 2007 XML" --convert-to pdf --outdir "$work/pdf" \
  "$work"/minutes-*.docx "$work"/actions-*.docx "$work"/financial-*.docx > /dev/null 2>&1
page() {  # page DOCUMENT PAGE NAME
  test -f "$work/pdf/$1.pdf" || { echo "no PDF for $1" >&2; exit 1; }
  pdftoppm -r 80 -png -f "$2" -l "$2" -singlefile "$work/pdf/$1.pdf" "docs/screenshots/$3"
}
page minutes-en 1 story-minutes-en-page1
page minutes-en 3 story-minutes-en-page3
page minutes-cy 1 story-minutes-cy-page1
page minutes-bilingual 5 story-minutes-bilingual-page5
page financial-bilingual 1 story-financial-bilingual
page actions-cy 1 story-actions-cy
echo "pages in docs/screenshots/story-*.png (documents in $work)"
