"""The web app in real headless Chromium (Selenium), served by `congvan web` as a user starts it.

Screenshots of every step are kept in build/screenshots/. Skipped only when Chromium or its driver is missing
on a developer's machine; under CI (CI=true) a missing browser is a failure.
"""
from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from tests.webindex import build

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _need_browser() -> None:
    missing = [p for p in (CHROMIUM, DRIVER) if not Path(p).exists()]
    if missing:
        message = f"{', '.join(missing)} not installed (apt-get install chromium chromium-driver; `make install` does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    _need_browser()
    index = build()
    port = _free_port()
    congvan = Path(sys.executable).with_name("congvan")
    command = [str(congvan)] if congvan.exists() else [sys.executable, "-m", "pipeline.cli"]
    proc = subprocess.Popen([*command, "web", "--processed", str(index.processed), "--inbox", str(index.inbox),
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/inbox", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"congvan web did not start: {proc.stdout.read().decode(errors='replace')}")
            time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(server, downloads):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
                "--lang=vi"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _shot(driver, name: str) -> None:
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def test_search_shows_the_cao_bang_and_lao_cai_seeds_with_highlights(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("phat dong thi dua")
    box.submit()
    hits = browser.find_elements(By.CSS_SELECTOR, "article.hit")
    _shot(browser, "search")
    text = browser.find_element(By.CSS_SELECTOR, "section.results").text
    assert "Cao Bằng" in text and "Lào Cai" in text
    sources = browser.find_element(By.CSS_SELECTOR, "section.results").text
    assert "001_f9ae15b775fe3bde.txt" in sources and "004_4ba55daeb46a4bfd.txt" in sources
    marks = [m.text.lower() for m in browser.find_elements(By.TAG_NAME, "mark")]
    assert {"phát", "động", "thi", "đua"} <= set(marks)
    assert len(hits) >= 5
    facet = browser.find_element(By.CSS_SELECTOR, "ul.facet-year a")
    facet.click()
    _shot(browser, "search-year-facet")
    assert "year=" in browser.current_url and browser.find_elements(By.CSS_SELECTOR, "article.hit")


def test_targets_by_unit_percent_show_quang_tri_above_95_and_download_the_csv(browser, server, downloads):
    from selenium.webdriver.common.by import By

    browser.get(server + "/targets")
    unit = browser.find_element(By.NAME, "unit")
    unit.send_keys("%")
    unit.submit()
    _shot(browser, "targets-percent")
    assert "unit=%25" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "table#targets tbody tr")
    row = next(r for r in rows if "trên 95%" in r.text)
    assert "708/LĐLĐ-CTCS" in row.text and ">" in row.text
    assert browser.find_element(By.CSS_SELECTOR, "#chart svg circle")
    browser.find_element(By.ID, "csv").click()
    deadline, csv = time.monotonic() + 20, downloads / "congvan-targets.csv"
    while not csv.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert csv.exists(), list(downloads.iterdir())
    frame = pd.read_csv(io.BytesIO(csv.read_bytes()), encoding="utf-8-sig", dtype={"number": str})
    total = int(browser.find_element(By.ID, "count").text.split()[0])
    assert len(frame) == total and (frame["unit"] == "%").all()
    assert "Thu kinh phí công đoàn doanh nghiệp đã có tổ chức công đoàn đạt trên 95%" in set(frame["text"])


def test_a_document_page_and_its_original(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/targets?unit=%25&words=tren+95")
    browser.find_element(By.LINK_TEXT, "708/LĐLĐ-CTCS").click()
    _shot(browser, "document-708")
    assert browser.find_element(By.ID, "title").text.endswith("708/LĐLĐ-CTCS")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Thu kinh phí công đoàn doanh nghiệp đã có tổ chức công đoàn đạt trên 95%" in page
    assert "Trang 1" in page
    browser.find_element(By.ID, "original").click()
    _shot(browser, "document-708-original")
    assert "/original" in browser.current_url
    assert "708" in browser.find_element(By.TAG_NAME, "body").text


def test_the_inbox_page(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/inbox")
    _shot(browser, "inbox")
    assert "waiting-đợi.txt" in browser.find_element(By.ID, "waiting").text
    assert "empty file (0 bytes)" in browser.find_element(By.ID, "quarantined").text


def test_a_scan_document_shows_its_pages_and_ocr_confidence(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server + "/?q=giay+trieu+tap+hoi+nghi+ban+chap+hanh")
    copies = browser.find_element(By.CSS_SELECTOR, "article.hit .copies")
    assert "3 bản" in copies.text
    copies.find_element(By.PARTIAL_LINK_TEXT, "scan-06.pdf").click()
    _shot(browser, "document-scan")
    assert "độ tin cậy OCR" in browser.find_element(By.CSS_SELECTOR, "section.page h3").text
