//! What a link to a page shows where it is shared: Open Graph, Twitter cards and JSON-LD
//! (NewsArticle, publisher, authors, tags, videos); the raster share image (a card derived from
//! the lead figure, or the site's image), its size and alt text; a photo's narrower copies for
//! `srcset`; the cache of derived images; and an `out/` that is the same bytes whatever folder
//! it was built in.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use super::support::{
    build, json_ld, meta, newsroom, published, raw_tree, run, with_media, Project,
};

fn page(p: &Project, rel: &str) -> scraper::Html {
    scraper::Html::parse_document(&p.read(rel))
}

/// The file of the output an absolute URL of the site names.
fn file_of(p: &Project, out: &str, url: &str, base: &str) -> std::path::PathBuf {
    let rel = url
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{url} is not under {base}"));
    p.path().join(out).join(rel.trim_start_matches('/'))
}

/// The share image of a page: its URL, size and alt text, checked to be said alike by Open
/// Graph, the Twitter card and JSON-LD.
fn share_image(page: &scraper::Html) -> (String, (u32, u32), String) {
    let url = meta(page, "og:image");
    assert_eq!(url.len(), 1, "one og:image");
    assert_eq!(meta(page, "twitter:image"), url);
    assert_eq!(meta(page, "twitter:card"), ["summary_large_image"]);
    let alt = meta(page, "og:image:alt");
    assert_eq!(meta(page, "twitter:image:alt"), alt);
    let size = (
        meta(page, "og:image:width")[0].parse().unwrap(),
        meta(page, "og:image:height")[0].parse().unwrap(),
    );
    let ld = json_ld(page);
    assert_eq!(ld["image"][0]["@type"], "ImageObject");
    assert_eq!(ld["image"][0]["url"], url[0].as_str());
    assert_eq!(ld["image"][0]["width"], size.0);
    assert_eq!(ld["image"][0]["height"], size.1);
    (url[0].clone(), size, alt[0].clone())
}

/// Every article page of the sample, the London summit's included (it has no figure: the
/// site's image), is shared with a 1200×630 JPEG, its size and its alt text in the page's
/// language.
#[test]
fn every_article_page_of_the_sample_has_a_raster_share_image() {
    let p = Project::sample();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let base = "https://www.gazette.example";
    let pages = [
        ("fr/coalition-des-volontaires.html", false),
        ("en/coalition-of-the-willing.html", false),
        ("de/koalition-der-willigen.html", false),
        ("fr/sommet-de-londres.html", true),
        ("en/london-summit.html", true),
        ("de/londoner-gipfel.html", true),
    ];
    let mut cards = BTreeMap::new();
    for (rel, site_image) in pages {
        let page = page(&p, &format!("out/{rel}"));
        let (url, size, alt) = share_image(&page);
        assert!(
            url.starts_with(&format!("{base}/images/_gen/")) && url.ends_with("-1200x630.jpg"),
            "{rel}: {url}"
        );
        assert_eq!(size, (1200, 630), "{rel}");
        let bytes = fs::read(file_of(&p, "out", &url, base)).unwrap();
        assert!(bytes.starts_with(&[0xff, 0xd8]), "{rel}: a JPEG");
        assert_eq!(
            imagesize::blob_size(&bytes)
                .map(|s| (s.width, s.height))
                .ok(),
            Some((1200, 630))
        );
        let lang = &rel[..2];
        let site = p.read(&format!("locales/{lang}/site.ftl"));
        let site_alt = site
            .lines()
            .find_map(|l| l.strip_prefix("site-image-alt = "))
            .unwrap();
        assert_eq!(alt == site_alt, site_image, "{rel}: {alt}");
        assert!(!alt.is_empty());
        cards.entry(site_image).or_insert_with(Vec::new).push(url);
    }
    for (_, urls) in cards {
        assert!(
            urls.windows(2).all(|w| w[0] == w[1]),
            "one card per source: {urls:?}"
        );
    }
}

/// The newsroom project with a photo (PNG) as its first figure.
fn with_photo(width: u32, height: u32) -> Project {
    let p = newsroom();
    let content = p.read("content/a.toml");
    p.write(
        "content/a.toml",
        &format!("{content}\n[[blocks]]\ntype = \"figure\"\nkey = \"photo\"\nsrc = \"images/photo.png\"\n"),
    );
    for lang in ["fr", "en"] {
        let ftl = p.read(&format!("locales/{lang}/a.ftl"));
        p.write(
            &format!("locales/{lang}/a.ftl"),
            &format!("{ftl}photo =\n    .alt = Photo ({lang})\n    .caption = Caption ({lang})\n"),
        );
    }
    write_png(&p, "static/images/photo.png", width, height, 0);
    p
}

