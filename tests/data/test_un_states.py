"""Fact tests for the UN states slice: data/states.ttl, data/memberships/un.ttl,
data/organizations/un.ttl and the G7 files. Each fact is checked against the sources named
in docs/notes/un.md, states.md and g7.md."""

from __future__ import annotations

import pytest


def _one(rows: list[dict[str, str]]) -> dict[str, str]:
    assert len(rows) == 1, rows
    return rows[0]


# --- states -------------------------------------------------------------------------------


def test_195_states_193_members_2_observers(select):
    rows = select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a cgo:State }")
    assert int(rows[0]["n"]) == 195
    members = select("""
        SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?m a cgo:Membership ; org:organization orgn:un ; org:role role:member ; org:member ?s .
          ?s a cgo:State . FILTER NOT EXISTS { ?m cgo:endDate ?e } }""")
    assert int(members[0]["n"]) == 193
    observers = select("""
        SELECT ?s WHERE { ?m a cgo:Membership ; org:organization orgn:un ; org:role role:observer ;
                               org:member ?s . } ORDER BY ?s""")
    assert [r["s"].rsplit("/", 1)[1] for r in observers] == ["PSE", "VAT"]


def test_un_reported_total_is_the_193_members(select):
    # UN Dag Hammarskjold Library (research.un.org/en/unmembers): "There are currently 193 UN Member States."
    row = _one(
        select("""
        SELECT ?n ?d ?src WHERE { ?t a cgo:ReportedTotal ; cgo:totalOf orgn:un ; cgo:totalStatus "member" ;
                                      cgo:totalCount ?n ; cgo:totalDate ?d ; dct:source ?src }""")
    )
    assert (row["n"], row["src"]) == ("193", "https://research.un.org/en/unmembers")


@pytest.mark.parametrize(
    "a3,a2,num,label",
    [
        ("FRA", "FR", "250", "France"),
        ("AFG", "AF", "004", "Afghanistan"),
        ("BOL", "BO", "068", "Bolivia (Plurinational State of)"),
        ("TUR", "TR", "792", "Türkiye"),
        ("VAT", "VA", "336", "Holy See"),
        ("PSE", "PS", "275", "State of Palestine"),
        ("SSD", "SS", "728", "South Sudan"),
    ],
)
def test_state_codes_and_label(select, a3, a2, num, label):
    row = _one(
        select(f"""
        SELECT ?id ?a2 ?a3 ?num ?label WHERE {{
          state:{a3} a cgo:State ; dct:identifier ?id ; cgo:alpha2Code ?a2 ; cgo:alpha3Code ?a3 ;
                     cgo:numericCode ?num ; rdfs:label ?label . FILTER (lang(?label) = "en") }}""")
    )
    assert (row["id"], row["a2"], row["a3"], row["num"], row["label"]) == (a3, a2, a3, num, label)


def test_numeric_codes_are_three_digits(select):
    rows = select(
        "SELECT ?s ?n WHERE { ?s a cgo:State ; cgo:numericCode ?n FILTER (!REGEX(?n, '^[0-9]{3}$')) }"
    )
    assert rows == []


def test_no_non_un_territories(select):
    # Taiwan, Kosovo (no ISO code), Western Sahara, Cook Islands, Niue are not UN members or observers.
    rows = select("""SELECT ?s WHERE { ?s a cgo:State ; cgo:alpha3Code ?c
                                       FILTER (?c IN ("TWN", "ESH", "COK", "NIU", "XKX")) }""")
    assert rows == []


# --- UN memberships -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "a3,date",
    [
        ("USA", "1945-10-24"),  # original Member
        ("AFG", "1946-11-19"),
        ("DEU", "1973-09-18"),  # FRG and GDR admitted the same day
        ("RUS", "1945-10-24"),  # continues the USSR's membership
        ("TZA", "1961-12-14"),  # Tanganyika's date
        ("YEM", "1947-09-30"),  # Yemen's date, before the 1990 merger
        ("CZE", "1993-01-19"),
        ("SVK", "1993-01-19"),
        ("MNE", "2006-06-28"),
        ("SRB", "2000-11-01"),
        ("CHE", "2002-09-10"),
        ("TLS", "2002-09-27"),
        ("SSD", "2011-07-14"),  # the 193rd Member
        ("THA", "1946-12-16"),  # UN press release and 1974 Yearbook, not the copy's 15-12
        ("MKD", "1993-04-08"),
        ("SYR", "1945-10-24"),
    ],
)
def test_un_admission_date(select, a3, date):
    row = _one(
        select(f"""
        SELECT ?d WHERE {{ ?m a cgo:Membership ; org:member state:{a3} ; org:organization orgn:un ;
                               org:role role:member ; cgo:startDate ?d . }}""")
    )
    assert row["d"] == date


def test_every_member_has_an_admission_date(select):
    rows = select("""SELECT ?m WHERE { ?m a cgo:Membership ; org:organization orgn:un ; org:role role:member
                                       FILTER NOT EXISTS { ?m cgo:startDate ?d } }""")
    assert rows == []


def test_51_original_members_less_the_two_dissolved(select):
    # 51 original Members; Czechoslovakia and Yugoslavia were dissolved and their seats not
    # continued, so 49 present Members carry an original-Member date (24 Oct - 27 Dec 1945).
    rows = select("""SELECT (COUNT(?m) AS ?n) WHERE {
        ?m a cgo:Membership ; org:organization orgn:un ; org:role role:member ; cgo:startDate ?d
        FILTER (?d <= "1945-12-31"^^xsd:date) }""")
    assert int(rows[0]["n"]) == 49


