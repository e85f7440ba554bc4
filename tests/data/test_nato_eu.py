"""Fact tests for NATO, the CCDCOE, the EU and their cyber instruments.

Each expected value was read on the page named in the comment (see docs/notes/nato.md, eu.md, eu-acts.md and
ccdcoe.md).
"""

from __future__ import annotations

import pytest

S = "https://w3id.org/cybergov/id/state/"
O = "https://w3id.org/cybergov/id/organization/"
I = "https://w3id.org/cybergov/id/instrument/"
ROLE = "https://w3id.org/cybergov/id/role/"
STATUS = "https://w3id.org/cybergov/id/status/"

NATO_FOUNDERS = {"BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA"}
EU_27 = {
    "AUT",
    "BEL",
    "BGR",
    "HRV",
    "CYP",
    "CZE",
    "DNK",
    "EST",
    "FIN",
    "FRA",
    "DEU",
    "GRC",
    "HUN",
    "IRL",
    "ITA",
    "LVA",
    "LTU",
    "LUX",
    "MLT",
    "NLD",
    "POL",
    "PRT",
    "ROU",
    "SVK",
    "SVN",
    "ESP",
    "SWE",
}


def memberships(select, org: str, role: str = "member") -> dict[str, dict]:
    rows = select(f"""
        SELECT ?m ?start ?end ?reason WHERE {{
          ?r a cgo:Membership ; org:organization <{O}{org}> ; org:member ?m ; org:role <{ROLE}{role}> .
          OPTIONAL {{ ?r cgo:startDate ?start }}
          OPTIONAL {{ ?r cgo:endDate ?end }}
          OPTIONAL {{ ?r cgo:endReason ?reason }}
        }}""")
    out = {}
    for row in rows:
        code = row["m"].removeprefix(S)
        assert code not in out, f"two {role} records of {code} in {org}"
        out[code] = {k: row.get(k) for k in ("start", "end", "reason")}  # unbound values are absent
    return out


def members_on(select, org: str, day: str) -> set[str]:
    """Members whose membership is known to hold on `day` (start <= day < end)."""
    rows = select(f"""
        SELECT ?m WHERE {{
          ?r a cgo:Membership ; org:organization <{O}{org}> ; org:member ?m ; org:role role:member ;
             cgo:startDate ?start .
          OPTIONAL {{ ?r cgo:endDate ?end }}
          FILTER (?start <= "{day}"^^xsd:date && (!BOUND(?end) || ?end > "{day}"^^xsd:date))
        }}""")
    return {r["m"].removeprefix(S) for r in rows}


# ------------------------------------------------------------------ NATO
def test_nato_has_32_members_none_ended(select):
    nato = memberships(select, "nato")
    assert len(nato) == 32
    assert all(row["end"] is None for row in nato.values())


@pytest.mark.parametrize(
    "code,start",
    [
        ("FIN", "2023-04-04"),  # finlandabroad.fi: "Finland became a member of NATO on 4 April 2023"
        ("SWE", "2024-03-07"),  # Government Offices of Sweden, 7 March: instrument deposited, "now a member"
        ("MKD", "2020-03-27"),  # depositary (US Secretary of State) statement of 27 March 2020
        ("MNE", "2017-06-05"),  # shape.nato.int: "Montenegro joined on June 5, 2017"
        ("ALB", "2009-04-01"),  # shape.nato.int: "Albania and Croatia joined the Alliance on April 1, 2009"
        ("HRV", "2009-04-01"),
        ("EST", "2004-03-29"),  # nato.gov.si: seven states deposited their documents on 29 March 2004
        ("POL", "1999-03-12"),  # White House fact sheet: instruments deposited March 12, 1999
        ("ESP", "1982-05-30"),  # nato.int chronology 1982: "on 30 May, Spain becomes the 16th member"
        ("DEU", "1955-05-06"),  # nato.int: "On 6 May 1955 ... Germany became the Alliance's 15th member"
        ("GRC", "1952-02-18"),  # nato.int news_84445: members from 18 February 1952
        ("TUR", "1952-02-18"),
    ],
)
def test_nato_accession_dates(select, code, start):
    assert memberships(select, "nato")[code]["start"] == start