/// A PNG of a gradient (`shade` tells one from another).
fn write_png(p: &Project, rel: &str, width: u32, height: u32, shade: u8) {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, shade])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, image::ImageFormat::Png).unwrap();
    fs::create_dir_all(p.path().join(rel).parent().unwrap()).unwrap();
    fs::write(p.path().join(rel), bytes.into_inner()).unwrap();
}

/// A photo gets copies 480, 800 and 1200 pixels wide for `srcset`, only those narrower than it
/// (never enlarged), in its own format; the card is cropped from it.
#[test]
fn photos_get_narrower_copies_never_wider_ones() {
    let p = with_photo(1000, 500);
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let en = page(&p, "out/en/a.html");
    let img = en
        .select(&scraper::Selector::parse("figure img").unwrap())
        .next()
        .unwrap();
    let srcset = img.value().attr("srcset").expect("a srcset");
    assert!(img.value().attr("sizes").is_some());
    let base = "https://news.example";
    let candidates: Vec<(&str, &str)> = srcset
        .split(", ")
        .map(|c| c.split_once(' ').unwrap())
        .collect();
    let widths: Vec<&str> = candidates.iter().map(|(_, w)| *w).collect();
    assert_eq!(widths, ["480w", "800w", "1000w"], "{srcset}");
    assert_eq!(candidates[2].0, format!("{base}/images/photo.png"));
    for (url, w) in &candidates[..2] {
        assert!(url.ends_with(&format!("-{w}.png")), "{url}");
        let bytes = fs::read(file_of(&p, "out", url, base)).unwrap();
        let size = imagesize::blob_size(&bytes).unwrap();
        let width: usize = w.trim_end_matches('w').parse().unwrap();
        assert_eq!((size.width, size.height), (width, width / 2), "{url}");
    }
    let (url, size, alt) = share_image(&en);
    assert_eq!((size, alt.as_str()), ((1200, 630), "Photo (en)"));
    let card = fs::read(file_of(&p, "out", &url, base)).unwrap();
    assert_eq!(imagesize::blob_size(&card).unwrap().width, 1200);
}

/// An image given by URL (a CDN's) is used as it is, with the size the content file gives.
#[test]
fn an_image_given_by_url_is_shared_as_it_is() {
    let p = newsroom();
    let content = p.read("content/a.toml");
    p.write(
        "content/a.toml",
        &format!("{content}\n[[blocks]]\ntype = \"figure\"\nkey = \"photo\"\nsrc = \"https://cdn.example/p.jpg\"\nwidth = 1600\nheight = 900\n"),
    );
    for lang in ["fr", "en"] {
        let ftl = p.read(&format!("locales/{lang}/a.ftl"));
        p.write(
            &format!("locales/{lang}/a.ftl"),
            &format!("{ftl}photo =\n    .alt = Photo ({lang})\n    .caption = Caption ({lang})\n"),
        );
    }
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let fr = page(&p, "out/fr/a.html");
    let (url, size, alt) = share_image(&fr);
    assert_eq!(url, "https://cdn.example/p.jpg");
    assert_eq!((size, alt.as_str()), ((1600, 900), "Photo (fr)"));
    let html = p.read("out/fr/a.html");
    assert!(html.contains("width=\"1600\" height=\"900\""), "{html}");
    assert!(
        !p.path().join("out/images/_gen").exists(),
        "nothing derived"
    );

    // Half a size is no size.
    p.write(
        "content/a.toml",
        &p.read("content/a.toml").replace("height = 900\n", ""),
    );
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("content/a.toml") && stderr.contains("`height`"),
        "{stderr}"
    );
}

