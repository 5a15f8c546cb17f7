"""Reading press articles (text, markdown, HTML) into paragraphs, photos, people and events."""

from photodesk.core.articles.html import parse_html
from photodesk.core.articles.model import Article, ArticleError, EventGuess, ImageRef, PersonMention
from photodesk.core.articles.names import find_event, find_people
from photodesk.core.articles.read import ARTICLE_SUFFIXES, read_article
from photodesk.core.articles.text import parse_text

__all__ = ["ARTICLE_SUFFIXES", "Article", "ArticleError", "EventGuess", "ImageRef",
           "PersonMention", "find_event", "find_people", "parse_html", "parse_text",
           "read_article"]
