### User-interface strings of the site (HTML templates), in English.
### Same message ids in every language.

site-name = My Gazette
lang-name = English
published = Published on { $date }
related-read = Read more
related-watch = Watch
other-editions = Read in another language
video-unsupported = Your browser cannot play this video.
skip-to-content = Skip to content
latest-articles = Latest articles
choose-language = Choose a language
feed = Atom feed
