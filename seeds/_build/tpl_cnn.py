"""A national-network page in the style of a big news site: raw UTF-8 quotes, component markup, articleBody."""

from __future__ import annotations

from datetime import datetime

from common import Rev, Story, ampm, attr, css, digits, dump_json, esc, hexid, parse, pick, rng_for, article_body_text

SITE = "Meridian"
HOST = "https://www.meridiannews.com"
MEDIA = "https://media.meridiannews.com"

SECTIONS = ["US", "World", "Politics", "Business", "Health", "Climate", "Tech", "Science", "Style", "Travel", "Sports",
            "Watch", "Listen"]
MOST_READ = [
    "Opinion: Why the 4-day workweek isn’t going away",
    "Divers find ‘extraordinary’ 2,000-year-old cargo ship off the coast of Sicily",
    "Airline fined $2.3 million over hours-long tarmac delays",
    "Mortgage rates fall to 5.9%, the lowest in 14 months",
    "These 7 metro areas have the longest commutes in America",
    "A record 31 million travelers are expected to fly over Thanksgiving week",
    "Stocks slip as chip shares lose 2% after an earnings warning",
    "Judge blocks $1.1 billion merger of 2 regional grocery chains",
    "‘We were lucky’: Family escapes as sinkhole swallows driveway",
    "Quarterback fined $50,000 for post-game comments about referees",
    "‘It tastes like my childhood’: The 90-year-old baker still up at 3 a.m.",
    "Why 1 in 3 adults may be skipping a key cancer screening",
]
MORE_FROM = [
    "Winter storm could bring 2 feet of snow to the northern Rockies",
    "‘A quiet crisis’: Rural towns lose their last pharmacies",
    "Federal regulators propose $40 million in new grants for small-town 911 centers",
    "What to pack in a go-bag, according to 3 emergency managers",
    "How the 2026 hurricane season compared with forecasts",
    "A 911 call, a wrong turn and the 12 minutes that followed",
]
PROMOS = [
    "‘The smoke just hung there’: Residents of another rail town look back, 2 years on",
    "What the placards on rail tank cars mean",
    "Hospitals are spending billions on cybersecurity. It isn’t enough",
    "A day in the life of a 911 dispatcher, when the screens go dark",
    "‘We drilled for this’: Inside a city’s disaster rehearsal",
    "How emergency alerts reach your phone, and why some don’t",
]
BREAKING = [
    "Live updates: Thanksgiving travel rush begins with storms in the forecast",
    "Markets: Dow falls 180 points as oil climbs 3%",
    "Watch: The ‘ring of fire’ eclipse, in 90 seconds",
    "Winter storm warnings for 6 states",
    "Live: Final round of the Pacific Open",
    "Recall: 240,000 space heaters pulled over fire risk",
]
CLASSES = ["header", "header__nav", "breaking-news", "headline", "byline", "timestamp", "article__content",
           "paragraph", "related-content", "ad-slot", "zone", "container", "card", "footer", "privacy-banner",
           "image__caption", "layout", "rail"]