/// The site's image (`image` in gazette.toml) is the share image of articles without a
/// figure, with the `site-image-alt` site string of each language.
#[test]
fn articles_without_a_figure_are_shared_with_the_site_image() {
    let p = newsroom();
    let toml = p.read("gazette.toml");
    p.write(
        "gazette.toml",
        &format!("image = \"images/site.svg\"\n{toml}"),
    );
    p.write(
        "static/images/site.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"315\"><rect width=\"600\" height=\"315\" fill=\"#8a1c1c\"/></svg>\n",
    );
    for (lang, alt) in [("fr", "Logo du Journal"), ("en", "The Journal’s logo")] {
        let site = p.read(&format!("locales/{lang}/site.ftl"));
        p.write(
            &format!("locales/{lang}/site.ftl"),
            &format!("{site}site-image-alt = {alt}\n"),
        );
    }
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let (url, size, alt) = share_image(&page(&p, "out/fr/a.html"));
    assert_eq!((size, alt.as_str()), ((1200, 630), "Logo du Journal"));
    let (en_url, _, en_alt) = share_image(&page(&p, "out/en/a.html"));
    assert_eq!(
        (en_url.as_str(), en_alt.as_str()),
        (url.as_str(), "The Journal’s logo")
    );
    let card = fs::read(file_of(&p, "out", &url, "https://news.example")).unwrap();
    let pixels = image::load_from_memory(&card).unwrap().to_rgb8();
    let [r, g, b] = pixels.get_pixel(600, 315).0;
    assert!(
        r > 120 && g < 60 && b < 60,
        "the SVG drawn over the card: {r} {g} {b}"
    );

    // Without `site-image-alt`, the site's name says what it shows.
    for lang in ["fr", "en"] {
        let site = p.read(&format!("locales/{lang}/site.ftl"));
        let kept: Vec<&str> = site
            .lines()
            .filter(|l| !l.starts_with("site-image-alt"))
            .collect();
        p.write(
            &format!("locales/{lang}/site.ftl"),
            &format!("{}\n", kept.join("\n")),
        );
    }
    assert_eq!(run(&p, &["build"]).0, 0);
    assert_eq!(share_image(&page(&p, "out/en/a.html")).2, "The Journal");

    // An image that is no file of static/ stops the build, naming it.
    p.write(
        "gazette.toml",
        &format!("image = \"images/none.svg\"\n{toml}"),
    );
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("images/none.svg"), "{stderr}");
}

/// A PNG whose header claims 100,000 × 100,000 pixels (a decompression bomb: 40 GB once
/// decoded) is refused before it is decoded, naming the file.
#[test]
fn an_absurdly_large_image_is_refused_naming_it() {
    let p = with_photo(10, 10);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    fs::write(p.path().join("static/images/photo.png"), &png).unwrap();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("static/images/photo.png") && stderr.contains("100000×100000 pixels"),
        "{stderr}"
    );
    assert!(!p.path().join("out").exists(), "nothing published");

    // A header and no picture: not decoded either.
    png[16..24].copy_from_slice(&[0, 0, 2, 0, 0, 0, 1, 0]);
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    fs::write(p.path().join("static/images/photo.png"), &png).unwrap();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("static/images/photo.png") && stderr.contains("not a readable"),
        "{stderr}"
    );
}

/// PNG's CRC-32 of a chunk's type and data.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The derived images of `.gazette-cache/images/`, with their modification times.
fn cached(p: &Project) -> BTreeMap<String, std::time::SystemTime> {
    fs::read_dir(p.path().join(".gazette-cache/images"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let time = e.metadata().unwrap().modified().unwrap();
            (e.file_name().to_string_lossy().into_owned(), time)
        })
        .collect()
}

/// Derived images are made once per source image and kept by its fingerprint: a rebuild
/// with nothing changed makes none (and keeps the output's files), a build into a fresh
/// folder takes them from the cache, and a changed image gives new ones, the output equal to
/// a full build's.
#[test]
fn derived_images_are_made_once_and_kept_by_content() {
    use std::os::unix::fs::MetadataExt;
    let p = with_photo(1000, 500);
    assert_eq!(run(&p, &["build"]).0, 0);
    let made = cached(&p);
    assert_eq!(made.len(), 3, "the card and two widths: {made:?}");
    let gen = p.path().join("out/images/_gen");
    let inodes = |dir: &Path| -> BTreeMap<String, u64> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().ino(),
                )
            })
            .collect()
    };
    let before = inodes(&gen);
    std::thread::sleep(std::time::Duration::from_millis(50));
    let (code, stdout, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains(": 0 files written"),
        "{stdout}{stderr}"
    );
    assert_eq!(cached(&p), made, "nothing made again");
    assert_eq!(inodes(&gen), before, "the output's files kept");

    // A fresh folder: from the cache, the same bytes.
    assert_eq!(run(&p, &["build", "--out", "fresh"]).0, 0);
    assert_eq!(cached(&p), made, "taken from the cache");
    for name in before.keys() {
        assert_eq!(
            fs::read(gen.join(name)).unwrap(),
            fs::read(p.path().join("fresh/images/_gen").join(name)).unwrap()
        );
    }

    // Another photo: new derived images, the old ones gone; equal to a full build.
    write_png(&p, "static/images/photo.png", 1000, 500, 200);
    assert_eq!(run(&p, &["build"]).0, 0);
    let after = inodes(&gen);
    assert_eq!(after.len(), 3);
    assert!(after.keys().all(|k| !before.contains_key(k)), "{after:?}");
    assert_eq!(cached(&p).len(), 6);
    assert_eq!(run(&p, &["build", "--out", "full"]).0, 0);
    assert_eq!(
        raw_tree(&p.path().join("out")),
        raw_tree(&p.path().join("full"))
    );
}