def test_nato_founders_start_in_1949_at_year_precision(select):
    # shape.nato.int names the founding members of the Alliance "established at the signing of the North Atlantic
    # Treaty on 4 April 1949"; nato.int "Member countries": "In 1949, there were 12 founding members" (no day)
    nato = memberships(select, "nato")
    assert {c for c, row in nato.items() if row["start"] == "1949"} == NATO_FOUNDERS
    assert all(row["start"] for row in nato.values())
    rows = select(f"""
        SELECT ?m ?dt ?ev WHERE {{
          ?r org:organization <{O}nato> ; org:member ?m ; cgo:startDate ?s ; cgo:evidence ?ev ;
             dct:source <https://shape.nato.int/page13435216> .
          BIND (DATATYPE(?s) AS ?dt) FILTER (?s = "1949"^^xsd:gYear) }}""")
    assert {r["m"].removeprefix(S) for r in rows} == NATO_FOUNDERS
    assert {r["dt"] for r in rows} == {"http://www.w3.org/2001/XMLSchema#gYear"}
    assert {r["ev"] for r in rows} == {"https://w3id.org/cybergov/id/evidence/depositary"}


def test_nato_members_on_2023_04_04_are_all_31_with_none_unknown(select, interval):
    # the README's first query: every start interval (day or year) lies wholly on or before the day, except Sweden's
    day = "2023-04-04"
    decided, unknown = set(), set()
    for code, row in memberships(select, "nato").items():
        first, last = interval(row["start"])
        if last <= day:
            decided.add(code)
        elif first <= day:
            unknown.add(code)
    assert unknown == set()
    assert len(decided) == 31 and "FIN" in decided and "SWE" not in decided


def test_nato_reported_totals(select):
    rows = select(f"""
        SELECT ?n ?d ?ev WHERE {{ ?t a cgo:ReportedTotal ; cgo:totalOf <{O}nato> ; cgo:totalStatus "member" ;
                                    cgo:totalCount ?n ; cgo:totalDate ?d ; cgo:evidence ?ev ; dct:source ?s }}""")
    totals = {r["d"]: (int(r["n"]), r["ev"].rsplit("/", 1)[1]) for r in rows}
    # nato.int "Member countries", last updated 04 Oct. 2022: "At present, NATO has 30 members"
    # Government Offices of Sweden, 7 March 2024: "Sweden is NATO's 32nd member country"
    # both read on third-party copies (investguiding.com, einpresswire): secondary, as docs/notes/evidence-levels.md rules
    assert totals == {"2022-10-04": (30, "secondary"), "2024-03-07": (32, "secondary")}
    nato = memberships(select, "nato")
    assert len(nato) == 32


def test_nato_members_around_the_nordic_accessions(select):
    # members with a day-precise start (the 12 founders have a year, which an xsd:date FILTER does not compare)
    before_fin = members_on(select, "nato", "2023-04-03")
    assert "FIN" not in before_fin and "SWE" not in before_fin and len(before_fin) == 18
    on_fin = members_on(select, "nato", "2023-04-04")
    assert "FIN" in on_fin and "SWE" not in on_fin and len(on_fin) == 19
    before_swe = members_on(select, "nato", "2024-03-06")
    assert "SWE" not in before_swe
    assert len(members_on(select, "nato", "2024-03-07")) == 20


def test_nato_bodies(select):
    rows = select(f"""
        SELECT ?b ?cls ?parent WHERE {{
          VALUES ?b {{ <{O}nato-ccdcoe> <{O}nato-ncia> }}
          ?b a ?cls ; cgo:subOrganizationOf ?parent .
        }}""")
    found = {(r["b"].removeprefix(O), r["cls"].rsplit("#", 1)[1], r["parent"].removeprefix(O)) for r in rows}
    assert found == {("nato-ccdcoe", "Centre", "nato"), ("nato-ncia", "Agency", "nato")}
    # ncia.nato.int: "The NCI Agency was established on 1 July 2012"
    assert select(f"SELECT ?f WHERE {{ <{O}nato-ncia> cgo:founded ?f }}") == [{"f": "2012-07-01"}]