def stamp(dt: datetime) -> str:
    zone = {-5: "EST", -6: "CST", -7: "MST", -8: "PST"}[int(dt.utcoffset().total_seconds() // 3600)]  # type: ignore[union-attr]
    return f"{ampm(dt, 'cnn')} {zone}, {dt.strftime('%a %B')} {dt.day}, {dt.year}"


def render(story: Story, n: int) -> str:
    rev: Rev = story.revs[n - 1]
    rng = rng_for(story.slug, n, "noise")
    url = HOST + story.path
    mod = parse(rev.when)
    build = hexid(rng, 20)
    uri = f"cms.meridiannews.com/_components/article/instances/{hexid(rng_for(story.slug, 'uri'), 25)}@published"
    body_text = article_body_text(rev)
    first = rev.paras[1 if 0 in rev.note_keys else 0]
    desc = first[:155].rsplit(" ", 1)[0] + "…"
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": url, "url": url,
        "headline": rev.headline, "description": desc, "datePublished": story.published, "dateModified": rev.when,
        "author": [{"@type": "Person", "name": b} for b in story.byline],
        "publisher": {"@type": "Organization", "name": SITE, "logo": {"@type": "ImageObject", "url": MEDIA + "/logo.png"}},
        "image": [{"@type": "ImageObject", "url": f"{MEDIA}/api/v1/images/stellar/prod/{hexid(rng_for(story.slug, 'img'), 12)}.jpg"}],
        "articleSection": [story.section], "articleBody": body_text, "isAccessibleForFree": True,
    }
    ticker = list(rev.ticker_extra) + pick(rng, BREAKING, 4 - len(rev.ticker_extra))
    most_read = list(rev.most_read_extra) + pick(rng, MOST_READ, 6 - len(rev.most_read_extra))
    more_from = list(rev.related_extra) + pick(rng, MORE_FROM, 4 - len(rev.related_extra))
    promo = rng.choice(PROMOS)
    ad = [f"ad-slot-{name}-{digits(rng, 8)}" for name in ("header", "article-1", "article-2", "rail-1")]

    out: list[str] = []
    w = out.append
    w(f"<!DOCTYPE html>\n<html lang=\"en\" data-uri=\"{uri}\" data-layout-uri=\"cms.meridiannews.com/_layouts/article/instances/article@published\">\n<head>\n")
    w("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    w(f"<title>{esc(rev.headline)} | {SITE}</title>\n")
    w(f"<meta name=\"description\" content=\"{attr(desc)}\">\n<link rel=\"canonical\" href=\"{url}\">\n")
    w(f"<meta property=\"og:title\" content=\"{attr(rev.headline)}\">\n<meta property=\"og:type\" content=\"article\">\n")
    w(f"<meta property=\"og:url\" content=\"{url}\">\n<meta property=\"og:site_name\" content=\"{SITE}\">\n")
    w(f"<meta name=\"author\" content=\"{attr(', '.join(story.byline))}\">\n")
    w(f"<meta property=\"article:published_time\" content=\"{story.published}\">\n<meta property=\"article:modified_time\" content=\"{rev.when}\">\n")
    w(f"<meta name=\"meta-section\" content=\"{story.section.lower()}\">\n<meta name=\"type\" content=\"article\">\n")
    w(f"<script type=\"application/ld+json\">{dump_json(ld)}</script>\n")
    w(f"<link rel=\"preload\" href=\"{MEDIA}/fonts/meridian-sans-700.woff2\" as=\"font\" crossorigin>\n")
    w(f"<link rel=\"stylesheet\" href=\"/static/css/article.{build[:10]}.css\">\n")
    w(f"<style>body{{margin:0;font-family:'Meridian Sans',Helvetica,Arial,sans-serif}}{css('cnn', CLASSES, 100)}</style>\n")
    w(f"<script>window.env={{\"BUILD\":\"{build}\",\"RELEASE\":\"article-2026.11.{rng.randint(2, 40)}\",\"SITE\":\"meridian\","
      f"\"PAGE_VIEW_ID\":\"{hexid(rng, 32)}\"}};window.meridianAds={{slots:{dump_json(ad)}}};</script>\n")
    w("</head>\n<body class=\"layout layout-with-rail__main\" data-page-type=\"article\">\n")
    w("<div class=\"privacy-banner\" id=\"onetrust-banner\" role=\"region\" aria-label=\"Cookie banner\"><div class=\"privacy-banner__text\">"
      "We and our partners process data to provide and improve our services, personalise content and measure ads. "
      "By selecting “Accept all” you agree to this. You can change your choices at any time in Privacy settings.</div>"
      "<button id=\"onetrust-accept\">Accept all</button> <button id=\"onetrust-settings\">Privacy settings</button></div>\n")
    w(f"<div class=\"ad-slot ad-slot--header\" id=\"{ad[0]}\" data-ad-size=\"970x250\"></div>\n")
    w("<header class=\"header\" data-editable=\"header\"><div class=\"header__inner\">"
      f"<a class=\"header__logo\" href=\"/\" aria-label=\"{SITE} home\"><svg width=\"120\" height=\"28\" aria-hidden=\"true\"><use href=\"#logo-meridian\"></use></svg></a>"
      "<nav class=\"header__nav\" aria-label=\"Sections\"><ul>")
    for s in SECTIONS:
        w(f"<li class=\"header__nav-item\"><a href=\"/{s.lower()}\" data-zjs-navigation-location=\"header\">{s}</a></li>")
    w("</ul></nav><a class=\"header__live\" href=\"/live-tv\">Live TV</a> <a class=\"header__login\" href=\"/account/log-in\">Log In</a></div></header>\n")
    w("<div class=\"breaking-news\" data-component=\"ticker\" role=\"marquee\"><span class=\"breaking-news__label\">Latest</span><ul class=\"breaking-news__list\">")
    for t in ticker:
        w(f"<li class=\"breaking-news__item\"><a href=\"/{hexid(rng, 8)}\">{esc(t)}</a></li>")
    w("</ul></div>\n")
    w("<main class=\"layout__main\">\n")
    w(f"<article class=\"article\" data-article-id=\"{hexid(rng_for(story.slug, 'id'), 24)}\">\n")
    w(f"<div class=\"headline\" data-editable=\"headline\"><div class=\"headline__sub-text\">{esc(story.section)}</div>"
      f"<h1 class=\"headline__text inline-placeholder\" id=\"maincontent\">{esc(rev.headline)}</h1></div>\n")
    names = " and ".join(f"<a class=\"byline__link\" href=\"/profiles/{b.lower().replace(' ', '-')}\">{esc(b)}</a>" for b in story.byline)
    w(f"<div class=\"byline\" data-editable=\"byline\"><span class=\"byline__names\">By {names}, {SITE}</span></div>\n")
    w(f"<div class=\"timestamp\" data-editable=\"settings\"><time datetime=\"{rev.when}\">Updated {stamp(mod)}</time></div>\n")
    w(f"<div class=\"image image__lede\" data-component-name=\"image\"><picture><img src=\"{MEDIA}/api/v1/images/stellar/prod/"
      f"{hexid(rng_for(story.slug, 'img'), 12)}.jpg?c=16x9&amp;q=h_653,w_1160,c_fill\" alt=\"{attr(story.image_alt)}\" width=\"1160\" height=\"653\"></picture>"
      f"<div class=\"image__caption\"><span data-editable=\"metaCaption\">{esc(story.caption)}</span></div></div>\n")
    w("<div class=\"article__content\" data-editable=\"content\">\n")
    for i, p in enumerate(rev.paras):
        pid = "paragraph_" + hexid(rng_for(p), 25)
        if i in rev.note_keys:
            w(f"<p class=\"paragraph inline-placeholder editor-note\" data-component-name=\"paragraph\" id=\"{pid}\"><em>{esc(p)}</em></p>\n")
        else:
            w(f"<p class=\"paragraph inline-placeholder\" data-component-name=\"paragraph\" id=\"{pid}\">{esc(p)}</p>\n")
        if i == 4:
            w(f"<div class=\"ad-slot ad-slot--article\" id=\"{ad[1]}\" data-ad-size=\"300x250\" data-ad-refresh=\"30\"></div>\n")
        if i == 7:
            w("<aside class=\"related-content related-content--article\" data-component-name=\"related-content\">"
              "<span class=\"related-content__label\">Related article</span>"
              f"<a class=\"related-content__link\" href=\"/{mod.year}/{mod.month:02d}/{hexid(rng, 6)}\">"
              f"<img src=\"{MEDIA}/api/v1/images/stellar/prod/{hexid(rng, 12)}.jpg?q=w_160\" alt=\"\" width=\"160\" height=\"90\">"
              f"<span class=\"related-content__headline\">{esc(promo)}</span></a></aside>\n")
        if i == 11:
            w(f"<div class=\"ad-slot ad-slot--article\" id=\"{ad[2]}\" data-ad-size=\"300x250\"></div>\n")
    w("</div>\n</article>\n")
    w("<div class=\"zone zone--rail\" data-zone-label=\"Most read\"><h2 class=\"zone__title\">Most read</h2><ol class=\"container__list\">")
    for k, h in enumerate(most_read, 1):
        w(f"<li class=\"card\" data-rank=\"{k}\"><a class=\"container__link\" href=\"/{mod.year}/11/{hexid(rng, 8)}\"><span class=\"container__headline-text\">{esc(h)}</span></a></li>")
    w("</ol></div>\n")
    w(f"<div class=\"ad-slot ad-slot--rail\" id=\"{ad[3]}\" data-ad-size=\"300x600\"></div>\n")
    w("<div class=\"zone zone--related\" data-zone-label=\"Related stories\"><h2 class=\"zone__title\">Related stories</h2><ul class=\"container__list\">")
    for h in more_from:
        w(f"<li class=\"card\"><a class=\"container__link\" href=\"/{mod.year}/11/{hexid(rng, 8)}\"><span class=\"container__headline-text\">{esc(h)}</span></a></li>")
    w("</ul></div>\n</main>\n")
    w("<footer class=\"footer\" data-editable=\"footer\"><nav class=\"footer__nav\"><ul>")
    for s in SECTIONS + ["Newsletters", "Podcasts", "Games", "Weather", "Video"]:
        w(f"<li><a href=\"/{s.lower()}\">{s}</a></li>")
    w("</ul></nav><ul class=\"footer__links\">")
    for s in ["Terms of Use", "Privacy Policy", "Cookie Settings", "Ad Choices", "Accessibility & CC", "About", "Newsletters",
              "Transcripts", "Work for Meridian", "Contact Meridian"]:
        w(f"<li><a href=\"/{s.lower().replace(' ', '-').replace('&', 'and')}\">{esc(s)}</a></li>")
    w("</ul><div class=\"footer__copyright\">© 2026 Meridian Media Group, Inc. All Rights Reserved.</div></footer>\n")
    w(f"<script>(function(){{var q=window.meridianAds.slots;for(var i=0;i<q.length;i++){{window.__adq=(window.__adq||[]).concat(q[i]);}}"
      f"window.__pageLoaded=\"{rev.when}\";}})();</script>\n")
    w(f"<script src=\"/static/js/article.{build[:10]}.js\" defer></script>\n")
    w("</body>\n</html>\n")
    return "".join(out)
