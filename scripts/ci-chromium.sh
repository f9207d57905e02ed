#!/bin/sh
# Install Debian's Chromium for the browser tests (tests/test_browser.py), where we can. The tests
# drive /usr/bin/chromium through Playwright's executable path: no browser is downloaded.
command -v chromium >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
        || echo "warning: could not install chromium; browser tests will fail in CI" >&2
else
    echo "warning: chromium not installed; browser tests are skipped outside CI" >&2
fi
exit 0
