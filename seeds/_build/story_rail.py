"""Story B: a freight train carrying chemicals derails and burns in an Indiana town (national network page)."""

from common import Story, revisions

P = {
    "note": "This is a developing story and will be updated.",
    "lede1": "Halvard, Indiana (Meridian) — A freight train carrying hazardous chemicals derailed and caught fire late Wednesday in this small northern Indiana town, and officials ordered about 1,200 people living within 1 mile of the wreck to leave their homes.",
    "lede3": "Halvard, Indiana (Meridian) — A freight train carrying hazardous chemicals derailed and caught fire late Wednesday in this small northern Indiana town, and officials ordered about 2,700 people living within 2 miles of the wreck to leave their homes.",
    "cars1": "About 30 cars of the Lakeshore & Prairie Railroad train left the tracks at 11:52 p.m. near the crossing at County Road 400 North, Halvard Fire Chief Gail Ostrowski said. At least five of the derailed cars were carrying hazardous materials, she said.",
    "cars2": "Thirty-eight of the Lakeshore & Prairie Railroad train’s 112 cars left the tracks at 11:52 p.m. near the crossing at County Road 400 North, Halvard Fire Chief Gail Ostrowski said. Nine of the derailed cars were carrying hazardous materials, she said.",
    "fire1": "Flames and thick black smoke could be seen for miles, and firefighters from at least six departments were called in to help.",
    "fire2": "Flames and thick black smoke could be seen for miles, and firefighters from at least 11 departments were called in to help.",
    "fire6": "Flames and thick black smoke could be seen for miles, and firefighters from at least 16 departments were called in to help.",
    "ostrowski_q1": "“We are treating this as a worst-case scenario until we know exactly what is in every one of those cars,” Ostrowski told reporters shortly after 2 a.m. “If you were told to leave, please do not come back until we tell you it is safe.”",
    "ostrowski_claim3": "Ostrowski said the evacuation zone was widened after a tank car carrying liquefied petroleum gas began venting through a pressure-relief valve.",
    "ostrowski_q3": "“That car is our biggest concern right now,” she said. “We have crews keeping it cool with water from a safe distance, and we are not going to rush this.”",
    "ostrowski_q6": "“The fire is out, but this site is not safe yet,” Ostrowski said Friday morning. “Those tank cars still have to be emptied before anyone goes near them.”",
    "chem": "The railroad said the train was carrying styrene, liquefied petroleum gas and sodium hydroxide, among other products, from Chicago to Louisville, Kentucky.",
    "marsh1": "“Our first priority is the safety of this community and of the first responders,” said Devin Marsh, a spokesperson for Lakeshore & Prairie. “We have hazardous-materials specialists on the way, and we will support the town in every way we can.”",
    "marsh5": "“We are deeply sorry for the disruption this has caused the people of Halvard,” said Devin Marsh, a spokesperson for Lakeshore & Prairie. “We will cover the cost of the evacuation, and we will be here until the work is done.”",
    "shelter1": "An evacuation center opened at Halvard Middle School on West Elm Street, where about 150 people had checked in by 2:30 a.m., the Red Cross said.",
    "shelter2": "An evacuation center opened at Halvard Middle School on West Elm Street, where about 420 people had checked in by 6 a.m., the Red Cross said.",
    "injuries1": "There were no reports of serious injuries. The two crew members aboard the lead locomotive were not hurt, the railroad said.",
    "injuries2": "Six people, including two firefighters, were taken to Halvard Memorial Hospital with breathing problems, hospital spokesperson Bethany Cole said. The two crew members aboard the lead locomotive were not hurt, the railroad said.",
    "injuries5": "Fourteen people, including two firefighters, were treated at Halvard Memorial Hospital for breathing problems, hospital spokesperson Bethany Cole said. The two crew members aboard the lead locomotive were not hurt, the railroad said.",
    "air1": "The Indiana Department of Environmental Management said it had set up air monitors around the site but that it was too early to say whether any chemicals had been released.",
    "air3": "The Indiana Department of Environmental Management said its monitors had picked up elevated levels of styrene at four locations near the crash site overnight but none elsewhere in town.",
    "air5": "The Indiana Department of Environmental Management said its monitors had picked up elevated levels of styrene at two locations near the crash site on Thursday afternoon but none elsewhere in town.",
    "schools": "Halvard Community Schools canceled classes Thursday, and County Road 400 North and State Road 119 were closed.",
    "record": "Lakeshore & Prairie, a regional carrier that runs about 1,400 miles of track in Indiana, Illinois and Ohio, reported 23 derailments to federal regulators in 2025, according to Federal Railroad Administration data.",
    "yoder": "Curtis Yoder, 58, who runs a dairy farm about half a mile from the tracks, said he was jolted awake by a boom that rattled his windows. “I looked outside and the whole sky to the south was orange,” he said. “I put my mother in the truck and we didn’t stop until we hit the highway.”",
    "ntsb5": "The National Transportation Safety Board said it was sending a team of 12 investigators, led by board member Harlan Beaumont, who is expected to brief reporters on Friday.",
    "fund5": "The railroad said it had set up a $1 million fund to reimburse evacuated families for hotel rooms, meals and lost wages.",
    "fund6": "The railroad said it had set up a $3.5 million fund to reimburse evacuated families for hotel rooms, meals and lost wages.",
    "lifted6": "Officials lifted the evacuation order for homes north of the tracks early Friday, allowing about 900 residents to go back.",
}

