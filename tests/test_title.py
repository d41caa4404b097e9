"""_title: cutting the site's name off reference titles (pick_title runs in test_metadata)."""

from __future__ import annotations

import pytest

from cleannews._title import strip_site_suffix


@pytest.mark.parametrize("title, site, expected", [
    ("Council approves bus plan - The Harbor Ledger", None, "Council approves bus plan"),
    ("Council approves bus plan | The Harbor Ledger", "The Harbor Ledger", "Council approves bus plan"),
    ("The Harbor Ledger | Council approves bus plan", "The Harbor Ledger", "Council approves bus plan"),
    ("保育料を完全無償化へ｜さくら新聞デジタル", None, "保育料を完全無償化へ"),
    ("动力电池迎来退役潮 回收利用产业加速布局-绿能财经网", None, "动力电池迎来退役潮 回收利用产业加速布局"),
    ("Google - Site Reliability Engineering", None, "Site Reliability Engineering"),  # "Google" is too short
    ("No separator here", None, "No separator here"),
])
def test_strip_site_suffix(title, site, expected):
    assert strip_site_suffix(title, site) == expected


def test_known_site_parts_go_before_the_generic_cut():
    assert strip_site_suffix("Headline here - Section - Site", None, ("Site",), generic=False) == "Headline here - Section"
    assert strip_site_suffix("Headline - with a dash", None, (), generic=False) == "Headline - with a dash"
