//! The parse stage: an image of `static/` -> its width and height in CSS pixels, so a page
//! reserves the image's room before it loads (no layout shift); and the images gazette
//! derives from one: the 1200×630 share card social networks show (they show no SVG), and
//! narrower copies of a photo for `srcset`. Derived images are named by a fingerprint of
//! their source's bytes, so the same source always gives the same files, byte for byte.

use std::io::{BufRead, Read, Seek};

use quick_xml::events::Event;

/// The width and height of an image: an SVG's from its root element (`width` and `height` in
/// pixels, else its `viewBox`), any other image's from its header. `None` when the file is
/// not an image whose size can be told. Only what is needed is read (a raster image's header,
/// an SVG up to its root element): a file of `static/` may be a video of gigabytes.
pub fn image_size<R: BufRead + Seek>(path: &str, mut reader: R) -> Option<(u32, u32)> {
    if path.to_ascii_lowercase().ends_with(".svg") {
        // An SVG's prolog (comments, a doctype) cannot make gazette hold more than a file of
        // the project may be.
        return svg_size(reader.take(crate::guard::MAX_FILE_BYTES));
    }
    let size = imagesize::reader_size(&mut reader).ok()?;
    Some((
        u32::try_from(size.width).ok()?,
        u32::try_from(size.height).ok()?,
    ))
}

fn svg_size(bytes: impl BufRead) -> Option<(u32, u32)> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"svg" => {
                let attr = |name: &[u8]| {
                    e.try_get_attribute(name)
                        .ok()
                        .flatten()
                        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
                };
                let (width, height) = (attr(b"width"), attr(b"height"));
                let view_box = attr(b"viewBox");
                if let (Some(w), Some(h)) = (
                    width.as_deref().and_then(pixels),
                    height.as_deref().and_then(pixels),
                ) {
                    return Some((w, h));
                }
                let numbers: Vec<f64> = view_box?
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|s| !s.is_empty())
                    .map(str::parse)
                    .collect::<Result<_, _>>()
                    .ok()?;
                return match numbers[..] {
                    [_, _, w, h] => Some((round(w)?, round(h)?)),
                    _ => None,
                };
            }
            Event::Eof => return None,
            _ => buf.clear(),
        }
    }
}

/// An SVG length in pixels (`640`, `640px`); other units say nothing of the drawn size.
fn pixels(length: &str) -> Option<u32> {
    let number = length.trim().strip_suffix("px").unwrap_or(length.trim());
    round(number.parse().ok()?)
}

fn round(n: f64) -> Option<u32> {
    (n.is_finite() && n >= 1.0 && n <= f64::from(u32::MAX)).then(|| n.round() as u32)
}

/// The size of the share card: what Open Graph's consumers (Facebook, LinkedIn, X,
/// WhatsApp) crop every preview to.
pub const CARD: (u32, u32) = (1200, 630);

/// The widths of a photo's narrower copies, for `srcset` (only those narrower than the photo).
pub const WIDTHS: [u32; 3] = [480, 800, 1200];

/// Where derived images go in the site.
pub const DERIVED_DIR: &str = "images/_gen";

/// The most pixels an image to decode may have (a 40-megapixel photo decodes to 160 MB): a
/// small file that claims more (a decompression bomb) is refused before it is decoded.
pub const MAX_PIXELS: u64 = 40_000_000;

/// The largest image file gazette decodes to derive others from: 50 MiB.
pub const MAX_IMAGE_BYTES: u64 = 50 * 1024 * 1024;

/// Bumped when the way derived images are made changes, so no earlier one is reused.
const RECIPE: &str = "gazette-media-1";

/// An image gazette can derive others from, by its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Svg,
    Png,
    Jpeg,
}

impl Source {
    pub fn of(path: &str) -> Option<Source> {
        let lower = path.to_ascii_lowercase();
        let ext = lower.rsplit_once('.')?.1;
        match ext {
            "svg" => Some(Source::Svg),
            "png" => Some(Source::Png),
            "jpg" | "jpeg" => Some(Source::Jpeg),
            _ => None,
        }
    }
}

/// What is derived from a source image.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Variant {
    /// The share card, [`CARD`], JPEG: the image scaled to cover it, centred.
    Card,
    /// A copy this many pixels wide, in the photo's own format (a photo only: an SVG scales).
    Width(u32),
}

/// One derived image: of which file of `static/` (its path in the site), whose bytes have
/// this fingerprint ([`fingerprint`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Derived {
    pub source: String,
    pub fingerprint: String,
    pub variant: Variant,
}

impl Derived {
    /// Its path in the site: `images/_gen/<fingerprint>-1200x630.jpg`, `…-480w.jpg`.
    pub fn path(&self) -> String {
        let (w, h) = CARD;
        match self.variant {
            Variant::Card => format!("{DERIVED_DIR}/{}-{w}x{h}.jpg", self.fingerprint),
            Variant::Width(width) => {
                let ext = match Source::of(&self.source) {
                    Some(Source::Png) => "png",
                    _ => "jpg",
                };
                format!("{DERIVED_DIR}/{}-{width}w.{ext}", self.fingerprint)
            }
        }
    }

