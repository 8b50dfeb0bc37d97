"""Story A: an earthen dam fails above a small Missouri town (local newspaper, WordPress-like)."""

from common import Story, revisions

P = {
    "note": "This is a developing story and will be updated.",
    "lede1": "HALBROOK, Mo. — An earthen dam above this town of 11,000 gave way before dawn Tuesday after three days of heavy rain, sending a surge of water down Tamsin Creek and forcing about 1,800 residents from their homes.",
    "lede2": "HALBROOK, Mo. — An earthen dam above this town of 11,000 gave way before dawn Tuesday after three days of heavy rain, sending a surge of water down Tamsin Creek and forcing more than 4,000 residents from their homes.",
    "lede6": "HALBROOK, Mo. — Residents driven out by the collapse of an earthen dam above this town of 11,000 waited Wednesday to learn when they could go home, a day after a surge of water down Tamsin Creek killed two people and flooded whole blocks of the Riverside neighborhood.",
    "remaining6": "About 2,900 people remained under evacuation orders Wednesday morning, down from more than 4,000 at the height of the flooding, Achterberg said.",
    "sheriff1": "The Pruett County Sheriff’s Office said deputies began going door to door in the low-lying Riverside and Mill Race neighborhoods at 4:15 a.m., and that at least nine people had been rescued from flooded homes and stranded vehicles.",
    "sheriff2": "The Pruett County Sheriff’s Office said deputies began going door to door in the low-lying Riverside and Mill Race neighborhoods at 4:15 a.m., and that at least 27 people had been rescued from flooded homes and stranded vehicles.",
    "sheriff6": "The Pruett County Sheriff’s Office said deputies began going door to door in the low-lying Riverside and Mill Race neighborhoods at 4:15 a.m., and that at least 64 people had been rescued from flooded homes and stranded vehicles.",
    "tibbs_q1": "“If you live anywhere near the creek, get out now. Do not wait until you can see the water,” Sheriff Warren Tibbs said at a briefing at the county courthouse. “We are not going to have time to come back for you twice.”",
    "tibbs_claim5": "Tibbs said search teams would keep checking flooded homes through the night.",
    "tibbs_q5": "“There are still houses we have not been able to get into,” he said. “Until we have been through every one of them, I am not going to tell anybody that number is final.”",
    "kessel_claim": "Nadia Kessel, chief engineer of the state’s dam safety program, said inspectors who flew over the dam at first light saw water cutting through the embankment about 40 feet from the spillway.",
    "kessel_q": "“The breach is still widening, and until the lake comes down further we cannot put anyone on that structure,” she said. “Right now this is about getting people out of the way of the water.”",
    "breach1": "The breach opened on the east side of the 62-foot-tall dam, which holds back Lake Tamsin about 3 miles upstream of downtown Halbrook, according to the Missouri Department of Natural Resources. By 6 a.m. the lake had dropped 11 feet, the agency said.",
    "breach4": "The breach opened on the east side of the 62-foot-tall dam, which holds back Lake Tamsin about 3 miles upstream of downtown Halbrook, according to the Missouri Department of Natural Resources. By 1 p.m. the lake had dropped 19 feet and roughly 40% of its water had drained, the agency said.",
    "breach6": "The breach opened on the east side of the 62-foot-tall dam, which holds back Lake Tamsin about 3 miles upstream of downtown Halbrook, according to the Missouri Department of Natural Resources. By early Wednesday the lake had dropped 31 feet and roughly 85% of its water had drained, the agency said.",
    "roads1": "Route 9 was closed between Halbrook and Dawes Crossing, and water covered County Road JJ near the Tamsin Creek bridge, according to the Missouri State Highway Patrol.",
    "roads6": "The Missouri State Highway Patrol said Route 9 remained closed between Halbrook and Dawes Crossing and that County Road JJ was still under water near the Tamsin Creek bridge.",
    "shelter1": "The American Red Cross opened a shelter at Halbrook High School, where about 250 people had arrived by early morning, a spokesperson said.",
    "shelter2": "The American Red Cross opened a shelter at Halbrook High School, where about 600 people had arrived by midmorning, a spokesperson said.",
    "shelter4": "The American Red Cross opened a shelter at Halbrook High School, where more than 900 people had registered by Tuesday afternoon, a spokesperson said.",
    "pike": "“It was a low roar, like a jet engine that would not shut off,” said Ernesto Pike, 63, who left his house on Mill Race Road in his pickup with his wife and their two dogs. “By the time we got up the hill, the water was already over our mailbox.”",
    "whitacre": "“We left with the clothes on our backs and my mother’s heart pills, and that’s it,” said Joan Whitacre, 48, who sat on a cot in the high school gym beside her 80-year-old mother. “Somebody told us the water was up to the windows on our street. I honestly don’t know if we still have a house.”",
    "rain1": "The National Weather Service said between 6 and 9 inches of rain had fallen on the Tamsin Creek watershed since Saturday, and that up to another inch was possible before the storm moves east on Wednesday.",
    "rain4": "The National Weather Service said between 7 and 11 inches of rain had fallen on the Tamsin Creek watershed since Saturday, and that up to another inch was possible before the storm moves east on Wednesday.",
    "power1": "Ozark Ridge Electric Cooperative reported about 6,500 customers without power in Pruett County.",
    "power4": "Ozark Ridge Electric Cooperative reported about 9,200 customers without power in Pruett County.",
    "schools": "The Halbrook R-II School District canceled classes for the rest of the week, and county offices were open only for emergency operations.",
    "history": "The dam, finished in 1958 to supply drinking water and hold back floods, was rated in “poor” condition after a 2019 state inspection found its spillway could not safely pass a major flood. County commissioners approved a $3.4 million repair plan in 2022, but work had not begun.",
    "achterberg_q": "“We have been watching that spillway for years,” said Rosalind Achterberg, director of the Pruett County Office of Emergency Management. “Nobody wanted to be proven right about it.”",
    "downstream1": "Officials said the water was expected to reach the village of Dawes Crossing, about 8 miles downstream, by midmorning.",
    "downstream2": "The water reached the village of Dawes Crossing, about 8 miles downstream, shortly after 8 a.m. and was running across Front Street, officials said.",
    "death4": "The sheriff’s office said the body of a 71-year-old man was recovered Tuesday afternoon from a car that had been swept off County Road JJ. His name was not released.",
    "death5": "The sheriff’s office said two people had died: a 71-year-old man whose car was swept off County Road JJ, and a woman whose body was found Tuesday evening in a flooded house on Locust Street. Their names were not released.",
    "damage5": "County assessors said at least 120 homes and 15 businesses had been damaged by water, most of them in the Riverside neighborhood.",
    "damage6": "County assessors said roughly 300 homes and 40 businesses had been damaged by water, most of them in the Riverside neighborhood.",
    "sema5": "The Missouri State Emergency Management Agency said it had released $1.5 million for debris removal and temporary housing.",
    "sema6": "The Missouri State Emergency Management Agency said it had released $2.5 million for debris removal and temporary housing.",
    "corps6": "The U.S. Army Corps of Engineers said it had sent a team of engineers to help the state determine whether the rest of the embankment was at risk of failing.",
}

