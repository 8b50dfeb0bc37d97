"""Story D: ransomware shuts a hospital network and city hall (national network page), with a reverted typo."""

from common import Story, revisions

P = {
    "note": "This is a developing story and will be updated.",
    "lede": "Port Alden, Oregon (Meridian) — A cyberattack knocked out computer systems at a regional hospital network and at city hall in Port Alden, Oregon, forcing ambulances to be diverted and emergency dispatchers to log 911 calls with pen and paper.",
    "hosp1": "St. Aldric Health said three of its four hospitals lost access to electronic health records, lab results and imaging systems overnight and switched to paper charts.",
    "hosp2": "St. Aldric Health said all four of its hospitals lost access to electronic health records, lab results and imaging systems overnight and switched to paper charts.",
    "amb1": "At least 20 ambulances were sent to hospitals in neighboring counties on Sunday night and early Monday, according to Harbor County Emergency Medical Services.",
    "amb2": "More than 60 ambulances were sent to hospitals in neighboring counties on Sunday night and early Monday, according to Harbor County Emergency Medical Services.",
    "hollis_q1": "“Patient safety is our first concern, and our doctors and nurses train to work without computers when they have to,” St. Aldric Health CEO Dr. Miriam Hollis said in a statement. “We are working around the clock to bring our systems back.”",
    "city": "City Manager Teodora Vance said the city’s email, permit and water billing systems were offline and that the police and fire dispatch center had switched to radio and paper logs. Emergency calls were still being answered, she said.",
    "datacenter": "The city and the hospital network share a data center under a 2019 agreement, according to city records.",
    "surg1": "St. Aldric postponed about 140 scheduled surgeries and procedures on Monday and asked patients with appointments to call before coming in.",
    "surg3": "St. Aldric postponed nearly 400 scheduled surgeries and procedures through Wednesday and asked patients with appointments to call before coming in.",
    "ed": "Its emergency departments remained open, but patients with strokes, heart attacks and serious injuries were being taken to Callow Valley Medical Center and other hospitals, the network said.",
    "nurse": "“We are doing everything by hand: medication orders, lab results, all of it,” said a nurse at St. Aldric’s main hospital on Ferris Avenue who asked not to be named because she was not authorized to speak publicly. “Everything takes three times as long.”",
    "fbi1": "An FBI spokesperson in Portland said the bureau was aware of the incident and in contact with the city and the hospital network, but declined to comment further.",
    "fbi7": "The FBI said Tuesday that agents from its Portland field office were working with St. Aldric and the city to investigate the attack and to determine what data had been taken.",
    "context": "At least 37 U.S. hospital systems were hit by ransomware in the first 10 months of 2026, according to Ninefold Security, a firm that tracks such attacks.",
    "byrne": "Harold Byrne, 74, who receives dialysis three times a week at St. Aldric’s kidney center, said staff called him Sunday night to move his Monday session to a clinic in Callow. “They were calm about it, which helped,” he said. “But you could tell nobody knew how long this would last.”",
    "blackfen2": "A criminal group calling itself BlackFen claimed responsibility on a dark-web site and said it had stolen the records of as many as 300,000 patients, according to Ninefold Security, which monitors such sites.",
    "blackfen7": "A criminal group calling itself BlackFen claimed responsibility on a dark-web site and said it had stolen the records of as many as 1.2 million patients, according to Ninefold Security, which monitors such sites.",
    "ransom3": "The group demanded a ransom of $4.5 million in cryptocurrency, according to two people familiar with the investigation who were not authorized to discuss it.",
    "ransom4": "The group demanded a ransom of $45 million in cryptocurrency, according to two people familiar with the investigation who were not authorized to discuss it.",
    "restored3": "St. Aldric said about 15% of its affected systems had been restored by Monday afternoon, starting with pharmacy and lab software.",
    "restored7": "St. Aldric said about 40% of its affected systems had been restored by Tuesday morning, starting with pharmacy and lab software.",
    "hollis_intro3": "At a news conference Monday afternoon, Hollis was asked whether St. Aldric would pay.",
    "hollis_intro7": "At a news conference Monday afternoon, St. Aldric Health CEO Dr. Miriam Hollis was asked whether the network would pay.",
    "hollis_q3": "“I am not going to discuss negotiations, if there are any,” she said. “What I will tell you is that every decision we make starts with the patients in our beds right now.”",
    "vance7": "“We expect 911 dispatch to be back on its normal system by Wednesday, and billing will follow,” Vance said at a City Council meeting Tuesday morning. “Nobody’s water is going to be shut off because of this.”",
}