    /// Its size, for a source of `size`.
    pub fn size(&self, (width, height): (u32, u32)) -> (u32, u32) {
        match self.variant {
            Variant::Card => CARD,
            Variant::Width(w) => (w, scaled(height, w, width)),
        }
    }
}

/// `height` scaled by `to / from`, at least one pixel.
fn scaled(height: u32, to: u32, from: u32) -> u32 {
    let h = u64::from(height) * u64::from(to) / u64::from(from.max(1));
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

/// The fingerprint of an image's bytes (and of the way gazette derives images), which names
/// what is derived from it.
pub fn fingerprint(mut reader: impl Read) -> std::io::Result<String> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(RECIPE.as_bytes());
    let mut buf = vec![0; 64 * 1024];
    loop {
        match reader.read(&mut buf)? {
            0 => break,
            n => hasher.update(&buf[..n]),
        }
    }
    Ok(format!("{:016x}", hasher.digest()))
}

/// Make `variant` of an image of `source` kind from its bytes; the reason when it cannot be
/// (an image that does not decode, or too large to).
pub fn derive(bytes: &[u8], source: Source, variant: Variant) -> Result<Vec<u8>, String> {
    match (source, variant) {
        (Source::Svg, Variant::Card) => svg_card(bytes),
        (Source::Svg, Variant::Width(_)) => Err("an SVG has no narrower copies".into()),
        (_, variant) => raster(bytes, source, variant),
    }
}

/// An SVG drawn over white to cover the card, centred. System fonts are loaded (once) only
/// for an SVG that has text.
fn svg_card(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    // An `<image href>` to a path or an address is never followed: it could pull any file of
    // the machine into a published card. Images inside the SVG (`data:`) still show.
    options.image_href_resolver.resolve_string = Box::new(|_, _| None);
    if bytes.windows(5).any(|w| w == b"<text") {
        options.fontdb = system_fonts();
    }
    let tree =
        usvg::Tree::from_data(bytes, &options).map_err(|e| format!("not an SVG image: {e}"))?;
    let (w, h) = CARD;
    let size = tree.size();
    let scale = (w as f32 / size.width()).max(h as f32 / size.height());
    let dx = (w as f32 - size.width() * scale) / 2.0;
    let dy = (h as f32 - size.height() * scale) / 2.0;
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or("no room for the card")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let transform = tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, dx, dy);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    // Opaque over white: the premultiplied pixels are the colours themselves.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    jpeg(&image::RgbImage::from_raw(w, h, rgb).ok_or("no room for the card")?)
}

/// The system's fonts, read once per run.
fn system_fonts() -> std::sync::Arc<resvg::usvg::fontdb::Database> {
    static FONTS: std::sync::OnceLock<std::sync::Arc<resvg::usvg::fontdb::Database>> =
        std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = resvg::usvg::fontdb::Database::new();
            db.load_system_fonts();
            std::sync::Arc::new(db)
        })
        .clone()
}

/// A PNG or JPEG photo, decoded within [`MAX_PIXELS`] and turned as its EXIF orientation
/// says, then scaled to the card or to a width.
fn raster(bytes: &[u8], source: Source, variant: Variant) -> Result<Vec<u8>, String> {
    use image::{imageops::FilterType, DynamicImage, ImageDecoder, ImageFormat, ImageReader};
    let format = match source {
        Source::Png => ImageFormat::Png,
        _ => ImageFormat::Jpeg,
    };
    // The size its header claims, before anything is decoded.
    let size = imagesize::blob_size(bytes).map_err(|e| format!("not a readable image: {e}"))?;
    let (width, height) = (size.width as u64, size.height as u64);
    if width * height > MAX_PIXELS {
        return Err(format!(
            "{width}×{height} pixels, more than the {} million gazette decodes: make it smaller",
            MAX_PIXELS / 1_000_000
        ));
    }
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = u32::try_from(width).ok();
    limits.max_image_height = u32::try_from(height).ok();
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    let read = |e: image::ImageError| format!("not a readable {format:?} image: {e}");
    let mut decoder = reader.into_decoder().map_err(read)?;
    let orientation = decoder.orientation().map_err(read)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(read)?;
    image.apply_orientation(orientation);
    match variant {
        Variant::Card => {
            let (w, h) = CARD;
            jpeg(&over_white(&image.resize_to_fill(
                w,
                h,
                FilterType::Lanczos3,
            )))
        }
        Variant::Width(w) => {
            let h = scaled(image.height(), w, image.width());
            let resized = image.resize_exact(w, h, FilterType::Lanczos3);
            match source {
                Source::Png => {
                    let mut out = std::io::Cursor::new(Vec::new());
                    resized
                        .write_to(&mut out, ImageFormat::Png)
                        .map_err(|e| e.to_string())?;
                    Ok(out.into_inner())
                }
                _ => jpeg(&over_white(&resized)),
            }
        }
    }
}

