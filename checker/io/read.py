"""Reading plain-text inputs.

Errors are ``InputError`` exceptions whose message is one line naming the file and the reason.
"""
from __future__ import annotations

from pathlib import Path


class CheckerInputError(Exception):
    """Bad input: the message is one line naming the file/record and the reason."""


def decode_text(data: bytes, where: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise CheckerInputError(f"{where}: not valid UTF-16 text ({e.reason} at byte {e.start})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise CheckerInputError(f"{where}:{line}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    if "\x00" in text:
        raise CheckerInputError(f"{where}: looks like a binary file (contains NUL characters)")
    return text


def read_text(path: str | Path) -> str:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise CheckerInputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise CheckerInputError(f"{p}: is a directory, expected a text file") from None
    except OSError as e:
        raise CheckerInputError(f"{p}: cannot read ({e.strerror})") from None
    return decode_text(data, str(p))
