"""The in-place XMP editor on the shapes packets come in, read back by exiftool."""

import json

import pytest

from photodesk.core.metadata.embed import WriteRefused
from photodesk.core.metadata.sidecar import sidecar_packet
from photodesk.core.metadata.verify import packet
from photodesk.core.metadata.write import write_file
from photodesk.core.metadata.xmpedit import PacketError, edit_packet
from tests.conftest import exiftool, make_jpeg

HEAD = ("<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'>\n"
        "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n")
TAIL = "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end='w'?>"


def packet_of(description: str, nl: str = "\n") -> bytes:
    return (HEAD + description + TAIL).replace("\n", nl).encode("utf-8")


def read(tmp_path, data: bytes) -> dict:
    path = tmp_path / "x.xmp"
    path.write_bytes(data)
    tags = json.loads(exiftool("-j", "-G1", "-struct", "-XMP:All", path))[0]
    tags.pop("SourceFile")
    return tags


def test_attribute_values_are_replaced_in_place_with_their_quotes(tmp_path):
    old = packet_of(" <rdf:Description rdf:about='' xmlns:photoshop='http://ns.adobe.com/photoshop"
                    "/1.0/' photoshop:Headline='Cũ' photoshop:City='Huế'/>\n")
    headline = "Tít \"mới\" & <đẹp>\n\tdòng hai\r\nba 'x'"
    new = sidecar_packet({"headline": headline}, old)
    assert b"photoshop:Headline='" in new and b"photoshop:City='Hu" in new  # quoted as before
    tags = read(tmp_path, new)
    assert tags["XMP-photoshop:Headline"] == headline
    assert tags["XMP-photoshop:City"] == "Huế"


def test_element_text_keeps_line_breaks_and_specials(tmp_path):
    caption = "Dòng một & <hai>\r\nDòng \"ba\"\n\tthụt lề"
    new = sidecar_packet({"caption": caption}, None)
    assert read(tmp_path, new)["XMP-dc:Description"] == caption


def test_none_removes_element_and_attribute_forms_and_nothing_else(tmp_path):
    old = packet_of(
        " <rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'\n"
        "   xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/' photoshop:Credit='TTXVN'\n"
        "   photoshop:City='Huế'>\n"
        "  <dc:description><rdf:Alt><rdf:li xml:lang='x-default'>Cũ</rdf:li></rdf:Alt>"
        "</dc:description>\n"
        "  <dc:rights><rdf:Alt><rdf:li xml:lang='x-default'>© TTXVN</rdf:li></rdf:Alt>"
        "</dc:rights>\n"
        " </rdf:Description>\n")
    new = sidecar_packet({"caption": None, "credit": None}, old)
    tags = read(tmp_path, new)
    assert "XMP-dc:Description" not in tags and "XMP-photoshop:Credit" not in tags
    assert tags["XMP-dc:Rights"] == "© TTXVN" and tags["XMP-photoshop:City"] == "Huế"
    assert b"\n\n" not in new  # no empty line left where the caption was


def test_a_prefix_bound_elsewhere_is_not_reused(tmp_path):
    old = packet_of(" <rdf:Description rdf:about='' xmlns:dc='http://example.com/not-dc/'>\n"
                    "  <dc:thing>kept</dc:thing>\n"
                    " </rdf:Description>\n")
    new = sidecar_packet({"caption": "Chú thích", "keywords": ["a", "b"]}, old)
    assert b"xmlns:dc1='http://purl.org/dc/elements/1.1/'" in new or \
        b'xmlns:dc1="http://purl.org/dc/elements/1.1/"' in new
    tags = read(tmp_path, new)
    assert tags["XMP-dc:Description"] == "Chú thích" and tags["XMP-dc:Subject"] == ["a", "b"]


def test_crlf_packets_get_crlf_lines(tmp_path):
    old = packet_of(" <rdf:Description rdf:about=''>\n </rdf:Description>\n", nl="\r\n")
    new = sidecar_packet({"keywords": ["một", "hai"]}, old)
    assert b"\n" not in new.replace(b"\r\n", b"")
    assert read(tmp_path, new)["XMP-dc:Subject"] == ["một", "hai"]


