"""SHA-256 from Python's own built-in module when it has one: the same digests as `hashlib.sha256`, without
loading OpenSSL, which `import hashlib` does and which stays resident (about 3 MB, more than the whole engine)
in a game that only names files and versions with it. Hashing is slower there (about 4 ms a megabyte), which
the scenario files (half a megabyte in all) and the art cache's short keys do not notice."""

from __future__ import annotations

try:
    from _sha2 import sha256  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:  # a Python built without its own hashes
        from hashlib import sha256

__all__ = ["sha256"]
