"""Handing a diary over: one profile exported, imported into another diary, again without duplicates."""

import hashlib
import json

from osteotrack.store import Diary


def test_one_profile_goes_to_another_diary_and_a_second_import_adds_nothing(run_cli, db_path, tmp_path):
    # Anna's diary: her own entries and her father's.
    run_cli("log", "--pain", "2", "--at", "2026-11-20T08:00")
    run_cli("profile", "add", "Dad")
    run_cli(
        "--profile",
        "Dad",
        "log",
        "--pain",
        "7",
        "--where",
        "mid-back/T8:7",
        "--therapy",
        "heat:60",
        "--by",
        "Anna",
        "--at",
        "2026-11-21T19:00",
    )
    run_cli("--profile", "Dad", "checkin", "--pain", "6", "--day", "2026-11-21")
    run_cli("--profile", "Dad", "event", "fracture", "--site", "mid-back", "--level", "T8", "--at", "2026-11-02")
    run_cli("--profile", "Dad", "question", "Can he walk to the shop?")
    out = tmp_path / "dad.json"
    assert run_cli("export", "--profile", "Dad", "-o", str(out)).exit_code == 0
    exported = json.loads(out.read_text())
    assert [p["name"] for p in exported["profiles"]] == ["Dad"]  # nothing of Anna's own
    assert out.stat().st_mode & 0o777 == 0o600

    # Her brother's diary already has his own profile "me" and a profile "Mum".
    other = tmp_path / "brother.db"
    with Diary.open(other) as diary:
        mum = diary.add_profile("Mum")
        run_other = lambda *args: run_cli("--db", str(other), *args)  # noqa: E731 (the last --db wins)
        run_other("log", "--pain", "3", "--at", "2026-11-22T10:00")
        run_other("--profile", "Mum", "log", "--pain", "4", "--at", "2026-11-22T11:00")
        mine_before = [e.id for e in diary.profile("me").entries()]
        mum_before = [e.id for e in diary.profile_by_id(mum).entries()]
    first = run_other("import", str(out), "--as-profile", "Father")
    assert first.output == "Imported 1 entry, 1 check-in, 1 event, 1 question; 0 already in the diary.\n"
    second = run_other("import", str(out), "--as-profile", "Father")
    assert second.output == "Imported 0 entries, 0 check-ins, 0 events, 0 questions; 4 already in the diary.\n"

    with Diary.open(other) as diary, Diary.open(db_path) as source:
        father, dad = diary.profile_id("Father"), source.profile_id("Dad")
        assert (
            diary.profile_by_id(father).entries() == source.profile_by_id(dad).entries()
        )  # every field, entered_by included
        assert diary.profile_by_id(father).entries()[0].entered_by == "Anna"
        assert diary.profile_by_id(father).checkins() == source.profile_by_id(dad).checkins()
        assert diary.profile_by_id(father).events() == source.profile_by_id(dad).events()
        assert diary.profile_by_id(father).questions() == source.profile_by_id(dad).questions()
        assert [e.id for e in diary.profile("me").entries()] == mine_before
        assert [e.id for e in diary.profile_by_id(mum).entries()] == mum_before
        # Exported again from the new diary, the profile is the same document (but for its name).
        again = run_other("export", "--profile", "Father", "-o", "-").output
        # A profile imported under another name keeps its own uid and change time (sync's bookkeeping):
        # it is not the file's profile, only a home for its records.
        same = {"name": "Dad", "created": None, "uid": None, "changed": None}
        assert json.loads(again)["profiles"][0] | same == exported["profiles"][0] | same


def test_importing_into_a_profile_that_holds_the_records_elsewhere_is_refused_whole(run_cli, db_path, tmp_path):
    run_cli("profile", "add", "Dad")
    run_cli("--profile", "Dad", "log", "--pain", "7", "--at", "2026-11-21T19:00")
    out = tmp_path / "dad.json"
    run_cli("export", "--profile", "Dad", "-o", str(out))
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    result = run_cli("import", str(out), "--as-profile", "Mum")  # same diary: would move Dad's entry
    assert result.exit_code == 2 and "already belongs to another profile" in result.output
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert "Mum" not in run_cli("profile", "list").output


def test_import_as_profile_tidies_the_name_like_profile_add(run_cli, tmp_path):
    run_cli("profile", "add", "Dad")
    run_cli("--profile", "Dad", "log", "--pain", "7", "--at", "2026-11-21T19:00")
    out = tmp_path / "dad.json"
    run_cli("export", "--profile", "Dad", "-o", str(out))
    other = tmp_path / "other.db"
    assert run_cli("--db", str(other), "import", str(out), "--as-profile", "  Grand   dad ").exit_code == 0
    assert "  Grand dad  1 entry" in run_cli("--db", str(other), "profile", "list").output
