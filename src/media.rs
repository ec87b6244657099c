//! Stage 2, parse: an image of `static/` -> its width and height in CSS pixels,
//! so a page reserves the image's room before it loads (no layout shift).

use std::io::{BufRead, Seek};

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

#[cfg(test)]
mod tests {
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
