"""A Dask client: on a LocalCluster of N one-thread worker processes, or on a running
scheduler (`dask scheduler` + `dask worker ADDRESS` on each machine)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import dask
from distributed import Client, LocalCluster

from hudna.errors import SettingsError
from hudna.scale.worker import WarmPipeline

CONNECT_TIMEOUT = "20s"
# Non-daemon worker processes: on a cache miss the gazetteer is built in a child process,
# which a daemonic process may not start. (`dask worker` takes the same setting from the
# environment: DASK_DISTRIBUTED__WORKER__DAEMON=False.)
NON_DAEMON = {"distributed.worker.daemon": False}
# A local cluster's workers log at CRITICAL only: a failed task raises in the client anyway,
# and shutting down on a busy machine otherwise prints heartbeat and "still alive" noise.


def _connect(scheduler: str, timeout: str) -> Client:
    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError) as e:
        raise SettingsError(
            f"cannot reach the Dask scheduler at {scheduler}; start one with `dask scheduler` "
            "and workers with `dask worker ADDRESS`, or omit --scheduler for a local cluster"
        ) from e


@contextmanager
def open_client(
    *,
    workers: int,
    scheduler: str | None = None,
    ner: bool = False,
    connect_timeout: str = CONNECT_TIMEOUT,
) -> Iterator[Client]:
    """A client whose workers build the pipeline once each, as they join."""
    if workers < 1:
        raise SettingsError(f"--workers must be at least 1, not {workers}")
    if scheduler:
        client = _connect(scheduler, connect_timeout)
        cluster = None
    else:
        with dask.config.set(NON_DAEMON):
            cluster = LocalCluster(
                n_workers=workers, processes=True, threads_per_worker=1,
                dashboard_address=None, memory_limit=0, silence_logs=logging.CRITICAL,
            )  # fmt: skip
        client = Client(cluster)
    try:
        client.register_plugin(WarmPipeline(ner=ner), name=f"hudna-pipeline-{ner}")
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
