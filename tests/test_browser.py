"""The web app in a real browser: Playwright driving Debian's chromium (never a downloaded one).

One server (uvicorn in a thread, random free loopback port) and one browser launch per
module; every wait is bounded (`TIMEOUT_MS`). Screenshots of each page at laptop width
(1280 px) and phone width (390 px) are written to tests/artifacts/ for a person to look at.

CI runs these tests: `make test` installs chromium when it is missing. Without a browser they
fail with a message saying how to install one, rather than skipping silently.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from corroborator.server import create_app
from test_server import A, B, build_store

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = (
    os.environ.get("CORROBORATOR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_store(str(tmp_path_factory.getbasetemp() / "server-store"))
    port = _free_port()
    config = uvicorn.Config(
        create_app(db), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start within 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"no chromium at {CHROMIUM}: run `make browser` (apt-get install chromium) or set "
            "CORROBORATOR_CHROMIUM; the browser tests are required, not optional"
        )
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            yield b
        finally:
            b.close()


class PageWatch:
    """A page that records dialogs (alert/confirm: a script ran) and console errors."""

    def __init__(self, browser: Any, viewport: dict[str, int]):
        self.context = browser.new_context(viewport=viewport, java_script_enabled=True)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def shot(self, name: str, full_page: bool = True) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)

    def shot_parts(self, name: str, parts: int) -> None:
        """The first `parts` screens of the page, one file each (a long page shrunk into one
        image is unreadable)."""
        vp = self.page.viewport_size
        height = self.page.evaluate("() => document.documentElement.scrollHeight")
        for i in range(parts):
            y = i * vp["height"]
            if y >= height:
                break
            clip = {"x": 0, "y": y, "width": vp["width"], "height": min(vp["height"], height - y)}
            self.page.screenshot(
                path=str(ARTIFACTS / f"{name}-{i + 1}.png"), full_page=True, clip=clip
            )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def laptop(browser: Any) -> Iterator[PageWatch]:
    w = PageWatch(browser, LAPTOP)
    yield w
    w.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[PageWatch]:
    w = PageWatch(browser, PHONE)
    yield w
    w.close()


def _no_horizontal_scroll(page: Any) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"page is {overflow}px wider than the viewport"


def test_list_filter_story_conflict_article(laptop: PageWatch, base_url: str) -> None:
    page = laptop.page
    page.goto(base_url + "/")
    assert page.locator("ol.stories > li.story-item").count() == 3
    laptop.shot("list-laptop")

    page.get_by_label("Only stories with conflicts").check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/?*conflicts=1*")
    items = page.locator("ol.stories > li.story-item")
    assert items.count() == 1
    assert "Warehouse fire" in items.first.inner_text()
    laptop.shot("list-filtered-laptop")

    items.first.get_by_role("link").click()
    page.wait_for_url("**/stories/*")
    card = page.locator("article.card").first
    card.wait_for()
    values = [v.strip() for v in card.locator(".side .value").all_inner_texts()]
    assert len(values) >= 2 and len(set(values)) == len(values), values
    marks = card.locator(".side mark.v-conflicting")
    assert marks.count() >= 2
    bg = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent"), "the conflicting span is highlighted"
    assert page.locator("svg.pg").count() == 1  # provenance graph drawn
    laptop.shot("story-laptop")
    laptop.shot_parts("story-laptop", 3)
    card.screenshot(path=str(ARTIFACTS / "story-conflict-card.png"))

    first_article = page.locator("table.group a").first
    title = first_article.inner_text()
    first_article.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").inner_text() == title
    assert page.locator(".text mark").count() >= 1
    laptop.shot("article-laptop")
    assert laptop.dialogs == []


def test_removed_furniture_is_collapsed(laptop: PageWatch, base_url: str) -> None:
    page = laptop.page
    page.goto(base_url + "/?q=warehouse")
    page.locator("ol.stories a").first.click()
    page.wait_for_url("**/stories/*")
    hrefs = page.locator("table.group a").evaluate_all("as => as.map(a => a.href)")
    for href in hrefs:
        page.goto(href)
        details = page.locator("details:has(summary:text('Removed during cleaning'))")
        if details.count():
            assert details.first.get_attribute("open") is None  # collapsed
            hidden = details.first.locator("li").first
            assert not hidden.is_visible()
            details.first.locator("summary").click()
            assert hidden.is_visible()
            return
    pytest.fail("no demo article shows removed furniture")


def test_hostile_article_never_runs_a_script(laptop: PageWatch, base_url: str) -> None:
    page = laptop.page
    page.goto(base_url + "/?q=bridge")
    link = page.locator("ol.stories a").first
    assert "<script>" in link.inner_text()  # shown as text
    link.click()
    page.wait_for_url("**/stories/*")
    assert page.title() != "pwned"
    assert "<script>document.title='pwned'</script>" in page.locator("main").inner_text()
    assert page.locator("main script, main img").count() == 0
    laptop.shot("story-hostile-laptop")
    page.locator("table.group a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.title() != "pwned"
    assert page.locator("main script, main img").count() == 0
    assert laptop.dialogs == []


def test_compare_form_paste_and_upload(laptop: PageWatch, base_url: str, tmp_path: Path) -> None:
    page = laptop.page
    page.goto(base_url + "/compare")
    laptop.shot("compare-form-laptop")
    page.get_by_label("Pasted articles").fill(A)
    upload = tmp_path / "second.txt"
    upload.write_text(B, encoding="utf-8")
    page.get_by_label("Or upload files").set_input_files(str(upload))
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/compare")
    status = page.locator("p.summary[role=status]")
    status.wait_for()
    assert status.inner_text().startswith("2 articles")
    assert page.locator("h2:text-matches('^Sources')").count() >= 1
    assert page.locator(".text mark").count() >= 1
    laptop.shot("compare-result-laptop")

    page.goto(base_url + "/compare")
    page.get_by_label("Pasted articles").fill(A)
    page.get_by_role("button", name="Compare").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "at least 2 articles" in alert.inner_text()
    assert "Fernhill" in page.get_by_label("Pasted articles").input_value()


def test_keyboard_navigation(laptop: PageWatch, base_url: str) -> None:
    page = laptop.page
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    for _ in range(10):  # the search box is reachable by Tab from the main landmark
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "f-q":
            break
    else:
        pytest.fail("search box not reachable with Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.type("tram")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=tram*")
    assert page.locator("ol.stories > li.story-item").count() == 1


def test_phone_width_pages(phone: PageWatch, base_url: str) -> None:
    page = phone.page
    page.goto(base_url + "/")
    _no_horizontal_scroll(page)
    phone.shot("list-phone")
    page.goto(base_url + "/?q=warehouse")
    page.locator("ol.stories a").first.click()
    page.wait_for_url("**/stories/*")
    _no_horizontal_scroll(page)
    phone.shot("story-phone")
    phone.shot_parts("story-phone", 5)
    page.locator("article.card").first.screenshot(path=str(ARTIFACTS / "story-card-phone.png"))
    page.locator("table.group a").first.click()
    page.wait_for_url("**/articles/*")
    _no_horizontal_scroll(page)
    phone.shot("article-phone")
    phone.shot_parts("article-phone", 2)
    page.goto(base_url + "/compare")
    _no_horizontal_scroll(page)
    phone.shot("compare-phone")


def _shown(page: Any, selector: str) -> list[bool]:
    return [el.is_visible() for el in page.locator(selector).all()]


def test_report_filters_by_verdict_and_kind(laptop: PageWatch) -> None:
    """The self-contained HTML report: a verdict filter hides the claims of other verdicts, a
    kind filter those of other kinds; single-source claims start folded. No script runs (the
    filters are CSS), and the page loads nothing."""
    from corroborator.report import from_json, to_html

    sample = Path(__file__).parent / "data" / "report" / "sample_report.json"
    report = from_json(sample.read_text(encoding="utf-8"))
    page = laptop.page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.set_content(to_html(report))
    cards, rows = "article.card", "tr.claim"
    single = 'section[data-verdict="single_source"] tr.claim'
    corroborated = 'section[data-verdict="corroborated"] tr.claim'
    assert all(_shown(page, cards)) and all(_shown(page, corroborated))
    assert not any(_shown(page, single))  # folded by default
    page.locator('section[data-verdict="single_source"] summary').first.click()
    assert all(_shown(page, single))
    laptop.shot("report-filters-all")

    page.get_by_label("Conflicts (1)").check()
    assert all(_shown(page, cards)) and not any(_shown(page, rows))
    assert not page.locator('section[data-verdict="corroborated"]').first.is_visible()
    laptop.shot("report-filters-conflicts")

    page.get_by_label("Corroborated (3)").check()
    assert not any(_shown(page, cards))
    assert all(_shown(page, corroborated)) and not any(_shown(page, single))

    page.get_by_label("All (8)").check()
    page.locator('.claim-filters input[name="fk"][value="quantity"]').check()
    kinds = page.locator(rows).evaluate_all(
        "rs => rs.filter(r => r.checkVisibility()).map(r => r.dataset.kind)"
    )
    assert kinds and set(kinds) == {"quantity"}
    assert not any(_shown(page, cards))  # the conflict is a duration
    page.get_by_label("All kinds").check()
    assert all(_shown(page, cards))
    assert requests == [] and laptop.dialogs == []


def test_story_page_filters_and_names(laptop: PageWatch, base_url: str) -> None:
    """The web app's story page: articles are named by outlet, not by their hash ids; each
    conflict side says how many independent sources back it; the verdict filter works."""
    page = laptop.page
    page.goto(base_url + "/?q=warehouse")
    page.locator("ol.stories a").first.click()
    page.wait_for_url("**/stories/*")
    card = page.locator("article.card").first
    sources = card.locator(".side .sources").all_inner_texts()
    assert sources and all(
        s.endswith(("independent source", "independent sources")) for s in sources
    )
    who = card.locator(".side li > a").all_inner_texts()
    assert who and not any(len(w) == 17 and w.startswith("a") and w[1:].isalnum() for w in who)
    page.locator('.claim-filters input[name="fv"][value="conflicting"]').check()
    assert card.is_visible() and not any(_shown(page, "tr.claim"))
    assert not any(_shown(page, 'section[data-verdict="single_source"] tr.claim'))  # folded
    page.locator('.claim-filters input[name="fv"][value="single_source"]').check()
    assert not card.is_visible()
    assert all(_shown(page, 'section[data-verdict="single_source"] tr.claim'))  # unfolded
    laptop.shot("story-filter-single-source")
    assert laptop.dialogs == []
