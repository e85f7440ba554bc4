"""Generate data/states.ttl: one cgo:State per UN member state and UN observer state.

Codes (alpha-2, alpha-3, numeric) and the ISO official name come from pycountry
(ISO 3166-1). Which states are included, and the English label of each, is the table
below: the United Nations' own list of its 193 Member States and of the two non-member
observer States, transcribed name -> ISO alpha-3 (see docs/notes/data-un-states.md for
what could and could not be checked against the UN page).

It also writes data/memberships/un.ttl: one cgo:Membership of orgn:un per Member State
(role:member, cgo:startDate = the "Date of Admission" the UN lists) and one per observer
State (role:observer, no start date: none was confirmed in an authoritative source).

Run:  .venv/bin/python data/generators/states.py
"""
from __future__ import annotations

from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "data" / "states.ttl"
OUT_MEMBERSHIPS = REPO / "data" / "memberships" / "un.ttl"

AS_OF = "2026-11-27"
ISO_SOURCE = "https://www.iso.org/iso-3166-country-codes.html"
UN_MEMBERS_PAGE = "https://www.un.org/en/about-us/member-states"
UN_NON_MEMBERS_PAGE = "https://www.un.org/en/about-us/non-member-states"
# The un.org page itself is not in the stored corpus this was curated from; its list was read
# from this verbatim copy (same names, same DD-MM-YYYY dates, 193 entries) and cross-checked
# against UN documents (see docs/notes/data-un-states.md).
UN_MEMBERS_COPY = (
    "https://github.com/onofreicl/ethos/blob/14c796c0d9e679f6b62ea1aebd5cb519bdfe9baf/docs/empathy/countries.md"
)
# UN press release "United Nations Member States" (ORG/1469), page with Sweden to Zimbabwe.
UN_PRESS_RELEASE_P6 = "https://en.wikisource.org/wiki/Page:UNITED_NATIONS_MEMBER_STATES.djvu/6"

