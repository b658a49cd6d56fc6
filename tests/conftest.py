import pytest

from corpus_paths import ROOT


@pytest.fixture(scope="session")
def root():
    return ROOT
