"""`cleannews.rules.media`: video/audio player chrome goes; text about a video stays."""

from __future__ import annotations

import pytest

from cleannews.rules import media

REMOVES = [
    ("videojs-control-bar", '<div class="video-js"><div class="vjs-control-bar"><div class="vjs-play-control"><span class="vjs-control-text">'
     "Play</span></div><div class=\"vjs-current-time\"><span>Current Time</span> 0:00</div></div></div>",
     "Play"),
    ("player-settings-menu", '<div class="player"><div class="yvp-settings-container"><div>Video Quality</div>'
     "<div>Auto</div><div>High (HD)</div><div>Captions will look like this</div></div></div>", "Video Quality"),
    ("jw-controls", '<div class="jw-controls jw-reset"><div class="jw-icon">Playback Rate</div></div>',
     "Playback Rate"),
]


@pytest.mark.parametrize("snippet,dropped", [c[1:] for c in REMOVES], ids=[c[0] for c in REMOVES])
def test_removes_player_chrome(pages, snippet, dropped):
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_removed(article, "media_player", dropped, lang="en")


def test_keeps_prose_about_a_video_and_its_caption(pages):
    snippet = ('<figure class="video"><video src="/v.mp4"></video><figcaption>Riders board the first late-night '
               "bus on Route 9.</figcaption></figure><p>In a video posted by the council, the mayor rode the first "
               "late bus and talked with the driver about the new timetable.</p>")
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_kept(article, "Riders board the first late-night bus", lang="en")
    pages.assert_kept(article, "In a video posted by the council", lang="en")
    assert not pages.removals_by(article, "media_player")


def test_rule_metadata():
    assert media.MEDIA_PLAYER.name == "media_player" and media.MEDIA_PLAYER.description
