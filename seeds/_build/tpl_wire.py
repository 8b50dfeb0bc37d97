"""A wire-service page: straight quotes, Page-/Story- component classes, state blob in a script."""

from __future__ import annotations

from datetime import datetime

from common import (Rev, Story, ampm, article_body_text, attr, css, digits, dump_json, esc, hexid, parse, pick,
                    rng_for, straight)

SITE = "Northgate Wire"
HOST = "https://northgatewire.com"
IMG = "https://img.northgatewire.com"

NAV = ["World", "U.S.", "Politics", "Business", "Science", "Health", "Sports", "Entertainment", "Oddities", "Photography",
       "Fact Check", "Press releases"]
MOST_READ = [
    "Stocks drift lower as investors brace for 3 days of earnings reports",
    "'We made it': Couple, 97 and 94, marry in nursing home chapel",
    "Automaker recalls 412,000 SUVs over faulty seat belt sensors",
    "Heat wave shrinks Alpine glacier by 6% in a single summer, scientists say",
    "Court ruling sends $2 billion pipeline plan back to regulators",
    "Man charged after 14 dogs found in abandoned farmhouse",
    "Measles cases climb to 73 in outbreak; officials urge vaccination",
    "'It felt like a movie': Passengers describe emergency landing in snowstorm",
    "Lottery jackpot climbs to $640 million after no winner",
    "No. 5 Westbrook rallies for 31-28 win in double overtime",
    "Pilot, 71, lands crop duster on highway after engine quits",
]
RELATED = [
    "Avalanche danger rated 'considerable' across 4 Montana ranges",
    "How rescuers use cellphone data to find lost hikers",
    "Volunteer search teams say they are stretched thin as backcountry use grows 30%",
    "Early-season storm closes 2 mountain passes in Montana and Idaho",
    "Park rangers: Most winter rescues start with 1 missed turnaround time",
]
PROMOS = [
    "Search-and-rescue volunteers in the West: 'We do it because someone did it for us'",
    "Photos: First big storm of the season blankets the northern Rockies",
    "What to carry on a winter hike, according to 5 rescuers",
    "How thermal cameras find people in the snow",
]
TICKER = [
    "Supreme Court to hear 2 cases on online speech",
    "Oil rises 2% on supply worries",
    "Storm brings 3 feet of snow to Sierra passes",
    "Wildlife officials count 118 wolves in new survey",
    "Tech stocks lead 1.2% market rally",
    "'A new chapter': Nation's oldest zoo elephant retires to sanctuary",
]
CLASSES = ["Page-header", "Page-header-navigation", "Page-main", "Page-content", "Page-rightRail", "Page-footer",
           "Story-headline", "Story-byline", "Story-timestamp", "RichTextStoryBody", "Enhancement", "PagePromo",
           "Advertisement", "Ticker", "CookieConsent", "List", "List-items"]


