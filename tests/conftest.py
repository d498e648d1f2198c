import os

import pytest

os.environ.setdefault("CHECKER_THREADS", "1")


@pytest.fixture(scope="session")
def encoder():
    from checker.align.encoder import default_encoder
    return default_encoder()
