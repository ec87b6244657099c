//! `sitemap.xml` with `xhtml:link rel="alternate" hreflang` for every edition of every page,
//! reciprocal, plus `x-default` pointing at the language picker, itself listed with the
//! languages' indexes.

use quick_xml::events::BytesText;
use quick_xml::Writer;

use crate::plan::listings::SitemapPage;

pub fn sitemap(pages: &[SitemapPage]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"))
        .write_inner_content(|w| {
            for page in pages {
                let listed = page.default.iter().filter(|_| page.default_listed);
                for url in page.editions.iter().map(|(_, u)| u).chain(listed) {
                    w.create_element("url").write_inner_content(|w| {
                        w.create_element("loc")
                            .write_text_content(BytesText::new(url))?;
                        if let Some(date) = &page.lastmod {
                            w.create_element("lastmod")
                                .write_text_content(BytesText::new(date))?;
                        }
                        let default = page.default.iter().map(|u| ("x-default", u.as_str()));
                        let alternates =
                            page.editions.iter().map(|(l, u)| (l.as_str(), u.as_str()));
                        for (lang, href) in alternates.chain(default) {
                            w.create_element("xhtml:link")
                                .with_attribute(("rel", "alternate"))
                                .with_attribute(("hreflang", lang))
                                .with_attribute(("href", href))
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
                }
            }
            Ok(())
        })
        .expect("writing to memory cannot fail");
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&String::from_utf8(w.into_inner()).expect("the writer wrote UTF-8"));
    out.push('\n');
    out
}
