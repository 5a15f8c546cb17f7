"""Editing an XMP packet in place: only the changed properties' bytes are replaced.

The XMP toolkit (exiv2) re-serialises a whole packet when it writes one: it drops empty values
(`<rdf:li xml:lang="x-default"/>`), moves a legacy rdf:about="uuid:…" into xmpMM:InstanceID and
renames the toolkit. So we splice: the packet is parsed only to learn where each property sits,
and every byte outside the properties we write is copied as it was. exiv2 then reads the result
back as the independent check (verify.py).
"""

import re
import xml.parsers.expat as expat
from dataclasses import dataclass, field

from photodesk.core.fields import BY_NAME, Kind

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML = "http://www.w3.org/XML/1998/namespace"
# The schema part of a pyexiv2 key -> (namespace URI, the prefix a new declaration uses).
SCHEMAS = {
    "dc": ("http://purl.org/dc/elements/1.1/", "dc"),
    "photoshop": ("http://ns.adobe.com/photoshop/1.0/", "photoshop"),
    "xmp": ("http://ns.adobe.com/xap/1.0/", "xmp"),
    "iptc": ("http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/", "Iptc4xmpCore"),
    "iptcExt": ("http://iptc.org/std/Iptc4xmpExt/2008-02-29/", "Iptc4xmpExt"),
}
NEW_PACKET = ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
              '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="PhotoDesk">\n'
              f' <rdf:RDF xmlns:rdf="{RDF}">\n'
              '  <rdf:Description rdf:about="">\n'
              '  </rdf:Description>\n'
              ' </rdf:RDF>\n'
              '</x:xmpmeta>\n'
              '<?xpacket end="w"?>').encode("utf-8")
ATTRIBUTE = re.compile(rb"""(\s+)([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')""")
XML_CHARS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class PacketError(ValueError):
    """The packet cannot be edited in place; the message says why."""


def property_name(key: str) -> tuple[str, str]:
    """'Xmp.dc.description' -> (namespace URI, 'description')."""
    _, schema, local = key.split(".", 2)
    return SCHEMAS[schema][0], local


# --- where everything sits ---------------------------------------------------------------------

@dataclass(eq=False)
class Element:
    qname: str                      # as written: prefix:local
    name: tuple[str, str]           # (namespace URI, local name)
    start: int                      # offset of '<'
    head_end: int                   # offset after the start tag's '>'
    attrs: dict                     # qname -> value, as written in the start tag
    scope: dict                     # prefix -> URI in force inside the element
    close: int = -1                 # offset of the end tag ('</'); head_end when self-closing
    end: int = -1                   # offset after the element
    children: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.close == self.head_end and self.end == self.head_end

    def prefix_of(self, uri: str) -> str | None:
        return next((p for p, u in self.scope.items() if u == uri and p), None)


def parse(data: bytes) -> Element:
    """The element tree of a UTF-8 packet, with the byte offsets of every tag."""
    body = len(data.rstrip(b"\x00 \t\r\n"))  # some writers pad after the end PI with NULs
    parser = expat.ParserCreate()  # no namespace processing: qnames and xmlns as written
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Element] = []
    roots: list[Element] = []

    def refuse(*_):
        raise PacketError("it declares a DTD or entities")

    def start(qname, attrs):
        pos = parser.CurrentByteIndex
        scope = dict(stack[-1].scope) if stack else {"xml": XML}
        for k, v in attrs.items():
            if k == "xmlns" or k.startswith("xmlns:"):
                scope[k[6:]] = v
        element = Element(qname, _resolve(qname, scope, True), pos, _tag_end(data, pos),
                          attrs, scope)
        (stack[-1].children if stack else roots).append(element)
        stack.append(element)

    def end(qname):
        element = stack.pop()
        pos = parser.CurrentByteIndex
        if data[element.start:element.head_end].rstrip(b" \t\r\n>").endswith(b"/"):
            # <x/>: expat reports its end wherever the next event starts, which may be the
            # parent's end tag (<rdf:li xml:lang="x-default"/></rdf:Alt>): the tag says it all.
            element.close = element.end = element.head_end
        elif data.startswith(b"</", pos):
            element.close, element.end = pos, data.index(b">", pos) + 1
        else:
            element.close = element.end = element.head_end

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data[:body], True)
    except expat.ExpatError as exc:
        raise PacketError(f"its XMP is not well-formed XML ({exc})") from exc
    if not roots:
        raise PacketError("its XMP packet holds no element")
    return roots[0]