ORDER = {
    1: ["note", "lede1", "cars1", "fire1", "ostrowski_q1", "chem", "marsh1", "shelter1", "injuries1", "air1", "schools",
        "yoder", "record"],
    2: ["note", "lede1", "cars2", "fire2", "ostrowski_q1", "chem", "marsh1", "shelter2", "injuries2", "air1", "schools",
        "yoder", "record"],
    3: ["note", "lede3", "yoder", "cars2", "ostrowski_claim3", "ostrowski_q3", "fire2", "ostrowski_q1", "chem",
        "marsh1", "shelter2", "injuries2", "air3", "schools", "record"],
    5: ["lede3", "yoder", "cars2", "ostrowski_claim3", "ostrowski_q3", "fire2", "ostrowski_q1", "ntsb5", "chem",
        "marsh5", "fund5", "shelter2", "injuries5", "air5", "schools", "record"],
    6: ["lede3", "lifted6", "cars2", "ostrowski_claim3", "ostrowski_q6", "fire6", "ostrowski_q1", "ntsb5", "chem",
        "marsh5", "fund6", "shelter2", "injuries5", "air5", "schools", "record"],
}
ORDER[4] = ORDER[3]

HEAD = {
    1: "Freight train carrying hazardous chemicals derails in Indiana town, forcing evacuations",
    2: "Dozens of rail cars derail in fiery Indiana crash, some carrying hazardous materials",
    3: "Evacuation zone widens after fiery Indiana derailment as crews watch a venting tank car",
    5: "Federal investigators head to Indiana derailment as thousands remain out of their homes",
}
HEAD[4] = HEAD[3]
HEAD[6] = HEAD[5]

WHEN = {
    1: "2026-11-19T03:10:00-05:00",
    2: "2026-11-19T06:45:00-05:00",
    3: "2026-11-19T10:20:00-05:00",
    4: "2026-11-19T13:55:00-05:00",
    5: "2026-11-19T17:30:00-05:00",
    6: "2026-11-20T08:05:00-05:00",
}
TICKER = {
    1: ["Breaking: Train derails in Halvard, Indiana"],
    2: ["Live updates: Indiana train derailment"],
    3: ["Live updates: Indiana train derailment"],
    4: ["Live updates: Indiana train derailment", "Watch: Drone video shows derailment site"],
    5: ["Live updates: Indiana train derailment"],
    6: [],
}
MOST = {
    1: [],
    2: ["Train carrying chemicals derails in Indiana; about 30 cars off the tracks"],
    3: ["‘The whole sky was orange’: Farmer describes night of Indiana derailment"],
    4: ["‘The whole sky was orange’: Farmer describes night of Indiana derailment", "What is styrene? 5 things to know"],
    5: ["Indiana derailment: 6 people hospitalized, 2,700 evacuated"],
    6: ["‘We are deeply sorry’: Railroad sets up fund for evacuated families"],
}
RELATED = {
    1: [],
    2: ["Freight train carrying hazardous chemicals derails in Indiana town, forcing evacuations"],
    3: ["Dozens of rail cars derail in fiery Indiana crash, some carrying hazardous materials"],
    4: ["Dozens of rail cars derail in fiery Indiana crash, some carrying hazardous materials", "Map: The 2-mile evacuation zone"],
    5: ["Evacuation zone widens after fiery Indiana derailment as crews watch a venting tank car"],
    6: ["Evacuation zone widens after fiery Indiana derailment as crews watch a venting tank car"],
}