/// An image's pixels laid over white (a JPEG has no transparency).
fn over_white(image: &image::DynamicImage) -> image::RgbImage {
    let rgba = image.to_rgba8();
    let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
    for (to, from) in rgb.pixels_mut().zip(rgba.pixels()) {
        let [r, g, b, a] = from.0;
        let mix = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        to.0 = [mix(r), mix(g), mix(b)];
    }
    rgb
}

/// A JPEG of quality 85: what share cards and photos are published in.
fn jpeg(image: &image::RgbImage) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(image)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {

    /// An SVG's `<image href>` to a file of the machine is not drawn into its card, whatever
    /// the file holds: the card of a red file and of a blue one are the same bytes.
    #[test]
    fn an_svg_never_pulls_a_file_of_the_machine_into_its_card() {
        let dir = tempfile::tempdir().unwrap();
        let card = |fill: &str| {
            let other = dir.path().join("private.svg");
            let drawn = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" fill=\"{fill}\"/></svg>");
            std::fs::write(&other, drawn).unwrap();
            let svg = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\"><image width=\"1200\" height=\"630\" href=\"{}\"/></svg>",
                other.display()
            );
            super::svg_card(svg.as_bytes()).unwrap()
        };
        assert_eq!(card("#f00"), card("#00f"));
    }

    /// The size of an image held in memory.
    fn image_size(path: &str, bytes: &[u8]) -> Option<(u32, u32)> {
        super::image_size(path, std::io::Cursor::new(bytes))
    }

    #[test]
    fn svg_sizes_come_from_width_and_height_or_the_view_box() {
        let svg = |attrs: &str| {
            format!("<?xml version=\"1.0\"?>\n<!-- map -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" {attrs}><rect/></svg>")
        };
        assert_eq!(
            image_size("a.svg", svg("width=\"640\" height=\"360px\"").as_bytes()),
            Some((640, 360))
        );
        assert_eq!(
            image_size("a.SVG", svg("viewBox=\"0 0 800 450\"").as_bytes()),
            Some((800, 450))
        );
        assert_eq!(
            image_size(
                "a.svg",
                svg("width=\"100%\" viewBox=\"0,0,1200.4,675\"").as_bytes()
            ),
            Some((1200, 675))
        );
        assert_eq!(image_size("a.svg", svg("").as_bytes()), None);
        assert_eq!(image_size("a.svg", b"not xml <"), None);
    }

    #[test]
    fn an_svg_card_covers_1200_by_630_centred() {
        use super::{derive, Source, Variant};
        // Red on the left half, blue on the right, 4:3: the card crops its top and bottom.
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="200" height="300" fill="#f00"/><rect x="200" width="200" height="300" fill="#00f"/></svg>"##;
        let card = derive(svg, Source::Svg, Variant::Card).unwrap();
        let image = image::load_from_memory(&card).unwrap().to_rgb8();
        assert_eq!(image.dimensions(), (1200, 630));
        let [r, _, b] = image.get_pixel(300, 315).0;
        assert!(r > 200 && b < 50, "left is red");
        let [r, _, b] = image.get_pixel(900, 315).0;
        assert!(r < 50 && b > 200, "right is blue");
        assert_eq!(
            derive(svg, Source::Svg, Variant::Card).unwrap(),
            card,
            "same bytes"
        );
        assert!(derive(b"<svg", Source::Svg, Variant::Card).is_err());
    }

    #[test]
    fn derived_images_are_named_by_their_source_s_fingerprint() {
        use super::{fingerprint, Derived, Variant};
        let f = fingerprint(&b"bytes"[..]).unwrap();
        assert_eq!(f.len(), 16);
        assert_ne!(f, fingerprint(&b"other bytes"[..]).unwrap());
        let d = |source: &str, variant| Derived {
            source: source.into(),
            fingerprint: f.clone(),
            variant,
        };
        assert_eq!(
            d("a.png", Variant::Card).path(),
            format!("images/_gen/{f}-1200x630.jpg")
        );
        assert_eq!(
            d("a.png", Variant::Width(480)).path(),
            format!("images/_gen/{f}-480w.png")
        );
        assert_eq!(
            d("a.JPEG", Variant::Width(800)).path(),
            format!("images/_gen/{f}-800w.jpg")
        );
        assert_eq!(
            d("a.png", Variant::Width(480)).size((1000, 501)),
            (480, 240)
        );
    }

    #[test]
    fn an_image_claiming_too_many_pixels_is_never_decoded() {
        use super::{derive, Source, Variant};
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(image_size("a.png", &png), Some((100_000, 100_000)));
        let e = derive(&png, Source::Png, Variant::Card).unwrap_err();
        assert!(
            e.starts_with("100000×100000 pixels, more than the 40 million"),
            "{e}"
        );
    }

    #[test]
    fn raster_sizes_come_from_the_header() {
        // A 1×1 PNG's signature and IHDR chunk, with a width of 3 and a height of 2.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&3u32.to_be_bytes());
        png.extend_from_slice(&2u32.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(image_size("a.png", &png), Some((3, 2)));
        assert_eq!(image_size("a.webm", b"\x1a\x45\xdf\xa3 not an image"), None);
    }
}
