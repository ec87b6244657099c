//! The text edition's labelled lines: figures, videos and related links, "read online" and
//! the feed, worded by each language's site strings.

use crate::content::is_url;
use crate::localise::{Edition, Localiser};

/// The text edition's labelled lines: each figure, video and related link through its
/// `text-<kind>` site string (a figure's kind: `text-photo`, `text-chart`,
/// `text-illustration`), with its title and link as variables, so each language
/// punctuates them its own way: a figure's link is its image's absolute URL, a video's
/// the page's own with the video's id (a mail reader plays no video file); "Read online"
/// with the page's absolute URL, and the footer's "Atom feed" line with the feed's.
pub fn label_for_text(
    localiser: &Localiser,
    e: &mut Edition,
    online: Option<&str>,
    feed: Option<&str>,
) {
    use crate::content::{BlockKind, RelatedKind};
    let lang = e.lang.clone();
    for block in &mut e.blocks {
        let id = match (block.kind, block.related, block.figure) {
            (BlockKind::Figure, _, Some(kind)) => format!("text-{}", kind.name()),
            (BlockKind::Video, ..) => "text-video".to_owned(),
            (BlockKind::Related, Some(RelatedKind::Watch), _) => "text-related-watch".to_owned(),
            (BlockKind::Related, ..) => "text-related-read".to_owned(),
            _ => continue,
        };
        let title = match block.kind {
            BlockKind::Related => block.text.as_ref(),
            _ => block.caption.as_ref().or(block.alt.as_ref()),
        };
        let mut title = title
            .map(|t| crate::markup::to_text(&t.value))
            .unwrap_or_default();
        if let Some(marker) = &block.marker {
            title = format!("{title} {marker}");
        }
        let url = match block.kind {
            BlockKind::Related => block.href.clone(),
            BlockKind::Video => online
                .zip(block.id.as_deref())
                .map(|(p, id)| format!("{p}#{id}")),
            _ => block.url.clone().filter(|u| is_url(u)),
        };
        let args = [
            ("title", title.as_str()),
            ("url", url.as_deref().unwrap_or_default()),
        ];
        block.labelled = localiser.site_message(&lang, &id, &args);
    }
    e.read_online =
        online.and_then(|url| localiser.site_message(&lang, "text-read-online", &[("url", url)]));
    e.read_feed = feed.and_then(|url| localiser.site_message(&lang, "text-feed", &[("url", url)]));
}
