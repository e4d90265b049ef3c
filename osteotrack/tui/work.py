"""One way for the app and its screens to read and write the diary, and one place for what goes wrong.

Every job runs in a thread worker with a connection of its own (a ``Diary`` belongs
to one thread) and is handed a ``ProfileDiary`` bound to the app's profile by its id,
so a rename in another terminal changes nothing here. The worker's result comes back
through ``on_worker_state_changed``, the one handler of them all:

- a result for a screen that has gone (dismissed, popped, replaced by a newer read)
  is dropped, never applied to widgets that no longer exist;
- a ``DiaryError`` becomes its sentence on screen, and the app goes on;
- anything else is a bug, and stops the app as an unhandled error would.

A screen says where its refusals show (``PROBLEM_LINE``, or a notification) by
overriding ``refused``; a job may name its own place with ``failed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from osteotrack.domain.errors import DiaryError

if TYPE_CHECKING:
    from textual.app import App

    from osteotrack.store import Diary, ProfileDiary
    from osteotrack.tui.app import OsteoApp

Result = TypeVar("Result")
Refusal = Callable[[DiaryError], None]


@dataclass(frozen=True)
class _Job:
    """What to do with a worker's outcome, kept until it reports back."""

    done: Callable[[Any], None]
    failed: Refusal | None


@dataclass(frozen=True)
class Whose:
    """The diary file and the profile a job works on, taken on the interface thread when the job starts."""

    path: Path
    read_only: bool
    profile_id: int | None
    problem: DiaryError | None  # why the app has no profile to show, when it has none

    def person(self, diary: Diary) -> ProfileDiary:
        """The diary seen through the app's profile; a sentence when there is none (any more)."""
        if self.profile_id is None:
            problem = self.problem or DiaryError("profile.gone", field="profile", id=None)
            raise type(problem)(problem.code, problem.field, **problem.params)  # a fresh one per thread
        return diary.profile_by_id(self.profile_id)


class DiaryWork:
    """Mixed into the app and its screens: ``read``, ``write``, ``read_diary`` and ``in_worker``, and their one handler.

    ``app`` and ``notify`` come from the Textual class it is mixed into.
    """

    # Where a refusal shows on this screen: a Label or Static (e.g. "#status"); None: a notification.
    PROBLEM_LINE: ClassVar[str | None] = None

    if TYPE_CHECKING:
        app: App
        notify: Callable[..., None]
        run_worker: Callable[..., Worker]
        query_one: Callable[..., Any]

    @property
    def osteo(self) -> OsteoApp:
        """The osteotrack app this screen belongs to: its diary, its profile, its clock."""
        return cast("OsteoApp", self.app)

    # -- starting jobs -----------------------------------------------------------

    def whose(self) -> Whose:
        """The diary and profile the app shows now."""
        app = self.osteo
        return Whose(Path(app.diary_path), bool(app.read_only), app.profile_id, app.profile_problem)

    def read(self, fn: Callable[[ProfileDiary], Result], done: Callable[[Result], None], *,
             group: str = "read", failed: Refusal | None = None) -> Worker[Result]:
        """Run ``fn(person)`` in a worker, then ``done(result)`` here; a newer read in ``group`` replaces it."""
        whose = self.whose()
        return self.in_worker(lambda: _with_diary(whose, lambda diary: fn(whose.person(diary))), done,
                              group=group, exclusive=True, failed=failed)

    def read_now(self, fn: Callable[[ProfileDiary], Result]) -> Result:
        """Run ``fn(person)`` here, on the interface thread, through a read-only connection of its own: only for a
        read of a small, fixed size that the screen's first frame shows (a page of a list), never one that grows
        with the diary (that is what workers are for). What goes wrong is raised as the ``DiaryError`` a worker's
        refusal would be."""
        whose = self.whose()
        reading = replace(whose, read_only=True)
        from osteotrack.store.connection import StoreFailure, explain

        try:
            return _with_diary(reading, lambda diary: fn(reading.person(diary)))
        except StoreFailure as error:
            raise explain(whose.path, error) from None

    def write(self, fn: Callable[[ProfileDiary], Result], done: Callable[[Result], None], *,
              failed: Refusal | None = None) -> Worker[Result]:
        """Change the diary with ``fn(person)`` in a worker, then ``done(result)``; never cancelled by a later job."""
        whose = self.whose()
        return self.in_worker(lambda: _with_diary(whose, lambda diary: fn(whose.person(diary))), done,
                              group="write", exclusive=False, failed=failed)

    def read_diary(self, fn: Callable[[Diary], Result], done: Callable[[Result], None], *,
                   group: str = "read", failed: Refusal | None = None) -> Worker[Result]:
        """Run ``fn(diary)`` on the whole diary (every profile: the overview, the switcher) in a worker."""
        whose = self.whose()
        return self.in_worker(lambda: _with_diary(whose, fn), done, group=group, exclusive=True, failed=failed)

    def in_worker(self, work: Callable[[], Result], done: Callable[[Result], None], *, group: str,
                  exclusive: bool = True, failed: Refusal | None = None) -> Worker[Result]:
        """Run ``work()`` in a thread worker that never exits the app; its outcome comes to the one handler."""
        worker = self.run_worker(work, group=group, exclusive=exclusive, thread=True, exit_on_error=False)
        self._jobs[worker] = _Job(done, failed)
        return worker

    @property
    def _jobs(self) -> dict[Worker, _Job]:
        jobs = self.__dict__.get("_diary_jobs")
        if jobs is None:
            jobs = self.__dict__["_diary_jobs"] = {}
        return jobs

    # -- the one handler ---------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state not in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        job = self._jobs.pop(worker, None)
        if job is None or worker.is_cancelled or not self.still_shown:
            return  # not ours, replaced by a newer job, or its screen has gone: drop it
        if event.state == WorkerState.SUCCESS:
            job.done(worker.result)
            return
        if event.state == WorkerState.CANCELLED:
            return
        error = worker.error
        from osteotrack.store.connection import StoreFailure, explain

        if isinstance(error, StoreFailure):
            # The store explains SQLite's own errors where it expects them; one that slips through is said here.
            error = explain(self.osteo.diary_path, error)
        if not isinstance(error, DiaryError):
            raise error  # type: ignore[misc]  # a bug: stop, as an unhandled error in any handler would
        (job.failed or self.refused)(error)

    @property
    def still_shown(self) -> bool:
        """Whether this node can still take a result: attached, and (a screen) not dismissed or popped."""
        if not self.is_attached:  # type: ignore[attr-defined]
            return False
        return not isinstance(self, Screen) or self in self.app.screen_stack

    def refused(self, error: DiaryError) -> None:
        """Say why a read or write failed: on this screen's ``PROBLEM_LINE``, else in a notification."""
        if self.PROBLEM_LINE is None:
            self.notify(error.sentence(face="app"), severity="error", timeout=10)
            return
        line = self.query_one(self.PROBLEM_LINE)
        line.update(error.sentence(face="app"))  # the app's words: fields, not --options
        line.display = True


def _with_diary(whose: Whose, fn: Callable[[Diary], Result]) -> Result:
    """Open the diary for this worker thread, run ``fn`` on it, and close it again."""
    from osteotrack.store import Diary

    with Diary.open(whose.path, read_only=whose.read_only, create=False) as diary:
        return fn(diary)
