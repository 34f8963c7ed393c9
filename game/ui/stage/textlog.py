"""Text on the stage: wrapped paragraphs (optionally slanted, for narration) that log where each line landed,
so a test can measure every drawn line against the box it belongs in."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

import pygame

from ..context import Context
from ..text import is_rtl, line_x

SLANT = 0.2  # a narration line leans by this share of its height: an italic look from the upright font
_slanted: OrderedDict[tuple, pygame.Surface] = OrderedDict()  # least recently drawn first
_slanted_on: dict[tuple, int] = {}  # key -> the frame (ctx.text.frame) that last drew it
_slanted_bytes = [0]
_MAX_SLANTED = 256
SLANTED_BYTES = 1 << 20  # slanted lines kept at most, unless the frame being drawn uses more (0.3 MB a 1080p line)


@dataclass(frozen=True)
class Block:
    text: str
    rect: pygame.Rect  # window pixels actually covered by the drawn line
    box: pygame.Rect  # window pixels the line must stay inside


@dataclass
class TextLog:
    """Every line drawn this frame and its box, and where the stage's parts were drawn (`parts`: 'person',
    'caller', 'side', 'speech', 'hud', 'countdown', 'card', 'focus', 'more_below', in window pixels): together,
    all that was drawn over the setting. `problems()` lists lines that spill out."""

    blocks: list[Block] = field(default_factory=list)
    parts: dict[str, pygame.Rect] = field(default_factory=dict)
    within: pygame.Rect | None = None  # the scrolling column's clip, while it hides lines scrolled away
    window: pygame.Rect | None = None  # set while a frame is drawn in part: lines outside its clip still count

    def clear(self) -> None:
        self.blocks.clear()
        self.parts.clear()
        self.within = self.window = None

    def seen(self, surface: pygame.Surface) -> pygame.Rect:
        """Where a line drawn now is on screen: a frame drawn in part logs its whole picture's lines."""
        if self.within is not None:
            return self.within
        return self.window if self.window is not None else surface.get_clip()

    def add(self, text: str, rect: pygame.Rect, box: pygame.Rect) -> None:
        self.blocks.append(Block(text, pygame.Rect(rect), pygame.Rect(box)))

    def problems(self, screen: pygame.Rect) -> list[str]:
        out = []
        for b in self.blocks:
            if not b.box.contains(b.rect):
                out.append(f"{b.text[:40]!r} {b.rect} spills out of its box {b.box}")
            if not screen.contains(b.rect):
                out.append(f"{b.text[:40]!r} {b.rect} is off the screen {screen}")
        return out


def slant_px(ctx: Context, token: str) -> int:
    return round(ctx.px(token) * SLANT)


def _slant(key: tuple, frame: int, img: pygame.Surface, lean: int) -> pygame.Surface:
    """The line's picture leaning right (made once, then remembered while there is room)."""
    _slanted_on[key] = frame
    out = _slanted.get(key)
    if out is not None:
        _slanted.move_to_end(key)
        return out
    w, h = img.get_size()
    out = pygame.Surface((w + lean, h), pygame.SRCALPHA)
    for y in range(0, h, 2):
        out.blit(img, (round(lean * (h - y) / max(1, h)), y), pygame.Rect(0, y, w, 2))
    _slanted[key] = out
    _slanted_bytes[0] += out.get_width() * out.get_height() * 4
    while _slanted and (len(_slanted) > _MAX_SLANTED or _slanted_bytes[0] > SLANTED_BYTES):
        oldest = next(iter(_slanted))
        if _slanted_on.get(oldest) == frame and len(_slanted) <= _MAX_SLANTED:
            break  # every line kept was drawn in this frame
        gone = _slanted.pop(oldest)
        _slanted_on.pop(oldest, None)
        _slanted_bytes[0] -= gone.get_width() * gone.get_height() * 4
    return out


def wrap(ctx: Context, text: str, width: int, token: str, bold: bool = False, slanted: bool = False) -> list[str]:
    """The lines text wraps to in `width` window pixels (a slanted line needs room for its lean)."""
    lean = slant_px(ctx, token) if slanted else 0
    return ctx.text.wrap(text, ctx.px(token), max(1, width - lean), bold)


def paragraph_px(ctx: Context, text: str, width: int, token: str, bold: bool = False, slanted: bool = False) -> int:
    """Window-pixel height of the wrapped paragraph."""
    return len(wrap(ctx, text, width, token, bold, slanted)) * ctx.text.line_height(ctx.px(token), bold)


def paragraph(surface: pygame.Surface, ctx: Context, log: TextLog | None, text: str, rect: pygame.Rect,
              token: str, colour, bold: bool = False, max_chars: int | None = None, slanted: bool = False,
              box: pygame.Rect | None = None) -> int:
    """Draw text wrapped in `rect` (window pixels), typed up to `max_chars`; log each line against `box`
    (the rect by default). Returns the height used."""
    px = ctx.px(token)
    lean = slant_px(ctx, token) if slanted else 0
    lines = wrap(ctx, text, rect.width, token, bold, slanted)
    step = ctx.text.line_height(px, bold)
    y = rect.top
    left = max_chars
    for line in lines:
        if left is not None and left <= 0:
            break
        if line:
            img = ctx.text.render(line, px, colour, bold)
            if lean:
                img = _slant((str(line), px, colour, bold, lean), ctx.text.frame, img, lean)
            x = line_x(line, rect.left, rect.width, img.get_width())
            shown = img.get_width()
            if left is not None and left < len(line):  # right to left, the typed part is the right end
                shown = min(img.get_width(), ctx.text.width(line[:left], px, bold) + lean)
                start = img.get_width() - shown if is_rtl(line) else 0
                surface.blit(img, (x + start, y), pygame.Rect(start, 0, shown, img.get_height()))
            else:
                surface.blit(img, (x, y))
            drew = pygame.Rect(x, y, img.get_width(), step)
            if log is not None and drew.colliderect(log.seen(surface)):  # (a scrolled-away line is not drawn)
                log.add(line, drew, box or rect)
        if left is not None:
            left -= len(line) + 1
        y += step
    return len(lines) * step


def line(surface: pygame.Surface, ctx: Context, log: TextLog | None, text: str, pos: tuple[int, int], token: str,
         colour, box: pygame.Rect, bold: bool = False, anchor: str = "topleft") -> pygame.Rect:
    """One line of text at a window position, logged against `box`."""
    img = ctx.text.render(text, ctx.px(token), colour, bold)
    r = img.get_rect(**{anchor: pos})
    surface.blit(img, r)
    if log is not None and r.colliderect(log.seen(surface)):
        log.add(text, r, box)
    return r
