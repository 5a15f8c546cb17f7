"""The article data the readers produce: Article, ImageRef, PersonMention, EventGuess, errors."""

from dataclasses import dataclass, field


@dataclass
class ImageRef:
    name: str            # file name as written, basename only, e.g. "IMG_6193.jpeg"
    caption: str | None  # plain NFC text, or None when the article gives it no caption
    position: int        # 0-based order in the article
    paragraph: int       # index into Article.paragraphs it follows; -1 when before all of them


@dataclass
class PersonMention:
    name: str            # "Võ Thị Ánh Xuân"
    title: str | None    # role phrase written next to the name, e.g. "Phó Chủ tịch nước"


@dataclass
class EventGuess:
    name: str            # "Hội nghị triển khai công tác thi đua, khen thưởng năm 2024"
    date: str | None     # ISO date, "2024-02-28"
    place: str | None    # "Trung tâm Hội nghị tỉnh"


@dataclass
class Article:
    path: str
    title: str
    lede: str | None = None
    dateline: str | None = None   # "Chiều 28/2", as written at the start of the lede
    published: str | None = None  # ISO date or date-time
    # The lede is paragraphs[0] when there is one, so ImageRef.paragraph counts it.
    paragraphs: list[str] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def text(self) -> str:
        """Title, paragraphs and distinct captions as one text: what find_people reads."""
        captions = dict.fromkeys(i.caption for i in self.images if i.caption)
        return "\n".join([self.title, *self.paragraphs, *captions])


class ArticleError(Exception):
    """An article file that cannot be read; the message starts with the file's name."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{_name_of(path)}: {reason}")


def _name_of(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1] or path
