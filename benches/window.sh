#!/bin/sh
# Measures the window's launch-to-first-frame time and its memory after 3 s
# idle, against a bare iced 0.14 window (examples/bare_window.rs), under a
# private Xvfb with the software renderer (tiny-skia). Both programs are
# built in one cargo invocation, so they share the release profile and the
# same iced features. Needs Xvfb (apt-get install xvfb).
#
#   benches/window.sh [RUNS]        (5 runs of each program by default)
#
# Prints the medians, the start ratio (target ≤ 1.3×) and the RSS (target
# < 40 MB); exits with 1 when a target is missed.
set -eu
cd "$(dirname "$0")/.."
runs="${1:-5}"
target="${CARGO_TARGET_DIR:-target}/release"
json=$(cargo build --release --bin patient-info --example bare_window --bench window_startup \
    --message-format=json-render-diagnostics)
probe=$(printf '%s\n' "$json" | grep '"name":"window_startup"' | grep -o '"executable":"[^"]*"' | tail -n 1 | cut -d'"' -f4)
if [ -z "$probe" ]; then
    echo "window.sh: the window_startup probe was not built" >&2
    exit 2
fi
exec "$probe" "$target/patient-info" "$target/examples/bare_window" --runs "$runs"
