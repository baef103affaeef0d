"""The browser-test harness: ``newsgraph serve`` in a child process and Debian's headless Chromium.

One place for both, so every page test starts the real server the same way (a
free loopback port, bounded waits, the process stopped afterwards) and drives
the same offline browser (fresh profile, no background networking, Selenium
pointed at ``/usr/bin/chromedriver`` so it never looks for or downloads one).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
#: Seconds to wait for the server to answer, and for any page or element.
SERVER_START_TIMEOUT = 30.0
WAIT = 15.0
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--no-proxy-server", "--window-size=1280,1400",
)
#: Why a browser test is skipped (``pytest.mark.skipif(NO_CHROMIUM, reason=...)``).
NO_CHROMIUM = not CHROMIUM.exists()
NO_CHROMIUM_REASON = f"{CHROMIUM} not installed (apt-get install -y chromium chromium-driver)"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(db: Path, log: Path) -> Iterator[str]:
    """Base URL of ``newsgraph serve --db db`` on a free loopback port, its output in ``log``."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"newsgraph serve exited with {proc.returncode}: {log.read_text()[-2000:]}")
            try:
                if httpx.get(base + "/api/stats", timeout=2.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"newsgraph serve did not answer in {SERVER_START_TIMEOUT}s: {log.read_text()[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextmanager
def chromium(profile: Path) -> Iterator[object]:
    """A headless Chromium driven by Selenium, with a fresh profile in ``profile`` and its console kept."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    if not CHROMEDRIVER.exists():
        pytest.fail(f"{CHROMIUM} is installed but {CHROMEDRIVER} is not: apt-get install -y chromium-driver")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console messages, for get_log
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        driver.set_page_load_timeout(WAIT)
        driver.set_script_timeout(WAIT)
        yield driver
    finally:
        driver.quit()


def wait_for(driver, css: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))
