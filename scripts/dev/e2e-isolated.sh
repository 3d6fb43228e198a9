#!/usr/bin/env bash
# Runs the end-to-end suite against builds of its own, so several people (or agents) can run
# Playwright in one work tree at once. Usage: scripts/dev/e2e-isolated.sh TAG [playwright args...]
# Set SKIP_BUILD=1 to reuse the TAG's last builds.
set -euo pipefail
tag="${1:?usage: e2e-isolated.sh TAG [playwright args]}"
shift
cd "$(dirname "$0")/../.."
export AWAITABLE_E2E_TAG="-$tag"
export AWAITABLE_E2E_DIST_DIR=".next-$tag"
export AWAITABLE_E2E_COURSE_DIST_DIR=".next-$tag-course"
export NEXT_TELEMETRY_DISABLED=1
export AWAITABLE_CHROMIUM="${AWAITABLE_CHROMIUM:-$(command -v chromium || true)}"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  AWAITABLE_DIST_DIR="$AWAITABLE_E2E_DIST_DIR" npx next build >"/tmp/e2e-$tag-build.log" 2>&1 || { tail -40 "/tmp/e2e-$tag-build.log"; exit 1; }
  AWAITABLE_CONTENT_DIR="$PWD/e2e/course" AWAITABLE_DIST_DIR="$AWAITABLE_E2E_COURSE_DIST_DIR" npx next build >"/tmp/e2e-$tag-course-build.log" 2>&1 || { tail -40 "/tmp/e2e-$tag-course-build.log"; exit 1; }
fi
exec npx playwright test "$@"