/// Two builds of the sample in two folders give the same `out/`, byte for byte, dotfiles
/// included: nothing of gazette's bookkeeping (the marker of what it wrote) is in the site.
#[test]
fn two_builds_in_two_folders_give_byte_identical_sites() {
    let one = Project::sample();
    let two = Project::sample();
    assert_eq!(run(&one, &["build"]).0, 0);
    assert_eq!(run(&two, &["build", "--jobs", "1"]).0, 0);
    let site = raw_tree(&one.path().join("out"));
    assert!(
        site.keys()
            .all(|f| !f.rsplit('/').next().unwrap().starts_with('.')),
        "{:?}",
        site.keys().collect::<Vec<_>>()
    );
    assert_eq!(site, raw_tree(&two.path().join("out")));
    assert!(one
        .read(".out.gazette-output")
        .starts_with("gazette output "));
}

/// `images/_gen/` is where gazette puts what it derives: a file of `static/` there is refused
/// rather than mixed with them.
#[test]
fn a_file_of_static_in_the_derived_images_folder_is_refused() {
    let p = with_photo(600, 300);
    write_png(&p, "static/images/_gen/mine.png", 10, 10, 0);
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("static/images/_gen/mine.png"), "{stderr}");
}

/// The language picker and every language's index, what sharing the site's address shows:
/// a `website` in its language, the site's description, the site's image's card with its alt
/// text in that language, a large-image Twitter card.
#[test]
fn the_indexes_and_the_language_picker_are_shared_with_the_site_image() {
    let p = Project::sample();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    let base = "https://www.gazette.example";
    let pages = [
        ("index.html", "fr", "fr_FR", format!("{base}/")),
        (
            "fr/index.html",
            "fr",
            "fr_FR",
            format!("{base}/fr/index.html"),
        ),
        (
            "en/index.html",
            "en",
            "en_GB",
            format!("{base}/en/index.html"),
        ),
        (
            "de/index.html",
            "de",
            "de_DE",
            format!("{base}/de/index.html"),
        ),
    ];
    let mut cards = Vec::new();
    for (rel, lang, locale, url) in pages {
        let page = page(&p, &format!("out/{rel}"));
        let site = p.read(&format!("locales/{lang}/site.ftl"));
        let string = |id: &str| {
            site.lines()
                .find_map(|l| l.strip_prefix(&format!("{id} = ")))
                .unwrap()
                .to_owned()
        };
        let title = if rel == "index.html" {
            "La Gazette".to_owned()
        } else {
            string("site-name")
        };
        assert_eq!(meta(&page, "og:type"), ["website"], "{rel}");
        assert_eq!(
            meta(&page, "og:title"),
            meta(&page, "twitter:title"),
            "{rel}"
        );
        assert_eq!(meta(&page, "og:title"), [title], "{rel}");
        assert_eq!(meta(&page, "og:site_name"), [string("site-name")], "{rel}");
        assert_eq!(meta(&page, "og:url"), [url], "{rel}");
        assert_eq!(meta(&page, "og:locale"), [locale], "{rel}");
        assert_eq!(meta(&page, "og:locale:alternate").len(), 2, "{rel}");
        let description = string("site-description");
        assert_eq!(meta(&page, "og:description"), meta(&page, "description"));
        assert_eq!(
            meta(&page, "twitter:description"),
            meta(&page, "description")
        );
        assert_eq!(meta(&page, "description"), [description], "{rel}");
        assert_eq!(meta(&page, "twitter:card"), ["summary_large_image"]);
        let image = meta(&page, "og:image");
        assert_eq!(meta(&page, "twitter:image"), image, "{rel}");
        assert_eq!(meta(&page, "og:image:width"), ["1200"], "{rel}");
        assert_eq!(meta(&page, "og:image:height"), ["630"], "{rel}");
        assert_eq!(meta(&page, "og:image:alt"), [string("site-image-alt")]);
        assert_eq!(meta(&page, "twitter:image:alt"), [string("site-image-alt")]);
        let bytes = fs::read(file_of(&p, "out", &image[0], base)).unwrap();
        assert_eq!(
            imagesize::blob_size(&bytes)
                .map(|s| (s.width, s.height))
                .ok(),
            Some((1200, 630)),
            "{rel}"
        );
        cards.push(image[0].clone());
    }
    assert!(cards.windows(2).all(|w| w[0] == w[1]), "{cards:?}");
}

