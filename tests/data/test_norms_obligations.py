"""Fact tests for norms, obligations, their instruments and the mechanisms (area norms-obligations).

Each expected value was read on the source named in the record (see docs/notes/norms.md, mechanisms.md and
the obligations in budapest-convention.md, budapest-second-protocol.md, un-cybercrime-convention.md, eu-acts.md).
"""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

DURATION = URIRef("http://www.w3.org/2001/XMLSchema#duration")

P = """
PREFIX norm: <https://w3id.org/cybergov/id/norm/>
PREFIX provision: <https://w3id.org/cybergov/id/provision/>
PREFIX obligation: <https://w3id.org/cybergov/id/obligation/>
PREFIX mechanism: <https://w3id.org/cybergov/id/mechanism/>
PREFIX endorsement: <https://w3id.org/cybergov/id/endorsement/>
PREFIX addressee: <https://w3id.org/cybergov/id/addressee/>
PREFIX deontic: <https://w3id.org/cybergov/id/deontic/>
PREFIX topic: <https://w3id.org/cybergov/id/topic/>
"""


def one(select, query: str) -> dict[str, str]:
    rows = select(P + query)
    assert len(rows) == 1, rows
    return rows[0]


# ---------------------------------------------------------------- UN GGE 2015 norms


def test_eleven_gge_norms_13a_to_13k_stated_in_a_70_174(select):
    rows = select(
        P
        + """
        SELECT ?notation WHERE {
          ?n a cgo:Norm ; cgo:statedIn instr:a-70-174 ; skos:notation ?notation ;
             cgo:addressee addressee:states .
        } ORDER BY ?notation"""
    )
    assert [r["notation"] for r in rows] == [f"13({c})" for c in "abcdefghijk"]


def test_gge_norm_f_is_about_critical_infrastructure(select):
    row = one(
        select,
        """
        SELECT ?label WHERE { norm:un-gge-2015-norm-13f rdfs:label ?label ;
          cgo:topic topic:critical-infrastructure-protection . }""",
    )
    assert "critical infrastructure" in row["label"].lower()


def test_a_70_174_issued_22_july_2015_by_the_2014_2015_gge(select):
    row = one(
        select,
        """
        SELECT ?issued ?by WHERE { instr:a-70-174 a cgo:Report ;
          <http://purl.org/dc/terms/issued> ?issued ; cgo:adoptedBy ?by . }""",
    )
    assert row["issued"] == "2015-07-22"
    assert row["by"].endswith("/organization/un-gge-2014-2015")


def test_a_res_70_237_endorses_the_2015_report(select):
    rows = select(
        P
        + """
        SELECT ?e WHERE { instr:a-res-70-237 a cgo:Resolution ; cgo:endorses instr:a-70-174 .
          ?e a cgo:Endorsement ; cgo:endorser instr:a-res-70-237 ; cgo:endorsed instr:a-70-174 . }"""
    )
    assert len(rows) == 1


def test_oewg_2021_2025_final_report_adopted_11_july_2025(select):
    row = one(select, "SELECT ?d WHERE { instr:oewg-2021-2025-final-report cgo:adoptionDate ?d . }")
    assert row["d"] == "2025-07-11"


# ---------------------------------------------------------------- OSCE CBMs


def test_osce_decision_dates(select):
    rows = select(
        P
        + """
        SELECT ?i ?d WHERE { VALUES ?i { instr:osce-pc-dec-1106 instr:osce-pc-dec-1202 }
          ?i a cgo:Decision ; cgo:adoptionDate ?d ; cgo:adoptedBy orgn:osce . } ORDER BY ?d"""
    )
    assert [(r["i"].rsplit("/", 1)[1], r["d"]) for r in rows] == [
        ("osce-pc-dec-1106", "2013-12-03"),
        ("osce-pc-dec-1202", "2016-03-10"),
    ]


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        ("osce-pc-dec-1106", [f"CBM {n}" for n in range(1, 12)]),
        ("osce-pc-dec-1202", [f"CBM {n}" for n in range(12, 17)]),
    ],
)
def test_cbms_per_decision(select, decision, expected):
    rows = select(
        P
        + f"""
        SELECT ?notation WHERE {{ ?n a cgo:Norm ; cgo:statedIn instr:{decision} ; skos:notation ?notation . }}"""
    )
    assert sorted(r["notation"] for r in rows) == sorted(expected)


