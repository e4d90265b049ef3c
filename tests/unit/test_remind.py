"""`osteotrack remind`: one short line when nothing is logged today, nothing when something is."""

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

from osteotrack.cli.remind import reminder
from osteotrack.domain.records import Entry
from osteotrack.store import Diary
from tests.conftest import NOW, ROOT, TZ
from tests.support import active


def test_the_reminder_follows_the_given_day(diary):
    dad = diary.add_profile("Dad")
    # Late on Monday evening: Monday has an entry, Tuesday has none.
    diary.profile_by_id(dad).add_entry(Entry(at=datetime(2026, 11, 23, 23, 30, tzinfo=TZ), pain=4), now=NOW)
    monday, tuesday = date(2026, 11, 23), date(2026, 11, 24)
    assert diary.profile_by_id(dad).logged_on(monday) and reminder(diary.profile_by_id(dad), monday) is None
    assert not diary.profile_by_id(dad).logged_on(tuesday)
    assert (
        reminder(diary.profile_by_id(dad), tuesday)
        == "osteotrack: nothing logged today for Dad; log with: osteotrack log --pain N"
    )
    # Another profile's entry does not count for Dad.
    diary.profile("me").add_entry(Entry(at=datetime(2026, 11, 24, 8, 0, tzinfo=TZ), pain=2), now=NOW)
    assert reminder(diary.profile_by_id(dad), tuesday) is not None


def test_an_entry_late_in_the_evening_counts_for_the_day_it_was_entered_on(diary):
    # 23:30 at UTC-05:00 is already the next day in UTC: the reminder goes by the writer's own day.
    late = datetime(2026, 11, 23, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    active(diary).add_entry(Entry(at=late, pain=3), now=NOW + timedelta(days=1))
    assert active(diary).logged_on(date(2026, 11, 23))
    assert not active(diary).logged_on(date(2026, 11, 24))


def test_remind_as_a_process_is_silent_after_an_entry_dated_now(run_process, db_path):
    first = run_process("remind")
    assert first.returncode == 0
    assert (
        first.stdout
        == f"osteotrack: no diary at {db_path} yet; start one with 'osteotrack' or 'osteotrack log --pain N'.\n"
    )
    assert not db_path.exists()
    run_process("log", "--pain", "1", "--at", "2020-01-01")  # creates the diary, an old entry
    nothing = run_process("remind")
    assert (
        nothing.returncode == 0
        and nothing.stdout == "osteotrack: nothing logged today for me; log with: osteotrack log --pain N\n"
    )
    assert run_process("log", "--pain", "4").returncode == 0  # dated now
    done = run_process("remind")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_remind_exits_0_on_a_file_that_is_not_a_diary(run_process, db_path):
    db_path.write_text("not a diary")
    result = run_process("remind")
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.startswith("osteotrack: cannot check today's entries:") and result.stderr.count("\n") == 1


def test_remind_imports_nothing_heavy(db_path):
    Diary.open(db_path).close()
    # It runs at every shell start: no TUI, no tables, no migrations library, not even the analysis.
    code = (
        f"import sys; from osteotrack.cli import cli; cli(['--db', {str(db_path)!r}, 'remind'], "
        f"standalone_mode=False); "
        "print(sorted(m for m in ('textual', 'rich', 'sqlite_utils', 'numpy', 'matplotlib', 'osteotrack.analysis') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "[]"
