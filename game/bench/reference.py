"""Bare pygame reference programs: the least a pygame program can do, run as a script that imports no game code.

    python game/bench/reference.py startup W H
    python game/bench/reference.py frames W H FRAMES
    python game/bench/reference.py idle W H SECONDS
    python game/bench/reference.py wait W H SECONDS
    python game/bench/reference.py stage W H FRAMES
    python game/bench/reference.py reload W H SAVES FILE

Each prints one line `BENCH-RESULT {json}` for the benchmark that started it.
"""

from __future__ import annotations

import json
import resource
import sys
import time

import pygame

FPS = 60
BG, SURFACE, TEXT, ACCENT, GOOD, BAD, BORDER = (
    (244, 240, 232), (255, 253, 249), (33, 37, 41), (28, 100, 130), (32, 120, 72), (178, 46, 46), (196, 188, 174))
PARAGRAPH = ("She slides a boxed blender and a receipt across the counter. The receipt is thirty-four days old, "
             "and the sign behind you says returns are accepted within three days. \"It has never been used,\" "
             "she says. \"It is simply too big for my kitchen, and I am in here every week.\"")
LABELS = ("Ask what she hoped it would do", "Explain the three-day window", "Point at the sign",
          "Offer to check with the manager")


def emit(**data: object) -> None:
    print("BENCH-RESULT " + json.dumps(data), flush=True)


