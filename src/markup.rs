//! The parse stage: the inline markup translators may use in a message — `<em>`, `<strong>`,
//! `<a href>` (http, https and mailto only) and `<abbr title>`, properly paired.
//!
//! Everything else that looks like a tag is text: escaped in HTML, kept as typed in plain
//! text, and reported by `check`. HTML output is also passed through `ammonia`, so a bug here
//! still cannot let markup through.

use std::collections::HashSet;

/// An allowed inline element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Em,
    Strong,
    A,
    Abbr,
}

impl Tag {
    fn name(self) -> &'static str {
        match self {
            Tag::Em => "em",
            Tag::Strong => "strong",
            Tag::A => "a",
            Tag::Abbr => "abbr",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    /// An opening tag, its attribute value (href or title) and its source text.
    Open(Tag, Option<String>, &'a str),
    Close(Tag, &'a str),
}

/// Split a message into text and allowed tags; unpaired or unsafe tags become text.
fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while let Some(off) = s[i..].find('<') {
        let at = i + off;
        match tag_at(&s[at..]) {
            Some((token, len)) => {
                if text_start < at {
                    out.push(Token::Text(&s[text_start..at]));
                }
                out.push(token);
                i = at + len;
                text_start = i;
            }
            None => i = at + 1,
        }
    }
    if text_start < s.len() {
        out.push(Token::Text(&s[text_start..]));
    }
    pair(out)
}

/// Keep only tags that open and close in order; the others go back to being text. A link
/// inside a link goes back to being text with its closing tag: HTML has no nested links, and
/// a browser (or the sanitiser) would close the outer one early instead.
fn pair(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let mut keep = vec![true; tokens.len()];
    let mut stack: Vec<(Tag, usize)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match t {
            Token::Open(tag, _, _) => {
                if *tag == Tag::A && stack.iter().any(|(open, _)| *open == Tag::A) {
                    keep[i] = false;
                }
                stack.push((*tag, i));
            }
            Token::Close(tag, _) => match stack.last() {
                Some((open, at)) if open == tag => {
                    keep[i] = keep[*at];
                    stack.pop();
                }
                _ => keep[i] = false,
            },
            Token::Text(_) => {}
        }
    }
    for (_, i) in stack {
        keep[i] = false;
    }
    tokens
        .into_iter()
        .zip(keep)
        .map(|(t, k)| match (t, k) {
            (t, true) => t,
            (Token::Open(_, _, src) | Token::Close(_, src), false) => Token::Text(src),
            (t, false) => t,
        })
        .collect()
}

/// Recognise an allowed tag at the start of `s` (which starts with `<`).
fn tag_at(s: &str) -> Option<(Token<'_>, usize)> {
    let end = s.find('>')? + 1;
    let src = &s[..end];
    let inner = &src[1..end - 1];
    if let Some(name) = inner.strip_prefix('/') {
        let tag = match name.trim_end() {
            "em" => Tag::Em,
            "strong" => Tag::Strong,
            "a" => Tag::A,
            "abbr" => Tag::Abbr,
            _ => return None,
        };
        return Some((Token::Close(tag, src), end));
    }
    let (name, rest) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let rest = rest.trim();
    let (tag, attr) = match (name, rest) {
        ("em", "") => (Tag::Em, None),
        ("strong", "") => (Tag::Strong, None),
        ("a", r) => (Tag::A, Some(attribute(r, "href").filter(|u| safe_url(u))?)),
        ("abbr", r) => (Tag::Abbr, Some(attribute(r, "title")?)),
        _ => return None,
    };
    Some((Token::Open(tag, attr, src), end))
}

/// The value of `name="value"` (or single-quoted), when it is the only attribute.
fn attribute(s: &str, name: &str) -> Option<String> {
    let rest = s
        .strip_prefix(name)?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = rest[1..].strip_suffix(quote)?;
    (!value.contains(quote)).then(|| value.to_owned())
}

/// Links may only lead to web pages or mail: no `javascript:`, `data:`…, and no space or
/// control character, which a URL cannot hold (a browser would quietly drop or encode them).
fn safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
        && !url.contains(|c: char| c.is_whitespace() || c.is_control())
}

/// Escape text for HTML content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    escape_into(s, &mut out, false);
    out
}

/// Escape text for any attribute value, quoted or not (OWASP's attribute encoding, for the
/// characters that can end or break an unquoted value): [`escape`]'s five, and `=`, `` ` ``
/// and the five whitespace characters of HTML, as numeric references. A custom template's
/// `alt={{plain …}}` then cannot be broken out of.
pub fn escape_attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    escape_into(s, &mut out, true);
    out
}

