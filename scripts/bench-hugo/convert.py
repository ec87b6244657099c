#!/usr/bin/env python3
"""Convert a generated gazette corpus (examples/gen-corpus.rs) into an equivalent Hugo site.

    scripts/bench-hugo/convert.py CORPUS_DIR HUGO_SITE_DIR

Used by scripts/bench to time Hugo on the same articles as gazette. For every article and
language it writes content/<slug>.<lang>.md: the Fluent messages resolved the way gazette
formats them (plural variants by CLDR rules, numbers and long dates written the local way),
the blocks in Markdown (headings, paragraphs, lists, quotes, the figure shortcode, related
links with their site label), and the headline, standfirst, date and section in the front
matter. The layouts (copied from scripts/bench-hugo/layouts/) give Hugo the same work as
gazette's built-in templates: an HTML page and a plain-text page per article and language,
a per-language index of every article, a feed per language, and the sitemap; the stylesheet
is gazette's own (templates/style.hbs), inlined the same way.

Only the FTL that the generator writes is understood (one-line messages, attributes, a
plural selector on its own lines): this is a benchmark fixture, not a Fluent implementation.
"""

import datetime
import re
import shutil
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

# --- Fluent, as much as the generated corpus needs ------------------------------------------

ATTR = re.compile(r"^\.([a-zA-Z][\w-]*)\s*=\s*(.*)$")
VARIANT = re.compile(r"^(\*?)\[([\w-]+)\]\s*(.*)$")
PLACEABLE = re.compile(r"\{\s*\$([\w-]+)\s*\}")


def parse_ftl(path):
    """id -> {"value": [lines], "attrs": {name: text}}"""
    messages, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            current = None
            continue
        if not line[0].isspace():
            ident, _, rest = line.partition("=")
            current = {"value": [rest.strip()] if rest.strip() else [], "attrs": {}}
            messages[ident.strip()] = current
            continue
        text = line.strip()
        m = ATTR.match(text)
        if m:
            current["attrs"][m.group(1)] = m.group(2)
        else:
            current["value"].append(text)
    return messages


def plural_category(lang, n):
    """CLDR cardinal categories of fr, en and de (integers and decimals)."""
    if lang == "fr":
        if n in (0, 1) or (0 < n < 2):
            return "one"
        if n != 0 and n == int(n) and int(n) % 1_000_000 == 0:
            return "many"
        return "other"
    return "one" if n == 1 else "other"


SEPARATORS = {"fr": ("\u202f", ","), "en": (",", "."), "de": (".", ",")}
MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
}


def format_number(lang, x):
    group, decimal = SEPARATORS[lang]
    if float(x) == int(x):
        whole, frac = str(int(x)), ""
    else:
        whole, _, frac = repr(float(x)).partition(".")
    digits = []
    for i, d in enumerate(whole):
        if i and (len(whole) - i) % 3 == 0:
            digits.append(group)
        digits.append(d)
    return "".join(digits) + (decimal + frac if frac else "")


def format_date(lang, d):
    month = MONTHS[lang].split()[d.month - 1]
    if lang == "de":
        return f"{d.day}. {month} {d.year}"
    return f"{d.day} {month} {d.year}"


def format_arg(lang, value):
    if isinstance(value, datetime.date):
        return format_date(lang, value)
    if isinstance(value, (int, float)):
        return format_number(lang, value)
    return str(value)


def inline(lang, text, args):
    return PLACEABLE.sub(lambda m: format_arg(lang, args[m.group(1)]), text)


def resolve(lang, lines, args):
    """A message value: its lines, with a `{ $n -> ... }` selector on lines of its own."""
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^(.*)\{\s*\$([\w-]+)\s*->\s*$", line)
        if not m:
            out.append(inline(lang, line, args))
            i += 1
            continue
        before, var = m.groups()
        variants, default, i = {}, None, i + 1
        while not lines[i].startswith("}"):
            v = VARIANT.match(lines[i])
            variants[v.group(2)] = v.group(3)
            if v.group(1):
                default = v.group(2)
            i += 1
        after = lines[i][1:]
        i += 1
        chosen = variants.get(plural_category(lang, args[var]), variants[default])
        out.append(inline(lang, before, args) + inline(lang, chosen, args) + inline(lang, after, args))
    return " ".join(s for s in out if s)


# --- Markdown -----------------------------------------------------------------------------


def markdown_inline(text):
    """The inline markup translators may use, in Markdown."""
    text = re.sub(r"</?(em|i)>", "*", text)
    return re.sub(r"</?(strong|b)>", "**", text)


def plain(text):
    return re.sub(r"<[^>]+>", "", text)


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def shortcode_arg(s):
    return '"' + plain(s).replace('"', "&quot;") + '"'


def convert(corpus, site):
    config = tomllib.loads((corpus / "gazette.toml").read_text(encoding="utf-8"))
    source = config.get("source", "fr")
    langs = [source] + config.get("targets", [])
    base_url = config.get("base_url", "https://bench.example").rstrip("/") + "/"

    if site.exists():
        shutil.rmtree(site)
    (site / "content").mkdir(parents=True)
    (site / "i18n").mkdir()
    shutil.copytree(HERE / "layouts", site / "layouts")
    style = (REPO / "templates" / "style.hbs").read_text(encoding="utf-8")
    style = re.sub(r"\{\{!--.*?--\}\}\n?", "", style, flags=re.S)
    (site / "layouts" / "partials").mkdir(parents=True, exist_ok=True)
    (site / "layouts" / "partials" / "style.html").write_text(style, encoding="utf-8")

    site_strings = {lang: parse_ftl(corpus / "locales" / lang / "site.ftl") for lang in langs}

    def ui(lang, ident, args=None):
        return resolve(lang, site_strings[lang][ident]["value"], args or {})

    # hugo.toml: one language per gazette language, same base URL and URL layout
    # (out/<lang>/<slug>.html and .txt, out/<lang>/index.html, feeds, sitemap).
    weights = "\n".join(
        f"""[languages.{lang}]
weight = {i + 1}
languageCode = "{lang}"
languageName = {toml_string(ui(lang, "lang-name"))}
title = {toml_string(ui(lang, "site-name"))}
"""
        for i, lang in enumerate(langs)
    )
    (site / "hugo.toml").write_text(
        f"""# Generated by scripts/bench-hugo/convert.py from {corpus.name}.
baseURL = "{base_url}"
defaultContentLanguage = "{source}"
defaultContentLanguageInSubdir = true
uglyURLs = true
disableKinds = ["taxonomy", "term", "section", "404", "robotsTXT"]
enableRobotsTXT = false
timeZone = "UTC"

[outputs]
home = ["HTML", "RSS"]
page = ["HTML", "Text"]

[outputFormats.Text]
mediaType = "text/plain"
baseName = "index"
isPlainText = true

[services.rss]
limit = -1

[markup.goldmark.renderer]
unsafe = false

{weights}""",
        encoding="utf-8",
    )
    for lang in langs:
        # `published` takes the date; the others are labels.
        strings = {
            ident: resolve(lang, m["value"], {"date": "\x00"}).replace("\x00", "{{ . }}")
            for ident, m in site_strings[lang].items()
            if m["value"]
        }
        (site / "i18n" / f"{lang}.toml").write_text(
            "".join(f"{toml_string(k)} = {toml_string(v)}\n" for k, v in sorted(strings.items())),
            encoding="utf-8",
        )

    count = 0
    for article_path in sorted((corpus / "content").glob("*.toml")):
        slug = article_path.stem
        article = tomllib.loads(article_path.read_text(encoding="utf-8"))
        date = article["date"]
        for lang in langs:
            msgs = parse_ftl(corpus / "locales" / lang / f"{slug}.ftl")

            def text(key, args):
                return resolve(lang, msgs[key]["value"], {**args, "date": date})

            body = []
            for block in article["blocks"]:
                args = block.get("args", {})
                kind = block["type"]
                if kind == "heading":
                    body.append("## " + markdown_inline(text(block["key"], args)))
                elif kind == "paragraph":
                    body.append(markdown_inline(text(block["key"], args)))
                elif kind == "quote":
                    body.append("> " + markdown_inline(text(block["key"], args)))
                elif kind == "list":
                    body.append("\n".join("- " + markdown_inline(text(k, args)) for k in block["items"]))
                elif kind in ("figure", "video"):
                    attrs = msgs[block["key"]]["attrs"]
                    alt = inline(lang, attrs.get("alt", ""), args)
                    caption = inline(lang, attrs.get("caption", ""), args)
                    body.append(
                        f'{{{{< figure src={shortcode_arg(block["src"] if block["src"].startswith("http") else "/" + block["src"])} '
                        f"alt={shortcode_arg(alt)} caption={shortcode_arg(caption)} >}}}}"
                    )
                elif kind == "related":
                    label = ui(lang, "related-" + block["kind"])
                    title = plain(text(block["key"], args))
                    body.append(f"**{label}** [{title}]({block['href']})")
            title = plain(text(article.get("title", "title"), {}))
            lede_key = article.get("lede", "lede")
            lede = plain(text(lede_key, {})) if lede_key in msgs else ""
            section = article.get("section")
            section_label = ui(lang, f"section-{section}") if section else ""
            front = [
                "+++",
                f"title = {toml_string(title)}",
                f"date = {date.isoformat()}",
                f"description = {toml_string(lede)}",
                f"translationKey = {toml_string(slug)}",
            ]
            if section_label:
                front.append(f"[params]\nsection_label = {toml_string(section_label)}")
            front.append("+++")
            (site / "content" / f"{slug}.{lang}.md").write_text(
                "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8"
            )
            count += 1
    return count


def main():
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} CORPUS_DIR HUGO_SITE_DIR")
    corpus, site = Path(sys.argv[1]), Path(sys.argv[2])
    n = convert(corpus, site)
    print(f"convert: {n} pages (articles x languages) written to {site}", file=sys.stderr)


if __name__ == "__main__":
    main()
