#!/usr/bin/env python3
"""Open jsna chapters in headless Chromium, check them with axe-core, print them to PDF.

Usage: browser_test.py PAGE.html [PAGE.html ...]

For each page: zero axe-core violations of WCAG 2.0/2.1/2.2 A and AA; Chromium prints it to
PDF without error; a PNG screenshot is written next to it (screenshot.png) for people to
look at. Prints one line per check and "N passed, N failed" at the end.
"""
import base64
import json
import pathlib
import sys

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

AXE = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main(pages):
    passed = failed = 0
    d = driver()
    try:
        for page in pages:
            path = pathlib.Path(page).resolve()
            if not path.is_file():
                failed += 1
                print(f"FAIL  {page}: no such file")
                continue
            d.get(path.as_uri())
            d.execute_script(AXE)
            result = d.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: %s}}).then(r => done(r)).catch(e => done({error: String(e)}));"
                % json.dumps(TAGS))
            if "error" in result:
                failed += 1
                print(f"FAIL  {page}: axe-core did not run: {result['error']}")
                continue
            violations = result["violations"]
            if violations:
                failed += 1
                print(f"FAIL  {page}: {len(violations)} WCAG A/AA violation(s)")
                for v in violations:
                    print(f"      {v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s), e.g. {v['nodes'][0]['html'][:120]}")
            else:
                passed += 1
                print(f"ok    {page}: axe-core {result.get('testEngine', {}).get('version', '')}: no WCAG A/AA violations ({len(result['passes'])} rules passed)")
            pdf = base64.b64decode(d.print_page())
            if pdf[:5] == b"%PDF-" and len(pdf) > 1000:
                passed += 1
                (path.parent / "chapter.pdf").write_bytes(pdf)
                print(f"ok    {page}: printed to PDF ({len(pdf)} bytes)")
            else:
                failed += 1
                print(f"FAIL  {page}: printing to PDF failed")
            d.save_screenshot(str(path.parent / "screenshot.png"))
    finally:
        d.quit()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
