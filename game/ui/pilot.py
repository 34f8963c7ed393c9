"""Drive the App with real posted pygame events, frame by frame: for tests, storyboards and benchmarks."""

from __future__ import annotations

import pygame

from .app import App

KEY_NAMES = {str(n): getattr(pygame, f"K_{n}") for n in range(10)}


class Pilot:
    """Scripted frames. The scenario library loads in the background in real time while a pilot's frames take
    none, so by default each frame first waits for that load: a script sees the same screens every run (the
    select screen with every card). `wait_for_library=False` lets a test watch the cards arrive."""

    def __init__(self, app: App, dt: float = 1 / 60, wait_for_library: bool = True) -> None:
        self.app = app
        self.dt = dt
        self.wait_for_library = wait_for_library

    def frame(self, n: int = 1) -> None:
        for _ in range(n):
            if not self.app.running:
                return
            if self.wait_for_library and self.app.ctx.library_loading:
                _ = self.app.ctx.library  # joins the background load
            self.app.step(dt=self.dt)

    def post(self, event_type: int, **attrs) -> None:
        pygame.event.post(pygame.event.Event(event_type, **attrs))

    def press(self, key: int | str, mod: int = 0, frames: int = 1) -> None:
        """Press and release a key (a pygame key constant or a single character like '1')."""
        code = KEY_NAMES.get(key, key) if isinstance(key, str) else key
        if isinstance(code, str):
            code = pygame.key.key_code(code)
        char = chr(code) if 32 <= code < 127 else ""
        self.post(pygame.KEYDOWN, key=code, mod=mod, unicode=char, scancode=0)
        self.post(pygame.KEYUP, key=code, mod=mod, unicode=char, scancode=0)
        self.frame(frames)

    def move(self, logical: tuple[float, float]) -> None:
        pos = self.app.ctx.viewport.point(*logical)
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        self.frame()

    def click(self, logical: tuple[float, float], button: int = 1) -> None:
        """Move to and click a point given in logical (layout) coordinates."""
        pos = self.app.ctx.viewport.point(*logical)
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=button)
        self.frame()

    def click_window(self, pos: tuple[int, int], button: int = 1) -> None:
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=button)
        self.frame()

    def wheel(self, dy: int) -> None:
        self.post(pygame.MOUSEWHEEL, x=0, y=dy, flipped=False, precise_x=0.0, precise_y=float(dy))
        self.frame()

    def advance(self, seconds: float) -> None:
        """Let time pass, one frame at a time."""
        self.frame(max(1, round(seconds / self.dt)))

    def screenshot(self, path: str) -> None:
        self.app.draw(force=True)
        pygame.image.save(self.app.screen, path)
