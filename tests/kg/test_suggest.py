"""kg.suggest: what a 404 suggests for an id nobody has (close ids, initials, prefixes)."""

from __future__ import annotations

import pytest

from kg.suggest import by_initials, close_ids, initials, starting_with

NAMES = {
    "GBR": ["United Kingdom of Great Britain and Northern Ireland", "United Kingdom"],
    "UKR": ["Ukraine"],
    "COD": ["Congo, Democratic Republic of the", "Democratic Republic of the Congo"],
    "USA": ["United States of America"],
}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("United Kingdom", "UK"),
        ("United Kingdom of Great Britain and Northern Ireland", "UKGBNI"),
        ("Democratic Republic of the Congo", "DRC"),
        ("Korea (Republic of)", "KR"),
        ("Guinea-Bissau", "GB"),
        ("Ukraine", "U"),
    ],
)
def test_initials_are_the_capitalised_words_first_letters(name, expected):
    assert initials(name) == expected


def test_a_short_code_finds_the_state_whose_name_it_abbreviates():
    assert by_initials("uk", NAMES) == ["GBR"]
    assert by_initials("DRC", NAMES) == ["COD"]
    assert by_initials("usa", NAMES) == ["USA"]


def test_one_letter_or_a_non_letter_abbreviates_nothing():
    assert by_initials("u", NAMES) == []
    assert by_initials("u.k", NAMES) == []


def test_starting_with_matches_any_key_in_any_case():
    assert starting_with("uk", {"GBR": ["GBR", "GB"], "UKR": ["UKR", "UA"]}) == ["UKR"]
    assert starting_with("united", NAMES) == ["GBR", "USA"]
    assert starting_with(" ", NAMES) == []


def test_close_ids_alone_rank_ukraine_first_for_uk():
    """Why the initials come first: by spelling alone, "uk" is closest to UKR."""
    assert close_ids("UK", ["GBR", "UKR", "USA"])[0] == "UKR"
