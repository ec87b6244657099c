### User-interface strings of the site (HTML templates), in English.
### Same message ids in every language.

site-name = The Gazette
# Alt text of the site's image (gazette.toml's `image`), shared by articles without a figure.
site-image-alt = The Gazette’s logo: the paper’s name between two rules
# The site's description: its front pages' and their share previews'.
site-description = International and European news, explained every day: reporting, analysis and investigations, in French, English and German.
lang-name = English
published = Published on { $date }
time = { $hour }:{ $minute }
related-read = Read more
related-watch = Watch
other-editions = Read in another language
video-unsupported = Your browser cannot play this video.
section-international = World
# gazette: same-as-source
tag-ukraine = Ukraine
tag-coalition-des-volontaires = Coalition of the willing
tag-defense-europeenne = European defence
tag-sommet-de-londres = London summit
skip-to-content = Skip to content
home = Home
latest-articles = Latest articles
choose-language = Choose a language
feed = Atom feed
byline = By { $authors }
translated-from = Translated from { $language }
translated-from-by = Translated from { $language } by { $translators }
language-from-fr = the French
update-note = { $date }: { $note }
link-in-fr = (in French)
link-in-en = (in English)
link-in-de = (in German)
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
# The legal link of every page's footer (gazette.toml's [[footer.links]]).
legal-notice = Legal notice
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Draft: not published while its content file says draft = true.
preview-fallback = Not yet translated, shown in the source language:
