"""Write data/memberships/processes.ttl: state memberships of three cyber-governance processes and forums.

- orgn:un-gge-2014-2015  the 20 States whose experts sat on the 2014-2015 UN Group of Governmental Experts
                         (role:member), as the UNODA page lists them; the page gives no day on which any
                         State joined, so no start dates.
- orgn:gfce              States that official GFCE pages name as members (role:member); the stored
                         members page gives a count (60) but no list, so the records are partial.
- orgn:paris-call        States that the Paris Call website names as supporters (role:supporter), read in
                         the public source repository of pariscall.international (one file per supporter,
                         named {french-name}-state-{ISO alpha-3}.md); partial.

Non-state members and supporters (the EU, companies, civil society) are not recorded. See
docs/notes/data-processes.md for what each page says and what is missing.

Run:  .venv/bin/python data/generators/process_memberships.py
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1]
READ_ON = "2026-11-27"  # cgo:asOf where the page states no "status as of" date

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

PC_REPO = "https://github.com/ambanum/pariscall.international/blob"
C_A = "3778bfa7887847140641f5803fd305a718f03dff"  # commits at which the stored supporter files were read
C_B = "0e06df14c9b1aca182bdbe6a647ff7714535aefe"

SOURCES = {
    # UNODA, "Developments in the field of information and telecommunications in the context of international
    # security", section "GGE in 2014/2015": "Experts from the following Member States participated in the
    # GGE: Belarus, Brazil, ... United Kingdom and United States of America"; "held four meetings between
    # July 2014 and June 2015"; chaired by Brazil. No "as of" date on the page.
    "gge": "https://www.un.org/disarmament/topics/informationsecurity/",
    # GFCE news item: welcoming event in Skopje on 10 February 2023 "to celebrate the recent GFCE Membership of
    # North Macedonia, who are the 103rd Member of the GFCE" (no day of joining given)
    "gfce-mkd": "https://thegfce.org/news/gfce-secretariat-visits-skopje-and-welcomes-new-member-republic-of-north-macedonia-to-the-gfce-community/",
    # GFCE "Chairs": "GFCE members appoint 2 co-chairs among their midst. In November 2015, the Netherlands were
    # appointed as Co-Chair. At the beginning of 2017, India was appointed the other position as Co-Chair."
    "gfce-chairs": "https://www.thegfce.com/organization/chairs",
    # pariscall.international home page news item dated 11/11/2021: "The European Union and the United States
    # are joining the Paris Call" (source file of the site)
    "pc-usa": f"{PC_REPO}/bc65af6d2ad3106b7dc74a297bfbcdfcd6f1d398/_includes/pages/texts/en/home/usa-eu-joigned.html",
}

# Paris Call: supporter files of category "state" found in the site's source repository.
# (alpha-3, file name, commit). The file name carries the category and the nationality; the two files read
# in full (ALB, DEU) have "category: state" and "nationality: <alpha-3>" in their front matter.
PARIS_CALL_FILES = [
    ("ALB", "albanie-state-ALB.md", C_A), ("DEU", "allemagne-state-DEU.md", C_B),
    ("AUS", "australie-state-AUS.md", C_B), ("AUT", "autriche-state-AUT.md", C_A),
    ("BEL", "belgique-state-BEL.md", C_B), ("BGR", "bulgarie-state-BGR.md", C_A),
    ("CAN", "canada-state-CAN.md", C_B), ("CYP", "chypre-state-CYP.md", C_A),
    ("HRV", "croatie-state-HRV.md", C_A), ("DNK", "danemark-state-DNK.md", C_A),
    ("ESP", "espagne-state-ESP.md", C_A), ("EST", "estonie-state-EST.md", C_A),
    ("FIN", "finlande-state-FIN.md", C_B), ("FRA", "france-state-FRA.md", C_B),
    ("GRC", "grece-state-GRC.md", C_A), ("HUN", "hongrie-state-HUN.md", C_B),
    ("IRL", "irlande-state-IRL.md", C_B), ("ITA", "italie-state-ITA.md", C_A),
    ("JPN", "japon-state-JPN.md", C_B), ("LVA", "lettonie-state-LVA.md", C_A),
    ("LTU", "lituanie-state-LTU.md", C_A), ("LUX", "luxembourg-state-LUX.md", C_B),
    ("MLT", "malte-state-MLT.md", C_B), ("NOR", "norvege-state-NOR.md", C_A),
    ("NZL", "nouvelle_zelande-state-NZL.md", C_B), ("NLD", "pays_bas-state-NLD.md", C_A),
    ("POL", "pologne-state-POL.md", C_B), ("PRT", "portugal-state-PRT.md", C_B),
    ("CZE", "republique_tcheque-state-CZE.md", C_A), ("GBR", "royaume_uni-state-GBR.md", C_A),
    ("SVK", "slovaquie-state-SVK.md", C_A), ("SVN", "slovenie-state-SVN.md", C_A),
    ("SWE", "suede-state-SWE.md", C_B), ("CHE", "suisse-state-CHE.md", C_A),
]
for _code, _file, _commit in PARIS_CALL_FILES:
    SOURCES[f"pc-{_code}"] = f"{PC_REPO}/{_commit}/_supporters/{_file}"


@dataclass
class M:
    """One membership record."""

    code: str
    role: str = "member"
    start: str | None = None
    comment: str | None = None
    sources: list[str] = field(default_factory=list)
    as_of: str = READ_ON


# --------------------------------------------------------------------------- UN GGE 2014-2015
# In the order of the UNODA page.
GGE_STATES = ["BLR", "BRA", "CHN", "COL", "EGY", "EST", "FRA", "DEU", "GHA", "ISR", "JPN", "KEN", "MYS",
              "MEX", "PAK", "KOR", "RUS", "ESP", "GBR", "USA"]
_GGE_NOTE = ("Experts from this State participated in the Group, which held four meetings between July 2014 and "
             "June 2015 and agreed the consensus report A/70/174 (UNODA); the page gives no day on which the "
             "State's membership began.")
GGE = [M(code, sources=["gge"],
         comment=_GGE_NOTE + (" Its expert, Carlos Luís Dantas Coutinho Perez, chaired the Group." if code == "BRA" else ""))
       for code in GGE_STATES]

# --------------------------------------------------------------------------- GFCE
GFCE = [
    M("IND", sources=["gfce-chairs"],
      comment="Appointed GFCE Co-Chair at the beginning of 2017; the GFCE appoints its co-chairs among its members "
              "(GFCE Chairs page). The page gives no day on which India became a member."),
    M("MKD", sources=["gfce-mkd"],
      comment="The GFCE Secretariat celebrated North Macedonia's recent membership, as the GFCE's 103rd member, at a "
              "welcoming event in Skopje on 10 February 2023 (GFCE news item); the day it joined is not given."),
    M("NLD", sources=["gfce-chairs"],
      comment="Appointed GFCE Co-Chair in November 2015; the GFCE appoints its co-chairs among its members (GFCE "
              "Chairs page). The GFCE was launched at the Global Conference on CyberSpace in The Hague in April "
              "2015; no page read gives the day the Netherlands became a member."),
]

# --------------------------------------------------------------------------- Paris Call
PARIS_CALL = [
    *[M(code, role="supporter", sources=[f"pc-{code}"],
        comment="Listed as a State supporter of the Paris Call on pariscall.international (supporter file in the "
                "site's source repository); no date of support given.")
      for code, _f, _c in PARIS_CALL_FILES],
    M("USA", role="supporter", sources=["pc-usa"],
      comment="A news item on the pariscall.international home page dated 11 November 2021 says that the European "
              "Union and the United States are joining the Paris Call; no supporter file for the United States was "
              "read, and the item does not say on which day support took effect, so no start date is recorded."),
]


def _block(org: str, m: M) -> str:
    lines = [f"mship:{org}\\/{m.code} a cgo:Membership ;",
             f"    org:member state:{m.code} ; org:organization orgn:{org} ; org:role role:{m.role} ;"]
    if m.start:
        lines.append(f'    cgo:startDate "{m.start}"^^xsd:date ;')
    if m.comment:
        lines.append(f'    rdfs:comment "{m.comment}"@en ;')
    lines.append("    dct:source " + " , ".join(f"<{SOURCES[k]}>" for k in m.sources) + " ;")
    lines.append(f'    cgo:asOf "{m.as_of}"^^xsd:date .')
    return "\n".join(lines) + "\n"


def render() -> str:
    header = [
        "State memberships of cyber-governance processes and forums:",
        "- the 2014-2015 UN Group of Governmental Experts (20 members, the UNODA list; no start dates: the",
        "  Group met four times between July 2014 and June 2015),",
        "- the Global Forum on Cyber Expertise (only the members official GFCE pages read name: partial),",
        "- the Paris Call for Trust and Security in Cyberspace (role:supporter; the State supporters found in the",
        "  source repository of pariscall.international, plus the United States: partial).",
        "Non-state members and supporters are not recorded.",
    ]
    out = [*(f"# {h}" for h in header),
           "# Generated by data/generators/process_memberships.py; see docs/notes/data-processes.md.",
           PREFIXES]
    for title, org, members in [
        ("UN GGE 2014-2015: participating States", "un-gge-2014-2015", GGE),
        ("GFCE: State members named on thegfce.org / thegfce.com", "gfce", GFCE),
        ("Paris Call: State supporters named on pariscall.international", "paris-call", PARIS_CALL),
    ]:
        out.append(f"# --- {title}")
        out.extend(_block(org, m) for m in members)
    return "\n".join(out)


def main() -> None:
    assert len(GGE) == 20 and len(set(GGE_STATES)) == 20
    assert len({m.code for m in PARIS_CALL}) == len(PARIS_CALL) == 35
    out = DATA / "memberships"
    out.mkdir(exist_ok=True)
    (out / "processes.ttl").write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
