"""Where the analysis of an ingest runs: in-process, in local worker processes, or on Ray.

Every engine takes batches of tasks and yields, per batch, the list of results of
`analyse_task` (('ok', (rows, replace)) or ('error', (origin, reason))). Each worker builds
its `Pipeline` once. The caller writes what is yielded; engines never touch the store.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from lagebild.store.rows import rows_from_analysis

# (doc_id, record_id, text, date, meta, origin, replace)
Task = tuple[Any, ...]
Result = tuple[str, Any]
ENGINES = ("local", "ray")

_PIPELINE = None


def init_worker() -> None:
    """Load the pipeline of this process (once)."""
    global _PIPELINE
    from lagebild.pipeline import Pipeline

    _PIPELINE = Pipeline()


def analyse_task(task: Task) -> Result:
    """('ok', (rows, replace)) or ('error', (origin, reason)); never raises for a bad text."""
    doc_id, record_id, text, date, meta, origin, replace = task
    try:
        analysis = _PIPELINE.analyze(text, date=date, id=record_id, **meta)
        analysed_at = datetime.now(UTC).isoformat(timespec="seconds")
        return "ok", (rows_from_analysis(doc_id, analysis.to_dict(), analysed_at), replace)
    except Exception as error:  # one bad record must not stop a corpus run
        return "error", (origin, f"analysis failed: {type(error).__name__}: {error}")


def analyse_batch(batch: list[Task]) -> list[Result]:
    return [analyse_task(task) for task in batch]


def run_in_process(batches: Iterable[list[Task]]) -> Iterator[list[Result]]:
    init_worker()
    for batch in batches:
        yield analyse_batch(batch)


def run_in_pool(batches: Iterable[list[Task]], workers: int) -> Iterator[list[Result]]:
    """Spawned worker processes; batch k is written while the workers analyse batch k+1."""
    pool = multiprocessing.get_context("spawn").Pool(workers, initializer=init_worker)
    try:
        pending = None
        for batch in batches:
            chunk = max(1, len(batch) // (workers * 4))
            submitted = pool.map_async(analyse_task, batch, chunksize=chunk)
            if pending is not None:
                yield pending.get()
            pending = submitted
        if pending is not None:
            yield pending.get()
        pool.close()
        pool.join()
    finally:
        pool.terminate()
        pool.join()


class _Analyser:
    """A Ray actor: one pipeline, loaded when the actor starts, for every batch it gets."""

    def __init__(self) -> None:
        init_worker()

    def analyse(self, batch: list[Task]) -> list[Result]:
        return analyse_batch(batch)


def run_on_ray(
    batches: Iterable[list[Task]], workers: int | None = None, address: str | None = None
) -> Iterator[list[Result]]:
    """Ray actors, `workers` of them (default: one per CPU of the cluster), two batches in
    flight each; results come back as they finish. Without `address` a local Ray is started
    with `workers` CPUs; with one ("auto", "ray://head:10001", …) the cluster is joined."""
    try:
        import ray
    except ImportError as error:
        raise RuntimeError("--engine ray needs Ray: pip install 'lagebild[ray]'") from error

    started_here = not ray.is_initialized()
    if started_here:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=workers or None, include_dashboard=False, log_to_driver=False)
    try:
        if not workers:
            workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor_class = ray.remote(num_cpus=1)(_Analyser)
        actors = [actor_class.remote() for _ in range(workers)]
        free = deque(actors * 2)  # each actor takes a second batch while it works on one
        pending: dict[Any, Any] = {}
        for batch in batches:
            if not free:
                yield from _collect(ray, pending, free)
            actor = free.popleft()
            pending[actor.analyse.remote(batch)] = actor
        while pending:
            yield from _collect(ray, pending, free)
    finally:
        if started_here:
            ray.shutdown()


def _collect(ray, pending: dict, free: deque) -> Iterator[list[Result]]:
    done, _ = ray.wait(list(pending), num_returns=1)
    for ref in done:
        free.append(pending.pop(ref))
        yield ray.get(ref)
