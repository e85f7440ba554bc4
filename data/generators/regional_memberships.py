"""Write the regional and forum membership files from the tables below.

data/memberships/{osce,sco,cis,asean,oas,forums}.ttl

The tables were transcribed by hand from the pages named in SOURCES (see
docs/notes/data-regional.md for what each page says and what could not be confirmed).
A start or end date is only given where the cited page states the day; years that a page
gives without a day go into rdfs:comment only.

Run:  .venv/bin/python data/generators/regional_memberships.py
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1]
READ_ON = "2026-11-27"  # used as cgo:asOf where the page states no "status as of" date

PREFIXES = """@prefix cgo:  <https://w3id.org/cybergov/ontology#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix state: <https://w3id.org/cybergov/id/state/> .
@prefix orgn: <https://w3id.org/cybergov/id/organization/> .
@prefix mship: <https://w3id.org/cybergov/id/membership/> .
@prefix role: <https://w3id.org/cybergov/id/role/> .
"""

SOURCES = {
    # OSCE: the osce.org site navigation lists the 57 participating States (2025 snapshot:
    # "Finland - OSCE Chairpersonship 2025"); no osce.org page read gives dates of joining.
    "osce-list": "https://www.osce.org/cio/84562",
    # Austrian Federal Ministry for European and International Affairs, press release of 21 Nov 2012
    "osce-mongolia": "https://www.bmeia.gv.at/en/the-ministry/press/announcements/2012/mongolei-wird-57-mitglied-der-osze/",
    # osce.org timeline "Expansion of the CSCE/OSCE": Baltic states 10 September 1991 (Moscow),
    # ten former Soviet republics at the Prague Council of 30-31 January 1992, Croatia, Georgia and
    # Slovenia on 24 March 1992 (Helsinki)
    "osce-timeline": "https://www.osce.org/who/timeline/1990s/05",
    # OSCE press release of 22 June 2006 (Montenegro): "The decision by the OSCE to accept Montenegro
    # came into effect on 21 June"; the stored osce.org copy shows only the site navigation, the body
    # was read on a verbatim copy of the release and in Arie Bloed's OSCE chronicle (Helsinki Monitor /
    # Security and Human Rights, 2006), which quotes the same sentence
    "osce-montenegro": "https://www.osce.org/cio/47461",
    "osce-montenegro-bloed": "https://vlex.co.uk/vid/iii-osce-875448697",
    # Ministry of Foreign Affairs of North Macedonia, "OSCE": "On 12 October 1995, then The Republic of
    # Macedonia joined the Organisation"
    "osce-mkd": "https://mfa.gov.mk/en/page/430/osce",
    # Kazinform (Kazakh state news agency) quoting the press service of the Kazakh MFA, 30 January 2017:
    # "a full-fledged participant of the CSCE ... on 30 January 1992"
    "osce-kaz": "https://en.inform.kz/news/kazakhstan-and-osce-mark-25-years-of-active-cooperation_a2994461/",
    # Ministry for Europe and Foreign Affairs of Albania: joined "during the proceedings of the
    # Ministerial Council of Berlin (19-20 June 1991)"
    "osce-alb": "http://www.punetejashtme.gov.al/en/mission/international-organizations/osce",
    # SCO Secretariat "About SCO" pages
    "sco-about": "http://eng.sectsco.org/about_sco/",
    "sco-about-2022": "http://eng.sectsco.org/about_sco/20220810/909119.html",
    # Official site of China's 2025 SCO presidency, "About SCO (Latest update: October 2024)"
    "sco-2024": "https://www.scochina2025.org.cn/en/n3/2025/0313/c518821-20289204.html",
    # President of Russia: SCO Heads of State Council meeting in Astana (2024): "At the beginning of the
    # meeting, the leaders signed a resolution on granting Belarus the status of an SCO member state"
    "sco-blr-kremlin": "http://en.kremlin.ru/events/president/news/74464/print",
    # Ministry of External Affairs of India, Astana Declaration: "following the meeting of the Council of
    # Heads of Member State in Astana on July 4, 2024"
    "sco-astana-2024": "https://fsi.mea.gov.in/bilateral-documents.htm?dtl/37942/Astana+Declaration+of+the+Council+of+Heads+of+State+of+the+Shanghai+Cooperation+Organization",
    # President of Russia, glossary entry "Commonwealth of Independent States"
    "cis-kremlin": "http://en.kremlin.ru/catalog/glossary/38",
    # ASEAN-Japan Centre (an intergovernmental organisation of the ASEAN states and Japan)
    "asean-ajc": "https://www.asean.or.jp/en/asean/base/outline/",
    # OAS, "Etats membres" page (French version of oas.org/en/about/member_states.asp)
    "oas-members": "https://www.oas.org/fr/a_propos/etats_membres.asp",
    # OAS Department of International Law, A-41 Charter of the OAS, "Signatories and Ratifications"
    # (dates mm/dd/yy; "Entry into Force: 12/13/51, in accordance with article 145 of the Charter").
    # The stored copy is cut after Saint Vincent and the Grenadines.
    "oas-a41": "http://www.oas.org/en/sla/dil/inter_american_treaties_A-41_charter_OAS_signatories.asp",
    # The same chart in French on the site of the Inter-American Commission on Human Rights (an OAS
    # organ), dates dd/mm/yy; used only for the United States, whose row the English copy cuts off
    "oas-a41-cidh": "https://www.cidh.oas.org/Basicos/French/q.Charte%20OEA.rat.htm",
    # The White House, fact sheet of 2 October 2024 on the fourth CRI gathering
    "cri-2024": "https://www.whitehouse.gov/briefing-room/statements-releases/2024/10/02/fact-sheet-biden-%E2%81%A0harris-administration-convenes-fourth-global-gathering-to-counter-ransomware/",
}


@dataclass
class M:
    """One membership record."""

    code: str
    role: str = "member"
    start: str | None = None
    end: str | None = None
    end_reason: str | None = None
    comment: str | None = None
    sources: list[str] = field(default_factory=list)
    as_of: str = READ_ON


# --------------------------------------------------------------------------- OSCE
OSCE_STATES = [
    # in the order of the osce.org list (Albania ... Uzbekistan)
    "ALB", "AND", "ARM", "AUT", "AZE", "BEL", "BLR", "BIH", "BGR", "CAN", "HRV", "CYP", "CZE",
    "DNK", "EST", "FIN", "FRA", "GEO", "DEU", "GRC", "VAT", "HUN", "ISL", "IRL", "ITA", "KAZ",
    "KGZ", "LVA", "LIE", "LTU", "LUX", "MLT", "MDA", "MCO", "MNG", "MNE", "NLD", "MKD", "NOR",
    "POL", "PRT", "ROU", "RUS", "SMR", "SRB", "SVK", "SVN", "ESP", "SWE", "CHE", "TJK", "TUR",
    "TKM", "UKR", "GBR", "USA", "UZB",
]
# Dated admissions (start = the day the admission took effect, as the source states it).
_OSCE_DATED = {
    **{c: M(c, start="1991-09-10", sources=["osce-list", "osce-timeline"],
            comment="Became a participating State at the Additional Meeting at Ministerial Level in Moscow "
                    "on 10 September 1991 (osce.org timeline).")
       for c in ("EST", "LVA", "LTU")},
    **{c: M(c, start="1992-03-24", sources=["osce-list", "osce-timeline"],
            comment="Admitted as a participating State on 24 March 1992 at the First Additional Council "
                    "of Ministers Meeting in Helsinki (osce.org timeline).")
       for c in ("HRV", "GEO", "SVN")},
    "KAZ": M("KAZ", start="1992-01-30", sources=["osce-list", "osce-timeline", "osce-kaz"],
             comment="Welcomed as a participating State at the Prague Council of 30-31 January 1992 "
                     "(osce.org timeline); the Kazakh Foreign Ministry, as quoted by the state news agency "
                     "Kazinform, gives 30 January 1992."),
    "MKD": M("MKD", start="1995-10-12", sources=["osce-list", "osce-mkd"],
             comment="Joined on 12 October 1995 according to the Ministry of Foreign Affairs of North "
                     "Macedonia (no osce.org page read gives the day)."),
    "MNE": M("MNE", start="2006-06-21", sources=["osce-list", "osce-montenegro", "osce-montenegro-bloed"],
             comment="The OSCE decision to accept Montenegro came into effect on 21 June 2006 after a "
                     "silence procedure; Montenegro took its seat in the Permanent Council as the 56th "
                     "participating State on 22 June 2006 (OSCE press release of 22 June 2006)."),
    "MNG": M("MNG", start="2012-11-21", sources=["osce-list", "osce-mongolia"],
             comment="Admitted as the 57th participating State on 21 November 2012 (Austrian Foreign "
                     "Ministry press release of that day); an OSCE Partner for Co-operation since 2004."),
    **{c: M(c, sources=["osce-list", "osce-timeline"],
            comment="Welcomed as a participating State at the Second Meeting of the CSCE Council of "
                    "Ministers, Prague, 30-31 January 1992 (osce.org timeline); the page does not say on "
                    "which of the two days.")
       for c in ("ARM", "AZE", "BLR", "KGZ", "MDA", "TJK", "TKM", "UKR", "UZB")},
    "ALB": M("ALB", sources=["osce-list", "osce-alb"],
             comment="Became a participating State during the Berlin Ministerial Council of 19-20 June 1991 "
                     "(Albanian Foreign Ministry); the page does not say on which day."),
}
OSCE = [_OSCE_DATED.get(code) or M(code, sources=["osce-list"]) for code in OSCE_STATES]

# --------------------------------------------------------------------------- SCO
SCO_FOUNDERS = ["KAZ", "CHN", "KGZ", "RUS", "TJK", "UZB"]
SCO = [
    *[M(code, start="2001-06-15", sources=["sco-about", "sco-about-2022", "sco-2024"],
        comment="Founding member: the establishment of the SCO was announced in Shanghai on "
                "15 June 2001 by the six founding states.")
      for code in SCO_FOUNDERS],
    *[M(code, sources=["sco-about", "sco-2024"],
        comment="Granted the status of a member State at the meeting of the Council of Heads of State "
                "held in Astana on 8-9 June 2017; the page does not say which of the two days.")
      for code in ("IND", "PAK")],
    M("IRN", sources=["sco-2024"],
      comment="Became a member State in 2023 (the source gives the year only)."),
    M("BLR", start="2024-07-04", sources=["sco-2024", "sco-blr-kremlin", "sco-astana-2024"],
      comment="Granted the status of an SCO member State by a resolution the leaders signed at the beginning "
              "of the Council of Heads of State meeting in Astana (President of Russia), which was held on "
              "4 July 2024 (Astana Declaration, Indian Ministry of External Affairs)."),
    *[M(code, role="observer", sources=["sco-2024"],
        comment="Observer state as of the source's October 2024 update; no start date given.")
      for code in ("AFG", "MNG")],
    *[M(code, role="partner", sources=["sco-2024"],
        comment="Dialogue partner as of the source's October 2024 update; no start date given.")
      for code in ("AZE", "ARM", "KHM", "NPL", "TUR", "LKA", "SAU", "EGY", "QAT", "BHR", "MDV",
                   "MMR", "ARE", "KWT")],
]

# --------------------------------------------------------------------------- CIS
CIS_PROTOCOL = ["ARM", "AZE", "BLR", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"]
_CIS_FOUNDER = {"BLR", "RUS", "UKR"}
CIS = [
    *[M(code, sources=["cis-kremlin"],
        comment=("Signed the CIS Creation Agreement on 8 December 1991 and its Protocol "
                 "(Almaty) on 21 December 1991; " if code in _CIS_FOUNDER else
                 "Signed the Protocol to the CIS Creation Agreement in Almaty on "
                 "21 December 1991; ")
        + "listed by the source among the eleven states that formed the Commonwealth."
        + {"TKM": " Its later change of standing (associate member) is not recorded: no official page "
                  "with the date was read.",
           "UKR": " Ukraine's later status (it did not ratify the CIS Charter and ended its participation "
                  "in CIS bodies) is not recorded: no official page with dates was read."}.get(code, ""))
      for code in CIS_PROTOCOL],
    M("GEO", end="2009-08-18", end_reason="withdrawal", sources=["cis-kremlin"],
      comment="Joined the Commonwealth in December 1993 (the source gives no day) and terminated its "
              "membership on 18 August 2009."),
]

# --------------------------------------------------------------------------- ASEAN
ASEAN = [
    *[M(code, start="1967-08-08", sources=["asean-ajc"],
        comment="Original member: signed the ASEAN (Bangkok) Declaration on 8 August 1967.")
      for code in ("IDN", "MYS", "PHL", "SGP", "THA")],
    M("BRN", sources=["asean-ajc"],
      comment="Joined in January 1984. The cited page gives 8 January 1984, while copies of the ASEAN "
              "Secretariat's own text give 7 January 1984; the day is left out until asean.org is read."),
    M("VNM", start="1995-07-28", sources=["asean-ajc"]),
    M("LAO", start="1997-07-23", sources=["asean-ajc"]),
    M("MMR", start="1997-07-23", sources=["asean-ajc"]),
    M("KHM", start="1999-04-30", sources=["asean-ajc"]),
]

# --------------------------------------------------------------------------- OAS
OAS_1948 = ["ARG", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "SLV", "GTM", "HTI",
            "HND", "MEX", "PAN", "PRY", "PER", "USA", "URY", "VEN"]
OAS_LATER = [("BRB", "1967"), ("TTO", "1967"), ("JAM", "1969"), ("GRD", "1975"), ("SUR", "1977"),
             ("DMA", "1979"), ("LCA", "1979"), ("ATG", "1981"), ("VCT", "1981"), ("BHS", "1982"),
             ("KNA", "1984"), ("CAN", "1990"), ("BLZ", "1991"), ("GUY", "1991")]
# Day each state deposited its instrument of ratification of the OAS Charter, transcribed from the OAS
# Department of International Law chart for A-41 (column "Deposit", mm/dd/yy, all marked RA). The chart
# does not say that membership begins on that day (nor on the Charter's entry into force, 12/13/51, for
# earlier deposits), so these dates go into rdfs:comment, not cgo:startDate. Suriname, Trinidad and
# Tobago, Uruguay and Venezuela are cut off in the stored copy; the United States is read on the French
# copy of the chart (cidh.oas.org, dd/mm/yy "19/06/51").
OAS_CHARTER_DEPOSIT = {
    "ARG": "1956-04-10", "BOL": "1950-10-18", "BRA": "1950-03-13", "CHL": "1953-06-05",
    "COL": "1951-12-13", "CRI": "1948-11-16", "CUB": "1952-07-16", "DOM": "1949-04-22",
    "ECU": "1950-12-28", "SLV": "1950-09-11", "GTM": "1955-04-06", "HTI": "1951-03-28",
    "HND": "1950-02-07", "MEX": "1948-11-23", "PAN": "1951-03-22", "PRY": "1950-05-03",
    "PER": "1954-02-12", "USA": "1951-06-19",
    "BRB": "1967-11-15", "JAM": "1969-08-20", "GRD": "1975-05-13", "DMA": "1979-05-22",
    "LCA": "1979-05-22", "ATG": "1981-12-03", "VCT": "1981-12-03", "BHS": "1982-03-03",
    "KNA": "1984-03-12", "CAN": "1990-01-08", "BLZ": "1991-01-08", "GUY": "1991-01-08",
}
_CUBA = (" By resolution AG/RES. 2438 (XXXIX-O/09) of 3 June 2009 the 1962 resolution excluding the "
         "Government of Cuba from the inter-American system ceased to have effect; Cuba's participation is "
         "to result from a dialogue at its Government's request.")


def _oas_deposit(code: str) -> tuple[str, list[str]]:
    day = OAS_CHARTER_DEPOSIT.get(code)
    if day is None:
        return (" The day of its deposit of ratification of the Charter is cut off in the copy of the OAS "
                "chart read."), []
    chart = "oas-a41-cidh" if code == "USA" else "oas-a41"
    return (f" Deposited its instrument of ratification of the Charter on {day} (OAS chart of signatories "
            "and ratifications, A-41; the Charter entered into force on 13 December 1951). The chart does "
            "not say that membership began that day, so no start date is recorded."), [chart]


def _oas(code: str, lead: str) -> M:
    text, extra = _oas_deposit(code)
    return M(code, sources=["oas-members", *extra],
             comment=lead + text + (_CUBA if code == "CUB" else ""))


OAS = [
    *[_oas(code, "Signed the Charter of the OAS at Bogota in 1948 (the members page gives no day).")
      for code in OAS_1948],
    *[_oas(code, f"Joined the OAS in {year} (the members page gives the year only).")
      for code, year in OAS_LATER],
]

# --------------------------------------------------------------------------- forums
CRI_2023 = ["ALB", "AUS", "AUT", "BEL", "BRA", "BGR", "CAN", "COL", "CRI", "HRV", "CZE", "DOM",
            "EGY", "EST", "FRA", "DEU", "GRC", "IND", "IRL", "ISR", "ITA", "JPN", "JOR", "KEN",
            "LTU", "MEX", "NLD", "NZL", "NGA", "NOR", "PNG", "POL", "PRT", "KOR", "ROU", "RWA",
            "SLE", "SGP", "SVK", "ZAF", "ESP", "SWE", "CHE", "UKR", "ARE", "GBR", "USA", "URY"]
CRI_2024_NEW = ["ARG", "BHR", "CMR", "TCD", "DNK", "FIN", "HUN", "MAR", "PHL", "MDA", "SVN",
                "LKA", "VUT", "VNM"]
CRI = [
    *[M(code, sources=["cri-2024"], as_of="2024-10-02") for code in CRI_2023],
    *[M(code, sources=["cri-2024"], as_of="2024-10-02",
        comment="Welcomed as a new member at the fourth CRI gathering in Washington, D.C. "
                "(White House fact sheet of 2 October 2024); the source gives no joining date.")
      for code in CRI_2024_NEW],
]


def _block(org: str, m: M, suffix: str = "") -> str:
    lines = [f"mship:{org}\\/{m.code}{suffix} a cgo:Membership ;",
             f"    org:member state:{m.code} ; org:organization orgn:{org} ; org:role role:{m.role} ;"]
    if m.start:
        lines.append(f'    cgo:startDate "{m.start}"^^xsd:date ;')
    if m.end:
        lines.append(f'    cgo:endDate "{m.end}"^^xsd:date ; cgo:endReason "{m.end_reason}" ;')
    if m.comment:
        lines.append(f'    rdfs:comment "{m.comment}"@en ;')
    lines.append("    dct:source " + " , ".join(f"<{SOURCES[k]}>" for k in m.sources) + " ;")
    lines.append(f'    cgo:asOf "{m.as_of}"^^xsd:date .')
    return "\n".join(lines) + "\n"


def _file(header: list[str], groups: list[tuple[str, str, list[M]]]) -> str:
    out = [*(f"# {h}" if h else "#" for h in header),
           "# Generated by data/generators/regional_memberships.py; see docs/notes/data-regional.md.",
           PREFIXES]
    for title, org, members in groups:
        out.append(f"# --- {title}")
        out.extend(_block(org, m) for m in members)
    return "\n".join(out)


def main() -> None:
    assert len(OSCE) == 57 and len(set(OSCE_STATES)) == 57
    assert sum(m.role == "member" for m in SCO) == 10
    assert len(CRI) == 62 and len({m.code for m in CRI}) == 62
    assert len(OAS) == 34 and len({m.code for m in OAS}) == 34
    out = DATA / "memberships"
    out.mkdir(exist_ok=True)
    (out / "osce.ttl").write_text(_file(
        ["OSCE participating States: the 57 states that osce.org lists. Start dates only where a page",
         "read gives the day of admission: the Baltic states (1991), Croatia, Georgia and Slovenia",
         "(1992, osce.org timeline), Kazakhstan (1992), North Macedonia (1995), Montenegro (2006),",
         "Mongolia (2012). The 35 states of the Helsinki process have none: they took part as",
         "participating States from the 1972-1973 consultations, before signing the Final Act on",
         "1 August 1975, and no page read gives a first day (see the notes)."],
        [("participating States (listed on osce.org)", "osce", OSCE)]), encoding="utf-8")
    (out / "sco.ttl").write_text(_file(
        ["SCO member states, observer states (role:observer) and dialogue partners (role:partner),",
         "as the SCO Secretariat and the 2025 SCO presidency site list them (October 2024 update)."],
        [("founding member states (15 June 2001)", "sco", SCO[:6]),
         ("member states admitted later", "sco", SCO[6:10]),
         ("observer states", "sco", SCO[10:12]),
         ("dialogue partners", "sco", SCO[12:])]), encoding="utf-8")
    (out / "cis.ttl").write_text(_file(
        ["CIS: the eleven states that formed the Commonwealth under the Almaty Protocol of",
         "21 December 1991, and Georgia (joined December 1993, left 18 August 2009), as the",
         "President of Russia's glossary entry on the CIS states it."],
        [("states that formed the Commonwealth (Almaty Protocol)", "cis", CIS[:11]),
         ("former member", "cis", CIS[11:])]), encoding="utf-8")
    (out / "asean.ttl").write_text(_file(
        ["ASEAN member states with their dates of admission. Timor-Leste is not recorded: no",
         "official ASEAN page stating its admission date was read (see the notes)."],
        [("original members (8 August 1967)", "asean", ASEAN[:5]),
         ("members admitted later", "asean", ASEAN[5:])]), encoding="utf-8")
    (out / "oas.ttl").write_text(_file(
        ["OAS member states as oas.org lists them. The members page gives years of joining only; the",
         "day each state deposited its ratification of the Charter (OAS chart A-41) is in rdfs:comment,",
         "not cgo:startDate, because the chart does not say membership begins then. Nicaragua is not on",
         "the members page read and is not recorded (see the notes)."],
        [("signatories of the Charter (Bogota, 1948)", "oas", OAS[:20]),
         ("states that joined later", "oas", OAS[20:])]), encoding="utf-8")
    (out / "forums.ttl").write_text(_file(
        ["State members of the Counter Ransomware Initiative (CRI), as the White House fact sheet",
         "of 2 October 2024 lists them (its other members - the EU, INTERPOL, the Council of Europe,",
         "the ECOWAS Commission, the GFCE and the OAS - are not states and are not recorded).",
         "FIRST has no state membership records: its members are teams. The GFCE members and Paris Call",
         "supporters that could be read are in memberships/processes.ttl."],
        [("CRI members that took part in the 2024 gathering alongside the new members", "counter-ransomware-initiative",
          CRI[:48]),
         ("CRI members welcomed at the fourth gathering (2024)", "counter-ransomware-initiative", CRI[48:])]),
        encoding="utf-8")


if __name__ == "__main__":
    main()
