"""The sample newsroom folder is copied for the user, once, whole."""

import pytest

from photodesk.core import sample


def test_the_sample_is_copied_into_the_user_data_folder_once(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    copied = sample.install_sample()
    assert copied == tmp_path / "photodesk" / "Sample newsroom"
    names = sorted(p.name for p in copied.iterdir())
    assert "hoi-cho-nong-san-hoa-son-2025.txt" in names and "DSC_0412.jpg" in names
    assert "generate.py" not in names
    (copied / "DSC_0412.jpg").write_bytes(b"edited by the user")
    assert sample.install_sample() == copied  # a second call keeps what the user did
    assert (copied / "DSC_0412.jpg").read_bytes() == b"edited by the user"


def test_an_unwritable_place_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(sample.SampleError, match="cannot copy the sample folder"):
        sample.install_sample(blocker / "Sample newsroom")


def test_a_fresh_copy_is_new_each_time_and_leaves_the_bundled_folder_alone(tmp_path):
    first, catalog = sample.fresh_copy(tmp_path)
    second, _ = sample.fresh_copy(tmp_path)
    assert first != second and first.parent != second.parent
    assert catalog.parent == first.parent and not catalog.exists()
    assert (first / "DSC_0412.jpg").read_bytes() == (
        sample.bundled_sample() / "DSC_0412.jpg").read_bytes()
    assert tmp_path in first.parents  # not the tracked resources/sample
