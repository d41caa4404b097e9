"""robots.txt parsing: rules per agent, fractional Crawl-delay, Request-rate."""

from __future__ import annotations

from cleannews.fetch._robots import Robots, parse_robots

UA = "cleannews/0.1.0 (news article fetcher)"


def test_rules_for_our_agent_and_for_everyone():
    robots = parse_robots("User-agent: *\nDisallow: /private/\n\nUser-agent: cleannews\n"
                          "Disallow: /no-cleannews/\nCrawl-delay: 2.5\n", UA)
    assert robots.allowed("http://a/private/x", UA)  # our group replaces '*'
    assert not robots.allowed("http://a/no-cleannews/x", UA)
    assert robots.delay == 2.5
    other = parse_robots("User-agent: *\nDisallow: /private/\nCrawl-delay: 0.5\n", "somebot/1")
    assert not other.allowed("http://a/private/x", "somebot/1") and other.delay == 0.5


def test_request_rate_becomes_a_delay():
    robots = parse_robots("User-agent: *\nRequest-rate: 1/4\n", UA)
    assert robots.delay == 4.0


def test_bad_values_are_ignored():
    robots = parse_robots("User-agent: *\nCrawl-delay: soon\nRequest-rate: x\nDisallow:\n", UA)
    assert robots.delay == 0.0 and robots.allowed("http://a/", UA)


def test_unreachable_and_missing():
    assert not Robots(unreachable="robots.txt answered 503").allowed("http://a/", UA)
    assert Robots().allowed("http://a/anything", UA)
