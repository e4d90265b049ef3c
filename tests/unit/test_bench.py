"""The benchmark's own helpers (bench/bench.py): a full run needs its own installed copy and minutes,
so these check the parts that decide what the table says."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_under_test", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_quick_is_one_small_diary_and_one_run(bench):
    args = bench.parse_args(["--quick"])
    assert (args.years, args.repeat) == ([bench.QUICK_YEARS], 1)
    args = bench.parse_args([])
    assert (args.years, args.repeat) == ([10.0], 15)
    assert bench.parse_args(["--years", "10", "30", "60"]).years == [10.0, 30.0, 60.0]


def test_goals_are_judged_on_the_medians(bench):
    # ≤ 2× the floor: 50 ms against 25 ms is exactly 2× (met), 51 ms is 2.04× (not).
    at_most_twice = bench.ratio_at_most(2.0)
    assert at_most_twice(0.050, 0.025) and not at_most_twice(0.051, 0.025)
    assert not at_most_twice(0.010, None)  # no floor measured: the goal cannot be said to hold
    under_half_a_second = bench.below(0.5)
    assert under_half_a_second(0.499, None) and not under_half_a_second(0.5, None)
    row = bench.Row("r", target=lambda: 0.0, met=under_half_a_second)
    assert bench.verdict(row, 0.4, None) == "met"
    assert bench.verdict(row, 0.6, None) == "NOT met"
    assert bench.verdict(bench.Row("no goal", target=lambda: 0.0), 9.0, None) == ""


def test_growth_compares_the_smallest_and_largest_diary_of_sized_rows(bench):
    sized = bench.Row("list", target=lambda: 0.0, sized=True)
    fixed = bench.Row("log", target=lambda: 0.0)
    results = [(10.0, sized, 0.4, 0.2), (10.0, fixed, 0.06, 0.03), (30.0, sized, 1.0, 0.5), (60.0, sized, 2.0, 0.5)]
    # 60 y against 10 y: median 2.0 / 0.4 = 5×; ratio (2.0 / 0.5) / (0.4 / 0.2) = 4 / 2 = 2×.
    ((name, sizes, median_growth, ratio_growth),) = bench.growth(results)
    assert (name, sizes) == ("list", "10→60 y")
    assert median_growth == pytest.approx(5.0)
    assert ratio_growth == pytest.approx(2.0)


def test_measure_alternates_and_takes_medians(bench):
    calls = []
    times = iter([9.0, 1.0, 2.0, 10.0, 3.0, 20.0, 30.0])  # the first two are the unmeasured warm-up runs

    def target():
        calls.append("t")
        return next(times)

    def floor():
        calls.append("f")
        return next(times)

    value, base = bench.measure(target, floor, repeat=2)
    assert calls == ["t", "f", "t", "f", "t", "f"]
    assert (value, base) == (2.5, 15.0)  # medians of (2, 3) and (10, 20)


def test_a_goal_for_every_run_keeps_the_slowest(bench):
    times = iter([9.0, 1.0, 2.0, 10.0, 3.0, 20.0, 1.5, 30.0])  # warm-up, then (target, floor) three times
    value, base = bench.measure(lambda: next(times), lambda: next(times), repeat=3, slowest=True)
    assert (value, base) == (3.0, 20.0)  # the slowest of (2, 3, 1.5); the median of (10, 20, 30)


def test_a_changed_source_file_changes_the_install_fingerprint(bench, tmp_path):
    package = tmp_path / "osteotrack"
    package.mkdir()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (package / "a.py").write_text("A = 1\n")
    before = bench.source_digest(tmp_path)
    assert bench.source_digest(tmp_path) == before
    (package / "a.py").write_text("A = 2\n")
    assert bench.source_digest(tmp_path) != before


def test_shown_values(bench):
    assert bench.show(0.0123, "ms") == "12.3 ms"
    assert bench.show(3 * 2**20, "MiB") == "3.0 MiB"
    assert bench.show(0.0, "n") == "0"
