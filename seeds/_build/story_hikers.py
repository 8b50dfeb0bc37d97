"""Story C: four hikers overdue in a snowbound Montana wilderness (wire-service page, straight quotes)."""

from common import Story, revisions

P = {
    "note": "This is a developing story. Check back for updates.",
    "lede1": "CUTTER’S FORD, Mont. (Northgate) — Searchers on snowmobiles and horseback combed the Larch Peak Wilderness on Saturday for four hikers from Washington state who failed to return from a backpacking trip before a storm dropped up to 30 inches of snow on the mountains.",
    "lede4": "CUTTER’S FORD, Mont. (Northgate) — Two of four hikers missing for three days in a snowbound Montana wilderness were found alive Sunday morning, and searchers pressed on for the other two through deep snow below Larch Peak.",
    "lede5": "CUTTER’S FORD, Mont. (Northgate) — Three of four hikers missing for three days in a snowbound Montana wilderness had been found alive by Sunday afternoon, and searchers pressed on for the last, a 24-year-old man, through deep snow below Larch Peak.",
    "lede6": "CUTTER’S FORD, Mont. (Northgate) — All four hikers missing for three days in a snowbound Montana wilderness had been found alive by Sunday evening, after a helicopter crew spotted the last of them, a 24-year-old man, in a steep ravine below Larch Peak.",
    "names": "The Larch County Sheriff’s Office identified the hikers as Maya Lindqvist, 27; her brother Jonah Lindqvist, 24; Samir Haddad, 31; and Claire Dubek, 29, all of Ellery, Washington.",
    "plan": "The group set out Monday from the Granite Basin trailhead off Forest Road 412 and was due back Thursday evening, according to the sheriff’s office. A friend reported them overdue early Friday.",
    "searchers1": "About 80 searchers from four counties were taking part, along with two helicopters, Sheriff Bonnie Asplund said.",
    "searchers2": "More than 150 searchers from seven counties were taking part, along with two helicopters, Sheriff Bonnie Asplund said.",
    "searchers4": "More than 220 searchers from seven counties were taking part, along with four helicopters, Sheriff Bonnie Asplund said.",
    "asplund_q1": "“We have people out there who know these mountains better than anyone, and we are going to keep going as long as the weather lets us,” Asplund said. “They were well equipped. That gives us a lot of hope.”",
    "asplund_q4": "“This is the news we have been praying for since Friday,” Asplund said at a midday briefing. “But we still have two people out there, and nobody is going home until we find them.”",
    "asplund_q6": "“Four for four,” Asplund said, her voice breaking. “I have been doing this for 22 years, and I cannot remember a better day.”",
    "weather": "Temperatures in the high country fell to minus 12 degrees overnight, and the National Weather Service forecast more snow by Sunday afternoon.",
    "area1": "Searchers were concentrating on a 40-square-mile area around Larch Peak and Upper Granite Lake, where the group had planned to camp, said Dewey Marchand, commander of Larch County Search and Rescue.",
    "area2": "Searchers were concentrating on a 65-square-mile area around Larch Peak and Upper Granite Lake, where the group had planned to camp, said Dewey Marchand, commander of Larch County Search and Rescue.",
    "phone": "Haddad’s phone last connected to a cellular tower near the trailhead on Tuesday morning, Marchand said.",
    "marchand_q2": "“The snow has covered any tracks they might have left, so we are working from where they told people they would be,” Marchand said. “We are checking every drainage along the way.”",
    "guard2": "The Montana National Guard said it had sent a Black Hawk helicopter with a thermal camera, which would fly as long as the clouds allowed.",
    "mother_intro": "Ingrid Lindqvist, the mother of Maya and Jonah, drove through the night from Ellery to Cutter’s Ford after the sheriff’s office called her Friday.",
    "mother_q1": "“Maya has done this route twice before. She is careful, and she would never leave anyone behind,” she said in a phone interview. “I just need someone to tell me they found them.”",
    "mother_q4": "“I got to hold Maya’s hand for about a minute before they took her inside,” she said outside the hospital. “The first thing she asked about was her brother.”",
    "found4": "Maya Lindqvist and Claire Dubek were spotted by the National Guard helicopter crew at about 8:30 a.m. near a frozen lake below the peak’s east ridge and were flown to St. Brendan Regional Medical Center in Cutter’s Ford, Asplund said.",
    "hospital4": "A hospital spokesperson, Paula Ng, said both women were being treated for frostbite and hypothermia and were in fair condition.",
    "hospital5": "A hospital spokesperson, Paula Ng, said the two women had been upgraded to good condition and that Haddad was being treated for hypothermia.",
    "found5": "Searchers on snowshoes found Samir Haddad shortly after 1 p.m. in a snow cave about 2 miles from where the women were spotted, Marchand said.",
    "found6": "Jonah Lindqvist, who had a broken ankle but was alert, was found at about 5:15 p.m. by a National Guard crew and hoisted into the helicopter, Asplund said.",
    "background": "The Larch Peak Wilderness covers about 190,000 acres of steep, heavily forested terrain along the Continental Divide. Two climbers died in an avalanche on the peak’s north face in 2017.",
    "forest": "The U.S. Forest Service closed the Granite Basin and Larch Creek trails to the public to keep them clear for rescue teams.",
}