ORDER = {
    1: ["note", "lede", "hosp1", "amb1", "hollis_q1", "city", "datacenter", "surg1", "ed", "nurse", "fbi1", "byrne",
        "context"],
    2: ["note", "lede", "hosp2", "amb2", "hollis_q1", "blackfen2", "city", "datacenter", "surg1", "ed", "nurse", "fbi1",
        "byrne", "context"],
    3: ["note", "lede", "hosp2", "amb2", "hollis_q1", "blackfen2", "ransom3", "hollis_intro3", "hollis_q3", "restored3",
        "city", "datacenter", "surg3", "ed", "fbi1", "byrne", "context"],
    7: ["lede", "hosp2", "amb2", "blackfen7", "ransom3", "hollis_intro7", "hollis_q3", "restored7", "city", "vance7",
        "datacenter", "surg3", "ed", "fbi7", "context", "byrne"],
}
ORDER[4] = [("ransom4" if k == "ransom3" else k) for k in ORDER[3]]
ORDER[5] = ORDER[3]
ORDER[6] = ORDER[3]

HEAD = {
    1: "Cyberattack shuts down computer systems at Oregon hospital network and Port Alden city hall",
    2: "Ransomware attack cripples Oregon hospital network and city systems, diverting ambulances",
    4: "Hackers demand $45 million ransom from Oregon hospital network after cyberattack",
    7: "Oregon hospital network restores some systems as ransomware recovery stretches into a second day",
}
HEAD[3] = HEAD[5] = HEAD[6] = HEAD[2]

WHEN = {
    1: "2026-11-23T07:30:00-08:00",
    2: "2026-11-23T10:45:00-08:00",
    3: "2026-11-23T14:20:00-08:00",
    4: "2026-11-23T18:10:00-08:00",
    5: "2026-11-23T18:55:00-08:00",
    6: "2026-11-24T06:05:00-08:00",
    7: "2026-11-24T12:15:00-08:00",
}
TICKER = {
    1: ["Breaking: Cyberattack hits Oregon hospitals"],
    2: ["Live updates: Port Alden ransomware attack"],
    3: ["Live updates: Port Alden ransomware attack"],
    4: ["Live updates: Hackers demand $45 million"],
    5: ["Live updates: Port Alden ransomware attack"],
    6: [],
    7: ["Port Alden: Some hospital systems back online"],
}
MOST = {
    1: [],
    2: ["Cyberattack diverts 20 ambulances in Oregon city"],
    3: ["‘Everything takes three times as long’: Nurses work by hand after hack"],
    4: ["Hackers demand $45 million from Oregon hospital network"],
    5: ["Hackers demand $45 million from Oregon hospital network", "What is ransomware? 4 questions, answered"],
    6: ["What is ransomware? 4 questions, answered"],
    7: ["BlackFen: The group behind at least 12 attacks this year"],
}
RELATED = {
    1: [],
    2: ["Cyberattack shuts down computer systems at Oregon hospital network and Port Alden city hall"],
    3: ["Cyberattack shuts down computer systems at Oregon hospital network and Port Alden city hall"],
    4: ["Ransomware attack cripples Oregon hospital network and city systems, diverting ambulances"],
    5: ["Ransomware attack cripples Oregon hospital network and city systems, diverting ambulances"],
    6: ["Ransomware attack cripples Oregon hospital network and city systems, diverting ambulances", "How hospitals run on paper when the screens go dark"],
    7: ["Ransomware attack cripples Oregon hospital network and city systems, diverting ambulances"],
}