def test_cbm_16_is_about_vulnerability_reporting(select):
    row = one(select, "SELECT ?l WHERE { norm:osce-2016-cbm-16 rdfs:label ?l . }")
    assert "vulnerabilit" in row["l"].lower()


# ---------------------------------------------------------------- Paris Call


def test_paris_call_launched_12_november_2018_with_nine_principles(select):
    row = one(
        select, "SELECT ?d WHERE { instr:paris-call-declaration a cgo:Declaration ; cgo:adoptionDate ?d . }"
    )
    assert row["d"] == "2018-11-12"
    rows = select(P + "SELECT ?n WHERE { ?n a cgo:Norm ; cgo:statedIn instr:paris-call-declaration . }")
    assert len(rows) == 9


def test_paris_call_principle_8_is_no_private_hack_back(select):
    row = one(select, "SELECT ?l WHERE { norm:paris-call-principle-8 skos:altLabel ?l . }")
    assert row["l"] == "No private hack back"


# ---------------------------------------------------------------- Budapest Convention


def test_budapest_provisions_cover_the_requested_articles(select):
    rows = select(
        P
        + """
        SELECT ?notation WHERE { ?p a cgo:Provision ; cgo:partOf treaty:budapest-convention ; skos:notation ?notation . }"""
    )
    numbers = sorted(int(r["notation"].split()[1]) for r in rows)
    # articles 36-37 (entry into force, accession) carry the entry-into-force rules in data/rules/
    assert numbers == list(range(2, 12)) + list(range(14, 22)) + list(range(23, 36)) + [36, 37]


@pytest.mark.parametrize(
    ("article", "title"),
    [
        (2, "Illegal access"),
        (9, "Offences related to child pornography"),
        (18, "Production order"),
        (29, "Expedited preservation of stored computer data"),
        (32, "Trans-border access to stored computer data with consent or where publicly available"),
        (35, "24/7 Network"),
    ],
)
def test_budapest_article_titles(select, article, title):
    row = one(select, f"SELECT ?l WHERE {{ provision:budapest-convention-art-{article} rdfs:label ?l . }}")
    assert row["l"] == f"Article {article} - {title}"


def test_budapest_article_32_is_a_permission_and_35_an_obligation(select):
    rows = select(
        P
        + """
        SELECT ?art ?kind WHERE { ?o cgo:arisesFrom ?p ; cgo:deonticKind ?kind .
          VALUES (?p ?art) { (provision:budapest-convention-art-32 32) (provision:budapest-convention-art-35 35) } }"""
    )
    kinds = {int(r["art"]): r["kind"].rsplit("/", 1)[1] for r in rows}
    assert kinds == {32: "permission", 35: "obligation"}


def test_every_budapest_obligation_binds_the_parties(select):
    rows = select(
        P
        + """
        SELECT ?o ?a WHERE { ?o a cgo:Obligation ; cgo:arisesFrom/cgo:partOf treaty:budapest-convention ; cgo:addressee ?a .
          FILTER (?a != addressee:parties) }"""
    )
    assert rows == []


# ---------------------------------------------------------------- Second Additional Protocol


def test_second_protocol_main_articles(select):
    rows = select(
        P
        + """
        SELECT ?notation WHERE { ?p cgo:partOf treaty:budapest-second-protocol ; skos:notation ?notation . }"""
    )
    assert sorted(int(r["notation"].split()[1]) for r in rows) == [6, 7, 8, 9, 10, 14]
    row = one(select, "SELECT ?l WHERE { provision:budapest-second-protocol-art-10 rdfs:label ?l . }")
    assert row["l"] == "Article 10 - Emergency mutual assistance"


# ---------------------------------------------------------------- NIS2


