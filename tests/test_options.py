"""`cleannews.Options`: frozen settings, overrides checked by name, any iterable of rule names."""

from __future__ import annotations

import dataclasses

import pytest

import cleannews
from cleannews import Options

PAGE = ("<html><head><title>Bus plan</title></head><body><article><h1>Bus plan</h1>"
        "<p>The council voted on Tuesday to extend late-night bus service on three busy routes, officials said.</p>"
        "<p>Ridership after ten in the evening rose by roughly a fifth last year, driven by hospital staff.</p>"
        '<div class="ranking"><h3>Most read</h3><p>Storm knocks out power to thousands of homes.</p></div>'
        "<table><tr><th>Route</th><th>Last bus</th></tr><tr><td>14</td><td>00:30</td></tr></table>"
        "</article></body></html>")


def test_defaults():
    opts = Options()
    assert opts.disabled_rules == frozenset()
    assert opts.include_comments is False and opts.include_tables is True
    assert opts.min_body_chars == 80
    assert opts.max_input_bytes == 20_000_000


def test_frozen():
    opts = Options()
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.min_body_chars = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.disabled_rules = frozenset({"ads"})  # type: ignore[misc]


def test_hashable_and_equal_by_value():
    a = Options(disabled_rules=["ads", "share"])
    b = Options(disabled_rules=("share", "ads"))
    assert a == b and hash(a) == hash(b)
    assert len({a, b, Options()}) == 2


@pytest.mark.parametrize("rules", [["ranking"], ("ranking",), {"ranking"}, frozenset({"ranking"}),
                                   iter(["ranking"]), (r for r in ["ranking"]), {"ranking": True}.keys()])
def test_disabled_rules_accepts_any_iterable(rules):
    opts = Options(disabled_rules=rules)
    assert opts.disabled_rules == frozenset({"ranking"})
    assert isinstance(opts.disabled_rules, frozenset)


def test_disabled_rules_as_single_string():
    try:
        opts = Options(disabled_rules="ranking")  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return
    assert opts.disabled_rules == frozenset({"ranking"})


def test_replace_checks_names():
    opts = Options()
    assert opts.replace(min_body_chars=10).min_body_chars == 10
    assert opts.min_body_chars == 80  # unchanged
    with pytest.raises(TypeError, match="bogus"):
        opts.replace(bogus=1)


def test_replace_normalises_disabled_rules():
    assert Options().replace(disabled_rules=["ads"]).disabled_rules == frozenset({"ads"})


def test_clean_rejects_unknown_overrides():
    with pytest.raises(TypeError, match="bogus"):
        cleannews.clean(PAGE, bogus=1)
    with pytest.raises(TypeError):
        cleannews.clean(PAGE, options=Options(), include_comment=True)  # typo of include_comments


def test_clean_overrides_apply_on_top_of_options():
    base = Options(disabled_rules={"ranking"})
    kept = cleannews.clean(PAGE, options=base)
    assert "Storm knocks out power" in kept.text
    dropped = cleannews.clean(PAGE, options=base, disabled_rules=frozenset())
    assert "Storm knocks out power" not in dropped.text
    assert base.disabled_rules == frozenset({"ranking"})  # the caller's options are untouched


def test_override_disabled_rules_with_a_list():
    article = cleannews.clean(PAGE, disabled_rules=["ranking"])
    assert "Storm knocks out power" in article.text
    assert all(r.rule != "ranking" for r in article.removed)


def test_min_body_chars_lowered():
    notice = "<html><body><p>Route 14 runs late tonight, the city transit office said.</p></body></html>"
    assert cleannews.clean(notice, min_body_chars=10).is_article
    assert cleannews.clean(notice, min_body_chars=10).text == "Route 14 runs late tonight, the city transit office said."


def test_min_body_chars_raised():
    assert cleannews.clean(PAGE).is_article
    article = cleannews.clean(PAGE, min_body_chars=100_000)
    assert not article.is_article and article.text == "" and "too little" in article.reason


def test_include_tables_false_renders_no_table_rows():
    with_tables = cleannews.clean(PAGE)
    assert any(b.kind == "table_row" for b in with_tables.blocks)
    without = cleannews.clean(PAGE, include_tables=False)
    assert not any(b.kind == "table_row" for b in without.blocks)
    assert "The council voted on Tuesday" in without.text


def test_options_object_is_reusable_across_calls():
    opts = Options(disabled_rules={"ranking"})
    first = cleannews.clean(PAGE, options=opts)
    second = cleannews.clean(PAGE, options=opts)
    assert first == second
