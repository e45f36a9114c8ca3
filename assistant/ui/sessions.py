"""New Gradio sessions without recomputing the configuration of every block of the app, and events
without an import that fails each time.

Gradio makes a session's state at its first event, and every call through its API
(``/gradio_api/call/ask``) is a session of its own: each one computed the configuration of all of the
app's blocks (about 115, an ``inspect.signature`` and a walk of the constructor's arguments each), about
7 ms on the server's one event loop, which every other request waited behind. A new session's blocks
are the app's own, unchanged, so their configurations are the same every time: :func:`share_configs`
computes each once per block and gives each session its own copy."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

import gradio as gr
from gradio.blocks import BlocksConfig


class _SharedConfigs(BlocksConfig):
    """A BlocksConfig that computes the configuration of each of the app's own blocks once.

    A session's copy is one too, and shares the computed configurations: a block a session replaces
    (an update gives it a new object) is not the app's, and is computed as before."""

    _held: dict[int, tuple[Any, dict]]

    def __copy__(self) -> _SharedConfigs:
        new = super().__copy__()
        new.__class__ = _SharedConfigs
        new._held = self._held
        return new  # type: ignore[return-value]

    def config_for_block(self, _id: int, rendered_ids: list[int], block: Any, renderable: Any = None) -> dict:  # type: ignore[override]
        if renderable is not None:
            return BlocksConfig.config_for_block(_id, rendered_ids, block, renderable)
        held = self._held.get(_id)
        if held is None or held[0] is not block:
            held = self._held[_id] = (block, BlocksConfig.config_for_block(_id, rendered_ids, block))
        config = dict(held[1])
        if "props" in config:  # a session writes its values into its copy's props
            config["props"] = dict(config["props"])
        return config


def share_configs(demo: gr.Blocks) -> None:
    """Let the sessions of ``demo`` share its blocks' configurations (call once the app is built)."""
    config = demo.default_config
    config.__class__ = _SharedConfigs
    config._held = {}  # type: ignore[attr-defined]


def without_matplotlib() -> None:
    """Where matplotlib is not installed, say so once: Gradio tries to import it around every event (to
    set its backend), and a failed import searches the module path again each time, on the event loop."""
    if "matplotlib" not in sys.modules and importlib.util.find_spec("matplotlib") is None:
        sys.modules["matplotlib"] = None  # type: ignore[assignment]  # Python's mark of a module not there
