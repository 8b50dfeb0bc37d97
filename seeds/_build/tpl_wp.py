"""A local-newspaper WordPress-like page: numeric entities, yoast JSON-LD graph, sidebar widgets."""

from __future__ import annotations

from common import (Rev, Story, ampm, ap_date, attr, css, digits, dump_json, esc, hexid, parse, pick, rng_for,
                    wp_text)

SITE = "The Halbrook Sentinel"
HOST = "https://www.halbrooksentinel.com"
CDN = "https://cdn.halbrooksentinel.com"

NAV = ["News", "Weather", "Pruett County", "Schools", "Sports", "Business", "Obituaries", "Opinion", "Outdoors",
       "Faith", "Events", "Classifieds", "e-Edition"]

MOST_READ = [
    "Halbrook council approves 3.5% water rate increase for 2027",
    "‘It’s like losing family’: Main Street diner closes after 42 years",
    "Pruett County deer season opens with 1,200 permits issued",
    "Obituary: Vernon ‘Bud’ Carrick, 91, retired Halbrook postmaster",
    "Halbrook Hornets fall 28-21 in district semifinal",
    "5 things to know before the Pruett County Fall Festival",
    "Police: 2 arrested after $18,000 in copper wire stolen from substation",
    "School board weighs $22 million bond for new middle school",
    "‘We just kept bailing’: Mill Race neighbors remember the 2015 flood",
    "Gas prices in Pruett County dip below $3 for first time since March",
    "Letter: ‘Fix the potholes on Route 9 before the next winter’",
    "Sentinel Sports: 11 area players named to all-conference teams",
]
RELATED = [
    "County commissioners delay vote on $3.4 million dam repair, again",
    "State inspectors flag 14 Missouri dams as ‘high hazard’ and in poor shape",
    "Weather service: Ozarks rainfall 40% above normal this fall",
    "Opinion: Halbrook can’t keep putting off its infrastructure bill",
    "Lake Tamsin fishing report: Crappie biting in 8 to 12 feet of water",
    "Red Cross seeks volunteers as disaster season stretches into winter",
]
PROMOS = [
    "‘It held in 1993, it’ll hold now’: What old-timers say about Lake Tamsin",
    "From 2022: Commissioners approve dam repair plan, but funding questions remain",
    "How a 1958 earthen dam works, and how it fails",
    "‘Every spring we hold our breath’: Life below Tamsin Creek",
    "Map: Pruett County flood zones, updated for 2026",
]
TRENDING = ["Road closures", "School closings", "Weather radar", "Deer season", "Hornets football", "Obituaries",
            "Fall Festival", "Power outages", "Shelters", "e-Edition"]
CLASSES = ["site-header", "main-nav", "trending-bar", "entry-title", "entry-meta", "byline", "entry-content",
           "related-inline", "most-read", "widget", "sidebar", "site-footer", "cookie-notice", "ad-slot",
           "weather-widget", "comments-area", "tag-list", "newsletter-signup", "share-tools", "wp-block-image"]


