"""The main loop: a scene stack that processes events, updates, and draws only when needed."""

from __future__ import annotations

import _thread
import time

import pygame

from .context import Context
from .native_heap import fix_large_allocation_limit
from .scene import Pop, Push, Quit, Replace, Scene, Transition
from .viewport import Viewport

FPS = 60
IDLE_SLEEP_S = 0.03  # an idle screen checks for input this often: at most 30 ms of latency, ~0.2% of a core


class App:
    """Owns the window and the scene stack. `step()` runs one frame: tests and benchmarks drive it directly."""

    def __init__(self, ctx: Context, first: Scene, size: tuple[int, int] = (1280, 720),
                 fullscreen: bool = False, display: int = 0, title: str = "Customer Chain") -> None:
        self.ctx = ctx
        self.display_index = display
        self.windowed_size = size
        self.fullscreen = fullscreen
        pygame.display.set_caption(title)
        self.screen = self._open_window()
        self.stack: list[Scene] = []
        self.running = True
        self.clock = pygame.time.Clock()
        self.frames_drawn = 0
        self.first_frame_at: float | None = None  # perf_counter() just after the first frame was flipped
        self._force_redraw = True
        self._shown: tuple = ()  # the scenes the last frame drew, and the window's size then
        self.last_damage: pygame.Rect | None = None  # what the last frame redrew, when it was not all of it
        self._push(first)

    # ---- window ------------------------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        if self.fullscreen:
            sizes = pygame.display.get_desktop_sizes() or [self.windowed_size]
            size = sizes[min(self.display_index, len(sizes) - 1)]
            screen = pygame.display.set_mode(size, pygame.FULLSCREEN, display=self.display_index)
        else:
            screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE, display=self.display_index)
        self.ctx.viewport = Viewport.fit(screen.get_size())
        return screen

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        self.ctx.settings = self.ctx.settings.with_changes(fullscreen=self.fullscreen)
        self.screen = self._open_window()
        self._layout_changed()

    def resize(self, size: tuple[int, int]) -> None:
        if not self.fullscreen:
            self.windowed_size = (max(320, size[0]), max(240, size[1]))
        self.screen = pygame.display.get_surface() or self._open_window()
        if self.screen.get_size() != size and not self.fullscreen:
            self.screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE,
                                                  display=self.display_index)
        self.ctx.viewport = Viewport.fit(self.screen.get_size())
        self._layout_changed()

    def _layout_changed(self) -> None:
        for scene in self.stack:
            scene.layout_changed(self.ctx)
        self._force_redraw = True

    # ---- stack -------------------------------------------------------------------------------
    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def _push(self, scene: Scene) -> None:
        if scene.opaque and self.stack:
            self.stack[-1].covered()  # hidden until it is the top again: its pictures need not stay in memory
        self.stack.append(scene)
        scene.enter(self.ctx)
        self._force_redraw = True

    def apply(self, transition: Transition | None) -> None:
        if transition is None:
            return
        self._force_redraw = True
        if isinstance(transition, Push):
            self._push(transition.scene)
        elif isinstance(transition, Replace):
            if self.stack:
                self.stack.pop()
            self._push(transition.scene)
        elif isinstance(transition, Pop):
            if self.stack:
                self.stack.pop()
            if self.stack:
                self.stack[-1].resume(self.ctx, transition.result)
            else:
                self.running = False
        elif isinstance(transition, Quit):
            self.running = False

    # ---- frame -------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize(event.size)
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSIZECHANGED):
            self._force_redraw = True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if self.top is not None:
            self._shown = ()  # an event may change anything: the next frame is drawn whole
            self.apply(self.top.handle(event, self.ctx))

    def step(self, events: list[pygame.event.Event] | None = None, dt: float | None = None) -> bool:
        """Run one frame: events (from the queue if not given), update, draw if needed. Returns whether drawn."""
        if dt is None:
            dt = self.clock.tick(FPS) / 1000
        with self.ctx.foreground.frame():  # background work in this process waits until the frame is shown
            return self._frame(dt, events)

    def _frame(self, dt: float, events: list[pygame.event.Event] | None) -> bool:
        self.ctx.time += dt
        self.ctx.audio.ambience.poll()
        for event in pygame.event.get() if events is None else events:
            self.handle(event)
            if not self.running:
                return False
        if self.top is None:
            self.running = False
            return False
        self.apply(self.top.update(dt, self.ctx))
        if not self.running or self.top is None:
            return False
        return self.draw()

    def draw(self, force: bool = False) -> bool:
        top = self.top
        if top is None:
            return False
        if not (force or self._force_redraw or top.dirty or top.animating()):
            return False
        first = len(self.stack) - 1
        while first > 0 and not self.stack[first].opaque:
            first -= 1
        shown = (*self.stack[first:], self.screen.get_size())
        changed = None
        if not (force or self._force_redraw) and len(shown) == 2 and shown == self._shown:
            changed = top.damage(self.screen, self.ctx)  # the top scene alone is drawn
        area = changed[0].unionall(changed[1:]).clip(self.screen.get_rect()) if changed else None
        if changed is not None and not (area and area.width and area.height):
            top.dirty = False
            return False  # nothing on screen changes
        self.ctx.text.next_frame()
        self.screen.set_clip(area)  # a still stage redraws only what moves; None: the whole window
        if not self.stack[first].covers_window:  # a full-window picture makes the clear a wasted fill
            self.screen.fill(self.ctx.theme.background)
        for scene in self.stack[first:]:
            scene.draw(self.screen, self.ctx)
            scene.dirty = False
        self.screen.set_clip(None)
        if area is None:
            pygame.display.flip()
        else:
            pygame.display.update(area)
        self.last_damage = area
        self._shown = shown
        self.frames_drawn += 1
        if self.frames_drawn == 1:  # what the first frame did not need
            self.first_frame_at = time.perf_counter()  # when the first frame was on screen (for the bench)
            self.ctx.preload_library()  # first: its thread is running before the mixer's threads start
            _thread.start_new_thread(fix_large_allocation_limit, ())  # ctypes' import is off the frame's time
            start_sound = getattr(self.ctx.audio, "start", None)  # stand-ins for sound in tests have none
            if start_sound is not None:
                start_sound()
            if self.ctx.records is not None:
                self.ctx.records.start_sending()  # the sender's network modules load after the first frame
        self._force_redraw = False
        return True

    def run(self) -> None:
        """The real loop: full rate while animating, otherwise sleep until input arrives.

        Idle screens poll and sleep rather than block in pygame.event.wait, which under X11 keeps about 2%
        of a core busy by itself; a 30 ms nap costs a tenth of that and no one feels the delay. A still scene
        that changes by itself later (a person who blinks) says when (`wake_in`): the loop steps it then, once.
        """
        slept = 0.0  # seconds idle since the last step
        while self.running:
            top = self.top
            if top is not None and not (top.animating() or top.dirty or self._force_redraw):
                pygame.event.pump()
                self.ctx.audio.ambience.poll()
                wake = top.wake_in()
                due = wake is not None and slept >= wake
                if not (due or pygame.event.peek()):
                    nap = IDLE_SLEEP_S if wake is None else max(0.001, min(IDLE_SLEEP_S, wake - slept))
                    began = time.perf_counter()
                    time.sleep(nap)
                    slept += time.perf_counter() - began
                    continue
                self.clock.tick()  # do not count the sleep as frame time
                if due:
                    self.step(dt=slept)  # the scene's own time moves on by the nap, to its wake-up
                    slept = 0.0
                    continue
            slept = 0.0
            self.step()
