### User-interface strings of the site (HTML templates), in English.
### Same message ids in every language.

site-name = My Gazette
# The site's description: its front pages' and their share previews'.
site-description = News and analysis, in every language we publish.
lang-name = English
published = Published on { $date }
time = { $hour }:{ $minute }
related-read = Read more
related-watch = Watch
other-editions = Read in another language
video-unsupported = Your browser cannot play this video.
skip-to-content = Skip to content
latest-articles = Latest articles
choose-language = Choose a language
feed = Atom feed
byline = By { $authors }
translated-from = Translated from { $language }
translated-from-by = Translated from { $language } by { $translators }
update-note = Updated on { $date }: { $note }
# gazette: same-as-source
link-in = (in { $language })
text-photo =
    Photo:
    { $title }
    { $url }
text-chart =
    Chart:
    { $title }
    { $url }
text-illustration =
    Illustration:
    { $title }
    { $url }
text-video =
    Video:
    { $title }
    { $url }
text-related-read =
    Read more:
    { $title }
    { $url }
text-related-watch =
    Watch:
    { $title }
    { $url }
text-read-online = Read online: { $url }
text-feed = Atom feed: { $url }
credit-photo = Photo: { $credit }
credit-chart = Graphic: { $credit }
credit-illustration = Illustration: { $credit }
credit-video = Video: { $credit }
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Draft: not published while its content file says draft = true.
preview-fallback = Not yet translated, shown in the source language:
