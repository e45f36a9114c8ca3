"""A new Gradio session (every call through /gradio_api/call/…) gets its blocks' configurations from the
ones computed once for the app (assistant.ui.sessions): the same as Gradio computes for each block, and
a session's own values never reach the next session."""

from __future__ import annotations

import pytest

gr = pytest.importorskip("gradio")

from gradio.blocks import BlocksConfig  # noqa: E402
from gradio.state_holder import SessionState  # noqa: E402

from assistant.ui.app import build_app  # noqa: E402
from assistant.ui.service import Service  # noqa: E402
from assistant.ui.sessions import share_configs  # noqa: E402


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_app(Service(tmp_path_factory.mktemp("store") / "empty.sqlite"))


def _gradios(demo) -> dict:
    """Each block's configuration as Gradio itself computes it."""
    return {
        k: BlocksConfig.config_for_block(k, [], b) for k, b in demo.default_config.blocks.items() if k in demo.blocks
    }


def test_a_new_session_has_the_configuration_gradio_computes(demo):
    expected = _gradios(demo)
    share_configs(demo)
    assert SessionState(demo).config_values == expected
    assert SessionState(demo).config_values == expected  # the second from the configurations kept


def test_a_sessions_values_stay_its_own(demo):
    share_configs(demo)
    first = SessionState(demo)
    textbox = next(k for k, b in demo.blocks.items() if isinstance(b, gr.Textbox))
    first._update_value_in_config(textbox, "asked in the first session only")
    assert first.config_values[textbox]["props"]["value"] == "asked in the first session only"
    assert SessionState(demo).config_values[textbox] == _gradios(demo)[textbox]


def test_a_block_a_session_replaces_is_computed_afresh(demo):
    share_configs(demo)
    session = SessionState(demo)
    dropdown = next(k for k, b in demo.blocks.items() if isinstance(b, gr.Dropdown))
    session.blocks_config.blocks[dropdown] = gr.Dropdown(
        choices=[("只在这个会话 this session only", "x")], render=False
    )
    session._update_config(dropdown)  # what an update of the block in this session does
    assert session.config_values[dropdown]["props"]["choices"] == [("只在这个会话 this session only", "x")]
    assert SessionState(demo).config_values[dropdown] == _gradios(demo)[dropdown]
