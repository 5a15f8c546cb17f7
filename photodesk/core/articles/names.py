"""Finding who and what an article names: Vietnamese person names, their titles, the event."""

import re
import unicodedata
from dataclasses import dataclass

from photodesk.core.articles.model import Article, EventGuess, PersonMention
from photodesk.core.articles.text import date_from_lede, year_hint
from photodesk.core.fold import fold

SURNAMES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn Lương Mai
Cao Lâm Tô Hà Tạ Chu Kiều Quách Thái Triệu Vương Văn Lại Hứa Khúc Âu Mạc Từ Thân Tăng Trương Giang
Chử Bạch La Lục Kim Nông Lò Lù Quàng Sùng Thào Giàng Vàng Hầu Ma Mùa Hạ Tòng Cầm Sầm Đèo Điêu
Lường Bế Y Ksor Rơ Châm Đào Đàm Tôn Nghiêm Lưu Phùng Khổng Doãn Thạch Danh Tống Diệp Lã Vi Vừ
Lầu Hạng Tẩn Chảo Phàn Khương Tiêu Mẫn Ung Ứng Giáp Khuất Cù Ngọ Sái Kha Châu Trịnh Nhữ Phí
Siu Rmah Kpă Niê Đồng Lục Tăng Ông Hoàng Huỳnh Mè Hờ
""".split())

# Words that belong to offices and bodies, never to a name; compared exactly (Trưởng is not Trường).
TITLE_WORDS = frozenset("""
phó chủ tịch bí giám đốc tổng bộ trưởng ủy sở ban đảng tỉnh huyện xã phường quận thủ tướng
hội ubnd hđnd mttq
""".split())

HONORIFICS = tuple(tuple(h.split()) for h in (
    "đồng chí", "ông", "bà", "anh", "chị", "em", "cô", "thầy", "cụ", "chú", "cháu", "bé",
    "nhà báo", "nhà văn", "nhà thơ", "nghệ sĩ", "nghệ nhân", "họa sĩ", "nhạc sĩ", "ca sĩ",
    "diễn viên", "tác giả", "nhiếp ảnh gia", "vận động viên", "vđv", "hlv", "huấn luyện viên",
    "cầu thủ", "giáo sư", "gs", "pgs", "ts", "ths", "bs", "bác sĩ", "tiến sĩ", "thạc sĩ",
    "luật sư", "kỹ sư", "đại tá", "thượng tá", "trung tá", "thiếu tá", "đại úy", "thượng úy",
    "trung úy", "thiếu úy", "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "nsnd",
    "nsưt", "nnnd", "nnưt", "già làng", "thí sinh", "học sinh", "sinh viên", "bệnh nhân",
    "đại biểu"))
# A capitalised honorific opening a run: "Ông Nguyễn Văn A cho biết".
RUN_HONORIFICS = frozenset({"ông", "bà", "anh", "chị", "em", "cô", "thầy", "cụ", "chú"})

# Office phrases and how specific they are: 0 is the most. "phó" covers every deputy.
OFFICE_RANKS = tuple(sorted(
    [(tuple(p.split()), 0) for p in ("tổng bí thư", "chủ tịch nước", "thủ tướng",
                                     "chủ tịch quốc hội")]
    + [(tuple(p.split()), 1) for p in ("phó chủ tịch nước", "phó thủ tướng",
                                       "phó chủ tịch quốc hội", "bí thư", "bộ trưởng",
                                       "thường trực ban bí thư")]
    + [(tuple(p.split()), 2) for p in ("chủ tịch", "giám đốc", "tổng giám đốc", "trưởng",
                                       "hiệu trưởng", "viện trưởng", "cục trưởng", "vụ trưởng",
                                       "tổng cục trưởng", "tư lệnh", "chính ủy", "chánh",
                                       "chủ nhiệm", "thứ trưởng", "đại sứ", "tổng thư ký",
                                       "chỉ huy trưởng", "tổng lãnh sự", "già làng",
                                       "chủ tịch ubnd", "chủ tịch hđnd")]
    + [(("phó",), 3)]
    + [(tuple(p.split()), 4) for p in ("ủy viên", "đại biểu", "thành viên")],
    key=lambda entry: -len(entry[0])))

# Units whose names follow them; after an office ("Chủ tịch UBND tỉnh X") a person may follow.
PLACE_CUES = tuple(tuple(p.split()) for p in (
    "tỉnh", "huyện", "xã", "thành phố", "tp", "phường", "thôn", "bản", "quận", "thị xã",
    "thị trấn", "xóm", "làng", "tổ dân phố", "khu phố", "ấp", "buôn", "plei", "bon"))
# Things named after people or places; what follows them is never a person in the photo.
OTHER_CUES = tuple(tuple(p.split()) for p in (
    "trung tâm", "sông", "suối", "núi", "đường", "phố", "ngõ", "ngách", "hẻm", "đại lộ", "khu",
    "tổ", "đồi", "đảo", "hồ", "vịnh", "biển", "đèo", "cầu", "chợ", "sân", "sân bay", "cảng",
    "ga", "bến", "cửa khẩu", "vùng", "miền", "thủ đô", "châu", "đình", "chùa", "đền", "miếu",
    "lăng", "nhà thờ", "tượng đài", "di tích", "bảo tàng", "quảng trường", "công viên",
    "hội trường", "nhà văn hóa", "đồn", "trạm", "mỏ", "nhà máy", "công ty", "tập đoàn",
    "trường", "bệnh viện", "báo", "đài", "tạp chí", "nhà xuất bản", "giải", "giải thưởng",
    "huân chương", "huy chương", "cúp", "quỹ", "hợp tác xã", "htx", "ngân hàng", "khách sạn",
    "chiến dịch", "phong trào", "tác phẩm", "cuốn", "bài hát", "phim", "sách", "thpt", "thcs",
    "tiểu học", "mầm non", "đại học", "cao đẳng", "học viện", "tàu", "thác", "hang", "rừng",
    "vườn quốc gia", "khu bảo tồn", "đội", "câu lạc bộ", "clb"))

# Folded phrases that look like names but are places, bodies, slogans or historic figures.
NOT_NAMES = tuple(fold(p) for p in """
Hồ Chí Minh|Bác Hồ|Nguyễn Ái Quốc|Nguyễn Tất Thành|Tôn Đức Thắng|Võ Nguyên Giáp|Lê Duẩn|
Phạm Văn Đồng|Trần Hưng Đạo|Lê Lợi|Lý Thường Kiệt|Ngô Quyền|Nguyễn Huệ|Trần Phú|Lê Hồng Phong|
Nguyễn Trãi|Nguyễn Du|Lý Thái Tổ|Đinh Tiên Hoàng|Hai Bà Trưng|Lý Tự Trọng|Võ Thị Sáu|
Nhân dân|Tổ Quốc|Việt Nam|Trung ương|Chính phủ|Quốc hội|Nhà nước|Đoàn Thanh niên|
Hà Nội|Hà Giang|Hà Tĩnh|Hà Nam|Hà Đông|Hà Tiên|Hà Lan|Hà Trung|Hà Quảng|Hà Hòa|Hà Bắc|
Cao Bằng|Cao Lộc|Cao Phong|Cao Lãnh|Lâm Đồng|Lâm Hà|Lâm Thao|Lâm Bình|Thái Nguyên|Thái Bình|
Thái Lan|Thái Hòa|Thái Thụy|Hoàng Sa|Hoàng Liên|Hoàng Su Phì|Hoàng Mai|Hoàng Hóa|Lý Sơn|Lý Nhân|
Bạch Đằng|Bạch Long Vĩ|Bạch Mai|Bạch Thông|Phan Thiết|Phan Rang|Chu Lai|Lương Sơn|Lương Tài|
Hồ Gươm|Hồ Tây|Văn Miếu|Văn Lang|Văn Yên|Văn Bàn|Văn Chấn|Văn Giang|Văn Lâm|Văn Quan|Mai Châu|
Mai Sơn|Kim Bôi|Kim Sơn|Kim Bảng|Lục Ngạn|Lục Nam|Lục Yên|Si Ma Cai|Ma Cai|Y Tý|Hạ Long|Hạ Lang|
Hạ Hòa|Vũ Thư|Vũ Quang|Triệu Sơn|Triệu Phong|Từ Sơn|Châu Âu|Châu Á|Châu Phi|Châu Mỹ|Châu Đốc|
Châu Thành|Giang Thành|Đồng Nai|Đồng Tháp|Đồng Hới|Đồng Xoài|Đồng Văn|Đồng Hỷ|Đào Viên|
Lào Cai|Yên Bái|Sơn La|Lai Châu|Điện Biên|Tuyên Quang|Phú Thọ|Vĩnh Phúc|Bắc Giang|Bắc Ninh|
Bắc Kạn|Lạng Sơn|Quảng Ninh|Hải Phòng|Hải Dương|Hưng Yên|Nam Định|Ninh Bình|Thanh Hóa|Nghệ An|
Quảng Bình|Quảng Trị|Thừa Thiên Huế|Đà Nẵng|Quảng Nam|Quảng Ngãi|Bình Định|Phú Yên|Khánh Hòa|
Ninh Thuận|Bình Thuận|Kon Tum|Gia Lai|Đắk Lắk|Đắk Nông|Bình Phước|Tây Ninh|Bình Dương|
Bà Rịa|Vũng Tàu|Long An|Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|Cần Thơ|Hậu Giang|Sóc Trăng|
An Giang|Kiên Giang|Bạc Liêu|Cà Mau|Sài Gòn|Trung Quốc|Hàn Quốc|Nhật Bản|Hoa Kỳ|Triều Tiên|
Ấn Độ|Thái Bình Dương|Tây Nguyên|Tây Bắc|Đông Bắc|Sa Pa|Bát Xát|Bảo Thắng|Bảo Yên|Mường Khương|
Bắc Hà|Thác Bà|Mù Cang Chải|Trạm Tấu|Nghĩa Lộ|Trấn Yên|Yên Bình
""".replace("\n", "").split("|"))

_NOT_NAMES_BY_FIRST: dict[str, list[str]] = {}
for _phrase in NOT_NAMES:
    _NOT_NAMES_BY_FIRST.setdefault(_phrase.split()[0], []).append(_phrase)


class _PhraseSet:
    """Word tuples looked up by membership, with the lengths worth trying."""

    def __init__(self, phrases: tuple[tuple[str, ...], ...]):
        self.members = frozenset(phrases)
        self.lengths = sorted({len(p) for p in phrases})


HONORIFIC_SET = _PhraseSet(HONORIFICS)
PLACE_CUE_SET = _PhraseSet(PLACE_CUES)
OTHER_CUE_SET = _PhraseSet(OTHER_CUES)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_BOUNDARY = re.compile(r"[.,;:!?()\[\]{}\"“”«»…\n|/]")
_PLAIN_GAP = re.compile(r"[ \t\u00a0\u202f]+")
_CLAUSE_END = re.compile(r"\.(?:\s|$)|[;:!?()\n]")
_COUNTRY = re.compile(r"\s+(?:Cộng (?:hòa|hoà) xã hội chủ nghĩa|CHXHCN)\s+Việt Nam\b.*$",
                      re.IGNORECASE)
# Surnames that are also prepositions: "Từ Lào Cai" is "from Lào Cai".
FUNCTION_SURNAMES = frozenset({"Từ", "Lại"})
# Verbs and function words that end a role phrase or separate it from the name.
STOP_WORDS = frozenset("""
trao tặng thăm gặp tiếp dự với và cùng của cho tại là có được bị đã đang sẽ nói hỏi mời đón
chúc gửi như về từ đến khi nhận vừa thì cũng luôn không chưa trong nhằm để làm ký
""".split())
# Two-word verbs whose first word alone is innocent ("chủ nghĩa", "thị xã", "biên giới").
STOP_PHRASES = frozenset(tuple(p.split()) for p in (
    "chủ trì", "phát biểu", "phát động", "nhấn mạnh", "khẳng định", "chúc mừng", "kiểm tra",
    "chia sẻ", "yêu cầu", "đề nghị", "trả lời", "cắt băng", "bấm nút", "dâng hương",
    "tham quan", "tham dự", "trò chuyện", "động viên", "kêu gọi", "khai mạc", "bế mạc",
    "thị sát", "lắng nghe", "giới thiệu", "báo cáo", "trình bày", "điều hành", "chứng kiến",
    "thông tin", "trao đổi", "đánh giá", "ghi nhận", "biểu dương"))
MAX_TITLE_WORDS = 12


@dataclass
class _Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.casefold()


def find_people(text: str) -> list[PersonMention]:
    """Vietnamese person names in text, in order, once each (by folded name), with titles."""
    text = unicodedata.normalize("NFC", text or "")
    tokens = [_Token(m[0], m.start(), m.end()) for m in _WORD.finditer(text)]
    found: dict[str, PersonMention] = {}
    for run in _runs(text, tokens):
        for start, end in _names_in_run(text, tokens, run):
            title = _title(text, tokens, start, end)
            _remember(found, PersonMention(_join(tokens[start:end]), title))
    return list(found.values())


def _remember(found: dict[str, PersonMention], mention: PersonMention) -> None:
    key = fold(mention.name)
    if key not in found:
        found[key] = mention
    elif found[key].title is None:
        found[key].title = mention.title


def _join(tokens: list[_Token]) -> str:
    return " ".join(t.text for t in tokens)


def _is_capitalised(word: str) -> bool:
    letters = word.replace("'", "").replace("’", "")
    return letters[:1].isupper() and (len(letters) == 1 or not letters.isupper())


def _plain_gap(text: str, left: _Token, right: _Token) -> bool:
    return bool(_PLAIN_GAP.fullmatch(text[left.end:right.start]))


def _runs(text: str, tokens: list[_Token]) -> list[tuple[int, int]]:
    """Spans of capitalised words joined by plain spaces, split at office words."""
    runs, start = [], None
    for i, token in enumerate(tokens):
        name_like = _is_capitalised(token.text) and token.lower not in TITLE_WORDS
        joined = start is not None and _plain_gap(text, tokens[i - 1], token)
        if name_like and joined:
            continue
        if start is not None:
            runs.append((start, i))
        start = i if name_like else None
    if start is not None:
        runs.append((start, len(tokens)))
    return runs


def _names_in_run(text: str, tokens: list[_Token], run: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = run
    cue = False
    if tokens[start].lower in RUN_HONORIFICS:
        start, cue = start + 1, True
    if end - start < 2:
        return []
    cue = cue or _cue_before(text, tokens, start)
    i = start
    while i < end:
        skip = _not_name_length(text, tokens, i, end)
        if skip:
            i, cue = i + skip, False
            continue
        if tokens[i].text in SURNAMES or tokens[i].text[:2] in ("H'", "H’") or (i == start and cue):
            if end - i <= 4:
                return [(i, end)] if end - i >= 2 and _acceptable(text, tokens, i, end) else []
        i += 1
    return []


def _not_name_length(text: str, tokens: list[_Token], i: int, end: int) -> int:
    """How many words from i form a known place, body or historic name (0 if none)."""
    phrases = _NOT_NAMES_BY_FIRST.get(fold(tokens[i].text))
    if not phrases:
        return 0
    folded = fold(_join(tokens[i:end]))
    for phrase in phrases:
        if folded == phrase or folded.startswith(phrase + " "):
            return len(phrase.split())
    # "Đoàn Thanh niên": the phrase runs on past the capitalised words.
    tail = fold(text[tokens[i].start:tokens[i].start + 60])
    for phrase in phrases:
        if len(phrase.split()) > end - i and (tail == phrase or tail.startswith(phrase + " ")):
            return end - i
    return 0


# "Ảnh: Phạm Hùng", "(Bài và ảnh: …)": the photographer or writer, not a person shown.
_BYLINE_BEFORE = re.compile(
    r"(?:ảnh|bài|bài và ảnh|bài, ảnh|ảnh và bài|video|clip|thực hiện|nguồn|tác giả|theo)"
    r"\s*[:：]\s*$", re.IGNORECASE)


def _acceptable(text: str, tokens: list[_Token], start: int, end: int) -> bool:
    if _BYLINE_BEFORE.search(text[max(0, tokens[start].start - 24):tokens[start].start]):
        return False
    if tokens[start].text in FUNCTION_SURNAMES and fold(_join(tokens[start + 1:end])) in NOT_NAMES:
        return False
    # "nhà báo X" is a journalist even though "báo X" would be a newspaper.
    if _phrase_before(tokens, start, HONORIFIC_SET, text):
        return True
    if _phrase_before(tokens, start, OTHER_CUE_SET, text):
        return False
    if _phrase_before(tokens, start, PLACE_CUE_SET, text):
        # "Chủ tịch UBND tỉnh Trịnh Xuân Trường" is a person; "xã Hà Lâu" is a place.
        office = _office_before(text, tokens, start) is not None
        return office and tokens[start].text in SURNAMES and end - start >= 3
    return True


def _phrase_before(tokens: list[_Token], i: int, phrases: "_PhraseSet", text: str) -> bool:
    for n in phrases.lengths:
        if i - n < 0:
            continue
        words = tokens[i - n:i]
        if tuple(t.lower for t in words) in phrases.members and all(
                _plain_gap(text, a, b) for a, b in zip(words, [*words[1:], tokens[i]])):
            return True
    return False


def _window_before(text: str, tokens: list[_Token], i: int) -> tuple[int, bool]:
    """Start of the words just before token i that may be its title, and whether an honorific
    ("đồng chí", "ông") ends that stretch."""
    j = i
    while j > 0 and i - j < 10:
        if _BOUNDARY.search(text[tokens[j - 1].end:tokens[j].start]):
            return j, False
        if _ends_with_any(tokens, j, HONORIFIC_SET):
            return j, True
        if _stops(tokens[j - 1].text, None) or (
                j >= 2 and _stops(tokens[j - 2].text, tokens[j - 1].text)):
            return j, False
        j -= 1
    return j, False


def _stops(word: str, following: str | None) -> bool:
    """Whether a verb or function word starts here: the end of a role phrase."""
    if following is None:
        return word in STOP_WORDS
    return (word, following) in STOP_PHRASES


def _ends_with_any(tokens: list[_Token], j: int, phrases: _PhraseSet) -> bool:
    return any(j - n >= 0 and tuple(t.lower for t in tokens[j - n:j]) in phrases.members
               for n in phrases.lengths)


def _cue_before(text: str, tokens: list[_Token], i: int) -> bool:
    _, honorific = _window_before(text, tokens, i)
    return honorific or _office_before(text, tokens, i) is not None


def _office_before(text: str, tokens: list[_Token], i: int) -> str | None:
    """The role phrase written right before the name: "Phó Chủ tịch nước Võ Thị Ánh Xuân"."""
    start, _ = _window_before(text, tokens, i)
    for k in range(start, i):
        if _office_rank([t.lower for t in tokens[k:i]]) is not None:
            return _tidy(text[tokens[k].start:tokens[i - 1].end])
    return None


def _office_rank(words: list[str]) -> int | None:
    if words[:1] == ["nguyên"]:  # a former office still names the person
        words = words[1:]
    for phrase, rank in OFFICE_RANKS:
        if tuple(words[:len(phrase)]) == phrase:
            return rank
    return None


def _tidy(title: str) -> str:
    title = " ".join(title.split())
    return _COUNTRY.sub("", title).strip(" ,;-")


def _title(text: str, tokens: list[_Token], start: int, end: int) -> str | None:
    return _office_before(text, tokens, start) or _office_after(text, tokens[end - 1].end)


def _office_after(text: str, position: int) -> str | None:
    """The most specific office in ", role, role;" after the name."""
    rest = text[position:position + 600]
    if not rest.startswith(","):
        return None
    clause = _CLAUSE_END.split(rest[1:], maxsplit=1)[0]
    best: tuple[int, str] | None = None
    for item in clause.split(","):
        office = _trim_office(item)
        rank = _office_rank([w.casefold() for w in office.split()]) if office else None
        if rank is None:
            break
        if best is None or rank < best[0]:
            best = (rank, office)
    return best[1] if best else None


def _trim_office(item: str) -> str:
    words = item.split()
    for index, word in enumerate(words[1:], start=1):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word == "và" and _is_capitalised(following):
            continue  # "Bộ Văn hóa, Thể thao và Du lịch" goes on
        if _stops(word, None) or _stops(word, following):
            words = words[:index]
            break
    return _tidy(" ".join(words[:MAX_TITLE_WORDS]))


EVENT_WORDS = ("Hội nghị", "Lễ hội", "Lễ", "Hội thảo", "Đại hội", "Diễn đàn", "Hội thi", "Cuộc thi",
               "Tọa đàm", "Toạ đàm", "Họp báo", "Kỳ họp", "Phiên họp", "Chương trình", "Triển lãm",
               "Hội chợ", "Liên hoan", "Tuần lễ", "Ngày hội", "Hội diễn", "Hội khỏe", "Hội báo",
               "Festival", "Đêm nhạc", "Buổi lễ", "Giải")
_EVENT = re.compile(r"(?<!\w)(?:%s)(?= )" % "|".join(EVENT_WORDS))
_AWARD_NEXT = re.compile(r" (?:thưởng|đấu|bóng|chạy|việt dã)")
EVENT_CUTS = (" tại ", " với sự ", " dưới sự ", " nhằm ", " thu hút ", " do ", " có sự ",
              ", với ", ", có ", " diễn ra", " từ ngày", ", từ ", " vào ", " đã ", " được tổ chức",
              " khai mạc", " bế mạc")
MAX_EVENT_WORDS = 30
_PLACE = re.compile(r"\btại\s+(?P<place>[^,.;:()\n]+)")
# Lower-case openings of a place phrase: "tại quảng trường Bắc Hà" (but not "tại hội nghị").
VENUES = ("quảng trường", "nhà văn hóa", "nhà văn hoá", "sân vận động", "hội trường", "trụ sở",
          "trung tâm", "công viên", "bảo tàng", "nhà hát", "cung văn hóa", "khu di tích", "đền",
          "chùa", "thành phố", "thủ đô", "tỉnh", "huyện", "xã", "phường", "thị xã", "thị trấn",
          "thôn", "bản", "khu du lịch", "sân")
PLACE_CUTS = (" tổ chức", " diễn ra", " đã ", " khai mạc", " long trọng", " với ", " cho ")


def find_event(article: Article) -> EventGuess | None:
    """The occasion the lede reports: its name, date (from the dateline) and place."""
    lede = article.lede or (article.paragraphs[0] if article.paragraphs else "")
    name = _event_name(lede) or _event_name(article.title)
    if not name:
        return None
    return EventGuess(name, _event_date(article, lede), _place(lede))


def _event_name(text: str | None) -> str | None:
    text = unicodedata.normalize("NFC", text or "")
    places = [m.span() for m in _places(text)]
    for match in _EVENT.finditer(text):
        if any(a <= match.start() < b for a, b in places):
            continue  # "tại Trung tâm Hội nghị tỉnh" is where, not what
        if match[0] == "Giải" and not _is_award(text, match.end()):
            continue
        sentence = _CLAUSE_END.split(text[match.start():], maxsplit=1)[0]
        name = _cut(sentence, EVENT_CUTS, after=len(match[0]))
        name = " ".join(name.split()[:MAX_EVENT_WORDS]).strip(" ,.;:-")
        if len(name.split()) >= 2:
            return name
    return None


def _is_award(text: str, end: int) -> bool:
    """"Giải Bóng đá" or "Giải thưởng" is an event; "Giải pháp" is not."""
    following = text[end + 1:end + 2]
    return following.isupper() or bool(_AWARD_NEXT.match(text, end))


def _places(text: str) -> list[re.Match]:
    return [m for m in _PLACE.finditer(text)
            if m["place"][:1].isupper() or m["place"].startswith(VENUES)]


def _cut(text: str, cuts: tuple[str, ...], after: int = 0) -> str:
    positions = [p for p in (text.find(c, after) for c in cuts) if p > after]
    return text[:min(positions)] if positions else text


def _event_date(article: Article, lede: str) -> str | None:
    published_year = _year_of(article.published)
    _, date = date_from_lede(article.dateline or lede, published_year,
                             year_hint(lede, article.title))
    if date and published_year and article.published and date > article.published[:10]:
        # "Tối 31/12" in a story published on 1 January happened the year before.
        _, date = date_from_lede(article.dateline or lede, published_year - 1)
    if date:
        return date
    if article.published and re.match(r"\d{4}-\d{2}-\d{2}", article.published):
        return article.published[:10]
    return None


def _year_of(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


def _place(lede: str) -> str | None:
    found = _places(unicodedata.normalize("NFC", lede or ""))
    if not found:
        return None
    place = _cut(found[0]["place"], PLACE_CUTS)
    return " ".join(place.split()[:12]).strip() or None