@pytest.mark.parametrize(
    ("suffix", "deadline"),
    [
        ("early-warning", "PT24H"),
        ("incident-notification", "PT72H"),
        ("final-report", "P1M"),
    ],
)
def test_nis2_article_23_deadlines(select, suffix, deadline):
    row = one(
        select,
        f"""
        SELECT ?d ?a ?p WHERE {{ obligation:nis2-directive-art-23-{suffix} cgo:deadline ?d ;
          cgo:addressee ?a ; cgo:arisesFrom ?p . }}""",
    )
    # rdflib normalises the lexical form (PT24H reads back as P1D), so compare the durations
    assert Literal(row["d"], datatype=DURATION).toPython() == Literal(deadline, datatype=DURATION).toPython()
    assert row["a"].endswith("/addressee/essential-and-important-entities")
    assert row["p"].endswith("/provision/nis2-directive-art-23")


def test_nis2_article_titles(select):
    rows = select(
        P
        + """
        SELECT ?n ?l WHERE { ?p cgo:partOf instr:nis2-directive ; skos:notation ?n ; rdfs:label ?l . }"""
    )
    labels = {r["n"]: r["l"] for r in rows}
    assert labels["Article 21"] == "Article 21 - Cybersecurity risk-management measures"
    assert labels["Article 23"] == "Article 23 - Reporting obligations"
    assert (
        labels["Article 16"] == "Article 16 - European cyber crisis liaison organisation network (EU-CyCLONe)"
    )
    # article 45 (entry into force) carries the entry-into-force rule in data/rules/
    assert set(labels) == {f"Article {n}" for n in (7, 8, 10, 11, 12, 15, 16, 21, 23, 45)}


def test_nis2_member_state_obligations(select):
    rows = select(
        P
        + """
        SELECT DISTINCT ?n WHERE { ?o cgo:addressee addressee:member-states ; cgo:arisesFrom ?p .
          ?p cgo:partOf instr:nis2-directive ; skos:notation ?n . }"""
    )
    assert sorted(r["n"] for r in rows) == sorted(f"Article {n}" for n in (7, 8, 10, 11, 12))


# ---------------------------------------------------------------- mechanisms


def test_24_7_network_established_by_budapest_convention(select):
    row = one(
        select,
        "SELECT ?i WHERE { mechanism:budapest-24-7-network a cgo:InformationSharingMechanism ; cgo:establishedBy ?i . }",
    )
    assert row["i"].endswith("/treaty/budapest-convention")


@pytest.mark.parametrize(
    ("mech", "operator"),
    [
        ("locked-shields", "nato-ccdcoe"),
        ("cyber-europe", "enisa"),
        ("glacy-plus", "coe"),
        ("glacy-e", "coe"),
        ("eu-csirts-network", "enisa"),
    ],
)
def test_mechanism_operators(select, mech, operator):
    row = one(select, f"SELECT ?o WHERE {{ mechanism:{mech} cgo:operatedBy ?o . }}")
    assert row["o"].endswith(f"/organization/{operator}")


def test_glacy_e_has_eight_hub_countries(select):
    rows = select(P + "SELECT ?s WHERE { mechanism:glacy-e cgo:hasMechanismParticipant ?s . }")
    assert sorted(r["s"].rsplit("/", 1)[1] for r in rows) == sorted(
        ["CHL", "DOM", "GHA", "SEN", "LKA", "PHL", "MUS", "TON"]
    )


def test_glacy_started_1_november_2013(select):
    row = one(select, "SELECT ?d WHERE { mechanism:glacy cgo:startDate ?d . }")
    assert row["d"] == "2013-11-01"


def test_eucc_is_a_certification_scheme_under_the_cybersecurity_act(select):
    row = one(select, "SELECT ?i WHERE { mechanism:eucc a cgo:CertificationScheme ; cgo:establishedBy ?i . }")
    assert row["i"].endswith("/instrument/eu-cybersecurity-act")


# ---------------------------------------------------------------- UN Convention against Cybercrime (2024)
# Arts. 4-15 read in a transcription of the Arabic text, art. 16 on hanoiconvention.org, arts. 64-65(1) on the
# depositary's MTDSG page XVIII-16. No English copy of the text was read: the English words in labels are our gloss.

UNCC = "https://w3id.org/cybergov/id/treaty/un-cybercrime-convention"


def test_un_convention_provisions_cover_the_articles_read(select):
    rows = select(
        P
        + """
        SELECT ?notation WHERE { ?p a cgo:Provision ; cgo:partOf treaty:un-cybercrime-convention ; skos:notation ?notation . }"""
    )
    assert sorted(int(r["notation"].split()[1]) for r in rows) == list(range(4, 17)) + [64, 65]


@pytest.mark.parametrize(
    ("article", "arabic_title"),
    [
        (5, "صون السيادة"),
        (7, "الوصول غير المشروع"),
        (8, "الاعتراض غير المشروع"),
        (11, "إساءة استخدام الأجهزة"),
        (15, "الاستدراج أو الاستمالة لغرض ارتكاب جريمة جنسية ضد طفل"),
    ],
)
def test_un_convention_arabic_titles(select, article, arabic_title):
    row = one(
        select,
        f"""
        SELECT ?t WHERE {{ provision:un-cybercrime-convention-art-{article} skos:altLabel ?t . FILTER (lang(?t) = "ar") }}""",
    )
    assert row["t"] == f"المادة {article}: {arabic_title}"


def test_un_convention_labels_are_marked_as_our_gloss(select):
    # no English title was read, so no label may look like an official "Article N - Title"
    rows = select(
        P
        + """
        SELECT ?l WHERE { ?p cgo:partOf treaty:un-cybercrime-convention ; rdfs:label ?l . }"""
    )
    assert len(rows) == 15
    for r in rows:
        assert " - " not in r["l"] and r["l"].startswith("Article ") and r["l"].endswith("]"), r["l"]


def test_un_convention_article_16_is_sourced_on_the_signing_ceremony_site(select):
    rows = select(
        P
        + """
        SELECT ?s WHERE { provision:un-cybercrime-convention-art-16 <http://purl.org/dc/terms/source> ?s . }"""
    )
    assert rows and all(r["s"].startswith("https://hanoiconvention.org/") for r in rows)
    row = one(
        select,
        """
        SELECT ?k WHERE { obligation:un-cybercrime-convention-art-16-criminalise cgo:deonticKind ?k ;
          cgo:topic topic:substantive-criminal-law . }""",
    )
    assert row["k"].endswith("/deontic/obligation")


def test_un_convention_article_14_criminalises_and_allows_two_limits(select):
    rows = select(
        P
        + """
        SELECT ?kind WHERE { ?o cgo:arisesFrom provision:un-cybercrime-convention-art-14 ; cgo:deonticKind ?kind . }"""
    )
    assert sorted(r["kind"].rsplit("/", 1)[1] for r in rows) == ["obligation", "permission", "permission"]


def test_un_convention_article_5_has_a_prohibition(select):
    row = one(
        select,
        """
        SELECT ?o WHERE { ?o cgo:arisesFrom provision:un-cybercrime-convention-art-5 ; cgo:deonticKind deontic:prohibition . }""",
    )
    assert row["o"].endswith("art-5-no-extraterritorial-enforcement")


def test_every_un_convention_obligation_binds_the_parties(select):
    rows = select(
        P
        + """
        SELECT ?o ?a WHERE { ?o a cgo:Obligation ; cgo:arisesFrom/cgo:partOf treaty:un-cybercrime-convention ;
          cgo:addressee ?a . }"""
    )
    assert len(rows) == 22
    assert {r["a"].rsplit("/", 1)[1] for r in rows} == {"parties"}


def test_un_convention_entry_into_force_after_fortieth_instrument(select):
    row = one(
        select,
        """
        SELECT ?c ?s WHERE { provision:un-cybercrime-convention-art-65 rdfs:comment ?c ;
          <http://purl.org/dc/terms/source> ?s . }""",
    )
    assert "ninetieth day" in row["c"] and "fortieth instrument" in row["c"]
    assert row["s"].endswith("/Chapter%20XVIII/XVIII-16.en.xml")


def test_un_convention_provisions_link_the_official_text(select):
    rows = select(
        P
        + """
        SELECT DISTINCT ?t WHERE { ?p cgo:partOf treaty:un-cybercrime-convention ; cgo:officialText ?t . }"""
    )
    assert [r["t"] for r in rows] == ["https://undocs.org/A/RES/79/243"]
