"""The one resource helper finds fonts, icons and translations the same way in every layout."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from coordinator_app import resource_paths
from coordinator_app.resource_paths import resource_path, resources_root

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_root():
    """``resources_root`` is cached per process; each layout test starts from a clean cache."""
    resources_root.cache_clear()
    yield
    resources_root.cache_clear()


def test_source_checkout_finds_the_repository_resources(fresh_root) -> None:
    assert resources_root() == ROOT / "resources"
    assert resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert resource_path("icons", "carnet-coop.svg").is_file()
    assert resource_path("icons", "carnet-coop-256.png").is_file()
    assert resource_path("translations").is_dir()
    assert any(resource_path("translations").glob("*.qm")), "no compiled translation shipped"


def test_missing_resource_is_named_not_hidden(fresh_root) -> None:
    missing = resource_path("icons", "absent.png")
    assert missing == ROOT / "resources" / "icons" / "absent.png"
    assert not missing.exists()


def test_pyinstaller_bundle_layout_wins_when_frozen(fresh_root, monkeypatch, tmp_path) -> None:
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "DejaVuSans.ttf") == tmp_path / "resources/fonts/DejaVuSans.ttf"


def test_installed_wheel_layout_is_the_package_folder(fresh_root, monkeypatch, tmp_path) -> None:
    package = tmp_path / "site-packages" / "coordinator_app"
    (package / "_resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(resource_paths, "__file__", str(package / "resource_paths.py"))
    assert resources_root() == package / "_resources"


def test_wheels_carry_resources_as_package_data() -> None:
    """pip install . (not editable) maps resources/ onto coordinator_app._resources."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert config["setuptools"]["package-dir"]["coordinator_app._resources"] == "resources"
    assert config["setuptools"]["package-data"]["coordinator_app._resources"] == ["**/*"]
    assert '"coordinator_app._resources"' in (ROOT / "setup.py").read_text(encoding="utf-8")
