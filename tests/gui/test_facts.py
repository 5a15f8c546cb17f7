"""Inspector formatting: exposure fractions, camera names, sizes, empty fields."""

from photodesk.gui.models.facts import facts


def test_camera_facts_read_like_a_photographer_writes_them():
    shown = facts({"make": "Canon", "model": "Canon EOS 40D", "exposure": "10/2187",
                   "aperture": 7.1, "iso": 100, "focal_length": 135.0,
                   "width": 3888, "height": 2592, "size": 5_400_000, "format": "JPEG"})
    assert shown["camera"] == "Canon EOS 40D"
    assert shown["exposure"] == "1/219 s"
    assert shown["aperture"] == "f/7.1" and shown["iso"] == "100"
    assert shown["focal_length"] == "135 mm"
    assert shown["size"] == "3888 × 2592 px · 5.1 MB · JPEG"


def test_long_exposures_lists_and_empty_fields():
    shown = facts({"exposure": "2", "make": "NIKON CORPORATION", "model": "NIKON D70",
                   "keywords": ["Hà Nội", "bóng đá"], "caption": "", "city": "Hà Nội",
                   "country": "Việt Nam", "taken_at": "2024-05-01T08:30:00"})
    assert shown["exposure"] == "2 s"
    assert shown["camera"] == "NIKON D70"
    assert shown["keywords"] == "Hà Nội; bóng đá"
    assert shown["place"] == "Hà Nội, Việt Nam"
    assert shown["taken_at"] == "2024-05-01 08:30:00"
    assert "caption" not in shown and "lens" not in shown