# The 193 UN Member States, by the name the UN uses, -> ISO 3166-1 alpha-3.
UN_MEMBER_STATES: dict[str, str] = {
    "Afghanistan": "AFG",
    "Albania": "ALB",
    "Algeria": "DZA",
    "Andorra": "AND",
    "Angola": "AGO",
    "Antigua and Barbuda": "ATG",
    "Argentina": "ARG",
    "Armenia": "ARM",
    "Australia": "AUS",
    "Austria": "AUT",
    "Azerbaijan": "AZE",
    "Bahamas": "BHS",
    "Bahrain": "BHR",
    "Bangladesh": "BGD",
    "Barbados": "BRB",
    "Belarus": "BLR",
    "Belgium": "BEL",
    "Belize": "BLZ",
    "Benin": "BEN",
    "Bhutan": "BTN",
    "Bolivia (Plurinational State of)": "BOL",
    "Bosnia and Herzegovina": "BIH",
    "Botswana": "BWA",
    "Brazil": "BRA",
    "Brunei Darussalam": "BRN",
    "Bulgaria": "BGR",
    "Burkina Faso": "BFA",
    "Burundi": "BDI",
    "Cabo Verde": "CPV",
    "Cambodia": "KHM",
    "Cameroon": "CMR",
    "Canada": "CAN",
    "Central African Republic": "CAF",
    "Chad": "TCD",
    "Chile": "CHL",
    "China": "CHN",
    "Colombia": "COL",
    "Comoros": "COM",
    "Congo": "COG",
    "Costa Rica": "CRI",
    "Côte d'Ivoire": "CIV",
    "Croatia": "HRV",
    "Cuba": "CUB",
    "Cyprus": "CYP",
    "Czechia": "CZE",
    "Democratic People's Republic of Korea": "PRK",
    "Democratic Republic of the Congo": "COD",
    "Denmark": "DNK",
    "Djibouti": "DJI",
    "Dominica": "DMA",
    "Dominican Republic": "DOM",
    "Ecuador": "ECU",
    "Egypt": "EGY",
    "El Salvador": "SLV",
    "Equatorial Guinea": "GNQ",
    "Eritrea": "ERI",
    "Estonia": "EST",
    "Eswatini": "SWZ",
    "Ethiopia": "ETH",
    "Fiji": "FJI",
    "Finland": "FIN",
    "France": "FRA",
    "Gabon": "GAB",
    "Gambia (Republic of The)": "GMB",
    "Georgia": "GEO",
    "Germany": "DEU",
    "Ghana": "GHA",
    "Greece": "GRC",
    "Grenada": "GRD",
    "Guatemala": "GTM",
    "Guinea": "GIN",
    "Guinea-Bissau": "GNB",
    "Guyana": "GUY",
    "Haiti": "HTI",
    "Honduras": "HND",
    "Hungary": "HUN",
    "Iceland": "ISL",
    "India": "IND",
    "Indonesia": "IDN",
    "Iran (Islamic Republic of)": "IRN",
    "Iraq": "IRQ",
    "Ireland": "IRL",
    "Israel": "ISR",
    "Italy": "ITA",
    "Jamaica": "JAM",
    "Japan": "JPN",
    "Jordan": "JOR",
    "Kazakhstan": "KAZ",
    "Kenya": "KEN",
    "Kiribati": "KIR",
    "Kuwait": "KWT",
    "Kyrgyzstan": "KGZ",
    "Lao People's Democratic Republic": "LAO",
    "Latvia": "LVA",
    "Lebanon": "LBN",
    "Lesotho": "LSO",
    "Liberia": "LBR",
    "Libya": "LBY",
    "Liechtenstein": "LIE",
    "Lithuania": "LTU",
    "Luxembourg": "LUX",
    "Madagascar": "MDG",
    "Malawi": "MWI",
    "Malaysia": "MYS",
    "Maldives": "MDV",
    "Mali": "MLI",
    "Malta": "MLT",
    "Marshall Islands": "MHL",
    "Mauritania": "MRT",
    "Mauritius": "MUS",
    "Mexico": "MEX",
    "Micronesia (Federated States of)": "FSM",
    "Monaco": "MCO",
    "Mongolia": "MNG",
    "Montenegro": "MNE",
    "Morocco": "MAR",
    "Mozambique": "MOZ",
    "Myanmar": "MMR",
    "Namibia": "NAM",
    "Nauru": "NRU",
    "Nepal": "NPL",
    "Netherlands (Kingdom of the)": "NLD",
    "New Zealand": "NZL",
    "Nicaragua": "NIC",
    "Niger": "NER",
    "Nigeria": "NGA",
    "North Macedonia": "MKD",
    "Norway": "NOR",
    "Oman": "OMN",
    "Pakistan": "PAK",
    "Palau": "PLW",
    "Panama": "PAN",
    "Papua New Guinea": "PNG",
    "Paraguay": "PRY",
    "Peru": "PER",
    "Philippines": "PHL",
    "Poland": "POL",
    "Portugal": "PRT",
    "Qatar": "QAT",
    "Republic of Korea": "KOR",
    "Republic of Moldova": "MDA",
    "Romania": "ROU",
    "Russian Federation": "RUS",
    "Rwanda": "RWA",
    "Saint Kitts and Nevis": "KNA",
    "Saint Lucia": "LCA",
    "Saint Vincent and the Grenadines": "VCT",
    "Samoa": "WSM",
    "San Marino": "SMR",
    "Sao Tome and Principe": "STP",
    "Saudi Arabia": "SAU",
    "Senegal": "SEN",
    "Serbia": "SRB",
    "Seychelles": "SYC",
    "Sierra Leone": "SLE",
    "Singapore": "SGP",
    "Slovakia": "SVK",
    "Slovenia": "SVN",
    "Solomon Islands": "SLB",
    "Somalia": "SOM",
    "South Africa": "ZAF",
    "South Sudan": "SSD",
    "Spain": "ESP",
    "Sri Lanka": "LKA",
    "Sudan": "SDN",
    "Suriname": "SUR",
    "Sweden": "SWE",
    "Switzerland": "CHE",
    "Syrian Arab Republic": "SYR",
    "Tajikistan": "TJK",
    "Thailand": "THA",
    "Timor-Leste": "TLS",
    "Togo": "TGO",
    "Tonga": "TON",
    "Trinidad and Tobago": "TTO",
    "Tunisia": "TUN",
    "Türkiye": "TUR",
    "Turkmenistan": "TKM",
    "Tuvalu": "TUV",
    "Uganda": "UGA",
    "Ukraine": "UKR",
    "United Arab Emirates": "ARE",
    "United Kingdom of Great Britain and Northern Ireland": "GBR",
    "United Republic of Tanzania": "TZA",
    "United States of America": "USA",
    "Uruguay": "URY",
    "Uzbekistan": "UZB",
    "Vanuatu": "VUT",
    "Venezuela (Bolivarian Republic of)": "VEN",
    "Viet Nam": "VNM",
    "Yemen": "YEM",
    "Zambia": "ZMB",
    "Zimbabwe": "ZWE",
}

