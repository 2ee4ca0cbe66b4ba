"""In a real browser (headless Debian Chromium): the Inline XBRL pages render their tagged
figures with no console error, fit a phone's width and print; the viewer opens offline and a
click on a figure shows its concept, period, dimensions and source line. Screenshots (and a
printed PDF) are kept as test artifacts under ``test-artifacts/`` (``XBRLGEN_ARTIFACTS``)."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.view import write_viewer
from tests.ix.browser import CHROMIUM, Browser

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
FIGURES = "[...document.getElementsByTagName('ix:nonfraction')]"


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("XBRLGEN_ARTIFACTS", ROOT / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = (f"no browser: {CHROMIUM} is missing (Debian's chromium package; .ci/run "
                   "installs it, or: apt-get install chromium)")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with Browser() as opened:
        yield opened


def test_each_inline_page_shows_its_tagged_figures_without_errors(
    sample_out: Path, browser: Browser, artifacts: Path
) -> None:
    for page in sorted(sample_out.glob("*.html")):
        browser.events.clear()
        browser.open(page.as_uri())
        total, visible, hidden, mode = browser.evaluate(f"""(() => {{
            const all = {FIGURES};
            const shown = all.filter(e => e.closest('td') && e.getClientRects().length > 0);
            const hidden = all.filter(e => e.closest('ix\\\\:hidden'));
            return [all.length, shown.length, hidden.length, document.compatMode];
        }})()""")
        assert mode == "CSS1Compat"  # standards mode, not quirks
        assert total == page.read_text().count("<ix:nonFraction")
        assert visible == total - hidden > 0, page.name  # every placed figure is on screen
        texts, shown_texts, heading = browser.evaluate("""(() => {
            const all = [...document.getElementsByTagName('ix:nonnumeric')];
            const h1 = document.querySelector('h1').getElementsByTagName('ix:nonnumeric')[0];
            return [all.length, all.filter(e => e.getClientRects().length > 0).length,
                    h1 ? h1.getAttribute('name') : null];
        })()""")
        assert texts == page.read_text().count("<ix:nonNumeric") >= 3, page.name
        assert shown_texts == texts, page.name  # the texts are in the heading, on screen
        assert heading in ("xg:DocumentTitle", None), page.name
        browser.pump(0.3)
        assert browser.errors() == [], page.name
    browser.screenshot(artifacts / "inline-page.png")


def test_the_page_fits_a_phone_and_prints(
    sample_out: Path, artifacts: Path, browser: Browser
) -> None:
    page = sorted(sample_out.glob("*.html"))[0]
    browser.call("Emulation.setDeviceMetricsOverride", {
        "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True},
        session=browser.session)
    browser.open(page.as_uri())
    # wide tables scroll inside their own box; the page itself never scrolls sideways
    assert browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    browser.screenshot(artifacts / "inline-page-phone.png")
    pdf = browser.call("Page.printToPDF", {"printBackground": False},
                       session=browser.session, timeout=120)["data"]
    data = base64.b64decode(pdf)
    assert data.startswith(b"%PDF")
    (artifacts / "inline-page-print.pdf").write_bytes(data)
    assert browser.errors() == []


def test_the_viewer_shows_a_figures_concept_period_dimensions_and_source(
    sample_out: Path, artifacts: Path, browser: Browser, tmp_path: Path
) -> None:
    filing = sample_out / "iij-2011-12-31-Q3.xbrl"
    result = write_viewer(filing, tmp_path / "viewer")
    assert result.problems == []
    html = result.page.read_text()
    assert "ixbrlviewer.js" in html and "http://" not in html.split("<script")[-1][:300]
    assert (tmp_path / "viewer" / "ixbrlviewer.js").exists()  # served locally, no network
    browser.open(result.page.as_uri())
    frame = "document.querySelector('#ixv iframe').contentDocument"
    browser.wait_for("""(() => {
        const f = document.querySelector('#ixv iframe');
        return f && f.contentDocument  // the viewer has wrapped the figures it found
            ? f.contentDocument.querySelectorAll('.ixbrl-element').length : 0;
    })()""", timeout=120)
    tagged = browser.evaluate(f"{frame}.getElementsByTagName('ix:nonfraction').length")
    assert tagged == filing.with_suffix(".html").read_text().count("<ix:nonFraction")
    # a forecast figure: it has a dimension to show
    click = f"""(() => {{
        const el = [...{frame}.getElementsByTagName('ix:nonfraction')]
            .find(e => e.getAttribute('contextref').includes('ForecastMember')
                       && e.closest('.ixbrl-element'));
        if (!el) return null;
        el.closest('.ixbrl-element').click();
        return el.getAttribute('name');
    }})()"""
    clicked = browser.evaluate(click)
    assert clicked
    # Clicked again while the panel has not shown it: on a loaded machine the viewer may wrap
    # the figures before it listens for clicks, and a click before that is lost.
    text = browser.wait_for(f"""(() => {{
        const t = document.body.innerText;  // the inspector panel beside the page
        if (t.includes('Read from')) return t;
        {click};
        return '';
    }})()""", timeout=120)
    assert clicked.split(":")[1] in text.replace(" ", "") or "Concept" in text
    assert "Date" in text  # the period
    assert "Forecast" in text  # the dimension member
    assert "Read from 001_6c9832476b77f69a.txt, line" in text  # the source line (footnote)
    browser.screenshot(artifacts / "viewer.png")
    browser.pump(0.3)
    assert browser.errors() == []
