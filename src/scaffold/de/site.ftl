### Texte der Website-Oberfläche (HTML-Vorlagen), auf Deutsch.
### Gleiche Nachrichten-IDs in allen Sprachen.

site-name = Meine Gazette
# Beschreibung der Website: die ihrer Startseiten und ihrer Vorschau beim Teilen.
site-description = Nachrichten und Analysen in allen unseren Sprachen.
lang-name = Deutsch
published = Veröffentlicht am { $date }
time = { $hour }:{ $minute } Uhr
related-read = Lesen Sie auch
related-watch = Video zum Thema
other-editions = In einer anderen Sprache lesen
video-unsupported = Ihr Browser kann dieses Video nicht wiedergeben.
skip-to-content = Zum Inhalt springen
latest-articles = Neueste Artikel
choose-language = Sprache wählen
feed = Atom-Feed
byline = Von { $authors }
translated-from = Aus dem Original ({ $language }) übersetzt
translated-from-by = Aus dem Original ({ $language }) übersetzt von { $translators }
update-note = Aktualisiert am { $date }: { $note }
link-in = (auf { $language })
text-photo =
    Foto:
    { $title }
    { $url }
text-chart =
    Grafik:
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
    Lesen Sie auch:
    { $title }
    { $url }
text-related-watch =
    Video zum Thema:
    { $title }
    { $url }
text-read-online = Online lesen: { $url }
text-feed = Atom-Feed: { $url }
credit-photo = Foto: { $credit }
credit-chart = Grafik: { $credit }
credit-illustration = Illustration: { $credit }
credit-video = Video: { $credit }
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Entwurf: wird nicht veröffentlicht, solange seine Inhaltsdatei draft = true enthält.
preview-fallback = Noch nicht übersetzt, in der Ausgangssprache angezeigt:
