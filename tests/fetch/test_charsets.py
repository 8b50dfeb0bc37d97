"""Pages that declare no charset and are not UTF-8: the detector's guess, and windows-1252 among Latin code pages."""

from __future__ import annotations

import pytest

from tracker.fetch.charsets import decode_body

WESTERN = {
    "English": (
        "The café’s owner, Renée Marchetti, said “we’ll reopen by Friday” after paying €4,500 for repairs. "
        "It was a naïve hope, critics said — the roof still leaks… "
        "Inspectors will return on Monday, and the council’s report is due in a fortnight."
    ),
    "English, curly quotes and euro only": (
        "Crews worked through the night on the levee. The mayor said “we are not done yet” and that "
        "€2 million more would follow. “It’s the worst flood in forty years,” one resident said. "
        "Roads stayed closed on Tuesday – the third day in a row."
    ),
    "English, names from many languages": (
        "Søren Lindqvist, who runs a bakery near Zürich, met Inés Peña in São Paulo last spring. "
        "“It’s not about the money,” he said of the €300,000 façade project; Björn Ångström and "
        "François Lefèvre joined them. Señor Muñoz’s crew will start in März, the plan says."
    ),
    "French": (
        "Le maire a déclaré : « Nous rouvrirons l’école dès la fin des travaux », qui coûteront 1,2 million "
        "d’euros. Élèves et enseignants sont soulagés ; la rentrée aura lieu avant Noël, a-t-il précisé. "
        "Les pompiers ont évacué quarante-deux familles près du fleuve."
    ),
    "Spanish": (
        "El señor Muñoz dijo que la reconstrucción costará 12.000 € y que «la ciudad está preparada». "
        "Según el alcalde, el puente se abrirá en otoño; ¿será suficiente? Los niños volverán a la escuela "
        "el año que viene, añadió la portavoz."
    ),
    "Portuguese": (
        "O prefeito disse que a ponte será reconstruída e que a população não precisa se preocupar. "
        "“Estamos prontos”, afirmou. As obras começarão em março e custarão três milhões de euros, "
        "segundo a administração municipal."
    ),
}

OTHERS = [
    (
        "Czech",
        "cp1250",
        "Starosta řekl, že most přes řeku bude opraven do příštího léta. „Musíme jednat rychle,“ dodal. "
        "Oprava bude stát čtyři miliony korun a silnice zůstane uzavřená až do září.",
    ),
    (
        "Polish",
        "cp1250",
        "Burmistrz powiedział, że most na rzece zostanie odbudowany do przyszłego lata. „Musimy działać "
        "szybko” – dodał. Naprawa będzie kosztować cztery miliony złotych, a droga pozostanie zamknięta.",
    ),
    (
        "Turkish",
        "cp1254",
        "Belediye başkanı, nehir üzerindeki köprünün gelecek yaz yeniden inşa edileceğini söyledi. "
        "“Hızlı hareket etmeliyiz” dedi. Onarım dört milyon liraya mal olacak ve yol kapalı kalacak.",
    ),
    (
        "Lithuanian",
        "cp1257",
        "Meras sakė, kad tiltas per upę bus atstatytas iki kitos vasaros. „Turime veikti greitai“, – "
        "pridūrė jis. Remontas kainuos keturis milijonus eurų, o kelias liks uždarytas iki rugsėjo.",
    ),
    (
        "Russian",
        "cp1251",
        "Мэр сказал, что мост через реку восстановят к следующему лету. «Мы должны действовать быстро», "
        "— добавил он. Ремонт обойдётся в четыре миллиона рублей.",
    ),
    (
        "Greek",
        "cp1253",
        "Ο δήμαρχος είπε ότι η γέφυρα πάνω από το ποτάμι θα ξαναχτιστεί μέχρι το επόμενο καλοκαίρι. "
        "Η επισκευή θα κοστίσει τέσσερα εκατομμύρια ευρώ.",
    ),
    ("Japanese", "shift_jis", "市長は、川に架かる橋を来年の夏までに再建すると述べた。修理には四百万円がかかる。"),
]


def _page(text: str, repeat: int = 3) -> str:
    # no <meta charset>: the bytes are all there is to go on
    return "<html><head><title>Update</title></head><body><article>" + f"<p>{text}</p>" * repeat + "</article></body>"


@pytest.mark.parametrize("language", sorted(WESTERN))
def test_undeclared_windows_1252_is_read_as_windows_1252(language: str) -> None:
    html = _page(WESTERN[language])
    assert decode_body(html.encode("cp1252")) == html


@pytest.mark.parametrize(("language", "codec", "text"), OTHERS, ids=[o[0] for o in OTHERS])
def test_other_code_pages_are_still_detected(language: str, codec: str, text: str) -> None:
    html = _page(text)
    assert decode_body(html.encode(codec)) == html


def test_windows_1252_wins_only_ties_a_declared_charset_is_still_obeyed() -> None:
    czech = _page(OTHERS[0][2])
    assert decode_body(czech.encode("cp1250"), "windows-1252") != czech  # declared wrongly: obeyed, as browsers do
    assert decode_body(czech.encode("cp1250"), "windows-1250") == czech