# ------------------------------------------------------------------ CCDCOE
def test_ccdcoe_sponsoring_nations_as_of_2017(select):
    # ccdcoe.org "About us": 17 Sponsoring Nations as of 2017
    sponsors = set(memberships(select, "nato-ccdcoe", "sponsoring-nation"))
    # session 2 pass: + BGR, DNK, NOR, PRT, ROU from the Centre's 2019 news page (see the tests at the end)
    assert sponsors == {
        "BEL",
        "CZE",
        "EST",
        "FRA",
        "DEU",
        "GRC",
        "HUN",
        "ITA",
        "LVA",
        "LTU",
        "NLD",
        "POL",
        "SVK",
        "ESP",
        "TUR",
        "GBR",
        "USA",
        "CAN",
        "LUX",
        "ISL",
        "BGR",
        "DNK",
        "NOR",
        "PRT",
        "ROU",
    }


def test_ccdcoe_contributing_participants_are_non_nato(select):
    participants = set(memberships(select, "nato-ccdcoe", "contributing-participant"))
    # session 2 pass: + SWE, CHE, AUS (see the tests at the end)
    assert participants == {"AUT", "FIN", "KOR", "IRL", "JPN", "UKR", "SWE", "CHE", "AUS"}
    # the only contributing participants that are now NATO members are Finland (listed as of 2017)
    # and Sweden (listed in 2021); their current roles were not found
    assert participants & set(memberships(select, "nato", "member")) == {"FIN", "SWE"}


# ------------------------------------------------------------------ EU
def test_eu_has_27_current_members(select):
    eu = memberships(select, "eu")
    assert {c for c, row in eu.items() if row["end"] is None} == EU_27


def test_uk_left_the_eu(select):
    # europa.eu: "United Kingdom (left on 31 January 2020)"; Council: no longer a member state
    # from midnight CET at the end of 31 January 2020
    gbr = memberships(select, "eu")["GBR"]
    assert (gbr["start"], gbr["end"], gbr["reason"]) == ("1973-01-01", "2020-02-01", "withdrawal")
    assert "GBR" in members_on(select, "eu", "2020-01-31")
    assert "GBR" not in members_on(select, "eu", "2020-02-01")
    assert len(members_on(select, "eu", "2020-01-31")) == 28
    assert members_on(select, "eu", "2020-02-01") == EU_27


@pytest.mark.parametrize(
    "code,start",
    [
        ("DEU", "1958-01-01"),
        ("DNK", "1973-01-01"),
        ("GRC", "1981-01-01"),
        ("ESP", "1986-01-01"),
        ("SWE", "1995-01-01"),
        ("MLT", "2004-05-01"),
        ("ROU", "2007-01-01"),
        ("HRV", "2013-07-01"),
    ],
)
def test_eu_entry_dates(select, code, start):
    # europa.eu "EU countries", Year of entry column (DD/MM/YYYY)
    assert memberships(select, "eu")[code]["start"] == start


def test_eu_bodies(select):
    assert select(f"SELECT ?f WHERE {{ <{O}eu> a cgo:RegionalOrganization ; cgo:founded ?f }}") == [
        {"f": "1993-11-01"}
    ]
    rows = select(f"SELECT ?p WHERE {{ <{O}enisa> a cgo:Agency ; cgo:subOrganizationOf ?p }}")
    assert rows == [{"p": f"{O}eu"}]
    rows = select(f"""
        SELECT ?b ?i WHERE {{ VALUES ?b {{ <{O}eu-csirts-network> <{O}eu-cyclone> }} ?b cgo:establishedBy ?i }}""")
    assert {(r["b"].removeprefix(O), r["i"].removeprefix(I)) for r in rows} == {
        ("eu-csirts-network", "nis-directive"),
        ("eu-cyclone", "nis2-directive"),
    }