def render(story: Story, n: int) -> str:
    rev: Rev = story.revs[n - 1]
    rng = rng_for(story.slug, n, "noise")
    url = HOST + story.path + "/"
    mod = parse(rev.when)
    pub = parse(story.published)
    build = hexid(rng, 16)
    post_id = "88" + digits(rng_for(story.slug, "post"), 4)
    ad_base = digits(rng, 13)
    desc = rev.paras[1 if 0 in rev.note_keys else 0][:150].rsplit(" ", 1)[0] + "…"
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "@id": url + "#article", "headline": rev.headline, "description": desc,
             "datePublished": story.published, "dateModified": rev.when,
             "author": [{"@type": "Person", "name": b, "url": f"{HOST}/author/{b.lower().replace(' ', '-')}/"}
                        for b in story.byline],
             "publisher": {"@id": HOST + "/#organization"}, "articleSection": [story.section, "News"],
             "image": {"@type": "ImageObject", "url": f"{CDN}/wp-content/uploads/{story.date_path[:7]}/{story.slug}-1200x800.jpg",
                       "width": 1200, "height": 800},
             "inLanguage": "en-US", "isAccessibleForFree": True},
            {"@type": "WebPage", "@id": url, "url": url, "name": f"{rev.headline} | {SITE}"},
            {"@type": "Organization", "@id": HOST + "/#organization", "name": SITE, "url": HOST + "/",
             "logo": {"@type": "ImageObject", "url": CDN + "/logo-600x60.png"}},
        ],
    }
    temp = rng.randint(36, 49)
    trending = list(rev.ticker_extra) + pick(rng, TRENDING, 5)
    most_read = list(rev.most_read_extra) + pick(rng, MOST_READ, 5 - len(rev.most_read_extra))
    related = list(rev.related_extra) + pick(rng, RELATED, 4 - len(rev.related_extra))
    promo = rng.choice(PROMOS)
    comments = 20 + n * rng.randint(9, 31)

    out: list[str] = []
    w = out.append
    w("<!DOCTYPE html>\n<html lang=\"en-US\" prefix=\"og: https://ogp.me/ns#\">\n<head>\n<meta charset=\"UTF-8\">\n")
    w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    w(f"<title>{wp_text(rev.headline)} | {SITE}</title>\n")
    w(f"<meta name=\"description\" content=\"{attr(desc)}\">\n")
    w("<meta name=\"robots\" content=\"index, follow, max-image-preview:large, max-snippet:-1\">\n")
    w(f"<link rel=\"canonical\" href=\"{url}\">\n")
    w("<meta property=\"og:locale\" content=\"en_US\">\n<meta property=\"og:type\" content=\"article\">\n")
    w(f"<meta property=\"og:title\" content=\"{attr(rev.headline)}\">\n")
    w(f"<meta property=\"og:description\" content=\"{attr(desc)}\">\n")
    w(f"<meta property=\"og:url\" content=\"{url}\">\n<meta property=\"og:site_name\" content=\"{SITE}\">\n")
    for t in story.tags:
        w(f"<meta property=\"article:tag\" content=\"{attr(t)}\">\n")
    w(f"<meta property=\"article:published_time\" content=\"{story.published}\">\n")
    w(f"<meta property=\"article:modified_time\" content=\"{rev.when}\">\n")
    w(f"<meta name=\"twitter:card\" content=\"summary_large_image\">\n<meta name=\"twitter:data1\" content=\"{attr(story.byline[0])}\">\n")
    w(f"<script type=\"application/ld+json\" class=\"yoast-schema-graph\">{dump_json(ld)}</script>\n")
    w(f"<link rel=\"preconnect\" href=\"{CDN}\">\n<link rel=\"dns-prefetch\" href=\"//securepubads.g.doubleclick.net\">\n")
    w(f"<link rel='stylesheet' id='wp-block-library-css' href='{HOST}/wp-includes/css/dist/block-library/style.min.css?ver=6.6.2' media='all'>\n")
    w(f"<link rel='stylesheet' id='sentinel-main-css' href='{CDN}/wp-content/themes/sentinel/dist/main.css?ver={build}' media='all'>\n")
    w(f"<style id='sentinel-inline-css'>:root{{--brand:#1d4e89;--ink:#111;--muted:#6b6b6b}}body{{margin:0;font-family:Georgia,serif;color:var(--ink)}}{css('wp', CLASSES, 90)}</style>\n")
    w("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
      f"gtag('js',new Date());gtag('config','G-{hexid(rng_for('wp-ga'), 10).upper()}',{{'page_view_id':'{hexid(rng, 12)}'}});</script>\n")
    w("<script async src=\"https://securepubads.g.doubleclick.net/tag/js/gpt.js\"></script>\n")
    w("</head>\n")
    w(f"<body class=\"post-template-default single single-post postid-{post_id} single-format-standard wp-embed-responsive\">\n")
    w("<a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to content</a>\n")
    w("<div id=\"cookie-notice\" class=\"cookie-notice\" role=\"dialog\" aria-label=\"Cookie consent\" data-version=\"2026.03.2\">"
      "<div class=\"cookie-notice__inner\"><span class=\"cookie-notice__text\">We use cookies and similar technologies to "
      "personalise content and ads, to provide social media features and to analyse our traffic. You can accept all cookies, "
      "reject non-essential cookies or change your choices at any time under Cookie Settings. <a href=\"/privacy-policy/\">Privacy Policy</a>"
      "</span><button class=\"cookie-notice__btn\" data-action=\"accept\">Accept all</button>"
      "<button class=\"cookie-notice__btn\" data-action=\"reject\">Reject non-essential</button></div></div>\n")
    w(f"<div class=\"top-bar\"><span class=\"top-bar__date\">{mod.strftime('%A')}, {ap_date(mod)}</span>"
      f"<div class=\"weather-widget weather-widget--compact\" data-zip=\"65741\"><span class=\"weather-widget__temp\">{temp}&deg;F</span>"
      f" <span class=\"weather-widget__cond\">{'Rain' if n < 5 else 'Cloudy'}</span> <a href=\"/weather/\">Halbrook forecast</a></div>"
      "<a class=\"top-bar__subscribe\" href=\"/subscribe/\">Subscribe for $1</a> <a href=\"/my-account/\">Log in</a></div>\n")
    w("<header class=\"site-header\" role=\"banner\"><div class=\"site-header__inner\">"
      f"<a class=\"site-branding\" href=\"/\" rel=\"home\"><img src=\"{CDN}/logo.svg\" alt=\"{SITE}\" width=\"320\" height=\"40\"></a>"
      "<nav class=\"main-nav\" aria-label=\"Primary\"><ul class=\"main-nav__list\">")
    for item in NAV:
        w(f"<li class=\"main-nav__item\"><a href=\"/{item.lower().replace(' ', '-')}/\">{esc(item)}</a></li>")
    w("</ul></nav><form class=\"search-form\" role=\"search\" action=\"/\"><label class=\"screen-reader-text\" for=\"s\">Search for:</label>"
      "<input id=\"s\" type=\"search\" name=\"s\" placeholder=\"Search\"><button type=\"submit\">Search</button></form></div></header>\n")
    w("<div class=\"trending-bar\" data-module=\"trending\"><span class=\"trending-bar__label\">Trending:</span><ul class=\"trending-bar__list\">")
    for t in trending:
        w(f"<li class=\"trending-bar__item\"><a href=\"/tag/{hexid(rng, 6)}/\">{wp_text(t)}</a></li>")
    w("</ul></div>\n")
    w(f"<div class=\"ad-slot ad-leaderboard\" id=\"div-gpt-ad-{ad_base}-0\" data-ad-pos=\"top\"><span class=\"ad-slot__label\">Advertisement</span></div>\n")
    w("<main id=\"content\" class=\"site-main\"><div class=\"content-area\">\n")
    w(f"<article id=\"post-{post_id}\" class=\"post-{post_id} post type-post status-publish format-standard has-post-thumbnail category-{story.section.lower()}\">\n")
    w(f"<header class=\"entry-header\"><div class=\"entry-kicker\"><a href=\"/{story.section.lower()}/\">{esc(story.section)}</a></div>\n")
    w(f"<h1 class=\"entry-title\">{wp_text(rev.headline)}</h1>\n")
    authors = " and ".join(f"<a class=\"byline__author\" href=\"/author/{b.lower().replace(' ', '-')}/\">{esc(b)}</a>" for b in story.byline)
    w(f"<div class=\"entry-meta\"><span class=\"byline\">By {authors} <span class=\"byline__title\">| Staff</span></span> "
      f"<time class=\"entry-date published\" datetime=\"{story.published}\">Published {ampm(pub, 'ap')} {ap_date(pub)}</time> "
      f"<time class=\"updated\" datetime=\"{rev.when}\">Updated {ampm(mod, 'ap')} {ap_date(mod)}</time></div></header>\n")
    w(f"<figure class=\"wp-block-image size-large\"><img src=\"{CDN}/wp-content/uploads/{story.date_path[:7]}/{story.slug}-1024x683.jpg\" "
      f"alt=\"{attr(story.image_alt)}\" width=\"1024\" height=\"683\"><figcaption class=\"wp-element-caption\">{wp_text(story.caption)}</figcaption></figure>\n")
    w("<div class=\"entry-content\">\n")
    for i, p in enumerate(rev.paras):
        if i in rev.note_keys:
            w(f"<p class=\"editor-note\"><em>{wp_text(p)}</em></p>\n")
        else:
            w(f"<p>{wp_text(p)}</p>\n")
        if i == 3:
            w(f"<div class=\"ad-slot ad-inline\" id=\"div-gpt-ad-{ad_base}-1\" data-ad-pos=\"inline1\"><span class=\"ad-slot__label\">Advertisement</span>"
              f"<script>googletag.cmd.push(function(){{googletag.display(\"div-gpt-ad-{ad_base}-1\")}});</script></div>\n")
        if i == 6:
            w("<aside class=\"related-inline\" data-module=\"related-inline\"><h3 class=\"related-inline__label\">Related</h3>"
              f"<a class=\"related-inline__link\" href=\"{HOST}/news/{hexid(rng, 8)}/\"><img class=\"related-inline__thumb\" "
              f"src=\"{CDN}/wp-content/uploads/2026/11/{hexid(rng, 12)}-150x100.jpg\" alt=\"\" width=\"150\" height=\"100\" loading=\"lazy\">"
              f"<span class=\"related-inline__title\">{wp_text(promo)}</span></a></aside>\n")
    w("</div>\n")
    w("<footer class=\"entry-footer\"><div class=\"tag-list\"><span class=\"tag-list__label\">Tags:</span> ")
    w(" ".join(f"<a class=\"tag-list__tag\" href=\"/tag/{t.lower().replace(' ', '-')}/\" rel=\"tag\">{esc(t)}</a>" for t in story.tags))
    w("</div><div class=\"share-tools\"><a href=\"#\" data-share=\"facebook\">Facebook</a> <a href=\"#\" data-share=\"x\">X</a> "
      "<a href=\"#\" data-share=\"email\">Email</a> <a href=\"#\" data-share=\"print\">Print</a></div></footer>\n</article>\n")
    w("<div class=\"newsletter-signup\"><h2 class=\"newsletter-signup__title\">Get the Sentinel Morning Brief</h2>"
      "<p class=\"newsletter-signup__text\">Pruett County news, weather and road closures in your inbox every weekday at 6 a.m.</p>"
      "<form action=\"/newsletters/subscribe/\" method=\"post\"><input type=\"email\" name=\"email\" placeholder=\"Email address\" required>"
      "<button type=\"submit\">Sign up</button></form></div>\n")
    w(f"<div id=\"comments\" class=\"comments-area\" data-post=\"{post_id}\"><h2 class=\"comments-area__title\">Comments ({comments})</h2>"
      "<p class=\"comments-area__note\">Comments are moderated. Please keep it civil and on topic.</p></div>\n")
    w("</div>\n<aside class=\"sidebar\" role=\"complementary\"><section class=\"widget most-read\"><h2 class=\"widget__title\">Most Read</h2><ol class=\"most-read__list\">")
    for k, h in enumerate(most_read, 1):
        w(f"<li class=\"most-read__item\"><span class=\"most-read__rank\">{k}</span><a class=\"most-read__link\" href=\"{HOST}/news/{hexid(rng, 10)}/\">{wp_text(h)}</a></li>")
    w("</ol></section>\n")
    w(f"<div class=\"ad-slot ad-sidebar\" id=\"div-gpt-ad-{ad_base}-2\" data-ad-pos=\"rail1\"><span class=\"ad-slot__label\">Advertisement</span>"
      f"<script>googletag.cmd.push(function(){{googletag.display(\"div-gpt-ad-{ad_base}-2\")}});</script></div>\n")
    w("<section class=\"widget related-stories\"><h2 class=\"widget__title\">Related Stories</h2><ul class=\"related-stories__list\">")
    for h in related:
        w(f"<li class=\"related-stories__item\"><a class=\"related-stories__link\" href=\"{HOST}/news/{hexid(rng, 10)}/\">{wp_text(h)}</a></li>")
    w("</ul></section></aside>\n</main>\n")
    w("<footer class=\"site-footer\" role=\"contentinfo\"><div class=\"site-footer__inner\">")
    cols = {
        "Sections": NAV[:10],
        "About us": ["Contact the newsroom", "Submit a news tip", "Corrections", "Ethics policy", "Careers", "Advertise"],
        "Subscriber services": ["Subscribe", "Manage my account", "Vacation hold", "e-Edition", "Newsletters", "Gift subscriptions"],
        "Follow": ["Facebook", "Instagram", "X", "YouTube", "RSS feeds"],
    }
    for head, items in cols.items():
        w(f"<div class=\"site-footer__col\"><h3 class=\"site-footer__heading\">{esc(head)}</h3><ul>")
        for it in items:
            w(f"<li><a href=\"/{it.lower().replace(' ', '-')}/\">{esc(it)}</a></li>")
        w("</ul></div>")
    w("<p class=\"site-footer__address\">212 N. Court St., Halbrook, MO 65741 | (417) 555-0188</p>"
      "<p class=\"site-footer__copyright\">&copy; 2026 The Halbrook Sentinel. All rights reserved.</p></div></footer>\n")
    w("<script>var googletag=googletag||{cmd:[]};googletag.cmd.push(function(){")
    for k, pos in enumerate(["top", "inline1", "rail1"]):
        w(f"googletag.defineSlot('/21804/halbrook/news',[[300,250],[728,90]],'div-gpt-ad-{ad_base}-{k}').setTargeting('pos','{pos}').addService(googletag.pubads());")
    w(f"googletag.pubads().setTargeting('post','{post_id}');googletag.enableServices();}});</script>\n")
    w(f"<script>window.sentinelConfig={{\"build\":\"{build}\",\"postId\":{post_id},\"section\":\"{story.section.lower()}\","
      f"\"paywall\":false,\"renderedAt\":\"{rev.when}\"}};</script>\n")
    w(f"<script src=\"{CDN}/wp-content/themes/sentinel/dist/main.js?ver={build}\" defer></script>\n")
    w("</body>\n</html>\n")
    return "".join(out)