/// The site's image's card is made for the indexes even when every article has a figure of
/// its own; without a site image or a description the indexes say neither, with a small card.
#[test]
fn the_site_card_is_made_even_when_no_article_shows_it() {
    let p = with_photo(800, 600);
    assert_eq!(run(&p, &["build"]).0, 0);
    let page_of = |rel: &str| page(&p, &format!("out/{rel}"));
    for rel in ["index.html", "fr/index.html", "en/index.html"] {
        let page = page_of(rel);
        assert!(meta(&page, "og:image").is_empty(), "{rel}");
        assert!(meta(&page, "description").is_empty(), "{rel}");
        assert_eq!(meta(&page, "twitter:card"), ["summary"], "{rel}");
        assert_eq!(meta(&page, "og:type"), ["website"], "{rel}");
    }

    let toml = p.read("gazette.toml");
    p.write(
        "gazette.toml",
        &format!("image = \"images/site.png\"\n{toml}"),
    );
    write_png(&p, "static/images/site.png", 600, 400, 9);
    assert_eq!(run(&p, &["build"]).0, 0);
    let article = meta(&page_of("fr/a.html"), "og:image");
    for rel in ["index.html", "fr/index.html", "en/index.html"] {
        let page = page_of(rel);
        let image = meta(&page, "og:image");
        assert_eq!(image.len(), 1, "{rel}");
        assert_ne!(image, article, "{rel}: the site's card, not the photo's");
        let file = file_of(&p, "out", &image[0], "https://news.example");
        assert!(file.is_file(), "{rel}: {image:?}");
        assert_eq!(meta(&page, "twitter:card"), ["summary_large_image"]);
    }
}