# "Date of Admission" of each Member State, DD-MM-YYYY as the UN member-states page gives it.
UN_ADMISSION: dict[str, str] = {
    "AFG": "19-11-1946",
    "AGO": "01-12-1976",
    "ALB": "14-12-1955",
    "AND": "28-07-1993",
    "ARE": "09-12-1971",
    "ARG": "24-10-1945",
    "ARM": "02-03-1992",
    "ATG": "11-11-1981",
    "AUS": "01-11-1945",
    "AUT": "14-12-1955",
    "AZE": "02-03-1992",
    "BDI": "18-09-1962",
    "BEL": "27-12-1945",
    "BEN": "20-09-1960",
    "BFA": "20-09-1960",
    "BGD": "17-09-1974",
    "BGR": "14-12-1955",
    "BHR": "21-09-1971",
    "BHS": "18-09-1973",
    "BIH": "22-05-1992",
    "BLR": "24-10-1945",
    "BLZ": "25-09-1981",
    "BOL": "14-11-1945",
    "BRA": "24-10-1945",
    "BRB": "09-12-1966",
    "BRN": "21-09-1984",
    "BTN": "21-09-1971",
    "BWA": "17-10-1966",
    "CAF": "20-09-1960",
    "CAN": "09-11-1945",
    "CHE": "10-09-2002",
    "CHL": "24-10-1945",
    "CHN": "24-10-1945",
    "CIV": "20-09-1960",
    "CMR": "20-09-1960",
    "COD": "20-09-1960",
    "COG": "20-09-1960",
    "COL": "05-11-1945",
    "COM": "12-11-1975",
    "CPV": "16-09-1975",
    "CRI": "02-11-1945",
    "CUB": "24-10-1945",
    "CYP": "20-09-1960",
    "CZE": "19-01-1993",
    "DEU": "18-09-1973",
    "DJI": "20-09-1977",
    "DMA": "18-12-1978",
    "DNK": "24-10-1945",
    "DOM": "24-10-1945",
    "DZA": "08-10-1962",
    "ECU": "21-12-1945",
    "EGY": "24-10-1945",
    "ERI": "28-05-1993",
    "ESP": "14-12-1955",
    "EST": "17-09-1991",
    "ETH": "13-11-1945",
    "FIN": "14-12-1955",
    "FJI": "13-10-1970",
    "FRA": "24-10-1945",
    "FSM": "17-09-1991",
    "GAB": "20-09-1960",
    "GBR": "24-10-1945",
    "GEO": "31-07-1992",
    "GHA": "08-03-1957",
    "GIN": "12-12-1958",
    "GMB": "21-09-1965",
    "GNB": "17-09-1974",
    "GNQ": "12-11-1968",
    "GRC": "25-10-1945",
    "GRD": "17-09-1974",
    "GTM": "21-11-1945",
    "GUY": "20-09-1966",
    "HND": "17-12-1945",
    "HRV": "22-05-1992",
    "HTI": "24-10-1945",
    "HUN": "14-12-1955",
    "IDN": "28-09-1950",
    "IND": "30-10-1945",
    "IRL": "14-12-1955",
    "IRN": "24-10-1945",
    "IRQ": "21-12-1945",
    "ISL": "19-11-1946",
    "ISR": "11-05-1949",
    "ITA": "14-12-1955",
    "JAM": "18-09-1962",
    "JOR": "14-12-1955",
    "JPN": "18-12-1956",
    "KAZ": "02-03-1992",
    "KEN": "16-12-1963",
    "KGZ": "02-03-1992",
    "KHM": "14-12-1955",
    "KIR": "14-09-1999",
    "KNA": "23-09-1983",
    "KOR": "17-09-1991",
    "KWT": "14-05-1963",
    "LAO": "14-12-1955",
    "LBN": "24-10-1945",
    "LBR": "02-11-1945",
    "LBY": "14-12-1955",
    "LCA": "18-09-1979",
    "LIE": "18-09-1990",
    "LKA": "14-12-1955",
    "LSO": "17-10-1966",
    "LTU": "17-09-1991",
    "LUX": "24-10-1945",
    "LVA": "17-09-1991",
    "MAR": "12-11-1956",
    "MCO": "28-05-1993",
    "MDA": "02-03-1992",
    "MDG": "20-09-1960",
    "MDV": "21-09-1965",
    "MEX": "07-11-1945",
    "MHL": "17-09-1991",
    "MKD": "08-04-1993",
    "MLI": "28-09-1960",
    "MLT": "01-12-1964",
    "MMR": "19-04-1948",
    "MNE": "28-06-2006",
    "MNG": "27-10-1961",
    "MOZ": "16-09-1975",
    "MRT": "27-10-1961",
    "MUS": "24-04-1968",
    "MWI": "01-12-1964",
    "MYS": "17-09-1957",
    "NAM": "23-04-1990",
    "NER": "20-09-1960",
    "NGA": "07-10-1960",
    "NIC": "24-10-1945",
    "NLD": "10-12-1945",
    "NOR": "27-11-1945",
    "NPL": "14-12-1955",
    "NRU": "14-09-1999",
    "NZL": "24-10-1945",
    "OMN": "07-10-1971",
    "PAK": "30-09-1947",
    "PAN": "13-11-1945",
    "PER": "31-10-1945",
    "PHL": "24-10-1945",
    "PLW": "15-12-1994",
    "PNG": "10-10-1975",
    "POL": "24-10-1945",
    "PRK": "17-09-1991",
    "PRT": "14-12-1955",
    "PRY": "24-10-1945",
    "QAT": "21-09-1971",
    "ROU": "14-12-1955",
    "RUS": "24-10-1945",
    "RWA": "18-09-1962",
    "SAU": "24-10-1945",
    "SDN": "12-11-1956",
    "SEN": "28-09-1960",
    "SGP": "21-09-1965",
    "SLB": "19-09-1978",
    "SLE": "27-09-1961",
    "SLV": "24-10-1945",
    "SMR": "02-03-1992",
    "SOM": "20-09-1960",
    "SRB": "01-11-2000",
    "SSD": "14-07-2011",
    "STP": "16-09-1975",
    "SUR": "04-12-1975",
    "SVK": "19-01-1993",
    "SVN": "22-05-1992",
    "SWE": "19-11-1946",
    "SWZ": "24-09-1968",
    "SYC": "21-09-1976",
    "SYR": "24-10-1945",
    "TCD": "20-09-1960",
    "TGO": "20-09-1960",
    "THA": "15-12-1946",
    "TJK": "02-03-1992",
    "TKM": "02-03-1992",
    "TLS": "27-09-2002",
    "TON": "14-09-1999",
    "TTO": "18-09-1962",
    "TUN": "12-11-1956",
    "TUR": "24-10-1945",
    "TUV": "05-09-2000",
    "TZA": "14-12-1961",
    "UGA": "25-10-1962",
    "UKR": "24-10-1945",
    "URY": "18-12-1945",
    "USA": "24-10-1945",
    "UZB": "02-03-1992",
    "VCT": "16-09-1980",
    "VEN": "15-11-1945",
    "VNM": "20-09-1977",
    "VUT": "15-09-1981",
    "WSM": "15-12-1976",
    "YEM": "30-09-1947",
    "ZAF": "07-11-1945",
    "ZMB": "01-12-1964",
    "ZWE": "25-08-1980",
}

