"""Every shipped asset is credited with its origin and licence."""

from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "assets"


def test_every_asset_file_is_listed_in_the_credits():
    credits = (ASSETS / "CREDITS.md").read_text(encoding="utf-8")
    files = [p for p in ASSETS.rglob("*") if p.is_file() and p.name != "CREDITS.md" and "__pycache__" not in p.parts]
    assert files
    missing = [str(p.relative_to(ASSETS)) for p in files if p.name not in credits]
    assert missing == []


def test_credits_name_the_licences():
    credits = (ASSETS / "CREDITS.md").read_text(encoding="utf-8")
    assert "Bitstream Vera" in credits and "MIT" in credits