def test_other_languages_stay_and_x_default_goes_first(tmp_path):
    old = packet_of(" <rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>\n"
                    "  <dc:title>\n   <rdf:Alt>\n    <rdf:li xml:lang='vi'>Tựa</rdf:li>\n"
                    "   </rdf:Alt>\n  </dc:title>\n </rdf:Description>\n")
    new = sidecar_packet({"title": "Title"}, old)
    assert new.index(b"x-default") < new.index(b"'vi'")
    tags = read(tmp_path, new)
    assert tags["XMP-dc:Title"] == "Title" and tags["XMP-dc:Title-vi"] == "Tựa"


def test_a_seq_of_keywords_becomes_a_bag(tmp_path):
    old = packet_of(" <rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>\n"
                    "  <dc:subject><rdf:Seq><rdf:li>cũ</rdf:li></rdf:Seq></dc:subject>\n"
                    " </rdf:Description>\n")
    new = sidecar_packet({"keywords": ["mới"]}, old)
    assert b"<rdf:Bag>" in new and b"Seq" not in new
    assert read(tmp_path, new)["XMP-dc:Subject"] == ["mới"]


def test_packets_that_cannot_be_edited_say_why():
    with pytest.raises(PacketError, match="no rdf:Description"):
        edit_packet(packet_of(""), {"caption": "x"})
    with pytest.raises(PacketError, match="DTD"):
        edit_packet(b'<!DOCTYPE x [<!ENTITY a "b">]><x/>', {"caption": "x"})
    with pytest.raises(PacketError, match="control character"):
        edit_packet(None, {"caption": "bell \x07"})


def test_a_photo_whose_xmp_cannot_be_edited_gets_a_sidecar_saying_why(tmp_path):
    photo = make_jpeg(tmp_path / "a.jpg")
    xmp = tmp_path / "in.xmp"
    xmp.write_bytes(packet_of(""))
    exiftool("-overwrite_original", f"-xmp<={xmp}", photo)
    before = photo.read_bytes()
    result = write_file(photo, {"caption": "Chú thích"})
    assert result.target == "sidecar" and "no rdf:Description" in result.notes[0]
    assert photo.read_bytes() == before


def test_a_packet_near_64_kb_uses_its_padding(tmp_path):
    photo = make_jpeg(tmp_path / "a.jpg")
    body = " <rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>\n" \
           "  <dc:source>" + "x" * 40000 + "</dc:source>\n </rdf:Description>\n"
    text = HEAD + body + "</rdf:RDF>\n</x:xmpmeta>\n"
    padding = 65400 - len(text.encode()) - len("<?xpacket end='w'?>")
    xmp = tmp_path / "in.xmp"
    xmp.write_bytes((text + " " * padding + "<?xpacket end='w'?>").encode())
    exiftool("-overwrite_original", f"-xmp<={xmp}", photo)
    assert len(packet(photo.read_bytes())) > 65000
    result = write_file(photo, {"caption": "Chú thích " * 50})
    assert result.target == "file"
    tags = json.loads(exiftool("-j", "-XMP-dc:all", photo))[0]
    assert tags["Source"] == "x" * 40000 and tags["Description"] == ("Chú thích " * 50).strip()


def test_a_value_that_cannot_be_written_anywhere_is_refused(tmp_path):
    photo = make_jpeg(tmp_path / "a.jpg")
    with pytest.raises(WriteRefused, match="control character"):
        write_file(photo, {"caption": "bell \x07"})


def test_compact_empty_elements_before_an_end_tag_are_filled_and_removed_cleanly(tmp_path):
    # <x/> right before its parent's end tag: expat reports its end at the parent's end tag.
    old = packet_of("<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' "
                    "xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'><dc:description>"
                    "<rdf:Alt><rdf:li xml:lang='x-default'/></rdf:Alt></dc:description>"
                    "<photoshop:Credit/></rdf:Description>")
    filled = sidecar_packet({"caption": "Chú thích mới", "credit": "TTXVN"}, old)
    tags = read(tmp_path, filled)
    assert tags["XMP-dc:Description"] == "Chú thích mới" and tags["XMP-photoshop:Credit"] == "TTXVN"
    emptied = edit_packet(old, {"credit": None})
    assert b"</rdf:Description>" in emptied and b"Credit" not in emptied
    assert read(tmp_path, emptied)["XMP-dc:Description"] == ""
