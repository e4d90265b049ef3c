"""``i18n.speaking``: a report in the doctor's language, while the app goes on in the patient's."""

from __future__ import annotations

import threading

import pytest

from osteotrack import i18n
from osteotrack.domain.numbers import pain


@pytest.fixture
def app_in_spanish():
    i18n.choose("es")
    yield
    i18n.choose(None)


def test_a_block_speaks_its_language_and_the_one_before_comes_back(app_in_spanish):
    assert i18n._("Lower back") == "Zona lumbar"
    with i18n.speaking("de"):
        assert i18n.language() == "de"
        assert i18n._("Lower back") == "Lendenwirbelsäule" and pain(4.5) == "4,5"
        with i18n.speaking("en"):
            assert i18n._("Lower back") == "Lower back" and pain(4.5) == "4.5"
        assert i18n._("Lower back") == "Lendenwirbelsäule"
    assert i18n.language() == "es" and i18n._("Lower back") == "Zona lumbar"
    with pytest.raises(i18n.UnknownLanguage):
        with i18n.speaking("tlh"):
            pass


def test_a_report_written_in_a_worker_thread_leaves_the_apps_language_alone(app_in_spanish):
    inside, started, finish = {}, threading.Event(), threading.Event()

    def worker() -> None:
        with i18n.speaking("de"):
            started.set()
            finish.wait(5)
            inside["word"] = i18n._("Lower back")

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait(5)
    # While the worker speaks German, the app's own thread still speaks Spanish.
    assert i18n._("Lower back") == "Zona lumbar"
    finish.set()
    thread.join(5)
    assert inside["word"] == "Lendenwirbelsäule"
