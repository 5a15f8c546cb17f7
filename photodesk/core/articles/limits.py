"""What one article may cost: file size, HTML elements and attributes, images, text, and
paragraph length.

Each limit is far above any real story, and low enough that a file past it is refused within
seconds and a few hundred megabytes: before there were limits, a 3 MB file of a million <p>
took over a minute to import, and a 12 MB caption most of a gigabyte. Past a limit the file is
refused with an ArticleError naming the limit; only an over-long paragraph is cut, with a note.
"""

from photodesk.core.articles.model import Article, ArticleError

MB = 1024 * 1024

# Checked before a file is decoded. A plain-text or markdown story is tens of kilobytes.
MAX_TEXT_BYTES = 5 * MB
# A page saved from a browser also carries its scripts, styles and menus, sometimes pictures
# inlined as data: addresses, so it may be many times its story's size.
MAX_HTML_BYTES = 20 * MB
# Counted while the page is parsed, which stops there. A news page has a few thousand elements,
# menus, boxes, comments and icons included.
MAX_ELEMENTS = 30_000
# A tag has a handful of attributes; a CMS's image tag a dozen or two.
MAX_ATTRIBUTES = 1_000
# A photo story names tens of photos, a long gallery a few hundred.
MAX_IMAGES = 1_000
# Characters of story text: title, paragraphs and captions (the whole file, for plain text).
# A long feature has some tens of thousands. The name finder reads every word, about a second
# for a million characters of prose, several for as many one-letter words.
MAX_TEXT = 500_000
# A long paragraph has a thousand or two characters; one past this is cut, with a note.
# Captions are shorter still: text.MAX_CAPTION (500) is where a line after a photo stops being
# its caption, which keeps a caption within IPTC's 2,000 bytes.
MAX_PARAGRAPH = 10_000


def file_too_large(html: bool) -> str:
    limit, kind = (MAX_HTML_BYTES, ".html or .htm") if html else (MAX_TEXT_BYTES, ".txt or .md")
    return f"larger than {limit // MB} MB, the limit for a {kind} article"


def too_many_elements() -> str:
    return f"more than {MAX_ELEMENTS:,} HTML elements, the limit for one page"


def too_many_attributes() -> str:
    return f"a tag with more than {MAX_ATTRIBUTES:,} attributes, the limit for one tag"


def check(article: Article) -> None:
    """Raise ArticleError when the article names too many images or holds too much text."""
    if len(article.images) > MAX_IMAGES:
        raise ArticleError(article.path, f"names more than {MAX_IMAGES:,} images, the limit for "
                                         f"one article")
    characters = (len(article.title) + sum(map(len, article.paragraphs))
                  + sum(len(i.caption or "") for i in article.images))
    if characters > MAX_TEXT:
        raise ArticleError(article.path, too_much_text(characters))


def too_much_text(characters: int) -> str:
    return (f"holds {characters:,} characters of text, more than {MAX_TEXT:,}, the limit for one "
            f"article")


def cut_note(count: int) -> str:
    paragraphs = "1 paragraph" if count == 1 else f"{count:,} paragraphs"
    return (f"{paragraphs} longer than {MAX_PARAGRAPH:,} characters cut to the first "
            f"{MAX_PARAGRAPH:,}")
