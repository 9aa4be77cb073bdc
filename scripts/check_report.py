#!/usr/bin/env python3
"""check_report.py RUN_DIR…: opens each RUN_DIR/report.html in headless Chromium and checks it against
RUN_DIR/dashboard.json. Fails (exit 1) on any console error, any network request, a missing section, a data-field
number that differs from the dashboard, a page over 2 MB or a load over 2 s (median of 3)."""
import json, os, re, statistics, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

SECTIONS = ["headline", "span-distribution", "span-by-layer", "layer-pyramid", "org-heads", "findings", "data-quality"]


def driver(width):
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},1000"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def resolve(dashboard, path):
    """summary.people, layers.2.mean_span, count(findings[rule=span.split]), count(teams)."""
    count = re.fullmatch(r"count\((\w+)(?:\[(\w+)=(.+)\])?\)", path)
    if count:
        rows = dashboard.get(count.group(1)) or []
        if count.group(2):
            rows = [r for r in rows if str(r.get(count.group(2))) == count.group(3)]
        return len(rows)
    value = dashboard
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def check(run, problems):
    page = os.path.join(run, "report.html")
    size = os.path.getsize(page)
    if size > 2 * 1024 * 1024:
        problems.append(f"{page}: {size} bytes, over 2 MB")
    dashboard = json.load(open(os.path.join(run, "dashboard.json")))
    url = "file://" + os.path.abspath(page)
    loads = []
    for width in (1440, 375):
        browser = driver(width)
        try:
            for _ in range(3 if width == 1440 else 1):
                browser.get(url)
                timing = browser.execute_script("var t=performance.timing;return t.loadEventEnd-t.navigationStart;")
                loads.append(timing)
            height = browser.execute_script("return document.body.scrollHeight")
            browser.set_window_size(width, min(max(height, 800), 16000))
            shot = os.path.join("out", f"report-{os.path.basename(run)}-{width}.png")
            browser.save_screenshot(shot)
            for entry in browser.get_log("browser"):
                if entry["level"] in ("SEVERE", "ERROR"):
                    problems.append(f"{page} ({width}px): console: {entry['message']}")
            for entry in browser.get_log("performance"):
                message = json.loads(entry["message"])["message"]
                if message["method"] == "Network.requestWillBeSent":
                    requested = message["params"]["request"]["url"]
                    if not requested.startswith(("file://", "data:")):
                        problems.append(f"{page}: network request to {requested}")
            if width == 1440:
                for section in SECTIONS + (["teams"] if "teams" in dashboard else []) + (["costs"] if "cost_basis" in dashboard else []):
                    if not browser.find_elements(By.ID, section):
                        problems.append(f"{page}: section {section} missing")
                checked = 0
                for element in browser.find_elements(By.CSS_SELECTOR, "[data-field]"):
                    field = element.get_attribute("data-field")
                    expected = resolve(dashboard, field)
                    if element.get_attribute("data-null") == "true":
                        if expected is not None:
                            problems.append(f"{page}: {field} shows n/a, dashboard has {expected}")
                        continue
                    text = element.text.replace("%", "").replace(",", "").strip()
                    shown = float(text) / float(element.get_attribute("data-scale") or 1)
                    tolerance = 0.0006 if element.get_attribute("data-scale") else 1e-9
                    if expected is None or abs(shown - float(expected)) > tolerance * max(1, abs(float(expected))):
                        problems.append(f"{page}: {field} shows {element.text}, dashboard has {expected}")
                    checked += 1
                print(f"{page}: {checked} numbers equal to dashboard.json, {size} bytes")
        finally:
            browser.quit()
    median = statistics.median(loads[:3])
    print(f"{page}: load {median} ms (median of 3)")
    if median > 2000:
        problems.append(f"{page}: loads in {median} ms, over 2 s")


def main(runs):
    problems = []
    for run in runs:
        check(run, problems)
    for problem in problems[:40]:
        print("FAIL", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