# ------------------------------------------------------------------ EU instruments
def instrument(select, slug: str) -> dict:
    rows = select(f"""
        SELECT ?cls ?adopted ?eif ?applies ?status WHERE {{
          <{I}{slug}> a ?cls ; cgo:adoptedBy <{O}eu> .
          FILTER (?cls IN (cgo:Regulation, cgo:Directive, cgo:Decision))
          OPTIONAL {{ <{I}{slug}> cgo:adoptionDate ?adopted }}
          OPTIONAL {{ <{I}{slug}> cgo:entryIntoForceDate ?eif }}
          OPTIONAL {{ <{I}{slug}> cgo:applicationDate ?applies }}
          OPTIONAL {{ <{I}{slug}> cgo:status ?status }}
        }}""")
    assert len(rows) == 1, f"expected one record of {slug}, found {len(rows)}"
    row = {k: rows[0].get(k) for k in ("cls", "adopted", "eif", "applies", "status")}
    row["cls"] = row["cls"].rsplit("#", 1)[1]
    row["status"] = row["status"] and row["status"].removeprefix(STATUS)
    return row


@pytest.mark.parametrize(
    "slug,expected",
    [
        (
            "nis-directive",
            {
                "cls": "Directive",
                "adopted": "2016-07-06",
                "eif": "2016-08-08",
                "applies": "2018-05-10",
                "status": "repealed",
            },
        ),
        (
            "nis2-directive",
            {
                "cls": "Directive",
                "adopted": "2022-12-14",
                "eif": "2023-01-16",
                "applies": "2024-10-18",
                "status": "in-force",
            },
        ),
        # entry into force and application of the CSA and the CRA: stated on secondary pages read in the pass of
        # 2026-12-04 (GRC Solutions, IT Governance; cracowi.eu, spilma.com, Article 71 on springlex), see
        # tests/data/test_treaty_gaps.py; the rule of "the twentieth day following publication" agrees with them
        (
            "eu-cybersecurity-act",
            {
                "cls": "Regulation",
                "adopted": "2019-04-17",
                "eif": "2019-06-27",
                "applies": "2021-06-28",
                "status": "in-force",
            },
        ),
        (
            "cyber-resilience-act",
            {
                "cls": "Regulation",
                "adopted": "2024-10-23",
                "eif": "2024-12-10",
                "applies": "2027-12-11",
                "status": "in-force",
            },
        ),
        (
            "cyber-solidarity-act",
            {
                "cls": "Regulation",
                "adopted": "2024-12-19",
                "eif": "2025-02-04",
                "applies": None,
                "status": "in-force",
            },
        ),
        (
            "enisa-regulation-2013",
            {
                "cls": "Regulation",
                "adopted": "2013-05-21",
                "eif": None,
                "applies": None,
                "status": "repealed",
            },
        ),
    ],
)
def test_eu_instrument_dates(select, slug, expected):
    assert instrument(select, slug) == expected


def test_repeal_chain(select):
    rows = select(f"SELECT ?a ?b WHERE {{ ?a cgo:repeals ?b . FILTER (STRSTARTS(STR(?a), '{I}')) }}")
    pairs = {(r["a"].removeprefix(I), r["b"].removeprefix(I)) for r in rows}
    assert ("nis2-directive", "nis-directive") in pairs
    assert ("eu-cybersecurity-act", "enisa-regulation-2013") in pairs


@pytest.mark.parametrize(
    "slug,number",
    [
        ("eu-cybersecurity-act", "2019/881"),
        ("nis-directive", "2016/1148"),
        ("nis2-directive", "2022/2555"),
        ("cyber-resilience-act", "2024/2847"),
        ("cyber-solidarity-act", "2025/38"),
    ],
)
def test_official_numbers(select, slug, number):
    alt = select(f"SELECT ?a WHERE {{ <{I}{slug}> skos:altLabel ?a }}")
    assert number in {r["a"] for r in alt}


