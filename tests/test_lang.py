"""_lang: the markup's language checked against the text's script."""

from __future__ import annotations

import pytest

from cleannews._lang import lang_code, settle_lang


@pytest.mark.parametrize("marked, text, expected", [
    ("en", "東京都は13日、新たに120人の感染を確認したと発表した。都内の累計は38万人を超えた。", "ja"),
    ("en", "滨江市12条夜间公交线路将于11月1日起正式开通，运营时间为每晚22时至次日凌晨2时。", "zh"),
    ("ja", "서울시는 13일 새로운 버스 노선을 개통한다고 밝혔다. 시민들의 반응은 좋았다.", "ko"),
    ("de", "Der Stadtrat hat am Dienstag den neuen Busplan beschlossen und die Finanzierung gesichert.", "de"),
    ("ja", "The council met on Tuesday and voted for the plan, and the mayor said that it is a good day.", "en"),
    ("ja", "Der Stadtrat hat am Dienstag den neuen Busplan beschlossen und die Finanzierung gesichert.", None),
    (None, "東京都は13日、新たに120人の感染を確認したと発表した。都内の累計は38万人を超えた。", "ja"),
    ("en", "東京", "en"),  # too little text to overrule the markup
    ("en", "Naukowcy z Uniwersytetu Warszawskiego odkryli nowy gatunek bakterii, który potrafi rozkładać "
           "plastik w niskich temperaturach. Badania prowadzono przez trzy lata w kilku laboratoriach "
           "na terenie całego kraju, a wyniki opublikowano w czasopiśmie naukowym.", None),
    ("zh", "中华人民共和国国务院新闻办公室今天举行新闻发布会，介绍有关情况并答记者问。", "zh"),
])
def test_settle_lang(marked, text, expected):
    assert settle_lang(marked, text) == expected


@pytest.mark.parametrize("value, expected", [
    ("en-US", "en"), ("ja_JP", "ja"), ("zh-Hans", "zh"), ("DE", "de"), ("fil", "fil"),
    ("x-default", None), ("", None), (None, None), ("english", None),
])
def test_lang_code(value, expected):
    assert lang_code(value) == expected