ORDER = {
    1: ["note", "lede1", "sheriff1", "tibbs_q1", "breach1", "roads1", "shelter1", "pike", "rain1", "power1",
        "achterberg_q", "downstream1", "schools", "history"],
    2: ["note", "lede2", "sheriff2", "tibbs_q1", "kessel_claim", "kessel_q", "breach1", "roads1", "downstream2",
        "shelter2", "pike", "rain1", "power1", "achterberg_q", "schools", "history"],
    4: ["note", "lede2", "sheriff2", "tibbs_q1", "kessel_claim", "kessel_q", "breach4", "death4", "roads1",
        "downstream2", "shelter4", "whitacre", "rain4", "power4", "achterberg_q", "schools", "history"],
    5: ["lede2", "sheriff2", "tibbs_claim5", "tibbs_q5", "kessel_claim", "kessel_q", "breach4", "death5", "damage5",
        "achterberg_q", "roads1", "downstream2", "shelter4", "whitacre", "rain4", "power4", "sema5", "schools",
        "history"],
    6: ["lede6", "remaining6", "sheriff6", "tibbs_claim5", "tibbs_q5", "kessel_claim", "breach6", "corps6", "death5",
        "damage6", "achterberg_q", "roads6", "downstream2", "shelter4", "whitacre", "rain4", "power4", "sema6",
        "schools", "history"],
}
ORDER[3] = ORDER[2]

HEAD = {
    1: "Evacuations ordered as Tamsin Creek Dam fails above Halbrook",
    2: "Tamsin Creek Dam breach forces more than 4,000 from homes in Halbrook",
    5: "Two dead as Tamsin Creek Dam breach floods Halbrook; more than 4,000 displaced",
    6: "Halbrook waits to go home after Tamsin Creek Dam breach that killed 2",
}
HEAD[3] = HEAD[4] = HEAD[2]