def test_admissions_on_14_december_1955(select):
    # Security Council resolution 109 (1955): sixteen States admitted together.
    rows = select("""SELECT (COUNT(?m) AS ?n) WHERE {
        ?m a cgo:Membership ; org:organization orgn:un ; org:role role:member ;
           cgo:startDate "1955-12-14"^^xsd:date }""")
    assert int(rows[0]["n"]) == 16


def test_observers_have_no_start_date(select):
    rows = select("""SELECT ?m WHERE { ?m a cgo:Membership ; org:organization orgn:un ; org:role role:observer ;
                                       cgo:startDate ?d }""")
    assert rows == []


def test_un_memberships_are_sourced(select):
    rows = select("""SELECT ?m WHERE { ?m a cgo:Membership ; org:organization orgn:un .
                                       FILTER NOT EXISTS { ?m dct:source ?s ; cgo:asOf ?a } }""")
    assert rows == []


# --- organizations ------------------------------------------------------------------------


def test_un_founded(select):
    row = _one(select("SELECT ?d WHERE { orgn:un a cgo:IntergovernmentalOrganization ; cgo:founded ?d }"))
    assert row["d"] == "1945-10-24"


def test_un_body_hierarchy(select):
    rows = select("""SELECT ?child ?parent WHERE {
        VALUES ?child { orgn:un-general-assembly orgn:un-first-committee orgn:un-oewg-2021-2025
                        orgn:un-gge-2014-2015 orgn:un-global-mechanism-ict orgn:unodc orgn:unidir }
        ?child cgo:subOrganizationOf ?parent }""")
    parents = {r["child"].rsplit("/", 1)[1]: r["parent"].rsplit("/", 1)[1] for r in rows}
    assert parents == {
        "un-general-assembly": "un",
        "un-first-committee": "un-general-assembly",
        "un-oewg-2021-2025": "un-general-assembly",
        "un-gge-2014-2015": "un-general-assembly",
        "un-global-mechanism-ict": "un-general-assembly",
        "unodc": "un",
        "unidir": "un",
    }


def test_class_of_un_bodies(select):
    rows = select("""SELECT ?o ?c WHERE {
        VALUES (?o ?c) { (orgn:un-first-committee cgo:Committee) (orgn:un-oewg-2021-2025 cgo:IntergovernmentalProcess)
                         (orgn:un-gge-2014-2015 cgo:IntergovernmentalProcess) (orgn:unodc cgo:Agency)
                         (orgn:itu cgo:IntergovernmentalOrganization) }
        ?o a ?c }""")
    assert len(rows) == 5


def test_oewg_established_31_december_2020(select):
    row = _one(select("SELECT ?d WHERE { orgn:un-oewg-2021-2025 cgo:founded ?d }"))
    assert row["d"] == "2020-12-31"


def test_itu_is_not_a_suborganization_of_the_un(select):
    assert select("SELECT ?p WHERE { orgn:itu cgo:subOrganizationOf ?p }") == []
    row = _one(select("SELECT ?d WHERE { orgn:itu cgo:founded ?d }"))
    assert row["d"] == "1865-05-17"


def test_gge_report_is_adopted_by_the_2014_2015_gge(select):
    # instr:a-70-174 is curated by another helper; this checks the link resolves to this record.
    rows = select(
        """SELECT ?l WHERE { ?r cgo:adoptedBy orgn:un-gge-2014-2015 . orgn:un-gge-2014-2015 rdfs:label ?l }"""
    )
    assert rows, "orgn:un-gge-2014-2015 has a label and adopts a report"


# --- G7 -----------------------------------------------------------------------------------


def test_g7_members_and_eu_partner(select):
    rows = select("""SELECT ?member ?role WHERE {
        ?m a cgo:Membership ; org:organization orgn:g7 ; org:member ?member ; org:role ?role }""")
    got = {(r["member"].rsplit("/", 1)[1], r["role"].rsplit("/", 1)[1]) for r in rows}
    assert got == {
        ("CAN", "member"),
        ("FRA", "member"),
        ("DEU", "member"),
        ("ITA", "member"),
        ("JPN", "member"),
        ("GBR", "member"),
        ("USA", "member"),
        ("eu", "partner"),
    }


def test_g7_memberships_start_in_the_years_official_pages_give(select):
    # Global Affairs Canada: the leaders of France, Germany, Italy, Japan, the UK and the US met "in 1975";
    # "Canada subsequently joined the forum in 1976". No page gives a joining day; the EU's year is not recorded
    # (1977 and 1981 in the pages seen).
    rows = select("SELECT ?m ?d WHERE { ?r org:organization orgn:g7 ; org:member ?m ; cgo:startDate ?d }")
    starts = {r["m"].rsplit("/", 1)[1]: r["d"] for r in rows}
    assert starts == {
        "DEU": "1975",
        "FRA": "1975",
        "GBR": "1975",
        "ITA": "1975",
        "JPN": "1975",
        "USA": "1975",
        "CAN": "1976",
    }


def test_russia_not_in_g7(select):
    assert select("SELECT ?m WHERE { ?m org:organization orgn:g7 ; org:member state:RUS }") == []


def test_g7_founded_1975_and_its_reported_total(select):
    # Global Affairs Canada: the leaders met "in 1975"; "a forum for the leaders of seven of the world's most
    # industrialized nations"
    assert select("SELECT ?f WHERE { orgn:g7 cgo:founded ?f }") == [{"f": "1975"}]
    rows = select("SELECT ?n WHERE { ?t a cgo:ReportedTotal ; cgo:totalOf orgn:g7 ; cgo:totalCount ?n }")
    assert rows == [{"n": "7"}]