def _resolve(qname: str, scope: dict, element: bool) -> tuple[str, str]:
    prefix, _, local = qname.rpartition(":")
    if not prefix and not element:
        return "", local  # an unprefixed attribute is in no namespace
    return scope.get(prefix, ""), local


def _tag_end(data: bytes, pos: int) -> int:
    """The offset after the '>' that ends the tag at pos ('>' may sit inside quotes)."""
    quote = None
    for i in range(pos + 1, len(data)):
        c = data[i]
        if quote:
            if c == quote:
                quote = None
        elif c in b"\"'":
            quote = c
        elif c == 0x3E:
            return i + 1
    raise PacketError("a tag in its XMP is not closed")


def _find(element: Element, name: tuple[str, str]) -> Element | None:
    if element.name == name:
        return element
    return next((f for f in (_find(c, name) for c in element.children) if f), None)


def _attribute_spans(data: bytes, element: Element) -> dict:
    """qname -> (start of the whitespace before it, start of the value, end of the value)."""
    head = data[element.start:element.head_end]
    spans = {}
    for m in ATTRIBUTE.finditer(head, len(element.qname) + 1):
        spans[m.group(2).decode("utf-8")] = (element.start + m.start(1),
                                             element.start + m.start(3) + 1,
                                             element.start + m.end(3) - 1)
    return spans


# --- the edit ------------------------------------------------------------------------------------

class Edits:
    """Replacements of byte ranges, applied together; a zero-width insertion at a range's start
    goes before that range's new text."""

    def __init__(self):
        self.items: list[tuple[int, int, int, bytes]] = []

    def add(self, start: int, end: int, text: str | bytes) -> None:
        text = text.encode("utf-8") if isinstance(text, str) else text
        self.items.append((start, end, len(self.items), text))

    def apply(self, data: bytes) -> bytes:
        items = sorted(self.items)
        for (_, a_end, _, _), (b_start, _, _, _) in zip(items, items[1:]):
            if b_start < a_end:
                raise PacketError("two edits of its XMP overlap")
        out, pos = [], 0
        for start, end, _, text in items:
            out += [data[pos:start], text]
            pos = end
        return b"".join(out + [data[pos:]])


def edit_packet(old: bytes | None, values: dict, extra: dict | None = None) -> bytes:
    """old (or a new empty packet) with values written: field name -> normalised value (None
    removes the property), and extra: pyexiv2 key -> text, for properties that are no field."""
    data = utf8(old) if old else NEW_PACKET
    root = parse(data)
    rdf = _find(root, (RDF, "RDF"))
    if rdf is None:
        raise PacketError("its XMP packet holds no rdf:RDF")
    wanted = [(BY_NAME[n].xmp, BY_NAME[n].kind, v) for n, v in values.items() if BY_NAME[n].xmp]
    wanted += [(key, Kind.TEXT, v) for key, v in (extra or {}).items()]
    editor = _Editor(data, rdf)
    for key, kind, value in wanted:
        editor.set(property_name(key), kind, value)
    return editor.finish()