WHEN = {
    1: "2026-11-17T06:42:00-06:00",
    2: "2026-11-17T09:58:00-06:00",
    3: "2026-11-17T11:31:00-06:00",
    4: "2026-11-17T14:47:00-06:00",
    5: "2026-11-17T18:05:00-06:00",
    6: "2026-11-18T07:20:00-06:00",
}

TICKER = {
    1: ["LIVE: Tamsin Creek Dam failing"],
    2: ["LIVE: Dam breach evacuations"],
    3: ["LIVE: Dam breach evacuations", "Shelter at Halbrook High"],
    4: ["LIVE: Dam breach", "Route 9 closed"],
    5: ["Tamsin Creek Dam", "How to help"],
    6: ["Tamsin Creek Dam", "Return home updates"],
}
MOST = {
    1: [],
    2: ["Live updates: Tamsin Creek Dam failing, evacuations ordered in Halbrook"],
    3: ["Tamsin Creek Dam breach: 9 rescued, 1,800 told to leave", "‘A roar like a jet engine’: Halbrook residents flee dam breach"],
    4: ["Photos: Floodwater swamps Riverside as Lake Tamsin drops 11 feet"],
    5: ["‘I don’t know if we still have a house’: Inside the Halbrook High shelter", "Tamsin Creek Dam: How a 62-foot structure failed"],
    6: ["‘Until we have been through every one’: Sheriff says search of flooded homes goes on", "How to help: 3 ways to support Halbrook flood victims"],
}
RELATED = {
    1: [],
    2: ["Evacuations ordered as Tamsin Creek Dam fails above Halbrook"],
    3: ["Evacuations ordered as Tamsin Creek Dam fails above Halbrook"],
    4: ["Tamsin Creek Dam breach forces more than 4,000 from homes in Halbrook"],
    5: ["Tamsin Creek Dam breach forces more than 4,000 from homes in Halbrook", "Map: Riverside streets under water"],
    6: ["Two dead as Tamsin Creek Dam breach floods Halbrook; more than 4,000 displaced"],
}


