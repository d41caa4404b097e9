"""`cleannews.rules`: the ordered rule list, rule names and `active_rules`."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import cleannews
from cleannews.rules import DEFAULT_RULES, AttributeRule, TextBlock, TitledWidget, active_rules, rule_names

RULE_MODULES = ("hidden", "navigation", "ranking", "recommended", "comments", "forms", "share", "ads", "paywall", "consent",
                "carousel", "page_furniture")


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=lambda r: f"{r.name}:{type(r).__name__}")
def test_every_rule_is_named_and_described(rule):
    assert isinstance(rule.name, str) and rule.name.strip() == rule.name and rule.name
    assert isinstance(rule.description, str) and rule.description.strip()
    assert 0 < rule.max_share <= 1.0
    assert callable(rule.match) and callable(rule.applies)


def _all_rule_modules():
    import cleannews.rules as package

    return [importlib.import_module(f"cleannews.rules.{m.name}") for m in pkgutil.iter_modules(package.__path__)]


def _defining_module(rule):
    """The rule module whose top level defines `rule` (data rules are module constants)."""
    homes = [m for m in _all_rule_modules() if not m.__name__.rsplit(".", 1)[1].startswith("_")
             and any(v is rule for v in vars(m).values())]
    assert homes, f"no rule module defines {rule.name!r}"
    return homes[0]


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=lambda r: f"{r.name}:{type(r).__name__}")
def test_every_rule_module_has_a_docstring(rule):
    module = _defining_module(rule)
    assert module.__doc__ and len(module.__doc__.strip()) > 40
    assert isinstance(rule, (AttributeRule, TitledWidget, TextBlock)) or type(rule).__doc__


@pytest.mark.parametrize("name", RULE_MODULES)
def test_rule_modules_docstrings_say_what_they_remove(name):
    module = importlib.import_module(f"cleannews.rules.{name}")
    assert module.__doc__ and "Removes" in module.__doc__


def test_rule_objects_are_unique_and_every_module_contributes():
    assert len({id(r) for r in DEFAULT_RULES}) == len(DEFAULT_RULES)
    for name in RULE_MODULES:
        module = importlib.import_module(f"cleannews.rules.{name}")
        assert any(v is r for v in vars(module).values() for r in DEFAULT_RULES), name


def test_documented_order_starts_with_hidden_and_cheap_rules():
    names = [r.name for r in DEFAULT_RULES]
    assert names[0] == "hidden"
    first_text_rule = next(i for i, r in enumerate(DEFAULT_RULES) if isinstance(r, (TitledWidget, TextBlock)))
    assert all(not isinstance(r, (TitledWidget, TextBlock)) for r in DEFAULT_RULES[:first_text_rule])


def test_rule_names():
    names = rule_names()
    assert {r.name for r in DEFAULT_RULES} <= names
    expected = {"hidden", "skip_links", "navigation", "footer", "consent", "paywall", "ads", "share", "comments",
                "ranking", "recommended", "carousel", "sidebar", "tags", "author_box", "link_dense", "teaser_list",
                "forms"}
    assert expected <= names


def test_active_rules():
    assert active_rules(()) == DEFAULT_RULES
    assert active_rules(set()) is DEFAULT_RULES
    without = active_rules({"ranking", "ads"})
    assert [r for r in DEFAULT_RULES if r.name not in {"ranking", "ads"}] == list(without)
    assert all(r.name not in {"ranking", "ads"} for r in without)
    assert active_rules(iter(["ranking"])) == tuple(r for r in DEFAULT_RULES if r.name != "ranking")
    assert active_rules(["no-such-rule"]) == DEFAULT_RULES


def test_all_rules_off_keeps_boilerplate():
    page = ('<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="story">'
            "<p>The council voted on Tuesday to extend late-night bus service on three busy routes, officials said.</p>"
            "<p>Ridership after ten in the evening rose by roughly a fifth last year, driven by hospital staff.</p>"
            '<div class="share"><p>Please tell your friends about this story today.</p></div></div></body></html>')
    on = cleannews.clean(page)
    assert {r.rule for r in on.removed} >= {"navigation", "share"}
    off = cleannews.clean(page, disabled_rules=rule_names())
    assert off.removed == ()
    assert "Please tell your friends about this story today." in off.text
