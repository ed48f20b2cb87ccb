"""Twenty concurrent chat sessions of ten questions each against the running UI."""

import importlib.util

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_twenty_sessions_get_their_own_answers_without_errors() -> None:
    spec = importlib.util.spec_from_file_location("ui_load", ROOT / "bench" / "ui_load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.run_load(sessions=20, questions=10)
    print(result)
    assert result["errors"] == []
    assert result["mixed_up"] == 0
    assert result["answers"] == 200
