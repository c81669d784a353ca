"""In Chromium at device pixel ratio 2: every picture of la une and of an article loads a
file at least twice as wide as it is shown (or the widest there is), so the kinds'
`sizes` (kiosque/newsroom/images.py) keep following site.css's columns."""

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# Every picture, loaded at once (the lazy ones too): where it is, its shown width, the
# width of the file the browser chose, and the widest file its srcset offers.
PICTURES = """async () => {
  const images = [...document.querySelectorAll('picture img')];
  images.forEach(img => { img.loading = 'eager'; });
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  return images.map(img => {
    const srcset = img.parentElement.querySelector('source')?.getAttribute('srcset') || '';
    const candidates = srcset.split(',').map(c => c.trim().split(' '))
      .map(([url, w]) => [new URL(url, location.href).href, parseInt(w)]);
    const chosen = candidates.find(([url]) => url === img.currentSrc);
    return {
      where: img.closest('.front-lead, .lead-image, .inline-image, section, aside')?.className,
      shown: img.getBoundingClientRect().width,
      // naturalWidth is divided by the density the browser worked out from `sizes`:
      // the file's own width is the one its srcset candidate declares.
      loaded: chosen ? chosen[1] : img.naturalWidth,
      widest: Math.max(0, ...candidates.map(([, w]) => w || 0)),
      file: img.currentSrc.split('/').pop(),
    };
  });
}"""


def assert_sharp(pictures: list[dict]) -> None:
    assert pictures
    for picture in pictures:
        wanted = min(2 * picture["shown"], picture["widest"])
        assert picture["loaded"] >= wanted - 1, picture  # -1: sub-pixel layout widths


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_la_une_and_an_article_load_files_twice_as_wide_as_shown(new_page, live_site, viewport):
    page = new_page(viewport=viewport, device_scale_factor=2)
    page.goto(live_site.url("/"))
    home = page.evaluate(PICTURES)
    assert_sharp(home)
    # The demo's pictures are 1,600 px wide: la une's lead gets twice its width, whole.
    [lead] = [p for p in home if p["where"] == "front-lead"]
    assert lead["loaded"] >= 2 * lead["shown"] - 1, lead

    page.locator(".front-lead .card__title a").click()
    page.wait_for_load_state()
    article = page.evaluate(PICTURES)
    assert_sharp(article)
    [article_lead] = [p for p in article if p["where"] == "lead-image"]
    assert article_lead["loaded"] >= 2 * article_lead["shown"] - 1, article_lead
