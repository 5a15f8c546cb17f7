"""Search latency on a catalog of a million generated photos (captions, people, events, places,
ten years of dates): p50 and p95 of the first page for the query shapes of an archive desk.

Prints figures; asserts nothing. Usage:
    python benchmarks/search_scale.py [--photos 1000000] [--catalog PATH] [--runs 5]
                                      [--only conditions] [--ascending | --descending]

--catalog PATH keeps the generated catalog there and, when it exists already, times it again
without rebuilding. --ascending times every sort oldest (lowest, A) first, relevance left out
(it runs one way only); --descending every sort newest (highest, Z) first: set beside a run
without either (each sort its usual way), they time every sort in both directions. Goals on
the project machine (2 cores): first page p95 <= 30 ms, facets p95 <= 100 ms.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from photodesk.core import search  # noqa: E402
from photodesk.core.catalog import Catalog  # noqa: E402
from photodesk.core.catalog.schema import folded_name, name_key  # noqa: E402
from photodesk.core.fold import sort_key  # noqa: E402
from photodesk.core.fold import words  # noqa: E402

FIRST_PAGE_GOAL_MS, FACETS_GOAL_MS = 30, 100
# Queries of conditions: few matches, old matches, none at all (nothing in the generated catalog
# has GPS or lacks a caption, and it was indexed long before today); each is timed alone and
# with a common word (aim: first page p95 under 30 ms).
CONDITIONS = ("indexed:2020", "indexed:-7d", "pick:yes", "pick:yes has:gps", "label:red",
              "rating:>=4", "rating:5 -has:caption", "status:missing", "status:offline",
              "has:gps", "-has:caption", "camera:r6", "label:red rating:>=4",
              "pick:reject label:red", "status:missing indexed:2019")
# Facets of conditions, alone and with a common word (aim: p95 under 100 ms, as for words).
FACET_CONDITIONS = ("has:gps", "-has:caption", "indexed:2020", "pick:yes", "label:red",
                    "status:missing", "pick:yes has:gps", "rating:>=4", "pick:no")
BATCH = 50_000
DESK_ALL = 10_000_000  # the desk asks for every id of a scope at once
START, YEARS = datetime(2016, 1, 1), 10

SURNAMES = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh "
            "Mai Cao Lương Tạ Đào Hà Chu Lâm Tô Quách Thái La").split()
MIDDLES = ("Văn Thị Hữu Đức Minh Quốc Thanh Ngọc Xuân Thu Anh Hoàng Đình Công Bảo Gia Kim Thế "
           "Mạnh Trọng Phương Hồng Tuấn Quang").split()
GIVEN = ("An Anh Bình Cường Dũng Đạt Giang Hà Hải Hạnh Hiếu Hòa Hùng Hương Huy Khánh Lan Linh "
         "Long Mai Minh Nam Nga Ngọc Nhung Phong Phúc Phương Quân Quang Sơn Tâm Thảo Thắng Thành "
         "Thủy Trang Trung Tú Tuấn Vân Việt Xuân Yến Khoa Lộc Trường Tiến Hưng Duy Hậu Châu Uyên "
         "Ánh Thư Vy Nhân Đông Khải").split()
PROVINCES = (
    "Hà Nội|TP Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Lào Cai|Yên Bái|Điện Biên|Hòa Bình|"
    "Lai Châu|Sơn La|Hà Giang|Cao Bằng|Bắc Kạn|Lạng Sơn|Tuyên Quang|Thái Nguyên|Phú Thọ|"
    "Bắc Giang|Quảng Ninh|Bắc Ninh|Hà Nam|Hải Dương|Hưng Yên|Nam Định|Ninh Bình|Thái Bình|"
    "Vĩnh Phúc|Thanh Hóa|Nghệ An|Hà Tĩnh|Quảng Bình|Quảng Trị|Thừa Thiên Huế|Quảng Nam|"
    "Quảng Ngãi|Bình Định|Phú Yên|Khánh Hòa|Ninh Thuận|Bình Thuận|Kon Tum|Gia Lai|Đắk Lắk|"
    "Đắk Nông|Lâm Đồng|Bình Phước|Tây Ninh|Bình Dương|Đồng Nai|Bà Rịa - Vũng Tàu|Long An|"
    "Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|Đồng Tháp|An Giang|Kiên Giang|Hậu Giang|Sóc Trăng|"
    "Bạc Liêu|Cà Mau").split("|")
COMMUNES = (
    "Pả Vi|Lũng Cú|Mường Lát|Sà Phìn|Nậm Pồ|Khau Vai|Tả Van|Y Tý|Bát Xát|Phìn Ngan|Séo Mý Tỷ|"
    "Lìn Hồ|Hồng Ngài|Nà Hang|Pù Luông|Chiềng Khoa|Mường Khương|Si Ma Cai|Bản Phố|Lao Chải|"
    "Nậm Cang|Thào Chư Phìn|Sủng Là|Lũng Phìn|Mậu Duệ|Khâu Vai|Thượng Phùng|Pải Lủng|Nghĩa Đô|"
    "Tân Tiến|Cốc Ly|Mường Hum|Dền Sáng|Trịnh Tường|A Mú Sung|Sán Chải|Bản Liền|Phong Niên|"
    "Xuân Quang|Tả Phìn|Trung Chải|Bản Khoang|Ngũ Chỉ Sơn|Hầu Thào|Sa Pả|Nậm Xé|Chiềng Ken|"
    "Mường Bo|Tòng Sành|Quang Kim|Đồng Tuyển|Vạn Hòa|Cam Đường|Hợp Thành|Thống Nhất|Gia Phú|"
    "Xuân Giao|Phố Lu|Sơn Hà|Sơn Hải|Phú Nhuận|Võ Lao|Nậm Lúc|Lùng Phình|Cán Cấu|Lử Thẩn|"
    "Quan Thần Sán|Nàn Sán|Cán Hồ|Bản Mế|Nàn Sín|Sín Chéng|Lùng Sui|Xín Mần|Hoàng Su Phì|"
    "Quản Bạ|Yên Minh|Đồng Văn|Mèo Vạc|Bắc Mê|Vị Xuyên|Na Hang|Lâm Bình|Chiêm Hóa").split("|")
TITLES = ("Phó Thủ tướng|Bộ trưởng Bộ Nông nghiệp|Bộ trưởng Bộ Y tế|Bí thư Tỉnh ủy|"
          "Chủ tịch UBND tỉnh|Phó Chủ tịch UBND tỉnh|Đồng chí|Ông|Bà|Giám đốc Sở Văn hóa|"
          "Chủ tịch Hội Nông dân|Đại tá|Thiếu tướng|Giáo sư|Tiến sĩ").split("|")
EVENT_KINDS = ("Hội nghị|Lễ khai mạc|Lễ bế mạc|Lễ kỷ niệm|Đại hội|Hội thảo|Lễ hội|Giải|"
               "Lễ phát động|Lễ ký kết|Lễ khánh thành|Lễ khởi công|Tuần lễ|Ngày hội").split("|")
EVENT_TOPICS = (
    "tổng kết công tác năm|thi đua yêu nước|xúc tiến đầu tư|văn hóa các dân tộc|Hoa Ban|"
    "chợ phiên vùng cao|Quốc khánh 2/9|Giải phóng miền Nam 30/4|Tết trồng cây|du lịch biển|"
    "bóng đá thiếu niên|chuyển đổi số|xây dựng nông thôn mới|phòng chống thiên tai|"
    "hiến máu tình nguyện|khởi nghiệp sáng tạo|an toàn giao thông|bảo vệ môi trường|"
    "cải cách hành chính|xuất khẩu nông sản|mùa xuân biên giới|Đại đoàn kết toàn dân tộc").split("|")
ACTIVITIES = (
    "đón Tết Nguyên đán|thu hoạch lúa xuân|khắc phục hậu quả bão lũ|tham gia lễ hội xuống đồng|"
    "đi bầu cử đại biểu Quốc hội|trồng rừng phòng hộ|làm đường giao thông nông thôn|"
    "bán nông sản tại chợ phiên|dọn dẹp vệ sinh môi trường|xuất khẩu vải thiều|"
    "chuẩn bị cho năm học mới|tập luyện văn nghệ|sửa chữa nhà cửa sau mưa lũ|"
    "chăm sóc vườn cà phê|đánh bắt hải sản xa bờ").split("|")
ORGS = ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam|Bộ Quốc phòng|Bộ Công an|Tỉnh đoàn|"
        "Hội Liên hiệp Phụ nữ|Ngân hàng Chính sách xã hội|Bộ Giáo dục và Đào tạo|Bộ Tài chính|"
        "Tập đoàn Điện lực Việt Nam|Hội Chữ thập đỏ").split("|")
CAMERAS = (("Canon", "Canon EOS R6", "RF24-105mm F4 L IS USM"),
           ("Canon", "Canon EOS 5D Mark IV", "EF70-200mm f/2.8L IS III USM"),
           ("Canon", "Canon EOS R5", "RF15-35mm F2.8 L IS USM"),
           ("NIKON CORPORATION", "NIKON D850", "AF-S NIKKOR 24-70mm f/2.8E ED VR"),
           ("NIKON CORPORATION", "NIKON Z 6_2", "NIKKOR Z 70-200mm f/2.8 VR S"),
           ("SONY", "ILCE-7M3", "FE 24-70mm F2.8 GM"), ("SONY", "ILCE-9", "FE 100-400mm F4.5-5.6 GM OSS"),
           ("FUJIFILM", "X-T4", "XF16-55mmF2.8 R LM WR"), ("Apple", "iPhone 13 Pro", None))
CREDITS = ("TTXVN", "VNA", "Báo Nhân Dân", "Báo Lào Cai", "Báo Tin tức", "Cổng TTĐT tỉnh")
LABELS = ("Red", "Yellow", "Green", "Blue", "Purple")
KEYWORDS = [f"{a} {b}" for a in ("kinh tế", "xã hội", "văn hóa", "thể thao", "chính trị",
                                  "quốc phòng", "giáo dục", "y tế", "nông nghiệp", "du lịch")
            for b in ("trong nước", "địa phương", "miền núi", "đô thị", "biển đảo", "quốc tế")]


class Generator:
    """Photos of a ten-year newsroom archive, drawn from seeded pools."""

    def __init__(self, photos: int, seed: int):
        self.rng = random.Random(seed)
        self.photos = photos
        self.people = self._names(max(500, photos // 50))
        self.creators = self._names(200, four=False)
        self.events = self._events(max(200, photos // 200))
        self.articles = max(100, photos // 8)
        # Famous people appear often, most rarely: Zipf-like weights, drawn via cumulative sums.
        self.person_weights = _cumulative([1 / (i + 1) ** 0.8 for i in range(len(self.people))])
        self.province_weights = _cumulative([12, 10] + [1] * (len(PROVINCES) - 2))
        self.commune_weights = _cumulative([1 / (i + 1) ** 1.4 for i in range(len(COMMUNES))])
        # The long tail an archive has: firms, co-operatives, ships, schools named once or twice.
        self.brands = self._brands(40_000)
        self.brand_weights = _cumulative([1 / (i + 1) for i in range(len(self.brands))])

    def _names(self, n: int, four: bool = True) -> list[str]:
        rng, names = self.rng, set()
        while len(names) < n:
            middle = rng.choice(MIDDLES)
            if four and rng.random() < 0.3:
                middle += " " + rng.choice(GIVEN)
            names.add(f"{rng.choice(SURNAMES)} {middle} {rng.choice(GIVEN)}")
        return sorted(names)

    def _brands(self, n: int) -> list[str]:
        text = " ".join(GIVEN + SURNAMES + MIDDLES + COMMUNES + PROVINCES)
        syllables = sorted(set(words(text))) + "tech mex sa ma vi na pha lim gro bi xa to".split()
        names = set()
        while len(names) < n:
            names.add("".join(self.rng.sample(syllables, 2)).capitalize()
                      + self.rng.choice(("", "", "co", "tex", "mex", "land")))
        return sorted(names)

    def _events(self, n: int) -> list[tuple[str, str, str]]:
        rng, events = self.rng, {}
        while len(events) < n:
            day = START + timedelta(days=rng.randrange(YEARS * 365))
            province = rng.choice(PROVINCES)
            name = f"{rng.choice(EVENT_KINDS)} {rng.choice(EVENT_TOPICS)} {province} {day.year}"
            events.setdefault(name, (name, day.strftime("%Y-%m-%d"), province))
        return list(events.values())

    def photo(self, pid: int) -> tuple[dict, list[int], int | None]:
        rng = self.rng
        event = rng.randrange(len(self.events)) if rng.random() < 0.7 else None
        if event is not None:
            day = datetime.fromisoformat(self.events[event][1])
            province = self.events[event][2]
        else:
            day = START + timedelta(days=rng.randrange(YEARS * 365))
            province = PROVINCES[_draw(rng, self.province_weights)]
        taken = day + timedelta(seconds=rng.randrange(6 * 3600, 20 * 3600))
        people = sorted({_draw(rng, self.person_weights) for _ in range(rng.choice((0, 1, 1, 2, 3)))})
        make, model, lens = rng.choice(CAMERAS)
        creator = rng.choice(self.creators)
        folder = f"/newsroom/{taken:%Y/%m/%d}"
        name = f"{rng.choice(('DSC', 'IMG', 'TTXVN'))}_{pid:07d}.jpg"
        record = {
            "id": pid, "root_id": 1, "relpath": f"{folder}/{name}".removeprefix("/newsroom/"),
            "folder_id": 1, "name": name,
            "name_key": name_key(name), "name_sort": sort_key(name), "size": 4_000_000 + pid % 5_000_000,
            "mtime_ns": int(taken.timestamp() * 1e9), "hash": f"{pid:064x}", "format": "jpeg",
            "width": 6000, "height": 4000, "taken_at": taken.isoformat(), "make": make,
            "model": model, "lens": lens,
            "caption": self.caption(people, event, province, creator),
            "headline": self.events[event][0] if event is not None and rng.random() < 0.3 else None,
            "creator": creator, "credit": rng.choice(CREDITS), "city": province,
            "country": "Việt Nam", "rating": _rating(rng), "label": _label(rng),
            "pick": rng.choices((0, 1, -1), (93, 5, 2))[0],
            "status": rng.choices(("present", "missing", "unreadable"), (985, 10, 5))[0],
            "indexed_at": (taken + timedelta(days=rng.randrange(1, 30))).replace(
                tzinfo=timezone.utc).isoformat(timespec="seconds"),
        }
        return record, people, event

    def caption(self, people: list[int], event: int | None, province: str, creator: str) -> str:
        rng = self.rng
        who = self.people[people[0]] if people else rng.choice(self.creators)
        title = rng.choice(TITLES)
        title = f"{title} {province}" if title.endswith("tỉnh") else title
        event_name = self.events[event][0] if event is not None else f"hội nghị tại {province}"
        commune = f"xã {COMMUNES[_draw(rng, self.commune_weights)]}"
        text = rng.choice((
            f"{title} {who} phát biểu tại {event_name}.",
            f"{title} {who} trao Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc.",
            f"Quang cảnh {event_name}.",
            f"Người dân {commune}, tỉnh {province} {rng.choice(ACTIVITIES)}.",
            f"Đoàn công tác của {rng.choice(ORGS)} thăm và làm việc tại {province}.",
            f"{title} {who} cùng các đại biểu cắt băng khánh thành công trình tại {commune}.",
            f"Lực lượng cứu hộ giúp người dân {commune} {rng.choice(ACTIVITIES)}.",
        ))
        if len(people) > 1:
            text += " Cùng dự có " + ", ".join(self.people[p] for p in people[1:]) + "."
        if rng.random() < 0.2:
            brand = self.brands[_draw(rng, self.brand_weights)]
            text += rng.choice((f" Nhà tài trợ: Công ty {brand}.", f" Sản phẩm của HTX {brand}.",
                                f" Tàu {brand} cập cảng."))
        return f"{text} Ảnh: {creator}/{rng.choice(CREDITS)}"


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def _draw(rng: random.Random, cumulative: list[float]) -> int:
    import bisect
    return min(bisect.bisect(cumulative, rng.random() * cumulative[-1]), len(cumulative) - 1)


def _rating(rng):
    return rng.choices((None, 1, 2, 3, 4, 5), (70, 4, 6, 15, 4, 1))[0]


def _label(rng):
    return rng.choice(LABELS) if rng.random() < 0.08 else None


# --- building the catalog ---------------------------------------------------------------------

def build(path: Path, photos: int, seed: int) -> None:
    cat = Catalog(path)
    gen = Generator(photos, seed)
    db = cat.db.conn
    db.execute("PRAGMA cache_size = -1000000")
    started = time.perf_counter()
    with cat.transaction():
        db.execute("INSERT INTO roots (id, uid, path, added_at) VALUES "
                   "(1, 'benchmark', '/newsroom', '2016-01-01')")
        db.execute("INSERT INTO folders (id, root_id, relpath, added_at, status) VALUES "
                   "(1, 1, '', '2016-01-01', 'online')")
        db.executemany("INSERT INTO people (id, name, folded) VALUES (?, ?, ?)",
                       [(i, n, folded_name(n)) for i, n in enumerate(gen.people, 1)])
        db.executemany("INSERT INTO events (id, name, date, place, folded) "
                       "VALUES (?, ?, ?, ?, ?)",
                       [(i, *e, folded_name(e[0])) for i, e in enumerate(gen.events, 1)])
        db.executemany("INSERT INTO keywords (id, name, folded) VALUES (?, ?, ?)",
                       [(i, n, folded_name(n)) for i, n in enumerate(KEYWORDS, 1)])
        db.executemany("INSERT INTO articles (id, root_id, relpath, title, imported_at) "
                       "VALUES (?, 1, ?, ?, ?)",
                       [(i, f"articles/{i}.txt", _title(gen, i), "2026-01-01")
                        for i in range(1, gen.articles + 1)])
    columns = None
    for first in range(1, photos + 1, BATCH):
        rows, people, events, keywords, images = [], [], [], [], []
        for pid in range(first, min(first + BATCH, photos + 1)):
            record, who, event = gen.photo(pid)
            columns = columns or list(record)
            rows.append([record[c] for c in columns])
            people += [(pid, p + 1, "confirmed" if gen.rng.random() < 0.9 else "suggested")
                       for p in who]
            if event is not None:
                events.append((pid, event + 1))
            keywords += [(pid, k) for k in {gen.rng.randrange(1, len(KEYWORDS) + 1)
                                             for _ in range(gen.rng.choice((0, 1, 2)))}]
            if gen.rng.random() < 0.6:
                images.append((gen.rng.randrange(1, gen.articles + 1), pid, pid, record["name"],
                               record["name_key"]))
        with cat.transaction():
            db.executemany(f"INSERT INTO photos ({', '.join(columns)}) "
                           f"VALUES ({', '.join('?' * len(columns))})", rows)
            db.executemany("INSERT INTO photo_people (photo_id, person_id, source, state) "
                           "VALUES (?, ?, 'file', ?)", people)
            db.executemany("INSERT INTO photo_events (photo_id, event_id, source, state) "
                           "VALUES (?, ?, 'file', 'confirmed')", events)
            db.executemany("INSERT INTO photo_keywords (photo_id, keyword_id, source, state) "
                           "VALUES (?, ?, 'file', 'confirmed')", keywords)
            db.executemany("INSERT INTO article_images (article_id, position, photo_id, name, "
                           "name_key, match) VALUES (?, ?, ?, ?, ?, 'linked')", images)
        print(f"\r  catalog rows: {min(first + BATCH - 1, photos):,} photos "
              f"({time.perf_counter() - started:.0f} s)", end="", flush=True)
    print()
    started = time.perf_counter()
    indexed = search.rebuild(cat)
    cat.db.execute("ANALYZE")
    print(f"  search index: {indexed:,} photos in {time.perf_counter() - started:.0f} s")
    cat.close()


def _title(gen: Generator, i: int) -> str:
    rng = gen.rng
    return rng.choice((
        f"{rng.choice(EVENT_KINDS)} {rng.choice(EVENT_TOPICS)} tại {rng.choice(PROVINCES)}",
        f"{rng.choice(PROVINCES)}: người dân {rng.choice(ACTIVITIES)}",
        f"Đoàn công tác {rng.choice(ORGS)} làm việc tại {rng.choice(PROVINCES)}",
    ))


# --- timing -----------------------------------------------------------------------------------

def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))]


def report(label: str, samples: list[float], goal: float | None, note: str = "") -> None:
    p50, p95 = statistics.median(samples), percentile(samples, 95)
    verdict = "" if goal is None else ("  ok" if p95 <= goal else f"  MISSED by {p95 - goal:.1f} ms")
    print(f"  {label:<44} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   (n={len(samples)}){verdict}"
          + (f"  {note}" if note else ""))


def vocabulary(cat: Catalog, low: int, high: int, limit: int) -> list[tuple[str, int]]:
    """Words (letters only) whose number of photos lies in [low, high], from FTS5's own counts."""
    cat.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING "
                   "fts5vocab(main, photo_search, row)")
    rows = cat.db.execute("SELECT term, doc FROM temp.vocab WHERE doc BETWEEN ? AND ? "
                          "AND term GLOB '[a-z]*' AND term NOT GLOB '*[0-9]*' "
                          "ORDER BY doc DESC LIMIT ?", [low, high, limit]).fetchall()
    return rows


def measure(path: Path, runs: int, seed: int, only: str | None = None,
            descending: bool | None = None) -> None:
    cat = Catalog(path)
    rng = random.Random(seed)
    total = search.count(cat, "")
    way = {None: "", True: ", every sort descending", False: ", every sort ascending"}
    print(f"\nCatalog: {path} ({path.stat().st_size / 2**30:.2f} GiB), {total:,} photos"
          + way[descending])
    rare = vocabulary(cat, 20, 300, 400)
    rare = rng.sample(rare, min(20, len(rare)))
    common = vocabulary(cat, total // 20, total // 2, 40)
    common_words = [w for w, _ in common]
    if only == "conditions":
        conditions(cat, common[0], runs, descending)
        cat.close()
        return
    pairs = [tuple(rng.sample(common_words, 2)) for _ in range(10)]
    people = [r[0] for r in cat.db.execute(
        "SELECT t.name FROM photo_people x JOIN people t ON t.id = x.person_id "
        "WHERE x.state = 'confirmed' GROUP BY t.id ORDER BY count(*) DESC LIMIT 200")]
    people = rng.sample(people, min(20, len(people)))
    print(f"  rare words: {len(rare)} with {min(n for _, n in rare)}–{max(n for _, n in rare)} "
          f"photos each, e.g. {rare[0][0]!r}")
    print(f"  common words: {len(common)} with {min(n for _, n in common):,}–"
          f"{max(n for _, n in common):,} photos each, e.g. {common[0][0]!r}")
    print(f"First page: {search.PAGE} ids and the count capped at {search.COUNT_CAP:,}, "
          f"each query {runs} times")

    def first_page(queries, sort="taken"):
        return _first_pages(cat, queries, runs, sort, descending)

    report("one rare word", first_page([w for w, _ in rare]), FIRST_PAGE_GOAL_MS)
    report("two common words", first_page([f"{a} {b}" for a, b in pairs]), FIRST_PAGE_GOAL_MS,
           f"e.g. {pairs[0][0]} {pairs[0][1]}")
    report("short common prefix: xu", first_page(["xu"] * 5), FIRST_PAGE_GOAL_MS,
           f"({search.count(cat, 'xu', cap=None):,} matches)")
    ranges = []
    for name in people:
        year = rng.randrange(START.year, START.year + YEARS)
        month = rng.randrange(1, 11)
        ranges.append(f'person:"{name}" date:{year}-{month:02d}..{year}-{month + 2:02d}')
    report("person plus a date range", first_page(ranges), FIRST_PAGE_GOAL_MS,
           f"e.g. {ranges[0]}")
    facet_samples = []
    for word in common_words[:10]:
        search.facets(cat, word)
        facet_samples += timed(lambda w=word: search.facets(cat, w), runs)
    report("facet counts for a common word", facet_samples, FACETS_GOAL_MS,
           f"(sampled: {search.facets(cat, common_words[0]).sampled:,} photos)")
    for query in ("", common_words[0]):
        cursor, walked = None, time.perf_counter()
        for _ in range(999):
            cursor = search.run(cat, query, descending=descending, after=cursor,
                                count_cap=0).cursor
        walked = (time.perf_counter() - walked) * 1000 / 999
        samples = timed(lambda q=query, c=cursor: search.run(cat, q, descending=descending,
                                                             after=c), runs * 20)
        report(f"page 1,000 by keyset ({query or 'every photo'!s})", samples, FIRST_PAGE_GOAL_MS,
               f"(pages 1–999 averaged {walked:.2f} ms)")

    print("Beyond the goals:")
    words = common_words[:10]
    for sort in ("relevance", "name", "rating", "indexed")[descending is False:]:
        report(f"common word sorted by {sort}", first_page(words, sort), None)
    report("rare word sorted by name", first_page([w for w, _ in rare], "name"), None)
    report("exact count of a common word", [t for w in words for t in timed(
        lambda w=w: search.count(cat, w), runs)], None)
    report("every photo, first page", first_page([""]), None)
    for query in ("rating:5 (-has:caption OR label:red)", "status:missing", "indexed:2020"):
        report(query, first_page([query]), None)
    conditions(cat, common[0], runs, descending)
    report("facets of every photo", timed(lambda: search.facets(cat, ""), runs), None)
    report("facets of a rare word", [t for w, _ in rare for t in timed(
        lambda w=w: search.facets(cat, w), runs)], None)
    print("Sidebar scopes: the first page, as a click in the sidebar shows it (a scope alone, "
          "with a common word, with a condition):")
    for label, scope in scopes(cat).items():
        for query in ("", common_words[0], "pick:yes"):
            samples = []
            for _ in range(2):  # the first may read from disk
                samples = timed(lambda q=query, s=scope: search.run(
                    cat, q, scope=s, descending=descending), runs)
            report(f"{label}{' ' + query if query else ''}, first page", samples,
                   FIRST_PAGE_GOAL_MS)
    print("Sidebar scopes: every id, as the desk asks for them (a scope alone, then with a "
          "common word):")
    for label, scope in scopes(cat).items():
        for query in ("", common_words[0]):
            for sort in ("taken", "name"):
                def every_id(q=query, s=scope, o=sort):
                    return search.search(cat, q, scope=s, sort=o, descending=descending,
                                         limit=DESK_ALL)
                ids = every_id()
                report(f"{label}{' ' + query if query else ''}, by {sort}",
                       timed(every_id, runs), None, f"({len(ids):,} ids)")
    cat.close()


def conditions(cat: Catalog, common: tuple[str, int], runs: int,
               descending: bool | None = None) -> None:
    """First pages and facets of the condition queries, alone and with a common word, and
    their first pages in the other sorts (in that direction: None, each sort's usual)."""
    word, photos = common
    print(f"Conditions: a first page alone and with the common word {word!r} ({photos:,} "
          f"photos), each query {runs} times:")
    for query in CONDITIONS:
        samples = _first_pages(cat, [query], runs, descending=descending)
        report(query, samples, FIRST_PAGE_GOAL_MS,
               f"({search.count(cat, query, cap=None):,} matches)")
        with_word = f"{query} {word}"
        report(f"{query} + word", _first_pages(cat, [with_word], runs, descending=descending),
               FIRST_PAGE_GOAL_MS,
               f"({search.count(cat, with_word, cap=None):,} matches)")
    named_fields(cat, runs, descending)
    print("Facets of conditions, alone and with the common word:")
    for query in FACET_CONDITIONS:
        for text in (query, f"{query} {word}"):
            found = search.facets(cat, text)
            label = f"facets of {query}" + (" + word" if text != query else "")
            report(label, timed(lambda q=text: search.facets(cat, q), runs), FACETS_GOAL_MS,
                   f"({'' if found.exact else 'about '}{found.total:,} matches, "
                   f"{found.sampled:,} sampled)")
    print("Conditions in the other sorts (a first page):")
    for sort in ("indexed", "name", "rating"):
        for query in CONDITIONS:
            report(f"{query}, by {sort}", _first_pages(cat, [query], runs, sort, descending),
                   None)


def named_fields(cat: Catalog, runs: int, descending: bool | None = None) -> None:
    """First pages of person:, event: and keyword: alone and with a condition, for the most
    photographed of each (the names as the registry spells them) and a surname's prefix."""
    db = cat.db
    top = {
        "person": db.execute("SELECT t.name FROM photo_people x JOIN people t ON t.id = "
                             "x.person_id WHERE x.state = 'confirmed' GROUP BY t.id "
                             "ORDER BY count(*) DESC LIMIT 3").fetchall(),
        "event": db.execute("SELECT t.name FROM photo_events x JOIN events t ON t.id = "
                            "x.event_id GROUP BY t.id ORDER BY count(*) DESC LIMIT 3").fetchall(),
        "keyword": db.execute("SELECT t.name FROM photo_keywords x JOIN keywords t ON t.id = "
                              "x.keyword_id GROUP BY t.id ORDER BY count(*) DESC "
                              "LIMIT 3").fetchall(),
    }
    print("Named fields: a first page of the three most photographed of each, alone and with "
          "a condition:")
    for field, names in top.items():
        for condition in ("", " label:red", " pick:yes", " rating:>=4"):
            queries = [f'{field}:"{name}"{condition}' for name, in names]
            report(queries[0], _first_pages(cat, queries, runs, descending=descending),
                   FIRST_PAGE_GOAL_MS,
                   f"({search.count(cat, queries[0], cap=None):,} matches)")
    for query in ("person:bui", "person:bui label:red", "keyword:lu co", "keyword:lu co pick:yes"):
        report(query, _first_pages(cat, [query], runs, descending=descending),
               FIRST_PAGE_GOAL_MS, f"({search.count(cat, query, cap=None):,} matches)")


def _first_pages(cat: Catalog, queries: list[str], runs: int, sort: str = "taken",
                 descending: bool | None = None):
    samples = []
    for q in queries:
        search.run(cat, q, sort=sort, descending=descending)  # the first run may read from disk
        samples += timed(lambda q=q: search.run(cat, q, sort=sort, descending=descending), runs)
    return samples


def scopes(cat: Catalog) -> dict:
    """The most photographed person and event, the biggest article, a year's folder."""
    db = cat.db
    person = db.execute("SELECT person_id FROM photo_people WHERE state = 'confirmed' "
                        "GROUP BY person_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    event = db.execute("SELECT event_id FROM photo_events GROUP BY event_id "
                       "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    article = db.execute("SELECT article_id FROM article_images GROUP BY article_id "
                         "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    year = START.year + YEARS // 2
    return {"person": search.Scope("person", person), "event": search.Scope("event", event),
            "article": search.Scope("article", article),
            f"folder {year}": search.Scope("folder", f"/newsroom/{year}")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=1_000_000)
    parser.add_argument("--catalog", type=Path, help="keep the catalog here (reused if present)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each query")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", choices=("conditions",),
                        help="time only the condition queries (alone, with a word, facets)")
    way = parser.add_mutually_exclusive_group()
    way.add_argument("--ascending", dest="descending", action="store_false", default=None,
                     help="every sort oldest (lowest, A) first")
    way.add_argument("--descending", dest="descending", action="store_true", default=None,
                     help="every sort newest (highest, Z) first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.catalog or Path(tmp) / "search.sqlite"
        if not path.exists():
            print(f"Generating {args.photos:,} photos into {path}")
            started = time.perf_counter()
            build(path, args.photos, args.seed)
            print(f"  built in {(time.perf_counter() - started) / 60:.1f} min")
        measure(path, args.runs, args.seed, args.only, args.descending)


if __name__ == "__main__":
    main()