# ------------------------------------------------------------------ NATO instruments
@pytest.mark.parametrize(
    "slug,cls,date,place",
    [
        ("nato-wales-summit-declaration", "Declaration", "2014-09-05", "Wales"),
        ("nato-warsaw-summit-communique", "Declaration", None, "Warsaw"),
        ("nato-cyber-defence-pledge", "Policy", "2016-07-08", "Warsaw"),
        ("nato-enhanced-cyber-defence-policy", "Policy", None, "Wales"),
    ],
)
def test_nato_cyber_milestones(select, slug, cls, date, place):
    rows = select(f"""
        SELECT ?date ?place WHERE {{
          <{I}{slug}> a cgo:{cls} ; cgo:adoptedBy <{O}nato> ; cgo:adoptionPlace ?place ;
              cgo:topic <https://w3id.org/cybergov/id/topic/military-use-of-ict> .
          OPTIONAL {{ <{I}{slug}> cgo:adoptionDate ?date }}
        }}""")
    assert [{"date": r.get("date"), "place": r.get("place")} for r in rows] == [
        {"date": date, "place": place}
    ]


# ------------------------------------------------------------------ provenance of this slice
def test_every_record_in_this_slice_has_source_and_as_of(select):
    rows = select("""
        SELECT DISTINCT ?r WHERE {
          { ?r org:organization ?o . FILTER (?o IN (orgn:nato, orgn:nato-ccdcoe, orgn:eu)) }
          UNION { VALUES ?r { orgn:nato orgn:nato-ccdcoe orgn:nato-ncia orgn:eu orgn:enisa orgn:cert-eu
                              orgn:eu-csirts-network orgn:eu-cyclone } }
          UNION { VALUES ?r { instr:enisa-regulation-2013 instr:eu-cybersecurity-act instr:nis-directive
                              instr:nis2-directive instr:cyber-resilience-act instr:cyber-solidarity-act
                              instr:eu-cyber-diplomacy-toolbox instr:nato-wales-summit-declaration
                              instr:nato-enhanced-cyber-defence-policy instr:nato-warsaw-summit-communique
                              instr:nato-cyber-defence-pledge } ?r ?p ?v }
          FILTER NOT EXISTS { ?r dct:source ?s ; cgo:asOf ?d }
        }""")
    assert rows == []


# ------------------------------------------------------------------ CCDCOE and G7, session 2 pass
# (docs/notes/ccdcoe.md and g7.md)
CCDCOE_2019 = "https://ccdcoe.org/news/2019/president-of-albania-ilir-meta-paid-a-visit-to-the-nato-ccdcoe"
OIREACHTAS_2021 = "https://www.kildarestreet.com/wrans/?id=2021-11-02a.345"
SWISS_2019 = (
    "https://www.bundesreisezentrale.admin.ch/eda/de/home/das-eda/aktuell/news.html/content/eda/de/"
    "meta/news/2019/5/22/75145"
)
AUS_2018 = (
    "https://www.foreignminister.gov.au/minister/julie-bishop/media-release/"
    "australia-joins-nato-cooperative-cyber-defence-centre-excellence"
)
ELYSEE_1975 = (
    "https://www.elysee.fr/valery-giscard-d-estaing/1975/11/17/declaration-commune-des-chefs-detat-et-de-"
    "gouvernement-de-la-republique-federale-dallemagne-des-etats-unis-damerique-de-france-du-royaume-uni-de-"
    "grande-bretagne-et-dirlande-du-nord-d-italie-et-du-japon-reunis-pour-le-premier-sommet-des-pays-ind"
)


def ccdcoe_sources(select) -> dict[str, set[str]]:
    rows = select(f"""
        SELECT ?m ?s WHERE {{ ?r a cgo:Membership ; org:organization <{O}nato-ccdcoe> ; org:member ?m ;
                                 dct:source ?s }}""")
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row["m"].removeprefix(S), set()).add(row["s"])
    return out


def test_ccdcoe_sponsoring_nations_from_the_2019_news_page(select):
    # ccdcoe.org 2019 (visit of the President of Albania): "Membership of the Centre is open to all Allies.
    # Currently Belgium, Bulgaria, the Czech Republic, Estonia, Denmark, ... Norway, Poland, Portugal, Romania, ..."
    sources = ccdcoe_sources(select)
    cited = {c for c, s in sources.items() if CCDCOE_2019 in s}
    assert cited == {"BGR", "DNK", "NOR", "PRT", "ROU"}
    sponsors = set(memberships(select, "nato-ccdcoe", "sponsoring-nation"))
    assert cited <= sponsors


