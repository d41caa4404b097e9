"""Media player chrome: the control bars, settings menus and caption panels of video and
audio players ('Play', 'Current Time 0:00', 'Captions will look like this', 'Playback Rate').

Removes: elements named after player controls or settings (video.js 'vjs-*', JW Player
'jw-controls', MediaElement 'mejs-*', Plyr 'plyr__controls', 'settings', 'control bar').
Keeps: the article's own text about a video, and a figure's caption.
"""

from __future__ import annotations

from ._base import AttributeRule

__all__ = ["MEDIA_PLAYER"]

MEDIA_PLAYER = AttributeRule(
    name="media_player",
    description="video/audio player controls and settings (class 'vjs-control-bar', 'jw-controls', 'settings')",
    words=("vjs", "jw controls", "jw controlbar", "jw settings*", "mejs", "plyr", "controlbar*", "control bar",
           "player controls", "player settings", "settings"),
    max_share=0.25,
)
