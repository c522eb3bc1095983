"""Running the app on this machine: a server on a free port, a Chromium to drive it (for deploy, bench and tests)."""
