"""Screenshots of every page type of the web app, for a person to look at.

Ingests a small real corpus into a new store, serves it with ``newsgraph serve`` on a
loopback port, and crawls it in Debian's headless Chromium from the home page: every
same-origin link is followed (breadth first, up to ``--max-pages``), pages are grouped
into page types by their path with ids replaced ("/entities/{id}/graph"), and the first
page of each type is saved as a PNG. The browser console is read on every page; any
error, and any request that left the loopback host, is listed at the end (exit 1).

    PYTHONPATH=src python benchmarks/screenshots.py --out screenshots/ \\
        examples ../shared/corpus/bbc/bbc/politics --limit 60

Not a test: the pictures are for looking at (the issue's "screenshots of each page type
... looked at before resolving"); tests/web checks the same pages automatically.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--no-proxy-server", "--window-size=1280,1600",
)
#: A path segment that names one item rather than a kind of page: a hex id or a number.
RE_ID_SEGMENT = re.compile(r"^(?:[0-9a-f]{8,64}|#?\d+|[a-z]\d+)$")
#: Seconds to wait for the server to answer.
SERVER_START_TIMEOUT = 60.0


def page_type(url: str) -> str:
    """The page type of a URL: its path with item ids replaced, and the names of its query keys."""
    parsed = urlparse(url)
    parts = ["{id}" if RE_ID_SEGMENT.match(unquote(p)) else p for p in parsed.path.split("/")]
    keys = sorted({kv.split("=")[0] for kv in parsed.query.split("&") if kv})
    return "/".join(parts) + (("?" + "&".join(keys)) if keys else "")


def _api(path: str) -> bool:
    """JSON routes are not pages: the API and the OpenAPI document."""
    return path.startswith(("/api/", "/openapi.json"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def build_store(inputs: list[str], limit: int, db: Path) -> None:
    """Ingest the first ``limit`` articles of the inputs with the CLI (the path a user takes)."""
    files: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files += sorted(str(p) for p in path.iterdir() if p.suffix in (".txt", ".html", ".jsonl", ".json"))
        else:
            files.append(str(path))
    subprocess.run([sys.executable, "-m", "newsgraph", "ingest", *files[:limit], "--db", str(db)],
                   check=False, cwd=ROOT)


def serve(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"newsgraph serve exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/stats", timeout=2.0).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    proc.terminate()
    raise SystemExit("newsgraph serve did not answer")


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


def external_requests(driver, base: str) -> list[str]:
    """URLs the page asked for outside the served host (from Chromium's performance log)."""
    out = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url.startswith(("http://", "https://")) and not url.startswith(base):
                out.append(url)
    return out


def crawl(base: str, out: Path, max_pages: int) -> tuple[dict[str, str], list[str]]:
    """Visit the app breadth first; save one screenshot per page type. Returns (types, problems)."""
    from selenium.webdriver.common.by import By

    driver = browser()
    shots: dict[str, str] = {}
    problems: list[str] = []
    seen: set[str] = set()
    queue = deque([base + "/", base + "/docs"])
    visited = 0
    try:
        while queue and visited < max_pages:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            kind = page_type(url[len(base):])
            if kind in shots and sum(1 for s in seen if page_type(s[len(base):]) == kind) > 3:
                continue  # enough pages of this type visited for their links
            driver.get(url)
            time.sleep(0.3 if "/docs" not in url else 1.5)
            visited += 1
            for entry in driver.get_log("browser"):
                if entry.get("level") == "SEVERE":
                    problems.append(f"console error on {url}: {entry.get('message')}")
            problems += [f"external request from {url}: {x}" for x in external_requests(driver, base)]
            if kind not in shots:
                name = re.sub(r"[^A-Za-z0-9]+", "_", kind).strip("_") or "home"
                path = out / f"{len(shots):02d}_{name}.png"
                height = driver.execute_script("return Math.min(document.body.scrollHeight, 4000)")
                driver.set_window_size(1280, max(800, int(height)))
                driver.save_screenshot(str(path))
                driver.set_window_size(1280, 1600)
                shots[kind] = str(path)
            for link in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
                href = link.get_dom_attribute("href") or ""  # SVG links: the attribute, not a DOM object
                href = urljoin(url, href).split("#")[0]
                if href.startswith(base) and not _api(href[len(base):]) and href not in seen:
                    queue.append(href)
    finally:
        driver.quit()
    return shots, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=["examples"])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--db", type=Path, default=None, help="an existing store (skips the ingest)")
    parser.add_argument("--limit", type=int, default=60, help="articles to ingest")
    parser.add_argument("--max-pages", type=int, default=120)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is not installed (apt-get install chromium chromium-driver)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "screens.db"
        if args.db is None:
            build_store(args.inputs, args.limit, db)
        port = free_port()
        proc = serve(db, port, Path(tmp) / "serve.log")
        try:
            shots, problems = crawl(f"http://{HOST}:{port}", args.out, args.max_pages)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    for kind, path in sorted(shots.items()):
        print(f"{kind:50} {path}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
