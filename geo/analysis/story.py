"""The guided story: chapters that follow the essay, each setting years, groups, layers and view.

Each step names the records (attacks and events) it speaks of; its sources are theirs, so
every sentence can be traced to the rows and citations behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo import params
from geo.text.sources import source_entries, source_markdown


@dataclass(frozen=True)
class Step:
    key: str
    chapter: dict[str, str]
    title: dict[str, str]
    text: dict[str, str]
    years: tuple[int, int]
    center: tuple[float, float]
    zoom: int
    groups: tuple[str, ...] = ()
    lineage: bool = False
    layers: tuple[str, ...] = ("attacks", "bases", "borders")
    records: tuple[str, ...] = field(default=())
    source_ids: tuple[str, ...] = field(default=())


ROOTS = {"en": "1. Roots of the IMU, 1991-2001", "fr": "1. Les racines du MIO, 1991-2001"}
AL_QAEDA = {"en": "2. The al-Qaida years and the IMU's fading", "fr": "2. Les années al-Qaïda et l'effacement du MIO"}
ISKP = {"en": "3. The rise of ISKP", "fr": "3. L'essor de l'EI-K"}
ABROAD = {"en": "4. Attacks abroad", "fr": "4. Les attentats à l'étranger"}
COOPERATION = {
    "en": "5. Regional cooperation and what is left to do",
    "fr": "5. La coopération régionale et ce qui reste à faire",
}

STEPS: tuple[Step, ...] = (
    Step(
        "independence",
        ROOTS,
        {
            "en": "Independence and the first Islamist stirrings",
            "fr": "L'indépendance et les premiers remous islamistes",
        },
        {
            "en": "In December 1991, weeks after independence, activists of the Adolat group in Namangan occupied an "
            "official building and demanded an Islamic state. Their leaders, Tohir Yuldashev and Juma Namangani, "
            "fled to Tajikistan, where a civil war broke out in 1992 and ended with the 1997 peace accord.",
            "fr": "En décembre 1991, quelques semaines après l'indépendance, des militants du groupe Adolat occupent un "
            "bâtiment officiel à Namangan et réclament un État islamique. Leurs chefs, Tohir Iouldachev et Djouma "
            "Namangani, fuient au Tadjikistan, où une guerre civile éclate en 1992 et s'achève par l'accord de paix de 1997.",
        },
        years=(1991, 1997),
        center=(40.5, 70.5),
        zoom=6,
        records=(
            "evx-1991-12-01-namangan-administration-seizure",
            "evc-1992-05-05-tajik-civil-war-begins",
            "evg-01",
            "1997-12-01-namangan-police-killings",
        ),
    ),
    Step(
        "imu",
        ROOTS,
        {"en": "The IMU takes up arms", "fr": "Le MIO prend les armes"},
        {
            "en": "Founded in 1998, the IMU was blamed for the car bombs of February 1999 in Tashkent. In the summers of "
            "1999 and 2000 its fighters crossed from Tajikistan into southern Kyrgyzstan (Batken) and Uzbekistan, "
            "taking hostages. Uzbekistan answered by mining stretches of its borders.",
            "fr": "Fondé en 1998, le MIO est accusé des voitures piégées de février 1999 à Tachkent. Aux étés 1999 et 2000, "
            "ses combattants passent du Tadjikistan au sud du Kirghizstan (Batken) et en Ouzbékistan et prennent des "
            "otages. L'Ouzbékistan répond en minant des portions de ses frontières.",
        },
        years=(1998, 2001),
        center=(40.0, 70.0),
        zoom=6,
        groups=("imu",),
        records=(
            "evg-02",
            "1999-02-16-tashkent-bombings",
            "1999-08-01-batken-incursion-campaign",
            "2000-08-01-batken-2000-incursion",
            "2000-08-01-surkhandarya-incursion",
        ),
    ),
    Step(
        "al-qaeda",
        AL_QAEDA,
        {
            "en": "After 2001: from Central Asia to the Pakistani border",
            "fr": "Après 2001 : de l'Asie centrale à la frontière pakistanaise",
        },
        {
            "en": "The US campaign in Afghanistan in October 2001 killed Namangani and pushed the IMU into Pakistan's "
            "tribal areas. Foreign bases opened in Uzbekistan and Kyrgyzstan. A faction split off in 2002 as the "
            "Islamic Jihad Union, which struck Tashkent and Bukhara in 2004 and plotted in Germany in 2007.",
            "fr": "La campagne américaine en Afghanistan d'octobre 2001 tue Namangani et repousse le MIO dans les zones "
            "tribales pakistanaises. Des bases étrangères s'ouvrent en Ouzbékistan et au Kirghizstan. Une faction fait "
            "sécession en 2002 et devient l'Union du djihad islamique, qui frappe Tachkent et Boukhara en 2004 et "
            "prépare un attentat en Allemagne en 2007.",
        },
        years=(2001, 2009),
        center=(38.0, 66.0),
        zoom=4,
        groups=("imu",),
        lineage=True,
        layers=("attacks", "bases", "foreign_bases"),
        records=(
            "evc-2001-10-07-us-air-campaign-afghanistan",
            "evg-04",
            "evg-05",
            "2004-03-29-tashkent-chorsu-suicide-bombings",
            "2007-09-04-sauerland-cell-plot-foiled",
        ),
    ),
    Step(
        "fading",
        AL_QAEDA,
        {
            "en": "The IMU fades and pledges to the Islamic State",
            "fr": "Le MIO s'efface et prête allégeance à l'État islamique",
        },
        {
            "en": "Drone strikes killed its leaders in 2009 and 2012. In August 2015 the IMU's leader pledged "
            "allegiance to the Islamic State; months later the Taliban overran the group's base in Zabul. "
            "Its fighters largely merged into the new Khorasan province.",
            "fr": "Des frappes de drones tuent ses chefs en 2009 et 2012. En août 2015, le chef du MIO prête allégeance à "
            "l'État islamique ; quelques mois plus tard, les talibans prennent la base du groupe dans le Zabol. Ses "
            "combattants rejoignent pour l'essentiel la nouvelle province du Khorassan.",
        },
        years=(2009, 2015),
        center=(33.5, 68.0),
        zoom=5,
        groups=("imu",),
        lineage=True,
        records=("evg-12", "evg-15", "evg-26", "evg-28"),
    ),
    Step(
        "iskp",
        ISKP,
        {"en": "ISKP takes root in eastern Afghanistan", "fr": "L'EI-K s'enracine dans l'est de l'Afghanistan"},
        {
            "en": "Announced in January 2015, ISKP held ground in Nangarhar and Kunar until 2019-2020 and carried out "
            "mass-casualty attacks in Kabul, among them the airport bombing of August 2021 during the US withdrawal.",
            "fr": "Annoncé en janvier 2015, l'EI-K tient du terrain dans le Nangarhar et le Kounar jusqu'en 2019-2020 et "
            "commet des attentats de masse à Kaboul, dont celui de l'aéroport en août 2021, pendant le retrait américain.",
        },
        years=(2015, 2021),
        center=(34.3, 68.5),
        zoom=6,
        groups=("iskp",),
        layers=("attacks", "heatmap", "bases"),
        records=("evg-23", "evg-33", "evg-34", "2021-08-26-kabul-airport-abbey-gate-bombing"),
    ),
    Step(
        "iskp-region",
        ISKP,
        {"en": "ISKP turns to Central Asia", "fr": "L'EI-K se tourne vers l'Asie centrale"},
        {
            "en": "After 2021 ISKP fired rockets towards Uzbekistan and Tajikistan and recruited among Tajiks and "
            "Uzbeks, often migrant workers in Russia: the four men arrested for the Crocus City Hall attack near "
            "Moscow in March 2024 were Tajik citizens.",
            "fr": "Après 2021, l'EI-K tire des roquettes vers l'Ouzbékistan et le Tadjikistan et recrute parmi les Tadjiks "
            "et les Ouzbeks, souvent travailleurs migrants en Russie : les quatre hommes arrêtés après l'attentat du "
            "Crocus City Hall près de Moscou en mars 2024 étaient des citoyens tadjiks.",
        },
        years=(2021, 2025),
        center=(40.0, 60.0),
        zoom=4,
        groups=("iskp",),
        layers=("attacks", "borders"),
        records=(
            "2022-04-18-termez-rocket-attack",
            "2022-05-07-rockets-toward-tajikistan",
            "2024-03-22-crocus-city-hall-attack",
        ),
        source_ids=("pantucci_2024_conflits",),
    ),
    Step(
        "abroad",
        ABROAD,
        {
            "en": "Central Asians in attacks far from home",
            "fr": "Des Centrasiatiques dans des attentats loin de chez eux",
        },
        {
            "en": "From Istanbul and Stockholm to New York in 2017, then Kerman and the Crocus City Hall near Moscow in "
            "2024, attackers from Central Asia struck far more often abroad than in their own countries.",
            "fr": "D'Istanbul et Stockholm à New York en 2017, puis Kerman et le Crocus City Hall près de Moscou en 2024, "
            "des assaillants venus d'Asie centrale ont frappé bien plus souvent à l'étranger que dans leurs propres pays.",
        },
        years=(2016, 2025),
        center=(45.0, 30.0),
        zoom=3,
        layers=("attacks", "choropleth"),
        records=(
            "2017-01-01-istanbul-reina-nightclub-shooting",
            "2017-04-07-stockholm-truck-attack",
            "2017-10-31-new-york-truck-attack",
            "2024-01-03-kerman-bombings",
            "2024-03-22-crocus-city-hall-attack",
        ),
    ),
    Step(
        "cooperation",
        COOPERATION,
        {"en": "From nothing to a web of treaties", "fr": "De rien à un réseau de traités"},
        {
            "en": "The CIS Collective Security Treaty (1992), the Shanghai Five (1996) and its successor the SCO (2001) with "
            "its anti-terrorist structure, then the CSTO (2002): regional security cooperation grew out of the "
            "threat, alongside Russian, US, German, French and Indian bases.",
            "fr": "Le traité de sécurité collective de la CEI (1992), les Cinq de Shanghai (1996) puis l'OCS (2001) et sa "
            "structure antiterroriste, puis l'OTSC (2002) : la coopération régionale de sécurité s'est construite face "
            "à la menace, à côté des bases russes, américaines, allemandes, françaises et indiennes.",
        },
        years=(1991, 2025),
        center=(41.0, 68.0),
        zoom=4,
        layers=("foreign_bases", "borders"),
        records=(
            "evc-1992-05-15-collective-security-treaty",
            "evc-1996-04-26-shanghai-five",
            "evc-2001-06-15-sco-founded",
            "evc-2002-10-07-csto-charter",
            "evc-2004-06-rats-operational-tashkent",
        ),
    ),
    Step(
        "ahead",
        COOPERATION,
        {"en": "What is left to do", "fr": "Ce qui reste à faire"},
        {
            "en": "Borders remain closed, fenced or disputed, as the Kyrgyz-Tajik clashes of 2021 and 2022 showed, and "
            "trafficking routes still cross the region. Raffaello Pantucci points to the radicalisation of Central "
            "Asian migrant workers in Russia as the lead to follow, with the home governments and international "
            "migration bodies involved.",
            "fr": "Des frontières restent fermées, clôturées ou disputées, comme l'ont montré les affrontements "
            "kirghizo-tadjiks de 2021 et 2022, et des routes de trafic traversent toujours la région. Raffaello "
            "Pantucci désigne la radicalisation des travailleurs migrants centrasiatiques en Russie comme la piste à "
            "suivre, en y associant les gouvernements d'origine et les organismes internationaux des migrations.",
        },
        years=(2017, 2025),
        center=(40.0, 70.0),
        zoom=5,
        layers=("borders", "attacks"),
        records=("evc-2021-04-28-kgz-tjk-clashes-2021", "evc-2022-09-14-kgz-tjk-clashes-2022"),
        source_ids=("pantucci_2024_conflits",),
    ),
)


def step_state(step: Step) -> dict:
    """The shared view a step sets: years, groups, lineage, layers and no other filter."""
    return {
        params.YEARS: step.years,
        params.GROUPS: list(step.groups),
        params.LINEAGE: step.lineage,
        params.LAYERS: list(step.layers),
        params.COUNTRIES: [],
        params.ATTACK_TYPES: [],
        params.TARGET_TYPES: [],
        params.NATIONALITIES: [],
        params.MIN_CASUALTIES: 0,
        params.HIDE_VAGUE_PLACES: False,
        params.FOILED: True,
    }


def step_sources(step: Step, attacks: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """The sources of the records a step speaks of, as markdown lines, each once."""
    cells = pd.concat([attacks.set_index("id")["source_ids"], events.set_index("id")["source_ids"]])
    ids = ";".join(list(cells.loc[list(step.records)]) + list(step.source_ids))
    unique = ";".join(dict.fromkeys(ids.split(";")))
    return [source_markdown(e) for e in source_entries(unique, sources)]


STORY_PATH = "story"


def story_view(step: int, page: str, previous_page: str | None, url_keys) -> dict:
    """The view of step `step` when the story is entered (from another page, or by a first visit
    whose link does not set the years itself); otherwise nothing to change."""
    entered = page == STORY_PATH and previous_page != STORY_PATH
    if entered and (previous_page is not None or params.YEARS not in url_keys):
        return step_state(STEPS[step - 1])
    return {}
