#!/usr/bin/env bash
# The whole booklet as PDF, two ways, side by side: patient-info's own
# layout (printpdf), and Chromium headless `--print-to-pdf` of an HTML page
# written here from the same booklet's `--format txt` export, in the same
# bundled font, on A4 with the same margins.
#
# Prints each tool's time (best and median of RUNS runs, whole process,
# start-up included) and file size. Target: patient-info at least 25x
# faster, and its file no larger.
#
#   benches/chromium_compare.sh            # French booklet, 5 runs each
#   LANG_CODE=en RUNS=9 benches/chromium_compare.sh
#
# Needs Debian's chromium (apt-get install chromium). The machine needs no
# network: Chromium is started with everything that phones home disabled.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
lang=${LANG_CODE:-fr}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "SKIPPED: chromium is not installed (apt-get install chromium)" >&2
  exit 0
fi

cargo build --release --no-default-features --quiet
bin="${CARGO_TARGET_DIR:-target}/release/patient-info"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# best and median of a list of milliseconds
stats() { sort -n | awk '{ v[NR] = $1 } END { printf "%d %d\n", v[1], v[int((NR + 1) / 2)] }'; }

# --- the HTML page, from the plain-text export ------------------------------
"$bin" export --all --lang "$lang" --format txt --output "$work/booklet.txt" >/dev/null
fonts="$PWD/resources/fonts"
awk -v fonts="$fonts" -v lang="$lang" '
function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
BEGIN {
  print "<!doctype html><html lang=\"" lang "\"><head><meta charset=\"utf-8\"><title>Booklet</title><style>"
  styles["Regular"] = "normal 400"; styles["Bold"] = "normal 700"
  styles["Italic"] = "italic 400"; styles["BoldItalic"] = "italic 700"
  for (s in styles) {
    split(styles[s], st, " ")
    printf "@font-face{font-family:A;src:url(\"file://%s/AtkinsonHyperlegible-%s.ttf\");font-style:%s;font-weight:%s}\n", fonts, s, st[1], st[2]
  }
  print "@page{size:A4;margin:23mm 20mm 23mm 20mm}"
  print "body{font-family:A;font-size:12pt;line-height:1.4;color:#1a1a1a}"
  print "h1{font-size:22pt;color:#1b4f72;break-before:page;break-after:avoid}"
  print "h2{font-size:15.5pt;color:#1b4f72;break-after:avoid}"
  print "li{margin:.2em 0}"
  print "</style></head><body>"
}
{ line[NR] = $0 }
END {
  for (i = 1; i <= NR; i++) {
    l = line[i]; next_l = (i < NR) ? line[i + 1] : ""
    if (l == "") continue
    if (next_l ~ /^=+$/) { print "<h1>" esc(l) "</h1>"; i++; continue }
    if (next_l ~ /^-+$/) { print "<h2>" esc(l) "</h2>"; i++; continue }
    if (l ~ /^• /) { print "<ul><li>" esc(substr(l, 3)) "</li></ul>"; continue }
    print "<p>" esc(l) "</p>"
  }
  print "</body></html>"
}' "$work/booklet.txt" >"$work/booklet.html"

# --- patient-info -------------------------------------------------------------
"$bin" export --all --lang "$lang" --output "$work/warm.pdf" >/dev/null # warm the disk cache
ours=()
for i in $(seq "$runs"); do
  rm -f "$work/ours.pdf"
  t0=$(now_ms)
  "$bin" export --all --lang "$lang" --output "$work/ours.pdf" >/dev/null
  t1=$(now_ms)
  ours+=($((t1 - t0)))
done

# --- Chromium -----------------------------------------------------------------
theirs=()
for i in $(seq "$runs"); do
  profile=$(mktemp -d)
  rm -f "$work/chromium.pdf"
  t0=$(now_ms)
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$work/chromium.pdf" "file://$work/booklet.html" >/dev/null 2>&1 || true
  t1=$(now_ms)
  rm -rf "$profile"
  theirs+=($((t1 - t0)))
done
if [ ! -s "$work/chromium.pdf" ]; then
  echo "chromium wrote no PDF; run it by hand to see why" >&2
  exit 1
fi

read -r ours_best ours_median < <(printf '%s\n' "${ours[@]}" | stats)
read -r theirs_best theirs_median < <(printf '%s\n' "${theirs[@]}" | stats)
ours_size=$(stat -c %s "$work/ours.pdf")
theirs_size=$(stat -c %s "$work/chromium.pdf")
pages() { command -v pdfinfo >/dev/null && pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }' || echo "?"; }

printf '\nWhole booklet (%s), %d runs each, whole process\n' "$lang" "$runs"
printf '%-14s %10s %12s %12s %7s\n' "" "best (ms)" "median (ms)" "size (B)" "pages"
printf '%-14s %10d %12d %12d %7s\n' "patient-info" "$ours_best" "$ours_median" "$ours_size" "$(pages "$work/ours.pdf")"
printf '%-14s %10d %12d %12d %7s\n' "chromium" "$theirs_best" "$theirs_median" "$theirs_size" "$(pages "$work/chromium.pdf")"
awk -v a="$ours_median" -v b="$theirs_median" -v sa="$ours_size" -v sb="$theirs_size" 'BEGIN {
  speed = (a > 0) ? b / a : b
  printf "speed-up (median): %.1fx (target >= 25x: %s)\n", speed, (speed >= 25 ? "met" : "NOT met")
  printf "size: %.2fx of chromium'"'"'s (target <= 1: %s)\n", sa / sb, (sa <= sb ? "met" : "NOT met")
}'