def stamp(dt: datetime) -> str:
    zone = {-5: "EST", -6: "CST", -7: "MST", -8: "PST"}[int(dt.utcoffset().total_seconds() // 3600)]  # type: ignore[union-attr]
    return f"{ampm(dt, 'cnn')} {zone}, {dt.strftime('%B')} {dt.day}, {dt.year}"


def render(story: Story, n: int) -> str:
    rev: Rev = story.revs[n - 1]
    rng = rng_for(story.slug, n, "noise")
    url = HOST + story.path
    mod = parse(rev.when)
    pub = parse(story.published)
    paras = [straight(p) for p in rev.paras]
    headline = straight(rev.headline)
    body_text = straight(article_body_text(rev))
    first = paras[1 if 0 in rev.note_keys else 0]
    desc = first[:150].rsplit(" ", 1)[0] + "..."
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": headline, "description": desc,
        "datePublished": story.published, "dateModified": rev.when, "url": url,
        "author": [{"@type": "Person", "name": b} for b in story.byline],
        "publisher": {"@type": "NewsMediaOrganization", "name": SITE, "url": HOST},
        "articleBody": body_text, "keywords": story.tags,
    }
    ticker = list(rev.ticker_extra) + pick(rng, TICKER, 4 - len(rev.ticker_extra))
    most_read = list(rev.most_read_extra) + pick(rng, MOST_READ, 5 - len(rev.most_read_extra))
    related = list(rev.related_extra) + pick(rng, RELATED, 3 - len(rev.related_extra))
    promo = rng.choice(PROMOS)
    ad_ids = [f"ng-ad-{hexid(rng, 10)}" for _ in range(3)]
    state = {"page": {"id": hexid(rng_for(story.slug, "id"), 32), "type": "story", "section": story.section.lower()},
             "build": hexid(rng, 12), "requestId": hexid(rng, 16), "abTests": {"promoLayout": rng.choice("ABC")},
             "ads": ad_ids}

    out: list[str] = []
    w = out.append
    w("<!DOCTYPE html>\n<html lang=\"en\" class=\"Page\">\n<head>\n<meta charset=\"utf-8\">\n")
    w(f"<title>{esc(headline)} | {SITE}</title>\n")
    w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    w(f"<meta name=\"description\" content=\"{attr(desc)}\">\n<link rel=\"canonical\" href=\"{url}\">\n")
    w(f"<meta property=\"og:title\" content=\"{attr(headline)}\">\n<meta property=\"og:site_name\" content=\"{SITE}\">\n")
    w(f"<meta property=\"article:published_time\" content=\"{story.published}\">\n<meta property=\"article:modified_time\" content=\"{rev.when}\">\n")
    w(f"<meta name=\"brightspot.contentId\" content=\"{digits(rng_for(story.slug, 'cid'), 16)}\">\n")
    w(f"<script type=\"application/ld+json\">{dump_json(ld)}</script>\n")
    w(f"<link rel=\"stylesheet\" href=\"{HOST}/resource/{state['build']}/styles/All.min.css\">\n")
    w(f"<style>.Page{{font-family:'Northgate Serif',Georgia,serif}}{css('wire', CLASSES, 80)}</style>\n")
    w(f"<script>window.__NG_STATE__={dump_json(state)};</script>\n")
    w("</head>\n<body class=\"Page-body\" data-content-type=\"story\">\n")
    w("<div class=\"CookieConsent\" data-cookie-consent><div class=\"CookieConsent-text\">This website uses cookies to provide "
      "the best user experience and to help us understand how the site is used. By continuing, you agree to our use of "
      "cookies. See our <a href=\"/privacy\">Privacy Policy</a>.</div><button class=\"CookieConsent-accept\">Got it</button></div>\n")
    w("<header class=\"Page-header\"><div class=\"Page-header-bar\">"
      f"<a class=\"Page-header-logo\" href=\"/\"><img src=\"{IMG}/brand/northgate-logo.svg\" alt=\"{SITE}\" width=\"180\" height=\"32\"></a>"
      "<nav class=\"Page-header-navigation\"><ul>")
    for item in NAV:
        w(f"<li><a href=\"/hub/{item.lower().replace(' ', '-').replace('.', '')}\">{esc(item)}</a></li>")
    w("</ul></nav><a class=\"Page-header-donate\" href=\"/support\">Support independent journalism</a></div>\n")
    w("<div class=\"Ticker\" data-module=\"ticker\"><span class=\"Ticker-label\">LIVE</span><ul class=\"Ticker-items\">")
    for t in ticker:
        w(f"<li class=\"Ticker-item\"><a href=\"/article/{hexid(rng, 32)}\">{esc(t)}</a></li>")
    w("</ul></div></header>\n")
    w(f"<div class=\"Advertisement Advertisement-leaderboard\" id=\"{ad_ids[0]}\" data-unit=\"/1234/ng/top\"></div>\n")
    w("<main class=\"Page-main\"><div class=\"Page-content\">\n")
    w("<article class=\"Story\" data-story-id=\"" + hexid(rng_for(story.slug, 'sid'), 32) + "\">\n")
    w(f"<div class=\"Page-lead\"><h1 class=\"Story-headline\">{esc(headline)}</h1></div>\n")
    w(f"<div class=\"Story-byline\">By {esc(' and '.join(story.byline).upper())}</div>\n")
    w(f"<div class=\"Story-timestamp\"><span class=\"Story-timestamp-label\">Updated</span> "
      f"<time datetime=\"{rev.when}\" data-published=\"{story.published}\">{stamp(mod)}</time></div>\n")
    w(f"<figure class=\"Figure\"><img src=\"{IMG}/{hexid(rng_for(story.slug, 'img'), 32)}/1440.jpeg\" alt=\"{attr(straight(story.image_alt))}\" "
      f"width=\"1440\" height=\"960\"><figcaption class=\"Figure-caption\">{esc(straight(story.caption))} "
      f"(Northgate Photo/{esc(story.byline[0])})</figcaption></figure>\n")
    w("<div class=\"RichTextStoryBody RichTextBody\">\n")
    for i, p in enumerate(paras):
        if i in rev.note_keys:
            w(f"<p class=\"Story-note\"><em>{esc(p)}</em></p>\n")
        else:
            w(f"<p>{esc(p)}</p>\n")
        if i == 2:
            w(f"<div class=\"Advertisement Advertisement-inline\" id=\"{ad_ids[1]}\" data-unit=\"/1234/ng/story\"></div>\n")
        if i == 5:
            w(f"<aside class=\"Enhancement\" data-align-center><div class=\"PagePromo\"><span class=\"PagePromo-label\">RELATED COVERAGE</span>"
              f"<a class=\"PagePromo-link\" href=\"/article/{hexid(rng, 32)}\"><span class=\"PagePromo-title\">{esc(promo)}</span></a></div></aside>\n")
    w("</div>\n")
    w("<div class=\"Story-meta\"><a href=\"/standards\">Northgate Wire news values and principles</a></div>\n")
    w("</article>\n</div>\n")
    w("<aside class=\"Page-rightRail\"><section class=\"List\"><h2 class=\"List-title\">Most Read</h2><ol class=\"List-items\">")
    for h in most_read:
        w(f"<li class=\"List-item\"><a href=\"/article/{hexid(rng, 32)}\">{esc(straight(h))}</a></li>")
    w("</ol></section>\n")
    w(f"<div class=\"Advertisement Advertisement-rail\" id=\"{ad_ids[2]}\" data-unit=\"/1234/ng/rail\"></div>\n")
    w("<section class=\"List\"><h2 class=\"List-title\">Related Stories</h2><ul class=\"List-items\">")
    for h in related:
        w(f"<li class=\"List-item\"><a href=\"/article/{hexid(rng, 32)}\">{esc(straight(h))}</a></li>")
    w("</ul></section></aside>\n</main>\n")
    w("<footer class=\"Page-footer\"><nav><ul>")
    for item in NAV + ["About", "Contact", "Careers", "Terms of Use", "Privacy Policy", "Cookie Settings", "Accessibility"]:
        w(f"<li><a href=\"/{item.lower().replace(' ', '-').replace('.', '')}\">{esc(item)}</a></li>")
    w(f"</ul></nav><div class=\"Page-footer-copyright\">Copyright 2026 {SITE}. All rights reserved.</div></footer>\n")
    w(f"<script>(function(){{var s=window.__NG_STATE__;s.renderedAt=\"{rev.when}\";s.v=\"{digits(rng, 6)}\";}})();</script>\n")
    w(f"<script src=\"{HOST}/resource/{state['build']}/js/All.min.js\" defer></script>\n")
    w("</body>\n</html>\n")
    _ = pub
    return "".join(out)
