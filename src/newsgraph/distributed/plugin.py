"""The worker plugin that gives each Dask worker one ``Reader`` (the model loaded once, at worker start).

Tasks never carry the model: they find the worker's reader through
``worker_reader``. A worker that joins the cluster later gets the plugin too
(Dask runs registered plugins on new workers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from distributed import WorkerPlugin

if TYPE_CHECKING:
    from distributed import Worker
    from newsgraph.api import Reader

#: The plugin's name on the cluster (one per model: registering again replaces it).
PLUGIN_NAME = "newsgraph-reader"


class ReaderPlugin(WorkerPlugin):
    """Loads ``Reader(model)`` when a worker starts and keeps it for every task on that worker."""

    name = PLUGIN_NAME

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self.reader: Reader | None = None

    def setup(self, worker: Worker) -> None:
        from newsgraph.api import Reader

        self.reader = Reader(self.model)


def worker_reader(model: str | None) -> Reader:
    """The reader of the worker running this task (the plugin's), else the process's shared one."""
    from newsgraph.api import get_reader

    try:
        from distributed import get_worker

        plugin = get_worker().plugins.get(PLUGIN_NAME)
    except ValueError:  # not inside a Dask worker (a local scheduler)
        plugin = None
    if isinstance(plugin, ReaderPlugin) and plugin.reader is not None and plugin.model == model:
        return plugin.reader
    return get_reader(model)
