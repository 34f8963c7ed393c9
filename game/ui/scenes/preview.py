"""The author's preview: the play screen on one file that reloads on save, replays the choices made so far,
shows a broken save's errors over the last good version, jumps to any node, and shows where a node is written.
A save shows at once; the paths through it are checked afterwards in another process (`ui.preview_check`).

Keys on top of the play screen's: F2 jump to a node, F3 copy FILE:LINE, F5 start again, Backspace undo.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from ...engine import TIMEOUT, EngineError, Playthrough, Scenario, load_bytes
from ...engine.analysis_cache import AnalysisCache
from ...engine.playthrough import start_point
from ...engine.source_lines import id_lines
from ...sha256 import sha256
from ..context import Context
from ..play.chrome import fit_text
from ..play.meters import MeterPanel
from ..preview_check import BackgroundCheck, Findings
from ..scene import Pop, Push, Quit, Replace, Transition
from ..widgets import blit_paragraph, blit_text, panel
from .jump import JumpOverlay, JumpTo
from .play import PlayScene

POLL_SECONDS = 0.2  # a save shows within half a second: the next poll, plus one frame to load
NOTICE_SECONDS = 6.0
PREVIEW_HINT = "F2 jump · F3 copy place · F5 start again · Backspace undo · Esc menu"
MAX_ERRORS = 8
CHECKING = "checking paths…"
SAVE_HEAD = "Your last save has problems. Still showing the last version that worked. Fix and save again:"
BAR = 34  # logical height of the preview bar at the bottom


class FileWatch:
    """Polls a file's modification time and size, and its content hash when they change."""

    def __init__(self, path: str | os.PathLike, data: bytes) -> None:
        self.path = Path(path)
        self.digest = sha256(data).digest()
        self.stamp = self._stamp()
        self.waited = 0.0

    def _stamp(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def poll(self, dt: float) -> bytes | None:
        """New content when the file changed since the last look (checked every POLL_SECONDS), else None."""
        self.waited += dt
        if self.waited < POLL_SECONDS:
            return None
        self.waited = 0.0
        stamp = self._stamp()
        if stamp is None or stamp == self.stamp:
            return None  # missing for a moment (editors replace files on save): look again next time
        try:
            data = self.path.read_bytes()
        except OSError:
            return None
        self.stamp = stamp
        digest = sha256(data).digest()
        if digest == self.digest:
            return None
        self.digest = digest
        return data


@dataclass(frozen=True)
class Replayed:
    play: Playthrough
    applied: int
    total: int
    stopped: str = ""  # why the replay stopped early, in words


def replay(scenario: Scenario, start: dict | None, decisions: list[tuple[str, int | None]]) -> Replayed:
    """Play the same decisions (by their place in the file) on an edited scenario, as far as they still apply."""
    play = Playthrough(scenario, start=start)
    for n, (kind, index) in enumerate(decisions):
        try:
            if kind == TIMEOUT:
                play.timeout()
            else:
                shown = [v.source_index for v in play.choices]
                if index not in shown:
                    raise EngineError(f"choice {index + 1} of the file is not offered there now")
                play.choose(shown.index(index))
        except EngineError as exc:
            return Replayed(play, n, len(decisions), f"at '{play.location}': {exc}")
    return Replayed(play, len(decisions), len(decisions))


class PreviewScene(PlayScene):
    """PlayScene plus the file watch, the error panel, the jump overlay and the place of the node."""

    def __init__(self, path: str, scenario: Scenario, data: bytes, start: dict | None = None,
                 check: list | None = None) -> None:
        """`check`: the diagnostics of a file opened without exploring its states (the analysis cache had no
        answer); its paths are then checked in the background, as after a save."""
        self.path = path
        self.start = start
        super().__init__(scenario, Playthrough(scenario, start=start))
        self.watch = FileWatch(path, data)
        self.lines = id_lines(data.decode("utf-8-sig", errors="replace"))
        self.errors: list[str] = []
        self.errors_head = SAVE_HEAD
        self.notice = ""
        self.notice_left = 0.0
        self.checks = BackgroundCheck(path)
        self.key = AnalysisCache.key(data)  # the bytes on screen: only their findings are shown
        self.findings: Findings | None = None  # the last findings shown, for this save
        self._to_check: tuple[bytes, list] | None = None  # started on the frame after the reload shows
        if check is not None:
            self._to_check = (data, list(check))

    # ---- reloading -------------------------------------------------------------------------------
    def reload(self, ctx: Context, data: bytes) -> None:
        """Show the save at once (parsed and validated, its states not explored); its paths are checked next."""
        self.checks.stop()  # an older save's findings never show for this one
        self._to_check = None
        result = load_bytes(data, self.path, explore=False)
        if result.scenario is None:
            self.errors, self.errors_head = [d.format() for d in result.errors], SAVE_HEAD
            self.dirty = True
            return
        self.errors = []
        self.key, self.findings = AnalysisCache.key(data), None
        self._to_check = (data, result.diagnostics)
        scenario, start = result.scenario, self.start
        if start is not None:
            try:
                start = start_point(scenario, start["node"], start["meters"], start["flags"])
            except EngineError as exc:
                self._say(f"The starting point no longer works ({exc}); starting at the beginning.")
                start = self.start = None
        done = replay(scenario, start, self.play.decisions)
        self._adopt(ctx, scenario, done.play, data)
        if done.stopped:
            self._say(f"Reloaded. Replayed {done.applied} of {done.total} choice(s); stopped {done.stopped}.")
        else:
            self._say(f"Reloaded. Replayed all {done.total} choice(s)." if done.total else "Reloaded.")

    def _adopt(self, ctx: Context, scenario: Scenario, play: Playthrough, data: bytes | None = None) -> None:
        ctx.audio.stop("phone_ring")
        self.scenario, self.play = scenario, play
        self.meters = MeterPanel(scenario.meters, play.meters)
        self.labels = {m.id: m.label for m in scenario.meters if m.visible}
        if data is not None:
            self.lines = id_lines(data.decode("utf-8-sig", errors="replace"))
        self.problem = ""
        self._show_node(ctx)
        if self.view is not None and not self.typewriter.done:
            self.typewriter.complete()
            self._start_choosing(ctx)

    def _say(self, text: str) -> None:
        self.notice, self.notice_left, self.dirty = text, NOTICE_SECONDS, True

    # ---- the paths' check, after the save shows ------------------------------------------------------
    @property
    def checking(self) -> bool:
        """True while the paths through the save on screen are being checked."""
        return self._to_check is not None or self.checks.running

    def _check_in_background(self) -> None:
        if self._to_check is not None:
            data, base = self._to_check
            self._to_check = None
            self.checks.start(data, base)
            self.dirty = True
        found = self.checks.poll()
        if found is None or found.key != self.key:
            return
        self.findings, self.dirty = found, True
        self._show_findings(found)

    def _show_findings(self, found: Findings) -> None:
        """The findings in the error list (errors) or in the bar, after the reload's notice if it still shows."""
        said = f"{self.notice} " if self.notice.startswith("Reloaded") and self.notice_left > 0 else ""
        if found.problem:
            self._say(f"{said}The paths could not be checked this time: {found.problem}. "
                      f"python run.py check {self.path} checks them.")
            return
        errors, warnings = found.errors, found.warnings
        if errors:
            self.errors = [f"line {d.line}: {d.message} [{d.code}]" for d in errors] + [
                f"line {d.line} (a warning): {d.message} [{d.code}]" for d in warnings]
            self.errors_head = (f"check finds {_count(len(errors), 'problem')} in the paths through this save. "
                                "It still plays, so you can walk the paths here. Fix and save again:")
            self._say(f"{said}check finds {_count(len(errors), 'problem')}: see the list above.")
        elif warnings:
            where = ", ".join(f"line {d.line} {d.code}" for d in warnings[:3]) + (", ..." if len(warnings) > 3 else "")
            self._say(f"{said}Paths checked: {_count(len(warnings), 'warning')} ({where}); "
                      f"python run.py check {self.path} explains.")
        else:
            self._say(f"{said}Paths checked: no problems found.")

    def close(self) -> None:
        """Stop the paths' check, if one runs (the preview is closing)."""
        self._to_check = None
        self.checks.stop()

    # ---- the play screen's flow, kept on this screen at an ending ---------------------------------
    def _show_node(self, ctx: Context) -> None:
        if self.play.ended:
            self.view, self.card, self.step, self.countdown = None, None, None, None
            self.dirty = True
            return
        super()._show_node(ctx)

    def _ending(self) -> Transition | None:
        return None

    def _next(self, ctx: Context) -> Transition | None:
        self._show_node(ctx)  # at an ending too: the preview shows it itself and keeps watching the file
        return None

    def restart(self, ctx: Context) -> None:
        self._adopt(ctx, self.scenario, Playthrough(self.scenario, start=self.start))
        self._say("Started again.")

    def jump(self, ctx: Context, node: str) -> None:
        """Start afresh at `node`, keeping the meters and flags of the moment."""
        self.start = start_point(self.scenario, node, dict(self.play.meters), sorted(self.play.flags))
        self._adopt(ctx, self.scenario, Playthrough(self.scenario, start=self.start))
        self._say(f"Jumped to '{node}'.")

    def resume(self, ctx: Context, result: Any = None) -> None:
        if isinstance(result, JumpTo):
            self.dirty = True
            self.jump(ctx, result.node)
            return
        super().resume(ctx, result)

    # ---- events and time ----------------------------------------------------------------------------
    def place(self) -> str:
        """FILE:LINE of the node (or ending) on screen."""
        line = self.lines.get(self.play.location)
        return f"{self.path}:{line}" if line else self.path

    def copy_place(self) -> None:
        text = self.place()
        try:
            pygame.scrap.put_text(text)
        except (pygame.error, AttributeError, NotImplementedError) as exc:
            self._say(f"Could not copy to the clipboard here ({exc}); the place is {text}")
            return
        self._say(f"Copied {text}")

    def handle(self, event: pygame.event.Event, ctx: Context) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F2:
                return Push(JumpOverlay(sorted(self.scenario.nodes), sorted(self.scenario.endings)))
            if event.key == pygame.K_F3:
                self.copy_place()
                return None
            if event.key == pygame.K_F5:
                self.restart(ctx)
                return None
            if event.key == pygame.K_BACKSPACE and self.play.can_undo:
                self.play.undo()
                self._adopt(ctx, self.scenario, self.play)
                self._say("Went back one choice.")
                return None
        if self.play.ended:
            return self._pause(ctx) if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE else None
        return super().handle(event, ctx)

    def update(self, dt: float, ctx: Context) -> Transition | None:
        data = self.watch.poll(dt)
        if data is not None:
            self.reload(ctx, data)
        else:
            self._check_in_background()  # on the frames after a reload: the save itself shows first
        if self.notice_left > 0:
            self.notice_left -= dt
            if self.notice_left <= 0:
                self.notice, self.dirty = "", True
        leaving = super().update(dt, ctx)
        if isinstance(leaving, (Pop, Replace, Quit)):
            self.close()
        return leaving

    def animating(self) -> bool:
        return True  # keeps the loop polling the file at the frame rate, not the idle rate

    def damage(self, surface: pygame.Surface, ctx: Context) -> list[pygame.Rect] | None:
        return None  # its notices, errors and reloads come from update: each frame is drawn whole

    # ---- drawing --------------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, ctx: Context) -> None:
        super().draw(surface, ctx)
        if self.play.ended:
            self._draw_ending(surface, ctx)
        if self.errors:
            self._draw_errors(surface, ctx)
        self._draw_bar(surface, ctx)

    def _draw_bar(self, surface: pygame.Surface, ctx: Context) -> None:
        th, vp = ctx.theme, ctx.viewport
        rect = vp.rect(0, vp.height - BAR, vp.width, BAR)
        pygame.draw.rect(surface, th.surface_alt, rect)
        kind = "ending" if self.play.ended else "node"
        left = f"Preview · {kind} '{self.play.location}' · {self.place()}"
        text = self.notice or PREVIEW_HINT
        if self.checking:  # first, so a long notice cut to fit never hides it
            text = f"{CHECKING.capitalize()} · {self.notice}" if self.notice else CHECKING.capitalize()
        width = rect.width - vp.px(32)
        left = fit_text(ctx, left, "small", width // 2, True)
        blit_text(surface, ctx, left, (rect.left + vp.px(16), rect.centery), "small", th.text, True, "midleft")
        right = fit_text(ctx, text, "small", width // 2)
        blit_text(surface, ctx, right, (rect.right - vp.px(16), rect.centery), "small",
                  th.text if self.notice else th.text_muted, anchor="midright")


    def _draw_errors(self, surface: pygame.Surface, ctx: Context) -> None:
        th, vp = ctx.theme, ctx.viewport
        height = vp.height - 70 - BAR - 20
        if self.errors_head != SAVE_HEAD:  # the save on screen plays: the list leaves room to walk its paths
            height *= 0.5
        box = vp.rect(60, 70, vp.width - 120, height)
        panel(surface, box, ctx, colour=th.surface, border=th.bad, width=3)
        inner = box.inflate(-vp.px(40), -vp.px(32))
        top = inner.top + blit_paragraph(surface, ctx, self.errors_head, inner, "body", th.text, True) + vp.px(10)
        shown = self.errors[:MAX_ERRORS]
        if len(self.errors) > MAX_ERRORS:
            shown.append(f"... and {len(self.errors) - MAX_ERRORS} more (python run.py check {self.path})")
        for line in shown:
            area = pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
            if area.height <= 0:
                break
            top += blit_paragraph(surface, ctx, line, area, "small", th.bad) + vp.px(6)

    def _draw_ending(self, surface: pygame.Surface, ctx: Context) -> None:
        th, vp = ctx.theme, ctx.viewport
        ending = self.play.ending
        box = vp.rect(vp.width * 0.3, 90, vp.width * 0.65, vp.height - 90 - BAR - 30)
        panel(surface, box, ctx, colour=th.surface, border=th.accent, width=2)
        inner = box.inflate(-vp.px(40), -vp.px(32))
        top = inner.top
        for text, token, colour, bold in (
                (f"Ending: {ending.title} ({ending.outcome})", "large", th.text, True),
                (self.play.text, "body", th.text, False),
                (f"Coach's summary: {ending.summary}", "body", th.text_muted, False),
                ("Backspace goes back one choice, F5 starts again, F2 jumps to a node.", "small", th.text_muted,
                 False)):
            area = pygame.Rect(inner.left, top, inner.width, inner.bottom - top)
            top += blit_paragraph(surface, ctx, text, area, token, colour, bold) + vp.px(12)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
