"""resource_dir() finds the translations and the sample folder in a source checkout."""

import subprocess
import sys

from photodesk.resources import resource_dir
from tests.conftest import ROOT


def test_resource_dir_is_the_checkouts_resources_folder():
    assert resource_dir() == ROOT / "resources"


def test_translations_and_sample_are_found():
    resources = resource_dir()
    assert (resources / "i18n" / "photodesk_vi.qm").is_file()
    assert (resources / "i18n" / "photodesk_en.qm").is_file()
    assert (resources / "sample" / "hoi-cho-nong-san-hoa-son-2025.txt").is_file()
    assert sorted(resources.joinpath("sample").glob("DSC_*.jp*g"))


def test_frozen_bundle_looks_beside_the_executable(tmp_path):
    # As PyInstaller sets them: sys.frozen, and sys._MEIPASS the bundle's _internal folder.
    code = ("import sys; sys.frozen = True; sys._MEIPASS = sys.argv[1]; "
            "from photodesk.resources import resource_dir; print(resource_dir())")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, check=True, cwd=ROOT).stdout.strip()
    assert out == str(tmp_path / "resources")
