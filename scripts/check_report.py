#!/usr/bin/env python3
"""check_report.py RUN_DIR…: opens each RUN_DIR/report.html in headless Chromium and checks it against
RUN_DIR/dashboard.json and the outputs directory's history/trend.ndjson. Fails (exit 1) on any console error, any
network request, a missing section, a chart without axis text, a manager due for a split missing from #actions, a
trend chart without one point per night, an org chart that cannot find a manager, sideways scrolling at 375 px, a
data-field number that differs from the dashboard, a blocked run without its banner, a page over 2 MB or a load
over 2 s (median of 3). Screenshots at 1440 and 375 px go to out/."""
import json, os, re, statistics, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

SECTIONS = ["summary", "actions", "trend", "org-chart", "span", "layers", "org-heads", "teams", "cost", "changes",
            "data-quality"]


def driver(width):
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,1000"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # Chromium will not make a window narrower than about 500 px: a phone's width is emulated.
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": width < 600})
    return browser


def resolve(dashboard, path):
    """summary.people, layers.2.mean_span, count(findings[rule=span.split]), count(findings[rule in a,b])."""
    count = re.fullmatch(r"count\((\w+)(?:\[(\w+)(=| in )(.+)\])?\)", path)
    if count:
        rows = dashboard.get(count.group(1)) or []
        if count.group(2):
            wanted = count.group(4).split(",") if count.group(3) == " in " else [count.group(4)]
            rows = [r for r in rows if str(r.get(count.group(2))) in wanted]
        return len(rows)
    value = dashboard
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def trend_records(run, as_of):
    """The nights the page's trend should show: the outputs directory's trend up to this run's as_of."""
    real = os.path.realpath(run)
    parent = os.path.dirname(real)
    path = os.path.join(os.path.dirname(parent), "history", "trend.ndjson")
    if os.path.basename(parent) not in ("runs", "blocked") or not os.path.exists(path):
        return 1
    days = {json.loads(line)["as_of"] for line in open(path) if line.strip()}
    return len({d for d in days if d <= as_of} | {as_of})


def check_numbers(browser, page, dashboard, problems):
    checked = 0
    for element in browser.find_elements(By.CSS_SELECTOR, "[data-field]"):
        field = element.get_attribute("data-field")
        expected = resolve(dashboard, field)
        if element.get_attribute("data-null") == "true":
            if expected is not None:
                problems.append(f"{page}: {field} shows n/a, dashboard has {expected}")
            continue
        text = element.get_attribute("textContent").replace("%", "").replace(",", "").strip()
        scale = float(element.get_attribute("data-scale") or 1)
        rounding = element.get_attribute("data-round")
        shown = float(text) / scale
        tolerance = float(rounding) / 2 / scale + 1e-9 if rounding else 1e-9 * max(1, abs(float(expected or 0)))
        if expected is None or abs(shown - float(expected)) > tolerance:
            problems.append(f"{page}: {field} shows {text}, dashboard has {expected}")
        checked += 1
    return checked


def check_structure(browser, page, dashboard, run, problems):
    for section in SECTIONS:
        if not browser.find_elements(By.ID, section):
            problems.append(f"{page}: section {section} missing")
    for chart in browser.find_elements(By.CSS_SELECTOR, "svg.chart"):
        if len(chart.find_elements(By.TAG_NAME, "text")) < 2:
            problems.append(f"{page}: chart {chart.get_attribute('id')} has no axis text")
    listed = {(e.get_attribute("data-rule"), e.get_attribute("data-subject"))
              for e in browser.find_elements(By.CSS_SELECTOR, "#actions li.action")}
    splits = [f["subject"] for f in dashboard["findings"] if f["rule"] == "span.split"]
    missing = [s for s in splits if ("span.split", s) not in listed]
    if missing:
        problems.append(f"{page}: #actions misses {len(missing)} managers due for a split, e.g. {missing[:3]}")
    nights = trend_records(run, dashboard["as_of"])
    charts = browser.find_elements(By.CSS_SELECTOR, "#trend svg.chart")
    if nights >= 2:
        if not charts:
            problems.append(f"{page}: {nights} nights but no trend chart")
        for chart in charts:
            points = len(chart.find_elements(By.CSS_SELECTOR, "circle.point"))
            if points != nights:
                problems.append(f"{page}: {chart.get_attribute('id')} has {points} points for {nights} nights")
    managers = [m for m in dashboard["managers"] if m["layer"] > 0]
    if managers:
        deepest = max(managers, key=lambda m: (m["layer"], m["id"]))
        field = browser.find_element(By.ID, "org-search")
        field.clear()
        field.send_keys(deepest["id"])
        browser.find_element(By.CSS_SELECTOR, "#org-search-form button").click()
        found = browser.find_elements(By.CSS_SELECTOR, ".node.found")
        if not found or found[0].find_element(By.XPATH, "..").get_attribute("data-id") != deepest["id"] \
                or not found[0].is_displayed():
            problems.append(f"{page}: the org chart's search does not find {deepest['id']}")
    return len(splits), nights


def check(run, problems):
    page = os.path.join(run, "report.html")
    size = os.path.getsize(page)
    if size > 2 * 1024 * 1024:
        problems.append(f"{page}: {size} bytes, over 2 MB")
    dashboard = json.load(open(os.path.join(run, "dashboard.json")))
    blocked = os.path.exists(os.path.join(run, "blocked.json"))
    url = "file://" + os.path.abspath(page)
    loads = []
    name = os.path.basename(os.path.normpath(run))
    for width in (1440, 375):
        browser = driver(width)
        try:
            for _ in range(3 if width == 1440 else 1):
                browser.get(url)
                timing = browser.execute_script("var t=performance.timing;return t.loadEventEnd-t.navigationStart;")
                loads.append(timing)
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems.append(f"{page} ({width}px): scrolls sideways by {overflow} px")
            if blocked and not browser.find_elements(By.ID, "not-published"):
                problems.append(f"{page}: a blocked run without the Not published banner")
            if os.path.exists(os.path.join(run, "..", "plan.json")) and not browser.find_elements(By.ID, "plan"):
                problems.append(f"{page}: a plan's report without its Plan section")
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": min(max(height, 800), 16000), "deviceScaleFactor": 1,
                                     "mobile": width < 600})
            browser.save_screenshot(os.path.join("out", f"report-{name}-{width}.png"))
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
                checked = check_numbers(browser, page, dashboard, problems)
                splits, nights = check_structure(browser, page, dashboard, run, problems)
                print(f"{page}: {checked} numbers equal to dashboard.json, {splits} splits in #actions, "
                      f"{nights} nights in #trend, {size} bytes{', blocked banner' if blocked else ''}")
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
