"""Screening whole archives: the run (`run.run_batch`), the worker and its local or Dask executors."""