/// [`escape`] (or with `attribute`, [`escape_attribute`]), appended to `out`: runs without a
/// special character are copied whole.
fn escape_into(s: &str, out: &mut String, attribute: bool) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ if !attribute => continue,
            b'=' => "&#x3D;",
            b'`' => "&#x60;",
            b' ' => "&#x20;",
            b'\t' => "&#x9;",
            b'\n' => "&#xA;",
            b'\x0c' => "&#xC;",
            b'\r' => "&#xD;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// A message as HTML: allowed tags kept, everything else escaped.
pub fn to_html(s: &str) -> String {
    if !s.contains('<') {
        // No tag: one text token (the common case, without tokenising).
        return escape(s);
    }
    let tokens = tokens(s);
    if tokens.iter().all(|t| matches!(t, Token::Text(_))) {
        return escape(s);
    }
    let mut html = String::with_capacity(s.len() + 16);
    for t in &tokens {
        match t {
            Token::Text(text) => escape_into(text, &mut html, false),
            Token::Open(Tag::A, Some(href), _) => {
                html.push_str(&format!("<a href=\"{}\">", escape(href)))
            }
            Token::Open(Tag::Abbr, Some(title), _) => {
                html.push_str(&format!("<abbr title=\"{}\">", escape(title)))
            }
            Token::Open(tag, _, _) => html.push_str(&format!("<{}>", tag.name())),
            Token::Close(tag, _) => html.push_str(&format!("</{}>", tag.name())),
        }
    }
    SANITISER.clean(&html).to_string()
}

/// Built once: its tag and scheme sets cost more to build than a short message to clean.
static SANITISER: std::sync::LazyLock<ammonia::Builder<'static>> =
    std::sync::LazyLock::new(sanitiser);