ORDER = {
    1: ["lede1", "names", "plan", "searchers1", "asplund_q1", "weather", "area1", "phone", "mother_intro", "mother_q1",
        "forest", "background", "note"],
    2: ["lede1", "names", "plan", "searchers2", "asplund_q1", "guard2", "weather", "area2", "marchand_q2", "phone",
        "mother_intro", "mother_q1", "forest", "background", "note"],
    4: ["lede4", "found4", "hospital4", "asplund_q4", "names", "plan", "searchers4", "guard2", "weather", "background",
        "area2", "marchand_q2", "phone", "mother_intro", "mother_q4", "forest", "note"],
    5: ["lede5", "found4", "found5", "hospital5", "asplund_q4", "names", "plan", "searchers4", "guard2", "weather",
        "background", "area2", "marchand_q2", "phone", "mother_intro", "mother_q4", "forest", "note"],
    6: ["lede6", "found6", "found4", "found5", "hospital5", "asplund_q6", "names", "plan", "searchers4", "guard2",
        "weather", "background", "area2", "phone", "mother_intro", "mother_q4", "forest"],
}
ORDER[3] = ORDER[2]

HEAD = {
    1: "Search under way for 4 hikers overdue after snowstorm in Montana’s Larch Peak Wilderness",
    2: "Search for 4 missing hikers in Montana wilderness grows to more than 150 people",
    4: "2 of 4 missing hikers found alive in Montana’s Larch Peak Wilderness",
    5: "3rd hiker found alive in Montana wilderness as search goes on for the last missing man",
    6: "All 4 hikers found alive after 3 days in snowbound Montana wilderness",
}
HEAD[3] = HEAD[2]

WHEN = {
    1: "2026-11-21T09:05:00-07:00",
    2: "2026-11-21T16:40:00-07:00",
    3: "2026-11-21T21:15:00-07:00",
    4: "2026-11-22T10:50:00-07:00",
    5: "2026-11-22T15:25:00-07:00",
    6: "2026-11-22T19:50:00-07:00",
}
TICKER = {
    1: ["Montana: Search for 4 overdue hikers"],
    2: ["Montana: Search for 4 hikers grows"],
    3: ["Montana: Search paused for the night"],
    4: ["Montana: 2 hikers found alive"],
    5: ["Montana: 3rd hiker found"],
    6: ["Montana: All 4 hikers found"],
}
MOST = {
    1: [],
    2: ["Montana search: 80 volunteers join hunt for 4 overdue hikers"],
    3: ["Montana search: 80 volunteers join hunt for 4 overdue hikers", "'They were well equipped': Sheriff hopeful in search for hikers"],
    4: ["'They were well equipped': Sheriff hopeful in search for hikers"],
    5: ["2 of 4 missing hikers found alive in Montana"],
    6: ["'Four for four': Sheriff's joy as last hiker is found", "How to survive a night lost in the snow: 5 tips from rescuers"],
}
RELATED = {
    1: [],
    2: ["Search under way for 4 hikers overdue after snowstorm in Montana"],
    3: ["Search under way for 4 hikers overdue after snowstorm in Montana"],
    4: ["Search for 4 missing hikers in Montana wilderness grows to more than 150 people"],
    5: ["2 of 4 missing hikers found alive in Montana's Larch Peak Wilderness"],
    6: ["3rd hiker found alive in Montana wilderness"],
}


