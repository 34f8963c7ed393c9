"""glibc's limit for separately mapped allocations is fixed after the first frame (or before the stage warms its
pictures, when no frame came first), so freed pictures go back."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game.ui import native_heap
from tests.conftest import ROOT


def glibc() -> bool:
    try:
        return sys.platform.startswith("linux") and os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
    except (ValueError, OSError):
        return False


def test_the_limit_is_set_on_glibc_and_left_alone_elsewhere(monkeypatch) -> None:
    assert native_heap.fix_large_allocation_limit() is glibc()
    monkeypatch.setattr(native_heap.sys, "platform", "darwin")
    assert native_heap.fix_large_allocation_limit() is False


@pytest.mark.skipif(not glibc(), reason="glibc's mallopt only")
def test_freed_large_blocks_leave_the_process_with_the_limit_fixed() -> None:
    """A freed 8 MB block raises glibc's limit; then 300 kB blocks come from the heap and stay resident when
    freed between live ones. With the limit fixed they are mapped apart and go back to the system."""
    program = f"""
import ctypes, sys
sys.path.insert(0, {str(ROOT)!r})
from game.ui import native_heap
if sys.argv[1] == "fixed":
    assert native_heap.fix_large_allocation_limit()
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
libc.memset.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t]
def rss():
    return int(next(line for line in open("/proc/self/status") if line.startswith("VmRSS")).split()[1])
big = libc.malloc(8 << 20); libc.memset(big, 1, 8 << 20); libc.free(big)
blocks, kept = [], []
for _ in range(100):  # pictures with small long-lived things between them, as a game's heap has
    blocks.append(libc.malloc(300_000)); libc.memset(blocks[-1], 1, 300_000)
    kept.append(libc.malloc(4096))
before = rss()
for b in blocks: libc.free(b)
print(before - rss())
"""
    returned = {}
    for mode in ("dynamic", "fixed"):
        out = subprocess.run([sys.executable, "-c", program, mode], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        returned[mode] = int(out.stdout.strip())
    assert returned["fixed"] > 25_000 > returned["dynamic"]  # kB given back after freeing 30 MB of blocks


@pytest.mark.skipif(not glibc(), reason="glibc's mallopt only")
def test_a_stage_opened_before_any_frame_fixes_the_limit_before_it_warms_its_pictures(tmp_path) -> None:
    """Opening straight onto a scenario, the stage paints or loads its largest pictures before the App's
    first frame: the limit is fixed then, not only after that frame."""
    program = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from game.commands.common import require_scenario
from game.ui import native_heap
from game.ui.bootstrap import Options, make_app
from game.ui.scenes.play import PlayScene
from game.userdata.settings import Settings

assert not native_heap._done
app = make_app(Options(size=(640, 480), settings=Settings()), first=PlayScene(require_scenario("ringing_phone")))
app.top.layout(app.ctx)
print(app.frames_drawn, native_heap._done)
"""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", CUSTOMER_CHAIN_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-2:] == ["0", "[True]"]