#[test]
fn pages_carry_news_article_json_ld_and_open_graph_tags() {
    let p = with_media();
    p.write(
        "locales/fr/a.ftl",
        &p.read("locales/fr/a.ftl")
            .replace("Le chapeau.", "Le chapeau </script><b>."),
    );
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = scraper::Html::parse_document(&p.read("out/fr/a.html"));
    let en = scraper::Html::parse_document(&p.read("out/en/a.html"));
    let (fr_url, en_url) = (
        "https://news.example/fr/a.html",
        "https://news.example/en/a.html",
    );

    let ld = json_ld(&fr);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], "Une alliance de 31 pays");
    assert_eq!(
        ld["description"], "Le chapeau </script><b>.",
        "escaped in the page, whole once parsed"
    );
    assert_eq!(ld["inLanguage"], "fr");
    assert_eq!(ld["datePublished"], "2025-08-17T09:30:00+02:00");
    assert_eq!(ld["dateModified"], "2025-08-18T10:05:00+02:00");
    assert_eq!(ld["author"][1]["name"], "Tom Reyes");
    assert_eq!(ld["author"][1]["@type"], "Person");
    assert_eq!(ld["publisher"]["name"], "Le Journal");
    // The share card first (social networks show no SVG), then the figures as they are.
    let card = ld["image"][0]["url"].as_str().unwrap().to_owned();
    assert!(
        card.starts_with("https://news.example/images/_gen/") && card.ends_with("-1200x630.jpg"),
        "{card}"
    );
    assert_eq!(ld["image"][1]["url"], "https://news.example/images/map.svg");
    assert_eq!(
        (&ld["image"][1]["width"], &ld["image"][1]["height"]),
        (&640.into(), &360.into())
    );
    assert_eq!(ld["mainEntityOfPage"]["@id"], fr_url);
    assert_eq!(ld["workTranslation"][0]["@id"], en_url);
    assert_eq!(ld["workTranslation"][0]["inLanguage"], "en");
    assert!(ld.get("translationOfWork").is_none());
    let ld = json_ld(&en);
    assert_eq!(ld["translationOfWork"]["@id"], fr_url);
    assert_eq!(ld["headline"], "An alliance of 31 countries");
    assert_eq!(
        ld["publisher"]["name"], "Le Journal",
        "one publisher, named as the source language names it without [publisher]"
    );

    assert_eq!(meta(&fr, "og:locale"), ["fr_FR"]);
    assert_eq!(meta(&fr, "og:locale:alternate"), ["en_GB"]);
    assert_eq!(meta(&en, "og:locale"), ["en_GB"]);
    assert_eq!(meta(&en, "og:locale:alternate"), ["fr_FR"]);
    assert_eq!(meta(&en, "og:url"), [en_url]);
    assert_eq!(meta(&en, "og:title"), ["An alliance of 31 countries"]);
    assert_eq!(meta(&en, "og:type"), ["article"]);
    assert_eq!(meta(&en, "og:image"), [card]);
    assert_eq!(meta(&en, "og:image:alt"), ["Map (en)"]);
    assert_eq!(meta(&en, "article:tag"), ["ukraine", "défense"]);
    assert_eq!(meta(&en, "twitter:card"), ["summary_large_image"]);
    assert_eq!(
        meta(&fr, "twitter:description"),
        ["Le chapeau </script><b>."]
    );

    // Without pictures, nothing is named as the image.
    let p = newsroom();
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = scraper::Html::parse_document(&p.read("out/fr/a.html"));
    assert!(json_ld(&fr).get("image").is_none());
    assert!(meta(&fr, "og:image").is_empty());
    assert_eq!(meta(&fr, "twitter:card"), ["summary"]);
}

/// JSON-LD names one publisher in every language (its `@id`, brand name and logo), an
/// author's page, the tags as each language names them, and each video as a `VideoObject`;
/// Open Graph and Atom name the tags the same way.
#[test]
fn json_ld_names_one_publisher_authors_pages_local_tags_and_videos() {
    let p = published();
    assert_eq!(build(&p, "out", None).0, 0);
    let fr = json_ld(&scraper::Html::parse_document(&p.read("out/fr/a.html")));
    let en_page = scraper::Html::parse_document(&p.read("out/en/a.html"));
    let en = json_ld(&en_page);
    for ld in [&fr, &en] {
        assert_eq!(ld["publisher"]["@id"], "https://news.example/#publisher");
        assert_eq!(ld["publisher"]["name"], "Journal");
        assert_eq!(ld["publisher"]["logo"]["@type"], "ImageObject");
        assert_eq!(
            ld["publisher"]["logo"]["url"],
            "https://news.example/images/logo.png"
        );
        assert_eq!(
            ld["author"][0],
            serde_json::json!({ "@type": "Person", "name": "Claire Dumas" })
        );
        assert_eq!(
            ld["author"][1]["url"],
            "https://news.example/authors/tom-reyes"
        );
    }
    assert_eq!(
        fr["keywords"],
        serde_json::json!(["Ukraine (fr)", "défense"])
    );
    assert_eq!(
        en["keywords"],
        serde_json::json!(["Ukraine (en)", "défense"])
    );
    assert_eq!(meta(&en_page, "article:tag"), ["Ukraine (en)", "défense"]);
    assert_eq!(
        en["video"],
        serde_json::json!([{
            "@type": "VideoObject",
            "name": "Caption (en)",
            "description": "Map (en)",
            "thumbnailUrl": "https://news.example/images/poster.svg",
            "contentUrl": "https://news.example/media/clip.webm",
            "uploadDate": "2025-08-17T09:30:00+02:00",
        }])
    );
    let feed = p.read("out/en/feed.xml");
    assert!(
        feed.contains("<category term=\"ukraine\" label=\"Ukraine (en)\"/>"),
        "{feed}"
    );
    assert!(
        feed.contains(
            "<name>Tom Reyes</name>\n      <uri>https://news.example/authors/tom-reyes</uri>"
        ),
        "{feed}"
    );
    assert_eq!(build(&p, "out", None).0, 0);
}