CHANGES = [
    {"from": 1, "to": 2, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 80, "new": 150, "about": ["searchers"]},
         {"old": 4, "new": 7, "about": ["counties"]},
         {"old": 40, "new": 65, "about": ["area", "square", "square-mile"]},
     ],
     "statements_added": [
         {"speaker": "National Guard", "quote": "sent a Black Hawk helicopter with a thermal camera"},
         {"speaker": "Marchand", "quote": "The snow has covered any tracks they might have left"},
     ],
     "statements_removed": [],
     "notes": "Wire page with straight quotes. Asplund's attributed sentence changes two figures ('About 80' -> 'More than 150' "
              "searchers; 'four counties' -> 'seven counties', number words) while 'two helicopters' stays. Search area "
              "'40-square-mile' -> '65-square-mile' (hyphenated unit). New National Guard claim and new multi-sentence Marchand "
              "quote. Unchanged: 30 inches, ages (27, 24, 31, 29), Forest Road 412, minus 12 degrees, 190,000 acres, 2017, the "
              "Asplund and Ingrid Lindqvist quotes. The new headline's 'more than 150' repeats the body: report once."},
    {"from": 2, "to": 3, "noise_only": True, "headline_changed": False,
     "figures": [], "statements_added": [], "statements_removed": [],
     "notes": "Noise only: article byte-identical. Updated time, dateModified, LIVE ticker ('Search paused for the night'), Most "
              "Read (the old '80 volunteers' headline and a paraphrase of Asplund's quote), Related Stories, promo, ad ids, "
              "request id and build in the state script change."},
    {"from": 3, "to": 4, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 150, "new": 220, "about": ["searchers"]},
         {"old": 2, "new": 4, "about": ["helicopters"]},
     ],
     "statements_added": [
         {"speaker": "Asplund", "quote": "were spotted by the National Guard helicopter crew"},
         {"speaker": "Ng", "quote": "being treated for frostbite and hypothermia"},
         {"speaker": "Asplund", "quote": "This is the news we have been praying for since Friday"},
         {"speaker": "Ingrid", "quote": "I got to hold Maya's hand"},
     ],
     "statements_removed": [
         {"speaker": "Asplund", "quote": "They were well equipped"},
         {"speaker": "Ingrid", "quote": "I just need someone to tell me they found them"},
     ],
     "notes": "Lede rewritten without attribution ('Two of four ... found alive': the found count is new, 'four' is unchanged). "
              "Asplund's searchers sentence: 150 -> 220 and 'two helicopters' -> 'four helicopters' while 'seven counties' "
              "stays. New Asplund claim (8:30 a.m. is a time) and Ng claim. Asplund's quote replaced (removed + added; the new "
              "one has 'two people', no figure label). Ingrid Lindqvist's pronoun-attributed quote ('she said') replaced by "
              "another pronoun-attributed quote; the speaker is the mother named in the paragraph before, not her children "
              "Maya or Jonah. Background paragraph (190,000 acres, 2017) moved up unchanged: no label."},
    {"from": 4, "to": 5, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 2, "new": 3, "about": ["found", "alive", "hikers"]},
     ],
     "statements_added": [
         {"speaker": "Marchand", "quote": "found Samir Haddad shortly after 1 p.m. in a snow cave"},
         {"speaker": "Ng", "quote": "upgraded to good condition"},
     ],
     "statements_removed": [
         {"speaker": "Ng", "quote": "being treated for frostbite and hypothermia"},
     ],
     "notes": "Lede 'Two of four ... were found alive Sunday morning' -> 'Three of four ... had been found alive by Sunday "
              "afternoon' (number words; 'the other two' -> 'the last, a 24-year-old man', an age). The headline's '3rd' "
              "repeats it: report once. New Marchand claim ('about 2 miles': new). Ng's condition claim changed: removed + "
              "added."},
    {"from": 5, "to": 6, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 3, "new": 4, "about": ["found", "alive", "hikers"]},
     ],
     "statements_added": [
         {"speaker": "Asplund", "quote": "was found at about 5:15 p.m. by a National Guard crew"},
         {"speaker": "Asplund", "quote": "Four for four"},
     ],
     "statements_removed": [
         {"speaker": "Asplund", "quote": "This is the news we have been praying for since Friday"},
         {"speaker": "Marchand", "quote": "The snow has covered any tracks they might have left"},
     ],
     "notes": "Lede 'Three of four' -> 'All four' found alive. New Asplund claim (5:15 p.m. a time) and new Asplund multi-sentence "
              "quote ('22 years' has no counterpart); her earlier quote and Marchand's quote are removed. The editorial note "
              "'This is a developing story' disappears: not a statement."},
]

STORY = Story(
    slug="larch-peak-missing-hikers",
    title="Missing hikers search, Larch Peak Wilderness, Montana",
    date_path="2026/11/21",
    published="2026-11-21T09:05:00-07:00",
    byline=["Renata Szabo"],
    section="U.S.",
    tags=["Montana", "Search and rescue", "Hiking", "Winter weather"],
    image_alt="Search volunteers on snowmobiles gather at a snowy trailhead",
    caption="Search volunteers gather at the Granite Basin trailhead near Cutter’s Ford, Mont., on Saturday",
    revs=revisions(WHEN, HEAD, P, ORDER, TICKER, MOST, RELATED),
    changes=CHANGES,
)
