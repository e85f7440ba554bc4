"""kg/answers/search.py: ranking names without inventing any."""

from __future__ import annotations

from kg.answers.search import fold, initials, score_name


def test_folding_drops_accents_case_and_punctuation():
    assert fold("Türkiye") == "turkiye" and fold("ETS No. 185") == "ets no 185"


def test_initials_of_a_name_rank_above_a_word_that_begins_with_the_query():
    assert initials("United Kingdom") == "uk" and initials("Bosnia and Herzegovina") == "bh"
    assert score_name("uk", "United Kingdom") > score_name("uk", "Ukraine") > 0


def test_exact_names_beat_everything_and_similar_spelling_comes_last():
    assert score_name("czech republic", "Czech Republic") == 100
    assert 0 < score_name("turkey", "Türkiye") < score_name("turk", "Türkiye")
    assert score_name("turkey", "Turkmenistan") == 0


def test_every_word_of_the_query_may_begin_a_word_of_the_name():
    assert score_name("ets 185", "ETS No. 185") > 0 and score_name("ets 186", "ETS No. 185") == 0