fn sanitiser() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.tags(HashSet::from(["em", "strong", "a", "abbr"]))
        .add_tag_attributes("a", ["href"])
        .add_tag_attributes("abbr", ["title"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(None);
    b
}

/// A message as plain text: tags dropped, a link becomes `text <url>`.
pub fn to_text(s: &str) -> String {
    if !s.contains('<') {
        // No tag: one text token (the common case, without tokenising).
        return s.to_owned();
    }
    let tokens = tokens(s);
    let mut out = String::with_capacity(s.len());
    let mut links = Vec::new();
    for t in &tokens {
        match t {
            Token::Text(text) => out.push_str(text),
            Token::Open(Tag::A, href, _) => links.push(href.clone().unwrap_or_default()),
            Token::Close(Tag::A, _) => {
                if let Some(href) = links.pop() {
                    out.push_str(&format!(" <{href}>"));
                }
            }
            Token::Open(..) | Token::Close(..) => {}
        }
    }
    out
}

/// Tags a message uses that are not allowed (or not paired, or with an unsafe link), as typed.
pub fn rejected_tags(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tokens(s) {
        if let Token::Text(text) = t {
            let mut rest = text;
            while let Some(i) = rest.find('<') {
                let after = &rest[i + 1..];
                let looks_like_tag =
                    after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
                match after.find('>') {
                    Some(j) if looks_like_tag => {
                        out.push(rest[i..i + 1 + j + 1].to_owned());
                        rest = &after[j + 1..];
                    }
                    _ => rest = after,
                }
            }
        }
    }
    out
}

/// The allowed tags a message uses, as `<em>`, `</em>`, `<a>`… in order (for comparing a
/// translation's markup with its source's).
pub fn tag_names(s: &str) -> Vec<String> {
    tokens(s)
        .iter()
        .filter_map(|t| match t {
            Token::Open(tag, _, _) => Some(format!("<{}>", tag.name())),
            Token::Close(tag, _) => Some(format!("</{}>", tag.name())),
            Token::Text(_) => None,
        })
        .collect()
}

/// The `href` of each link a message keeps (an allowed, paired `<a>`), in order: what a
/// reader can follow, for `check`'s `broken-link`.
pub fn links(s: &str) -> Vec<String> {
    if !s.contains("<a") {
        return Vec::new();
    }
    tokens(s)
        .into_iter()
        .filter_map(|t| match t {
            Token::Open(Tag::A, href, _) => href,
            _ => None,
        })
        .collect()
}

/// `text` with each stretch outside inline markup rewritten by `f` (which appends it, changed,
/// to the output): a tag (to its `>`, or to the end of a text that ends inside it) and a
/// character reference are copied whole, so no stretch crosses one and the markup stays as
/// it was. For what must change letters, never markup: bidi isolation, pseudo-locales.
pub fn map_text(text: &str, mut f: impl FnMut(&str, &mut String)) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut rest = text;
    while !rest.is_empty() {
        let markup_end = match rest.as_bytes()[0] {
            b'<' => Some(rest.find('>').map_or(rest.len(), |i| i + 1)),
            b'&' => rest.find(';').map(|i| i + 1),
            _ => None,
        };
        let end = markup_end.unwrap_or_else(|| {
            let first = rest.chars().next().map_or(1, char::len_utf8);
            rest[first..]
                .find(['<', '&'])
                .map_or(rest.len(), |i| i + first)
        });
        let (piece, after) = rest.split_at(end);
        match markup_end {
            Some(_) => out.push_str(piece),
            None => f(piece, &mut out),
        }
        rest = after;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_markup_is_kept() {
        assert_eq!(
            to_html("a <em>b</em> <a href=\"https://x.example/?a=1&b=2\">c</a> <abbr title=\"North Atlantic\">NATO</abbr>"),
            "a <em>b</em> <a href=\"https://x.example/?a=1&amp;b=2\">c</a> <abbr title=\"North Atlantic\">NATO</abbr>"
        );
        assert_eq!(
            to_text("a <em>b</em> <a href='https://x.example'>c</a>"),
            "a b c <https://x.example>"
        );
    }

    #[test]
    fn anything_else_is_text() {
        for hostile in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"https://x\" onclick=\"alert(1)\">x</a>",
            "<em onmouseover=\"x\">y</em>",
            "<em>unclosed",
            "</strong>stray",
            "<em><strong>crossed</em></strong>",
        ] {
            let html = to_html(hostile);
            assert!(
                !html.contains("<script")
                    && !html.contains("<img")
                    && !html.contains("javascript:\">")
                    && !html.contains("onclick=\"")
                    && !html.contains("<em onmouse"),
                "{hostile} -> {html}"
            );
            assert!(!rejected_tags(hostile).is_empty(), "{hostile}");
        }
        assert_eq!(to_html("<em>x"), "&lt;em&gt;x");
        assert_eq!(to_text("<script>x</script>"), "<script>x</script>");
        assert_eq!(to_html("a < b & c"), "a &lt; b &amp; c");
        assert!(rejected_tags("a < b > c").is_empty());
    }

    #[test]
    fn escape_replaces_the_five_characters_only() {
        assert_eq!(
            escape("a&b<c>d\"e'f — «g»"),
            "a&amp;b&lt;c&gt;d&quot;e&#x27;f — «g»"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&"), "&amp;");
        assert_eq!(to_html("é < ü"), "é &lt; ü");
    }

    #[test]
    fn a_link_with_a_space_or_a_control_character_is_text() {
        for hostile in [
            "<a href=\"https://x.example/a b\">x</a>",
            "<a href=\" https://x.example\">x</a>",
            "<a href=\"https://x.example/\ta\">x</a>",
            "<a href=\"https://x.example/\u{85}\">x</a>",
        ] {
            assert!(!to_html(hostile).contains("<a"), "{hostile}");
            assert_eq!(rejected_tags(hostile).len(), 2, "{hostile}");
        }
    }

    #[test]
    fn a_link_inside_a_link_is_text_with_its_closing_tag() {
        let nested = "<a href=\"https://a.example\">a <a href=\"https://b.example\">b</a> c</a>";
        assert_eq!(
            to_html(nested),
            "<a href=\"https://a.example\">a &lt;a href=\"https://b.example\"&gt;b&lt;/a&gt; c</a>"
        );
        assert_eq!(
            rejected_tags(nested),
            ["<a href=\"https://b.example\">", "</a>"]
        );
        assert_eq!(tag_names(nested), ["<a>", "</a>"]);
        assert_eq!(
            to_text(nested),
            "a <a href=\"https://b.example\">b</a> c <https://a.example>"
        );
    }

    #[test]
    fn attribute_escaping_also_covers_unquoted_values() {
        assert_eq!(
            escape_attribute("a b=c`d\te\nf\u{c}g\rh&<>\"'é"),
            "a&#x20;b&#x3D;c&#x60;d&#x9;e&#xA;f&#xC;g&#xD;h&amp;&lt;&gt;&quot;&#x27;é"
        );
        assert_eq!(escape("a b=c`d"), "a b=c`d");
    }

    #[test]
    fn tag_names_in_order() {
        assert_eq!(
            tag_names("<strong>a</strong> <em>b</em>"),
            ["<strong>", "</strong>", "<em>", "</em>"]
        );
    }
}
