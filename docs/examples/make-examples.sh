#!/bin/sh
# Makes docs/examples/quote-en.pdf, quote-he.pdf and quote-ar.pdf with the release binary:
#   swift build -c release && sh docs/examples/make-examples.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
funnel=${FUNNEL_BIN:-$here/../../.build/release/funnel}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export FUNNEL_DATA_DIR="$data" FUNNEL_USER=dana FUNNEL_NOW=2026-11-24T09:00:00Z TZ=UTC
"$funnel" init > /dev/null
"$funnel" team email dana dana@carmel.example > /dev/null
"$funnel" products add CRM-Y --name "CRM, yearly licence (per user)" --price 1200 > /dev/null
"$funnel" products add SETUP --name "Setup and training" --price 450.50 --vat-exempt > /dev/null
"$funnel" products add SUPPORT --name "Priority support, 12 months" --price 2400 > /dev/null
"$funnel" products add CRM-HE --name "רישיון CRM שנתי (למשתמש)" --price 1200 > /dev/null
"$funnel" products add SETUP-HE --name "התקנה והדרכה" --price 450.50 --vat-exempt > /dev/null
"$funnel" products add CRM-AR --name "ترخيص CRM سنوي (لكل مستخدم)" --price 1200 > /dev/null
"$funnel" products add SETUP-AR --name "التركيب والتدريب" --price 450.50 --vat-exempt > /dev/null
quote() {
  lang=$1; shift
  id=$("$funnel" add "$@")
  "$funnel" edit "$id" --installments 10 --payment-method bank-transfer > /dev/null
  echo "$id"
}
en=$(quote en "CRM for Acme" --company "Acme Ltd" --contact "Dana Miller")
"$funnel" lines add "$en" CRM-Y --qty 12 --discount 10 > /dev/null
"$funnel" lines add "$en" SETUP > /dev/null
"$funnel" lines add "$en" SUPPORT > /dev/null
"$funnel" lines add "$en" --text "Data migration from spreadsheets" --price 800 --qty 1.5 > /dev/null
he=$(quote he "מערכת CRM לכרמל" --company "כרמל תוכנה בע\"מ" --contact "יוסי כהן")
"$funnel" lines add "$he" CRM-HE --qty 12 --discount 10 > /dev/null
"$funnel" lines add "$he" SETUP-HE > /dev/null
"$funnel" lines add "$he" --text "הסבת נתונים מ-Excel" --price 800 --qty 1.5 > /dev/null
ar=$(quote ar "نظام CRM للنور" --company "شركة النور" --contact "أحمد خليل")
"$funnel" lines add "$ar" CRM-AR --qty 12 --discount 10 > /dev/null
"$funnel" lines add "$ar" SETUP-AR > /dev/null
"$funnel" lines add "$ar" --text "نقل البيانات من Excel" --price 800 --qty 1.5 > /dev/null
for pair in "en $en" "he $he" "ar $ar"; do
  set -- $pair
  "$funnel" quote "$2" --lang "$1" --out "$here/quote-$1.pdf"
done