CHANGES = [
    {"from": 1, "to": 2, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 1800, "new": 4000, "about": ["residents", "homes", "forcing", "forced", "evacuat"]},
         {"old": 9, "new": 27, "about": ["rescued", "rescue"]},
         {"old": 250, "new": 600, "about": ["shelter", "arrived", "Red Cross", "people"]},
     ],
     "statements_added": [
         {"speaker": "Kessel", "quote": "saw water cutting through the embankment"},
         {"speaker": "Kessel", "quote": "The breach is still widening"},
         {"speaker": None, "quote": "was running across Front Street"},
     ],
     "statements_removed": [
         {"speaker": None, "quote": "expected to reach the village of Dawes Crossing"},
     ],
     "notes": "Lede (no attribution) 'about 1,800' -> 'more than 4,000' residents; the new headline repeats 4,000: report once. "
              "Sheriff's office sentence changes only its figure ('at least nine' -> 'at least 27', number word -> digits): "
              "figure change, not a statement. Red Cross 'about 250' -> 'about 600' ('by early morning' -> 'by midmorning' is a time). "
              "New Kessel claim (introduces '40 feet': no old counterpart) and a pronoun-attributed multi-sentence quote ('she said'). "
              "The Dawes Crossing claim ('officials said') changed from a forecast to a report and moved up: removed + added. "
              "Unchanged: 11,000, 4:15 a.m., 62-foot, 3 miles, 11 feet, 6 and 9 inches, 6,500 customers, 1958, 2019, $3.4 million, "
              "2022, Route 9, County Road JJ, Pike (63) and Achterberg quotes. Boilerplate noise: Updated time, dateModified, "
              "trending bar, Most Read (a 'Live updates' item), Related Stories (carries the old headline), inline promo, ad ids, "
              "build hash, comment count, weather widget."},
    {"from": 2, "to": 3, "noise_only": True, "headline_changed": False,
     "figures": [], "statements_added": [], "statements_removed": [],
     "notes": "Noise only: the headline and every paragraph are byte-identical. Updated time, dateModified, trending bar, "
              "Most Read (now quoting the old '9 rescued, 1,800 told to leave' and a paraphrase of Pike's quote), Related "
              "Stories, inline promo, ad ids, build hash, comment count and weather widget change."},
    {"from": 3, "to": 4, "noise_only": False, "headline_changed": False,
     "figures": [
         {"old": 11, "new": 19, "about": ["dropped", "lake", "feet"]},
         {"old": 600, "new": 900, "about": ["shelter", "registered", "arrived", "Red Cross", "people"]},
         {"old": 6, "new": 7, "about": ["rain", "inches"]},
         {"old": 9, "new": 11, "about": ["rain", "inches"]},
         {"old": 6500, "new": 9200, "about": ["customers", "power"]},
     ],
     "statements_added": [
         {"speaker": "sheriff", "quote": "the body of a 71-year-old man was recovered"},
         {"speaker": "Whitacre", "quote": "We left with the clothes on our backs"},
     ],
     "statements_removed": [
         {"speaker": "Pike", "quote": "like a jet engine that would not shut off"},
     ],
     "notes": "Headline unchanged. Natural Resources sentence: 'By 6 a.m. ... dropped 11 feet' -> 'By 1 p.m. ... dropped 19 feet' "
              "plus a new 'roughly 40%' drained (no old counterpart: no label). Shelter 'about 600' -> 'more than 900' with "
              "'arrived' reworded to 'registered' (attributed: figure only). Rain range 'between 6 and 9' -> 'between 7 and 11': "
              "both endpoints. Power 6,500 -> 9,200. New sheriff's-office claim about a body (71-year-old is an age). Pike quote "
              "removed, Whitacre multi-sentence quote added (ages 48 and 80 are not figures)."},
    {"from": 4, "to": 5, "noise_only": False, "headline_changed": True,
     "figures": [],
     "statements_added": [
         {"speaker": "Tibbs", "quote": "search teams would keep checking flooded homes"},
         {"speaker": "Tibbs", "quote": "There are still houses we have not been able to get into"},
         {"speaker": "sheriff", "quote": "a woman whose body was found Tuesday evening"},
         {"speaker": "assessors", "quote": "had been damaged by water"},
         {"speaker": "State Emergency Management Agency", "quote": "released $1.5 million for debris removal"},
     ],
     "statements_removed": [
         {"speaker": "Tibbs", "quote": "get out now"},
         {"speaker": "sheriff", "quote": "the body of a 71-year-old man was recovered"},
     ],
     "notes": "Editor's note removed (not a statement). Tibbs's evacuation quote removed; a Tibbs claim and a pronoun-attributed "
              "('he said') multi-sentence quote added. The sheriff's-office death claim is rewritten to two deaths: removed + "
              "added; 'two people' has no old counterpart, so no figure label (nor for the headline's 'Two dead'). New claims by "
              "county assessors (120 homes, 15 businesses: new figures) and the state emergency agency ($1.5 million: new). "
              "Achterberg's quote moved up unchanged: no label."},
    {"from": 5, "to": 6, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 27, "new": 64, "about": ["rescued", "rescue"]},
         {"old": 19, "new": 31, "about": ["dropped", "lake", "feet"]},
         {"old": 40, "new": 85, "about": ["drained", "water", "lake"]},
         {"old": 120, "new": 300, "about": ["homes", "damaged"]},
         {"old": 15, "new": 40, "about": ["businesses"]},
         {"old": 1500000, "new": 2500000, "about": ["debris", "housing", "released"]},
     ],
     "statements_added": [
         {"speaker": "Achterberg", "quote": "remained under evacuation orders"},
         {"speaker": "Army Corps", "quote": "whether the rest of the embankment was at risk"},
     ],
     "statements_removed": [
         {"speaker": "Kessel", "quote": "The breach is still widening"},
     ],
     "notes": "Lede rewritten without attribution ('killed two people' repeats the known toll). The new Achterberg claim says "
              "2,900 remain under orders 'down from more than 4,000': 4,000 is unchanged and 2,900 is a different quantity "
              "with no old counterpart, so neither is a figure change. Rescued 27 -> 64; lake 19 -> 31 feet and 40% -> 85% "
              "drained in one attributed sentence ('By 1 p.m.' -> 'By early Wednesday' is a time); homes 120 -> 'roughly 300' "
              "and businesses 15 -> 40 in one claim; $1.5 million -> $2.5 million. The Highway Patrol sentence is reworded with "
              "the same claim (Route 9, County Road JJ): nothing. Kessel's quote removed; her claim stays. New Army Corps claim."},
]

STORY = Story(
    slug="tamsin-creek-dam-breach",
    title="Tamsin Creek Dam breach, Halbrook, Missouri",
    date_path="2026/11/17",
    published="2026-11-17T06:42:00-06:00",
    byline=["Carla Denholm"],
    section="Weather",
    tags=["Tamsin Creek Dam", "Flooding", "Evacuations", "Pruett County", "Lake Tamsin"],
    image_alt="Brown floodwater covers a residential street in Halbrook",
    caption="Floodwater from Tamsin Creek covers a street in the Riverside neighborhood of Halbrook on Tuesday. (Sentinel photo)",
    revs=revisions(WHEN, HEAD, P, ORDER, TICKER, MOST, RELATED),
    changes=CHANGES,
)