CHANGES = [
    {"from": 1, "to": 2, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 30, "new": 38, "about": ["cars", "tracks", "derailed"]},
         {"old": 5, "new": 9, "about": ["hazardous", "materials", "cars"]},
         {"old": 6, "new": 11, "about": ["departments", "firefighters"]},
         {"old": 150, "new": 420, "about": ["checked", "evacuation center", "Red Cross", "people"]},
     ],
     "statements_added": [
         {"speaker": "Cole", "quote": "were taken to Halvard Memorial Hospital with breathing problems"},
     ],
     "statements_removed": [],
     "notes": "Ostrowski's two attributed sentences change only their figures ('About 30' -> 'Thirty-eight', number words at "
              "sentence start; 'At least five' -> 'Nine'); 'the train's 112 cars' is new with no counterpart. Departments "
              "'at least six' -> 'at least 11'. Red Cross 150 -> 420 ('by 2:30 a.m.' -> 'by 6 a.m.' are times). The unattributed "
              "'no reports of serious injuries' sentence is replaced by Cole's claim (six people, two firefighters: new figures); "
              "the crew sentence ('two crew members') is unchanged. Unchanged: 11:52 p.m., County Road 400 North, 1,200, 1 mile, "
              "Yoder (58), 1,400 miles, 23 derailments, 2025. Noise: Updated time, dateModified, ticker, Most read (quotes the old "
              "'about 30 cars'), Related stories (old headline), inline promo, ad slot ids, build id, page view id."},
    {"from": 2, "to": 3, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 1200, "new": 2700, "about": ["people", "leave", "homes", "evacuat", "ordered"]},
         {"old": 1, "new": 2, "about": ["mile", "miles", "within", "zone"]},
     ],
     "statements_added": [
         {"speaker": "Ostrowski", "quote": "evacuation zone was widened after a tank car"},
         {"speaker": "Ostrowski", "quote": "That car is our biggest concern right now"},
         {"speaker": "Indiana Department of Environmental Management", "quote": "elevated levels of styrene at four locations"},
     ],
     "statements_removed": [
         {"speaker": "Indiana Department of Environmental Management", "quote": "too early to say whether any chemicals"},
     ],
     "notes": "Lede: two figures change in one unattributed sentence (about 1,200 -> about 2,700 people; within 1 mile -> "
              "within 2 miles). New Ostrowski claim and pronoun-attributed multi-sentence quote ('she said'). IDEM claim changed "
              "(removed + added); 'four locations' has no old counterpart. Yoder paragraph moved up unchanged: no label."},
    {"from": 3, "to": 4, "noise_only": True, "headline_changed": False,
     "figures": [], "statements_added": [], "statements_removed": [],
     "notes": "Noise only: article byte-identical. Updated time, dateModified, ticker (adds a 'Watch' item), Most read (a "
              "paraphrase of Yoder's quote and 'What is styrene? 5 things to know'), Related stories ('The 2-mile evacuation "
              "zone'), inline promo, ad ids and build id change."},
    {"from": 4, "to": 5, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 6, "new": 14, "about": ["people", "treated", "hospital", "breathing"]},
         {"old": 4, "new": 2, "about": ["locations", "styrene", "monitors", "levels"]},
     ],
     "statements_added": [
         {"speaker": "National Transportation Safety Board", "quote": "sending a team of 12 investigators"},
         {"speaker": "Marsh", "quote": "deeply sorry for the disruption"},
         {"speaker": "railroad", "quote": "set up a $1 million fund"},
     ],
     "statements_removed": [
         {"speaker": "Marsh", "quote": "Our first priority is the safety of this community"},
     ],
     "notes": "Editor's note removed (not a statement). Cole's claim: 'Six people ... were taken to ... with' -> 'Fourteen people "
              "... were treated at ... for' (reworded, attributed: figure only; 'two firefighters' unchanged). IDEM four -> two "
              "locations ('overnight' -> 'on Thursday afternoon' is a time): figure only. New NTSB claim (12 investigators: new). "
              "Marsh quote replaced: removed + added. New railroad claim with a $1 million fund (new figure)."},
    {"from": 5, "to": 6, "noise_only": False, "headline_changed": False,
     "figures": [
         {"old": 11, "new": 16, "about": ["departments", "firefighters"]},
         {"old": 1000000, "new": 3500000, "about": ["fund", "reimburse", "families"]},
     ],
     "statements_added": [
         {"speaker": "Ostrowski", "quote": "The fire is out, but this site is not safe yet"},
     ],
     "statements_removed": [
         {"speaker": "Ostrowski", "quote": "That car is our biggest concern right now"},
         {"speaker": "Yoder", "quote": "the whole sky to the south was orange"},
         {"speaker": "Yoder", "quote": "jolted awake by a boom"},
     ],
     "notes": "Headline unchanged. New unattributed sentence: the order was lifted north of the tracks for about 900 residents "
              "(a different quantity from the 2,700 ordered out, which stays: no figure change, not a statement). Departments "
              "11 -> 16; fund $1 million -> $3.5 million (attributed, figure only). Ostrowski's pronoun quote replaced by a new "
              "explicitly attributed quote; her claim about the venting tank car stays. The Yoder paragraph is gone: his claim "
              "and his quote are both removed."},
]

STORY = Story(
    slug="halvard-train-derailment",
    title="Freight train derailment, Halvard, Indiana",
    date_path="2026/11/19",
    published="2026-11-19T03:10:00-05:00",
    byline=["Teresa Malloy", "Ken Ishida"],
    section="US",
    tags=["Train derailment", "Hazardous materials", "Indiana", "Evacuations"],
    image_alt="Smoke rises from derailed tank cars at night",
    caption="Smoke rises from the derailed cars near Halvard, Indiana, early Thursday.",
    revs=revisions(WHEN, HEAD, P, ORDER, TICKER, MOST, RELATED),
    changes=CHANGES,
)
