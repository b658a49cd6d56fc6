"""The knowledge-table notebook runs top to bottom, and is kept in git with its outputs cleared."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "knowledge_table.ipynb"


def test_notebook_outputs_are_cleared():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code
    assert all(c["outputs"] == [] and c.get("execution_count") is None for c in code)


def test_notebook_executes(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat", reason="nbformat not installed (test extra)")
    nbclient = pytest.importorskip("nbclient", reason="nbclient not installed (test extra)")
    pytest.importorskip("ipykernel", reason="ipykernel not installed (test extra)")
    from jupyter_client.manager import start_new_kernel

    try:  # only a kernel that cannot start is a reason to skip; a failing cell is a failure
        km, kc = start_new_kernel(kernel_name="python3", startup_timeout=60)
    except Exception as exc:  # noqa: BLE001 - NoSuchKernel, timeouts, missing ipykernel ...
        pytest.skip(f"the Jupyter kernel could not start: {type(exc).__name__}: {exc}")
    kc.stop_channels()
    km.shutdown_kernel(now=True)

    monkeypatch.setenv("VNPIPE_NB_POOL", "12")  # a small slice of the pool: seconds, not minutes
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(NOTEBOOK.parents[1]), os.environ.get("PYTHONPATH", "")]))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=240, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "loaded" in text and "skipped=" in text  # the build and the idempotent re-run
    assert "citations" in text and "quantities.parquet" in text
