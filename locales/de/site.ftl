### Texte der Website-Oberfläche (HTML-Vorlagen), auf Deutsch.
### Gleiche Nachrichten-IDs in allen Sprachen.

site-name = Die Gazette
# Alternativtext des Website-Bildes (`image` in gazette.toml), das Bild der Artikel ohne Abbildung.
site-image-alt = Logo der Gazette: der Name der Zeitung zwischen zwei Linien
lang-name = Deutsch
published = Veröffentlicht am { $date }
related-read = Lesen Sie auch
related-watch = Video zum Thema
other-editions = In einer anderen Sprache lesen
video-unsupported = Ihr Browser kann dieses Video nicht wiedergeben.
section-international = Ausland
skip-to-content = Zum Inhalt springen
home = Startseite
latest-articles = Neueste Artikel
choose-language = Sprache wählen
feed = Atom-Feed
byline = Von { $authors }
update-note = Aktualisiert am { $date }: { $note }
link-in-fr = (auf Französisch)
link-in-en = (auf Englisch)
link-in-de = (auf Deutsch)
text-photo =
    Foto:
    { $title }
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
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Entwurf: wird nicht veröffentlicht, solange seine Inhaltsdatei draft = true enthält.
preview-fallback = Noch nicht übersetzt, in der Ausgangssprache angezeigt:
