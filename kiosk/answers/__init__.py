"""Common questions on the kiosk (issue #13, docs/answers.md).

Pure modules: :mod:`.bundle` (the published bundle, parsed and validated whole), :mod:`.choice`
(which text to show and which note goes with it), :mod:`.search` (folding and ranking). The cache
on disk is :mod:`.cache`; fetching and playing recordings live with the asyncio side
(kiosk/answers_sync.py, kiosk/answers_player.py).
"""