# Where a UN document read contradicts the transcribed list, the UN document wins.
ADMISSION_OVERRIDES: dict[str, tuple[str, str, str]] = {
    # alpha-3: (DD-MM-YYYY, source URL, why)
    "THA": (
        "16-12-1946",
        UN_PRESS_RELEASE_P6 + " https://docslib.org/download/11011037/1974-appendices",
        "The copy of the UN list read gives 15-12-1946; the UN press release ORG/1469 and the"
        " 1974 Yearbook of the United Nations roster both give 16 December 1946, which is used here.",
    ),
}

# Notes on Members whose seat or admission has a history; facts as the cited pages state them.
MEMBERSHIP_NOTES: dict[str, tuple[str, list[str]]] = {
    "RUS": (
        "The Union of Soviet Socialist Republics was an original Member from 24 October 1945. By a"
        " letter dated 24 December 1991 the President of the Russian Federation informed the"
        " Secretary-General that the membership of the Soviet Union in the Security Council and all"
        " other United Nations organs was being continued by the Russian Federation. The date is the"
        " USSR's, which the UN list gives for the Russian Federation.",
        ["https://www.un.org/ru/about-us/member-states/russian-federation", "https://ask.un.org/faq/378083"],
    ),
    "TZA": (
        "Tanganyika was a Member from 14 December 1961 and Zanzibar from 16 December 1963. After the"
        " Articles of Union were ratified on 26 April 1964 they continued as a single Member, renamed"
        " the United Republic of Tanzania on 1 November 1964. The UN list gives Tanganyika's date.",
        ["https://tzmissionun.org/about/", UN_PRESS_RELEASE_P6],
    ),
    "YEM": (
        "The UN list gives the 1947 admission date of Yemen for the present Member, which continued"
        " after Yemen and Democratic Yemen merged on 22 May 1990 and were then represented as one"
        " Member named Yemen.",
        ["http://www.filaw.com/nations/UNMemberStates.html"],
    ),
    "DEU": (
        "The Federal Republic of Germany and the German Democratic Republic were both admitted on"
        " 18 September 1973; they united as one State on 3 October 1990. The UN list gives 1973.",
        [
            "https://www.deutschland.de/en/topic/politics/global-issues-law/germany-in-the-united-nations",
            "http://www.filaw.com/nations/UNMemberStates.html",
        ],
    ),
    "SYR": (
        "Egypt and Syria were original Members from 24 October 1945. After the plebiscite of"
        " 21 February 1958 the United Arab Republic continued as a single Member; on 13 October 1961"
        " Syria resumed its separate membership. The UN list keeps the 1945 date.",
        [UN_PRESS_RELEASE_P6],
    ),
    "EGY": (
        "Egypt and Syria were original Members from 24 October 1945; they were a single Member as the"
        " United Arab Republic from 1958 until Syria resumed separate membership on 13 October 1961.",
        [UN_PRESS_RELEASE_P6],
    ),
    "MKD": (
        "Admitted on 8 April 1993 (resolution A/RES/47/225) under the provisional reference"
        " \"The former Yugoslav Republic of Macedonia\"; now listed as North Macedonia.",
        [UN_PRESS_RELEASE_P6],
    ),
}