def utf8(packet: bytes) -> bytes:
    """The packet as UTF-8 (XMP in JPEG must be UTF-8; some old writers used UTF-16)."""
    for bom, codec in ((b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le")):
        if packet.startswith(bom):
            return _recoded(packet[len(bom):], codec)
    if packet.startswith(b"\x00<"):
        return _recoded(packet, "utf-16-be")
    if packet.startswith(b"<\x00"):
        return _recoded(packet, "utf-16-le")
    try:
        packet.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PacketError(f"its XMP is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    return packet


def _recoded(packet: bytes, codec: str) -> bytes:
    try:
        text = packet.decode(codec)
    except UnicodeDecodeError as exc:
        raise PacketError(f"its XMP is not valid {codec}") from exc
    if re.match(r"\s*<\?xml[^>]*encoding", text):
        raise PacketError("its XMP names its own encoding in an XML declaration")
    return text.encode("utf-8")


class _Editor:
    def __init__(self, data: bytes, rdf: Element):
        self.data, self.rdf, self.edits = data, rdf, Edits()
        self.nl = "\r\n" if b"\r\n" in data else "\n"  # new lines as the packet writes them
        self.descriptions = [c for c in rdf.children if c.name == (RDF, "Description")]
        if not self.descriptions:
            raise PacketError("its XMP packet holds no rdf:Description")
        self.appended: dict[int, list] = {}   # description index -> [(uri, local, kind, value)]

    def set(self, name: tuple[str, str], kind: Kind, value) -> None:
        found = [(d, c) for d in self.descriptions for c in d.children if c.name == name]
        attrs = [(d, q) for d in self.descriptions for q in d.attrs
                 if ":" in q and not q.startswith("xmlns:") and _resolve(q, d.scope, False) == name]
        keep = None
        if value is not None:
            keep = self._in_place(found, attrs, kind, value)
            if keep is None:
                self.appended.setdefault(self._target(name[0]), []).append((*name, kind, value))
        for _, element in found:
            if element is not keep:
                self.edits.add(self._line_start(element.start), element.end, b"")
        for description, qname in attrs:
            if qname != keep:
                ws, _, value_end = _attribute_spans(self.data, description)[qname]
                self.edits.add(ws, value_end + 1, b"")

    def _in_place(self, found, attrs, kind: Kind, value):
        """Write value where the property already is; what was kept, or None to append it."""
        if found:
            description, element = found[0]
            if kind is Kind.LANG_ALT and self._set_default(element, value):
                return element
            simple = kind not in (Kind.LANG_ALT, Kind.BAG, Kind.SEQ)
            if simple and not element.children and not element.attrs and not element.empty:
                self.edits.add(element.head_end, element.close, escape(str(value)))
                return element  # only the text between its own tags changes
            rdf = element.prefix_of(RDF) or "rdf"
            indent = self._indent(element.start)
            self.edits.add(element.start, element.end,
                           serialise(element.qname, rdf, kind, value, indent, self.nl))
            return element
        if attrs and kind not in (Kind.LANG_ALT, Kind.BAG, Kind.SEQ):
            description, qname = attrs[0]
            _, start, end = _attribute_spans(self.data, description)[qname]
            quote = chr(self.data[start - 1])
            self.edits.add(start, end, escape(str(value), quote))
            return qname
        return None

    def _set_default(self, element: Element, value: str) -> bool:
        """Replace only the x-default item of an existing rdf:Alt; other languages stay."""
        alt = next((c for c in element.children if c.name == (RDF, "Alt")), None)
        items = [c for c in alt.children if c.name == (RDF, "li")] if alt else []
        if not items:
            return False
        q = items[0].qname  # rdf:li, under whatever prefix the packet gives RDF
        li = f'<{q} xml:lang="x-default">{escape(value)}</{q}>'
        default = next((i for i in items if i.attrs.get("xml:lang", "").lower() == "x-default"),
                       None)
        if default is not None and default.empty:  # <rdf:li xml:lang='x-default'/>
            self.edits.add(default.head_end - 2, default.head_end,
                           f">{escape(value)}</{default.qname}>")
        elif default is not None and not default.children:  # only its text changes
            self.edits.add(default.head_end, default.close, escape(value))
        elif default is not None:
            self.edits.add(default.start, default.end, li)
        else:  # x-default goes first, where readers look
            indent = self._indent(items[0].start)
            self.edits.add(items[0].start, items[0].start,
                           li + (self.nl + indent if indent is not None else ""))
        return True

    def _target(self, uri: str) -> int:
        """The description a new property goes into: one holding its schema, else the first."""
        for i, d in enumerate(self.descriptions):
            if any(c.name[0] == uri for c in d.children) or any(
                    _resolve(q, d.scope, False)[0] == uri for q in d.attrs if ":" in q):
                return i
        return 0

    def finish(self) -> bytes:
        for index, props in self.appended.items():
            self._append(self.descriptions[index], props)
        return self.edits.apply(self.data)

    def _append(self, parent: Element, props: list) -> None:
        """New property elements at the end of parent, a description (which may be <x/>)."""
        close_indent = self._indent(parent.close if not parent.empty else parent.start)
        inline = close_indent is None
        child_indent = None if inline else self._child_indent(parent, close_indent)
        declared = dict(parent.scope)
        pieces, xmlns = [], []
        for uri, local, kind, value in props:
            prefix = next((p for p, u in declared.items() if u == uri and p), None)
            if prefix is None:
                prefix = _free_prefix(uri, declared)
                declared[prefix] = uri
                xmlns.append(f' xmlns:{prefix}="{escape(uri, chr(34))}"')
            pieces.append(serialise(f"{prefix}:{local}", declared_rdf(declared), kind, value,
                                    child_indent, self.nl))
        head_close = parent.head_end - (2 if parent.empty else 1)
        if xmlns:
            self.edits.add(head_close, head_close, "".join(xmlns))
        if parent.empty:
            sep = " " if inline else self.nl + child_indent
            tail = " " if inline else self.nl + close_indent
            self.edits.add(head_close, parent.head_end,
                           ">" + "".join(sep + p for p in pieces) + tail + f"</{parent.qname}>")
        elif inline:
            self.edits.add(parent.close, parent.close, "".join(p + " " for p in pieces))
        else:
            at = parent.close - len(close_indent)  # the start of the end tag's own line
            self.edits.add(at, at, "".join(child_indent + p + self.nl for p in pieces))

    def _child_indent(self, parent: Element, close_indent: str) -> str:
        for child in reversed(parent.children):
            indent = self._indent(child.start)
            if indent is not None:
                return indent
        return close_indent + " "

    def _indent(self, pos: int) -> str | None:
        """The whitespace before pos on its line, or None when something else precedes it."""
        start = pos
        while start > 0 and self.data[start - 1] in b" \t":
            start -= 1
        if start == 0 or self.data[start - 1] in b"\r\n":
            return self.data[start:pos].decode("ascii")
        return None

    def _line_start(self, pos: int) -> int:
        """pos, moved back over its line's indentation and the newline before it, when the
        element starts its line (so removing it leaves no empty line)."""
        indent = self._indent(pos)
        if indent is None:
            return pos
        start = pos - len(indent)
        if start > 0 and self.data[start - 1] == 0x0A:
            start -= 1
            if start > 0 and self.data[start - 1] == 0x0D:
                start -= 1
        return start


def declared_rdf(scope: dict) -> str:
    return next((p for p, u in scope.items() if u == RDF and p), "rdf")


def _free_prefix(uri: str, scope: dict) -> str:
    base = next((p for u, p in SCHEMAS.values() if u == uri), "ns")
    prefix, n = base, 1
    while prefix in scope:
        prefix, n = f"{base}{n}", n + 1
    return prefix


def serialise(qname: str, rdf: str, kind: Kind, value, indent: str | None,
              nl: str = "\n") -> str:
    """The property element; indent None writes it on one line."""
    if kind is Kind.LANG_ALT:
        items, container = [f'<{rdf}:li xml:lang="x-default">{escape(value)}</{rdf}:li>'], "Alt"
    elif kind in (Kind.BAG, Kind.SEQ):
        items = [f"<{rdf}:li>{escape(v)}</{rdf}:li>" for v in value]
        container = "Bag" if kind is Kind.BAG else "Seq"
    else:
        return f"<{qname}>{escape(str(value))}</{qname}>"
    if indent is None:
        return f"<{qname}><{rdf}:{container}>{''.join(items)}</{rdf}:{container}></{qname}>"
    lines = [f"<{qname}>", f"{indent} <{rdf}:{container}>"]
    lines += [f"{indent}  {item}" for item in items]
    lines += [f"{indent} </{rdf}:{container}>", f"{indent}</{qname}>"]
    return nl.join(lines)


def escape(text: str, quote: str | None = None) -> str:
    """text as XML character data (or an attribute value in quote); a CR or, in attributes, any
    line break or tab is written as a reference so that parsers give it back as it was."""
    if XML_CHARS.search(text):
        raise PacketError("a value holds a control character that XMP (XML) cannot carry")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\r", "&#xD;")
    if quote:
        text = text.replace(quote, "&quot;" if quote == '"' else "&apos;")
        text = text.replace("\n", "&#xA;").replace("\t", "&#x9;")
    return text
