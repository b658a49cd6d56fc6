"""Engines that run the stage registry over many documents: local processes, or Dask."""
from pipeline.engines.local import default_workers, process_documents

__all__ = ["process_documents", "default_workers"]
