"""GET /treaties/{id}/parties and /states/{id}/treaties: one test per temporal rule of the contract (VCLT 2(1)(f)-(g)).

Fixture: tests/fixtures/data/temporal.ttl, treaty `fixture-convention`.
"""

from __future__ import annotations

import csv
import io

import pytest

PARTIES = "/treaties/fixture-convention/parties"


def ids(answer: dict, key: str = "items") -> set[str]:
    return {item["state"]["id"] for item in answer[key]}


def get(client, url: str, **params) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_party_rule_in_force_for_the_state_on_the_date(client):
    assert "FRA" not in ids(get(client, PARTIES, as_of="2011-12-31"))
    answer = get(client, PARTIES, as_of="2012-01-01")
    assert "FRA" in ids(answer)
    fra = next(i for i in answer["items"] if i["state"]["id"] == "FRA")
    assert fra["status_on_date"] == "party"
    assert (
        fra["consent_kind"] == "ratification"
        and fra["consented"] == "2011-06-01"
        and fra["in_force"] == "2012-01-01"
    )
    assert (
        fra["state"]["iri"] == "https://w3id.org/cybergov/id/state/FRA" and fra["state"]["label"] == "France"
    )
    assert fra["sources"] == ["https://example.org/fixture-convention"]


def test_ratified_not_yet_in_force_is_contracting_not_party(client):
    assert "ITA" not in ids(get(client, PARTIES, as_of="2013-05-01"))
    contracting = get(client, PARTIES, as_of="2013-05-01", status="contracting")
    assert "ITA" in ids(contracting)
    assert (
        next(i for i in contracting["items"] if i["state"]["id"] == "ITA")["status_on_date"] == "contracting"
    )
    assert "FRA" in ids(contracting)  # parties are contracting states too
    assert "ITA" in ids(get(client, PARTIES, as_of="2013-07-01"))


def test_signed_not_ratified_is_signatory_only(client):
    signatories = get(client, PARTIES, as_of="2013-05-01", status="signatory")
    assert "DEU" in ids(signatories)
    assert "ITA" not in ids(signatories)  # consented on 2013-03-01
    assert "DEU" not in ids(get(client, PARTIES, as_of="2013-05-01", status="contracting"))
    assert "DEU" not in ids(get(client, PARTIES, as_of="2013-05-01"))
    assert "ITA" in ids(get(client, PARTIES, as_of="2013-02-28", status="signatory"))
    assert "DEU" not in ids(get(client, PARTIES, as_of="2009-12-31", status="signatory"))


def test_denunciation_ends_party_status_on_its_effective_date(client):
    assert "GBR" in ids(get(client, PARTIES, as_of="2019-12-31"))
    after = get(client, PARTIES, as_of="2020-01-01", status="all")
    gbr = next(i for i in after["items"] if i["state"]["id"] == "GBR")
    assert gbr["status_on_date"] == "none" and gbr["denounced"] == "2020-01-01"
    assert "GBR" not in ids(get(client, PARTIES, as_of="2020-01-01"))
    assert "GBR" not in ids(get(client, PARTIES, as_of="2020-01-01", status="contracting"))


def test_accession_without_signature(client):
    assert "USA" not in ids(get(client, PARTIES, as_of="2014-01-01", status="signatory"))
    assert "USA" in ids(get(client, PARTIES, as_of="2014-06-01", status="contracting"))
    assert "USA" in ids(get(client, PARTIES, as_of="2014-09-01"))


def test_missing_consent_date_goes_to_unknown_with_a_note(client):
    answer = get(client, PARTIES, as_of="2020-06-01")
    assert "ESP" not in ids(answer)
    esp = next(i for i in answer["unknown"] if i["state"]["id"] == "ESP")
    assert "without a date" in esp["note"]
    assert esp["status_on_date"] is None
    assert "ESP" in ids(get(client, PARTIES, as_of="2020-06-01", status="signatory"), "unknown")


def test_missing_entry_into_force_is_unknown_for_party_but_known_contracting(client):
    party = get(client, PARTIES, as_of="2016-01-01")
    assert "JPN" in ids(party, "unknown") and "JPN" not in ids(party)
    assert "entry into force" in next(i for i in party["unknown"] if i["state"]["id"] == "JPN")["note"]
    contracting = get(client, PARTIES, as_of="2016-01-01", status="contracting")
    assert "JPN" in ids(contracting) and "JPN" not in ids(contracting, "unknown")
    assert "JPN" not in ids(
        get(client, PARTIES, as_of="2014-01-01"), "unknown"
    )  # before consent: certainly not


def test_status_all_lists_every_record_with_its_status(client):
    answer = get(client, PARTIES, as_of="2013-05-01", status="all")
    status = {i["state"]["id"]: i["status_on_date"] for i in answer["items"]}
    assert status == {
        "FRA": "party",
        "GBR": "party",
        "ITA": "contracting",
        "DEU": "signatory",
        "ESP": None,
        "USA": "none",
        "JPN": "signatory",
    }
    assert answer["as_of"] == "2013-05-01" and answer["status"] == "all" and answer["total"] == 7


def test_as_of_defaults_to_today(client):
    answer = get(client, PARTIES)
    from datetime import date

    assert answer["as_of"] == date.today().isoformat() and answer["status"] == "party"
    assert ids(answer) == {"FRA", "ITA", "USA"}


@pytest.mark.parametrize("bad", ["2020-13-01", "01/02/2020", "yesterday", "20200101"])
def test_bad_as_of_is_422_naming_the_parameter(client, bad):
    response = client.get(PARTIES, params={"as_of": bad})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["parameter"] == "as_of" and "as_of" in response.json()["detail"]


def test_bad_status_is_422_naming_the_parameter(client):
    response = client.get(PARTIES, params={"status": "member"})
    assert response.status_code == 422 and response.json()["parameter"] == "status"


def test_unknown_treaty_is_404_with_suggestions(client):
    response = client.get("/treaties/fixture-conventoin/parties")
    assert response.status_code == 404
    body = response.json()
    assert "fixture-conventoin" in body["detail"] and "fixture-convention" in body["suggestions"]


def test_state_treaties_by_alpha2_lowercase(client):
    answer = get(client, "/states/gb/treaties", as_of="2015-01-01")
    assert [i["treaty"]["id"] for i in answer["items"]] == ["fixture-convention"]
    assert get(client, "/states/GBR/treaties", as_of="2020-01-01")["items"] == []
    signed = get(client, "/states/de/treaties", as_of="2015-01-01", status="signatory")
    assert [i["treaty"]["id"] for i in signed["items"]] == ["fixture-convention"]


def test_parties_csv_is_a_flat_table(client):
    response = client.get(PARTIES, params={"as_of": "2013-07-01"}, headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.strip().splitlines()
    header = lines[0].split(",")
    assert {
        "id",
        "state_id",
        "state_label",
        "state_iri",
        "signed",
        "consented",
        "in_force",
        "status_on_date",
        "sources",
    } <= set(header)
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["state_id"] for r in rows if r["list"] == "items") == ["FRA", "GBR", "ITA"]
    # the records JSON lists in `unknown` follow as rows of their own, with the note that says why (issue 14)
    unknown = client.get(PARTIES, params={"as_of": "2013-07-01"}).json()["unknown"]
    assert [(r["state_id"], r["note"]) for r in rows if r["list"] == "unknown"] == [
        (u["state"]["id"], u["note"]) for u in unknown
    ] and unknown
    assert response.headers["X-Unknown-Count"] == str(len(unknown))


def test_parties_jsonld_is_the_graph_of_the_records(client):
    response = client.get(PARTIES, params={"as_of": "2013-07-01"}, headers={"Accept": "application/ld+json"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/ld+json")
    import json

    text = json.dumps(response.json())
    assert "participation/fixture-convention/ITA" in text and "2013-07-01" in text
    assert "participation/fixture-convention/DEU" not in text  # not a party on that date


def test_pagination_limit_offset_total(client):
    first = get(client, PARTIES, as_of="2013-05-01", status="all", limit=3)
    second = get(client, PARTIES, as_of="2013-05-01", status="all", limit=3, offset=3)
    assert first["total"] == second["total"] == 7
    assert len(first["items"]) == 3 and len(second["items"]) == 3
    assert not ids(first) & ids(second)
    assert (first["limit"], first["offset"], second["offset"]) == (3, 0, 3)
    assert client.get(PARTIES, params={"limit": 0}).status_code == 422
    assert client.get(PARTIES, params={"offset": -1}).json()["parameter"] == "offset"


def test_treaty_detail_and_related_instruments(client):
    treaty = get(client, "/treaties/FIXTURE-CONVENTION")
    assert treaty["id"] == "fixture-convention" and treaty["kind"] == "treaty"
    assert treaty["depositary"]["id"] == "coe" and treaty["opened_for_signature"] == "2010-01-01"
    assert "FTS No. 001" in treaty["alt_labels"]
    assert {"relation": "supplements", "direction": "incoming"}.items() <= treaty["related"][0].items()
    assert treaty["related"][0]["instrument"]["id"] == "fixture-protocol"


def test_treaties_list_excludes_non_treaties_and_filters_by_number(client):
    listed = {i["id"] for i in get(client, "/treaties")["items"]}
    assert {"fixture-convention", "fixture-protocol", "budapest-convention"} <= listed
    assert "fixture-regulation" not in listed
    assert [i["id"] for i in get(client, "/treaties", q="fts no. 002")["items"]] == ["fixture-protocol"]
    assert client.get("/treaties/fixture-regulation").status_code == 404
