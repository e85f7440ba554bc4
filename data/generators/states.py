"""Generate data/states.ttl: one cgo:State per UN member state and UN observer state.

Codes (alpha-2, alpha-3, numeric) and the ISO official name come from pycountry
(ISO 3166-1). Which states are included, and the English label of each, is the table
below: the United Nations' own list of its 193 Member States and of the two non-member
observer States, transcribed name -> ISO alpha-3 (see docs/notes/data-un-states.md for
what could and could not be checked against the UN page).

Run:  .venv/bin/python data/generators/states.py
"""
from __future__ import annotations

from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "data" / "states.ttl"

AS_OF = "2026-11-27"
ISO_SOURCE = "https://www.iso.org/iso-3166-country-codes.html"
UN_MEMBERS_PAGE = "https://www.un.org/en/about-us/member-states"
UN_NON_MEMBERS_PAGE = "https://www.un.org/en/about-us/non-member-states"

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


def main() -> None:
    OUT.write_text(render_states(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