# The two non-member States with standing observer status at the UN.
UN_OBSERVER_STATES: dict[str, str] = {
    "Holy See": "VAT",
    "State of Palestine": "PSE",
}


def esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def state_block(label: str, alpha3: str, un_page: str) -> str:
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise SystemExit(f"pycountry has no alpha-3 {alpha3} ({label})")
    lines = [
        f"state:{alpha3} a cgo:State ;",
        f'    dct:identifier "{alpha3}" ;',
        f'    rdfs:label "{esc(label)}"@en ;',
    ]
    alt = []
    for name in (getattr(country, "official_name", None), getattr(country, "common_name", None), country.name):
        # skip ISO's inverted list forms ("Korea, Republic of")
        if name and name != label and name not in alt and ", " not in name:
            alt.append(name)
    if alt:
        lines.append("    skos:altLabel " + " , ".join(f'"{esc(a)}"@en' for a in alt) + " ;")
    lines += [
        f'    cgo:alpha2Code "{country.alpha_2}" ;',
        f'    cgo:alpha3Code "{country.alpha_3}" ;',
        f'    cgo:numericCode "{int(country.numeric):03d}" ;',
        f"    dct:source <{ISO_SOURCE}> , <{un_page}> ;",
        f'    cgo:asOf "{AS_OF}"^^xsd:date .',
    ]
    return "\n".join(lines)


HEADER = """\
# GENERATED by data/generators/states.py - do not edit by hand.
# One cgo:State per UN Member State (193) and UN non-member observer State (2).
@prefix cgo:  <https://w3id.org/cybergov/ontology#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix state: <https://w3id.org/cybergov/id/state/> .
"""


def check_tables() -> None:
    members = list(UN_MEMBER_STATES.values())
    observers = list(UN_OBSERVER_STATES.values())
    assert len(members) == 193, len(members)
    assert len(set(members)) == 193, "duplicate alpha-3 among members"
    assert not set(members) & set(observers)


def render_states() -> str:
    check_tables()
    rows = [(a3, name, UN_MEMBERS_PAGE) for name, a3 in UN_MEMBER_STATES.items()]
    rows += [(a3, name, UN_NON_MEMBERS_PAGE) for name, a3 in UN_OBSERVER_STATES.items()]
    out = [HEADER]
    out.append("# UN Member States and non-member observer States, sorted by alpha-3")
    for a3, name, page in sorted(rows):
        out.append("")
        out.append(state_block(name, a3, page))
    return "\n".join(out) + "\n"


def iso_date(ddmmyyyy: str) -> str:
    d, m, y = ddmmyyyy.split("-")
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


MEMBERSHIP_HEADER = """\
# GENERATED by data/generators/states.py - do not edit by hand.
# UN membership: 193 Member States (role:member, cgo:startDate = the UN's "Date of Admission")
# and the 2 non-member observer States (role:observer, no start date confirmed).
@prefix cgo:  <https://w3id.org/cybergov/ontology#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix state: <https://w3id.org/cybergov/id/state/> .
@prefix orgn: <https://w3id.org/cybergov/id/organization/> .
@prefix mship: <https://w3id.org/cybergov/id/membership/> .
@prefix role: <https://w3id.org/cybergov/id/role/> .
"""


def membership_block(a3: str, role: str, start: str | None, sources: list[str], note: str | None) -> str:
    lines = [
        f"mship:un\\/{a3} a cgo:Membership ;",
        f"    org:member state:{a3} ; org:organization orgn:un ; org:role role:{role} ;",
    ]
    if start:
        lines.append(f'    cgo:startDate "{start}"^^xsd:date ;')
    if note:
        lines.append(f'    rdfs:comment "{esc(note)}"@en ;')
    srcs = []
    for s in sources:
        if s not in srcs:
            srcs.append(s)
    lines.append("    dct:source " + " , ".join(f"<{s}>" for s in srcs) + " ;")
    lines.append(f'    cgo:asOf "{AS_OF}"^^xsd:date .')
    return "\n".join(lines)


def render_memberships() -> str:
    check_tables()
    assert set(UN_ADMISSION) == set(UN_MEMBER_STATES.values())
    out = [MEMBERSHIP_HEADER, "# --- UN Member States (role:member), sorted by alpha-3"]
    for a3 in sorted(UN_ADMISSION):
        sources = [UN_MEMBERS_PAGE, UN_MEMBERS_COPY]
        start = iso_date(UN_ADMISSION[a3])
        note = None
        if a3 in ADMISSION_OVERRIDES:
            ddmmyyyy, src, why = ADMISSION_OVERRIDES[a3]
            start = iso_date(ddmmyyyy)
            sources = [UN_MEMBERS_PAGE, *src.split()]
            note = why
        if a3 in MEMBERSHIP_NOTES:
            text, extra = MEMBERSHIP_NOTES[a3]
            note = f"{note} {text}" if note else text
            sources += extra
        out.append("")
        out.append(membership_block(a3, "member", start, sources, note))
    out.append("")
    out.append("# --- non-member observer States (role:observer); no start date confirmed")
    for name, a3 in sorted(UN_OBSERVER_STATES.items(), key=lambda kv: kv[1]):
        out.append("")
        out.append(
            membership_block(
                a3,
                "observer",
                None,
                [UN_NON_MEMBERS_PAGE],
                f"{name}: non-member State with observer status at the United Nations.",
            )
        )
    return "\n".join(out) + "\n"


def main() -> None:
    OUT.write_text(render_states(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    OUT_MEMBERSHIPS.parent.mkdir(parents=True, exist_ok=True)
    OUT_MEMBERSHIPS.write_text(render_memberships(), encoding="utf-8")
    print(f"wrote {OUT_MEMBERSHIPS.relative_to(REPO)}")


if __name__ == "__main__":
    main()
