// Package sitetest checks the generated site the way its visitors and
// reviewers meet it: the example site is built, served on a loopback port
// (at the root and under a sub-path) and opened from disk, and every kind
// of page is visited in headless Chromium at phone and desktop sizes, with
// axe-core injected for accessibility; every HTML file goes through the Nu
// Html Checker; a crawl from the home page must reach every page.
//
// The package holds only tests. The tools they need are pinned in
// package.json beside this file (`npm ci` installs axe-core and vnu-jar)
// and, from Debian, chromium and a Java runtime. On a machine without them
// the tests skip with a loud message; with CI=true they fail instead.
//
// TestScreenshots is a tool rather than a check: with -screenshots DIR it
// writes full-page screenshots of a few pages at phone and desktop sizes
// into DIR, and without that flag it is skipped.
package sitetest
