"""The shipped font loads, covers the scenarios' characters, is cached, and falls back when missing or broken."""

from pathlib import Path

import pygame
import pytest

from game.ui import fonts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_cache():
    fonts.clear_cache()
    yield
    fonts.clear_cache()


def test_the_font_and_its_licence_are_shipped():
    for bold in (False, True):
        path = fonts.font_path(bold)
        assert path is not None and Path(path).is_file()
    assert (ROOT / "assets" / "fonts" / "LICENSE-DejaVu.txt").is_file()
    assert "DejaVu" in (ROOT / "assets" / "CREDITS.md").read_text(encoding="utf-8")


def test_cached_per_size_and_weight(fresh_cache):
    assert fonts.get_font(20) is fonts.get_font(20)
    assert fonts.get_font(20) is not fonts.get_font(20, bold=True)
    assert fonts.get_font(20) is not fonts.get_font(21)


def test_covers_currency_signs_and_accents(fresh_cache):
    font = fonts.get_font(24)
    for char in "€£¥₹éñüçøłğ−×…":
        assert font.metrics(char)[0] is not None, char


def test_missing_font_file_falls_back(tmp_path, monkeypatch, fresh_cache):
    monkeypatch.setattr(fonts, "FONT_DIR", tmp_path)
    assert fonts.font_path() is None
    font = fonts.get_font(24, bold=True)
    assert font.render("Still readable", True, (0, 0, 0)).get_width() > 50


def test_broken_font_file_falls_back(tmp_path, monkeypatch, fresh_cache):
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"not really a font" * 50)
    monkeypatch.setattr(fonts, "FONT_DIR", tmp_path)
    assert fonts.font_path() is not None
    font = fonts.get_font(24)
    assert font.render("Still readable", True, (0, 0, 0)).get_width() > 50


def test_works_before_the_font_module_is_started(fresh_cache):
    pygame.font.quit()
    assert fonts.get_font(18).get_height() > 10