def peak_rss_kb() -> int:
    """Peak resident memory of this program in KiB.

    On Linux this is VmHWM, the high-water mark of this program's own memory. ru_maxrss would be wrong
    there: it keeps the parent's resident size from the fork that started this process, so a bench that had
    grown to 150 MB reported 150 MB for a bare pygame window. Elsewhere ru_maxrss (KiB, bytes on macOS)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def open_window(w: int, h: int) -> pygame.Surface:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_caption("reference")
    return pygame.display.set_mode((w, h), pygame.RESIZABLE)


def startup(w: int, h: int) -> None:
    """Import pygame, open the window, flip one frame with one line of text."""
    screen = open_window(w, h)
    font = pygame.font.Font(None, max(12, h // 24))
    screen.fill(BG)
    screen.blit(font.render("Customer Chain", True, TEXT), (h // 20, h // 20))
    pygame.display.flip()
    emit(first_frame=time.perf_counter())


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if font.size(trial)[0] <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    return [*lines, current]


class Picture:
    """A background, four labelled buttons, two bars and a wrapped paragraph, all text rendered once."""

    def __init__(self, screen: pygame.Surface) -> None:
        w, h = screen.get_size()
        self.u = u = h / 720
        self.background = pygame.Surface((w, h)).convert()
        for y in range(0, h, 4):
            shade = 200 + 40 * y // h
            self.background.fill((shade, shade - 8, shade - 20), (0, y, w, 4))
        body = pygame.font.Font(None, round(30 * u))
        self.buttons = [(pygame.Rect(round(60 * u), round((420 + 68 * i) * u), w - round(120 * u), round(56 * u)),
                         body.render(f"{i + 1}  {label}", True, TEXT)) for i, label in enumerate(LABELS)]
        self.panel = pygame.Rect(round(360 * u), round(60 * u), w - round(420 * u), round(320 * u))
        self.lines = [body.render(line, True, TEXT) for line in wrap(body, PARAGRAPH, self.panel.width - 40)]
        self.line_height = body.get_linesize()
        self.bar_labels = [body.render(name, True, TEXT) for name in ("Satisfaction", "Loyalty")]
        self.numbers = {n: body.render(str(n), True, TEXT) for n in range(101)}

    def draw(self, screen: pygame.Surface, t: float) -> None:
        u = self.u
        screen.fill(BG)
        screen.blit(self.background, (0, 0))
        pygame.draw.rect(screen, SURFACE, self.panel, border_radius=round(12 * u))
        y = self.panel.top + 20
        for line in self.lines:
            screen.blit(line, (self.panel.left + 20, y))
            y += self.line_height
        for rect, label in self.buttons:
            pygame.draw.rect(screen, SURFACE, rect, border_radius=round(12 * u))
            pygame.draw.rect(screen, BORDER, rect, width=2, border_radius=round(12 * u))
            screen.blit(label, label.get_rect(midleft=(rect.left + 20, rect.centery)))
        for i, (label, colour) in enumerate(zip(self.bar_labels, (GOOD, BAD), strict=True)):
            value = int(50 + 40 * ((t * (1 + i)) % 1.0))
            x, y = round(40 * u), round((80 + 90 * i) * u)
            track = pygame.Rect(x, y + round(34 * u), round(280 * u), round(22 * u))
            screen.blit(label, (x, y))
            pygame.draw.rect(screen, BORDER, track, border_radius=round(8 * u))
            pygame.draw.rect(screen, colour, (track.left, track.top, track.width * value // 100, track.height),
                             border_radius=round(8 * u))
            screen.blit(self.numbers[value], (track.right + 10, track.top))


def frames(w: int, h: int, count: int) -> None:
    """Draw `count` frames as fast as possible; report the work of each (fill to flip) and the peak memory."""
    screen = open_window(w, h)
    picture = Picture(screen)
    times = []
    for n in range(count):
        start = time.perf_counter()
        pygame.event.pump()
        picture.draw(screen, n / FPS)
        pygame.display.flip()
        times.append((time.perf_counter() - start) * 1000)
    emit(frame_ms=times, peak_rss_kb=peak_rss_kb())


class Stage:
    """A full-window setting, a person with two mouths, a translucent dialogue box and its typed line."""

    def __init__(self, screen: pygame.Surface) -> None:
        w, h = screen.get_size()
        u = h / 720
        self.background = Picture(screen).background
        person = pygame.Surface((round(460 * u), round(470 * u)), pygame.SRCALPHA)
        pygame.draw.ellipse(person, (120, 80, 60, 255), person.get_rect().inflate(-40, -60))
        self.people = [person.convert_alpha(), person.copy().convert_alpha()]
        pygame.draw.ellipse(self.people[1], (60, 20, 20, 255), (person.get_width() // 2 - 20, 200, 40, 20))
        self.box = pygame.Rect(round(24 * u), h - round(140 * u), w - round(48 * u), round(116 * u))
        panel = pygame.Surface(self.box.size, pygame.SRCALPHA)
        pygame.draw.rect(panel, (*SURFACE, 250), panel.get_rect(), border_radius=round(12 * u))
        self.panel = panel.convert_alpha()
        self.font = pygame.font.Font(None, round(30 * u))
        self.lines = [self.font.render(line, True, TEXT) for line in wrap(self.font, PARAGRAPH, self.box.width - 60)]

    def draw(self, screen: pygame.Surface, frame: int) -> None:
        screen.blit(self.background, (0, 0))
        person = self.people[(frame // 4) % 2]
        screen.blit(person, person.get_rect(midbottom=(screen.get_width() // 2, self.box.top + 40)))
        screen.blit(self.panel, self.box)
        y = self.box.top + 20
        for line in self.lines[:2]:
            screen.blit(line, (self.box.left + 30, y))
            y += self.font.get_linesize()


def stage(w: int, h: int, count: int, cycle: int = 40, fade_frames: int = 15) -> None:
    """The stage loop: every `cycle` frames the screen is kept (copied) and faded out over the next frames."""
    screen = open_window(w, h)
    picture = Stage(screen)
    snapshot: pygame.Surface | None = None
    dissolve, talking = [], []
    for n in range(count + 2 * cycle):
        start = time.perf_counter()
        pygame.event.pump()
        if n % cycle == 0:
            snapshot = screen.copy()
        picture.draw(screen, n)
        left = fade_frames - n % cycle
        if snapshot is not None and left > 0:
            snapshot.set_alpha(255 * left // fade_frames)
            screen.blit(snapshot, (0, 0))
        pygame.display.flip()
        took = (time.perf_counter() - start) * 1000
        if n >= 2 * cycle:
            (dissolve if left > 0 else talking).append(took)
    emit(dissolve_ms=dissolve, talking_ms=talking)


def reload(w: int, h: int, saves: int, path: str, poll: float = 0.2) -> None:
    """Poll a file's stat every `poll` seconds at 60 frames a second; on a change parse it with the C loader,
    draw a line about it and flip. Each save's time to that frame is reported."""
    import os

    import yaml

    screen = open_window(w, h)
    font = pygame.font.Font(None, max(12, h // 24))
    clock = pygame.time.Clock()
    with open(path, "rb") as f:
        original = f.read()
    latencies = []
    for n in range(saves):
        for _ in range(30):
            clock.tick(FPS)
        stamp = os.stat(path).st_mtime_ns, os.stat(path).st_size
        with open(path + ".saving", "wb") as f:
            f.write(original + f"\n# saved {n}\n".encode())
        start = time.perf_counter()
        os.replace(path + ".saving", path)
        waited = 0.0
        while True:
            waited += clock.tick(FPS) / 1000
            pygame.event.pump()
            if waited < poll:
                continue
            waited = 0.0
            st = os.stat(path)
            if (st.st_mtime_ns, st.st_size) != stamp:
                with open(path, "rb") as f:
                    data = yaml.load(f.read(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
                screen.fill(BG)
                screen.blit(font.render(f"Reloaded {len(data['nodes'])} nodes", True, TEXT), (20, 20))
                pygame.display.flip()
                latencies.append((time.perf_counter() - start) * 1000)
                break
    emit(latency_ms=latencies)


def idle(w: int, h: int, seconds: float) -> None:
    """Wait for input at 60 ticks a second, redrawing only when an event arrives; report CPU use."""
    screen = open_window(w, h)
    picture = Picture(screen)
    clock = pygame.time.Clock()
    picture.draw(screen, 0)
    pygame.display.flip()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        if pygame.event.get():
            picture.draw(screen, 0)
            pygame.display.flip()
        clock.tick(FPS)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    emit(cpu_percent=100 * cpu / wall, seconds=wall)


def wait(w: int, h: int, seconds: float) -> None:
    """The floor of a loop that sleeps in pygame.event.wait(500) between events, as the game's App does."""
    screen = open_window(w, h)
    Picture(screen).draw(screen, 0)
    pygame.display.flip()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        pygame.event.wait(500)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    emit(cpu_percent=100 * cpu / wall, seconds=wall, driver=pygame.display.get_driver())


def main(argv: list[str]) -> int:
    mode, w, h = argv[0], int(argv[1]), int(argv[2])
    if mode == "startup":
        startup(w, h)
    elif mode == "frames":
        frames(w, h, int(argv[3]))
    elif mode == "idle":
        idle(w, h, float(argv[3]))
    elif mode == "stage":
        stage(w, h, int(argv[3]))
    elif mode == "reload":
        reload(w, h, int(argv[3]), argv[4])
    elif mode == "wait":
        wait(w, h, float(argv[3]))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