def test_ccdcoe_contributing_participants_named_by_governments(select):
    sources = ccdcoe_sources(select)
    participants = set(memberships(select, "nato-ccdcoe", "contributing-participant"))
    # Irish Dail written answer, 2 Nov 2021: "non-NATO members including Austria, Finland, Sweden and Ireland";
    # "As a Contributing Participant, Ireland has access to the CCDCoE training catalogue"
    assert OIREACHTAS_2021 in sources["SWE"] and OIREACHTAS_2021 in sources["IRL"]
    # Swiss Federal Council, 22 May 2019: participation decided, as a "Contributing Partner"
    assert SWISS_2019 in sources["CHE"]
    # Australian Foreign Minister, 2018: "Australia becoming a participating member"
    assert AUS_2018 in sources["AUS"]
    assert {"SWE", "IRL", "CHE", "AUS"} <= participants


def test_ccdcoe_totals_and_years_only(select):
    members = {
        c: r
        for role in ("sponsoring-nation", "contributing-participant")
        for c, r in memberships(select, "nato-ccdcoe", role).items()
    }
    assert len(members) == 34  # of the 39 the Centre reported in 2023
    # no page read gives the day a nation became a member (ceremony days are not start dates): years only
    dated = {c: r["start"] for c, r in members.items() if r["start"]}
    assert all(len(v) == 4 for v in dated.values())
    assert all(r["end"] is None for r in members.values())
    # still not recorded: no official page read confirms their membership
    assert not {"HRV", "MNE", "SVN", "ALB", "MKD"} & set(members)


def test_ccdcoe_founded_2008_by_seven_nations(select):
    # the Centre's 2019 release: "Founded in 2008 ... we have grown from seven founding members"; its 2014
    # anniversary release: "formally established by Estonia, Germany, Italy, Latvia, Lithuania, Spain and Slovakia"
    assert select(f"SELECT ?f WHERE {{ <{O}nato-ccdcoe> cgo:founded ?f }}") == [{"f": "2008"}]
    sponsors = memberships(select, "nato-ccdcoe", "sponsoring-nation")
    assert {c for c, r in sponsors.items() if r["start"] == "2008"} == {
        "EST",
        "DEU",
        "ITA",
        "LVA",
        "LTU",
        "ESP",
        "SVK",
    }


@pytest.mark.parametrize(
    "code,role,year",
    [
        (
            "CZE",
            "sponsoring-nation",
            "2014",
        ),  # ccdcoe.eu 2014: "accepts Czech Republic, France and United Kingdom"
        ("FRA", "sponsoring-nation", "2014"),
        ("GBR", "sponsoring-nation", "2014"),
        (
            "AUT",
            "contributing-participant",
            "2014",
        ),  # "Austria joined the Centre as a non-NATO partner few weeks ago"
        (
            "CAN",
            "sponsoring-nation",
            "2022",
        ),  # ccdcoe.org 2022: "Today, we are pleased to formally join the CCDCOE"
    ],
)
def test_ccdcoe_joining_years(select, code, role, year):
    assert memberships(select, "nato-ccdcoe", role)[code]["start"] == year


def test_ccdcoe_sponsoring_nations_are_nato_members(select):
    # terms of participation (ccdcoe.org/44.html): Sponsoring Nation status is for NATO nations
    assert set(memberships(select, "nato-ccdcoe", "sponsoring-nation")) <= set(
        memberships(select, "nato", "member")
    )


def test_g7_rambouillet_six_cite_the_1975_declaration(select):
    # elysee.fr: the heads of State and Government of the FRG, the US, France, the UK, Italy and Japan
    # "se sont reunis au chateau de Rambouillet du 15 au 17 novembre 1975" (a meeting, not a joining day)
    rows = select(f"""
        SELECT ?m ?c WHERE {{ ?r org:organization <{O}g7> ; org:member ?m ; dct:source <{ELYSEE_1975}> ;
                                 rdfs:comment ?c }}""")
    assert {r["m"].rsplit("/", 1)[1] for r in rows} == {"DEU", "FRA", "GBR", "ITA", "JPN", "USA"}
    assert all("15 au 17 novembre 1975" in r["c"] for r in rows)