CHANGES = [
    {"from": 1, "to": 2, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 3, "new": 4, "about": ["hospitals"]},
         {"old": 20, "new": 60, "about": ["ambulances"]},
     ],
     "statements_added": [
         {"speaker": "Ninefold Security", "quote": "stolen the records of as many as 300,000 patients"},
     ],
     "statements_removed": [],
     "notes": "St. Aldric claim 'three of its four hospitals' -> 'all four of its hospitals' (number words; the hospital count "
              "'four' is the total and stays): figure only. Ambulances 'At least 20' -> 'More than 60' (attributed with "
              "'according to', figure only). New Ninefold Security claim (300,000 is new: no figure label). Unchanged: 911, "
              "2019, about 140 surgeries, Byrne (74) and the nurse quote, 'three times' in two places, 37 hospital systems, "
              "10 months, 2026. Noise: Updated time, dateModified, ticker, Most read ('20 ambulances', old figure), Related "
              "stories (old headline), inline promo, ad slot ids, build and page view ids."},
    {"from": 2, "to": 3, "noise_only": False, "headline_changed": False,
     "figures": [
         {"old": 140, "new": 400, "about": ["surgeries", "procedures", "postponed"]},
     ],
     "statements_added": [
         {"speaker": None, "quote": "demanded a ransom of $4.5 million"},
         {"speaker": "Hollis", "quote": "I am not going to discuss negotiations"},
         {"speaker": "St. Aldric", "quote": "affected systems had been restored"},
     ],
     "statements_removed": [
         {"speaker": None, "quote": "We are doing everything by hand"},
     ],
     "notes": "Headline unchanged. Surgeries 'about 140 ... on Monday' -> 'nearly 400 ... through Wednesday' (unattributed). "
              "New anonymous-source ransom claim ('two people familiar': no named speaker; $4.5 million new). Hollis quote "
              "attributed by pronoun ('she said') to the CEO named in the sentence before. New St. Aldric claim (15% restored: "
              "new). The anonymous nurse's quote is removed (no named speaker)."},
    {"from": 3, "to": 4, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 4500000, "new": 45000000, "about": ["ransom", "demanded", "demand"]},
     ],
     "statements_added": [], "statements_removed": [],
     "notes": "An editing error: the ransom becomes $45 million in the body and the headline (one figure change; report once). "
              "The claim around it is unchanged, so no statement."},
    {"from": 4, "to": 5, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 45000000, "new": 4500000, "about": ["ransom", "demanded", "demand"]},
     ],
     "statements_added": [], "statements_removed": [],
     "notes": "Correction that reverts the previous change: the headline and every paragraph of r5 are byte-identical to r3 "
              "(A -> B -> A). A tracker must keep it as a new version, not fold it into r3. The Most read list still carries "
              "the wrong '$45 million' headline: noise."},
    {"from": 5, "to": 6, "noise_only": True, "headline_changed": False,
     "figures": [], "statements_added": [], "statements_removed": [],
     "notes": "Noise only (overnight re-render): article byte-identical to r5 (and r3). Updated time moves to Tuesday; ticker, "
              "Most read, Related stories, promo, ad ids and build ids change."},
    {"from": 6, "to": 7, "noise_only": False, "headline_changed": True,
     "figures": [
         {"old": 300000, "new": 1200000, "about": ["records", "patients", "stolen"]},
         {"old": 15, "new": 40, "about": ["restored", "systems"]},
     ],
     "statements_added": [
         {"speaker": "Vance", "quote": "We expect 911 dispatch to be back on its normal system"},
         {"speaker": "FBI", "quote": "working with St. Aldric and the city to investigate"},
     ],
     "statements_removed": [
         {"speaker": "Hollis", "quote": "Patient safety is our first concern"},
         {"speaker": "FBI", "quote": "aware of the incident"},
     ],
     "notes": "Editor's note removed (not a statement). Ninefold claim 300,000 -> 1.2 million patients (decimal million; "
              "attributed, figure only). Restored 'about 15% ... by Monday afternoon' -> 'about 40% ... by Tuesday morning' "
              "(attributed, figure only). Hollis's statement quote removed; the news-conference sentence now names her in full "
              "(not a statement) and her pronoun-attributed quote is unchanged. New Vance multi-sentence quote ('911' is a "
              "phone number, 'Wednesday' a day). FBI claim replaced: removed + added. Byrne paragraph moved to the end "
              "unchanged (age 74, 'three times a week'). Unchanged: $4.5 million, 'all four', 'More than 60', 'nearly 400'."},
]

STORY = Story(
    slug="port-alden-ransomware",
    title="Ransomware attack on St. Aldric Health and Port Alden, Oregon",
    date_path="2026/11/23",
    published="2026-11-23T07:30:00-08:00",
    byline=["Naomi Kettering"],
    section="Tech",
    tags=["Ransomware", "Cybersecurity", "Hospitals", "Oregon"],
    image_alt="An ambulance bay outside a hospital at dusk",
    caption="An ambulance leaves St. Aldric Medical Center in Port Alden, Oregon, on Monday.",
    revs=revisions(WHEN, HEAD, P, ORDER, TICKER, MOST, RELATED),
    changes=CHANGES,
)
