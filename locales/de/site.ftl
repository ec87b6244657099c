### Texte der Website-Oberfläche (HTML-Vorlagen), auf Deutsch.
### Gleiche Nachrichten-IDs in allen Sprachen.

site-name = Die Gazette
# Alternativtext des Website-Bildes (`image` in gazette.toml), das Bild der Artikel ohne Abbildung.
site-image-alt = Logo der Gazette: der Name der Zeitung zwischen zwei Linien
# Beschreibung der Website: die ihrer Startseiten und ihrer Vorschau beim Teilen.
site-description = Internationale und europäische Nachrichten, jeden Tag eingeordnet: Reportagen, Analysen und Recherchen auf Französisch, Englisch und Deutsch.
lang-name = Deutsch
published = Veröffentlicht am { $date }
time = { $hour }:{ $minute } Uhr
related-read = Lesen Sie auch
related-watch = Video zum Thema
other-editions = In einer anderen Sprache lesen
video-unsupported = Ihr Browser kann dieses Video nicht wiedergeben.
section-international = Ausland
# gazette: same-as-source
tag-ukraine = Ukraine
tag-coalition-des-volontaires = Koalition der Willigen
tag-defense-europeenne = Europäische Verteidigung
tag-sommet-de-londres = Londoner Gipfel
skip-to-content = Zum Inhalt springen
home = Startseite
latest-articles = Neueste Artikel
choose-language = Sprache wählen
feed = Atom-Feed
byline = Von { $authors }
translated-from = Aus { $language } übersetzt
translated-from-by = Aus { $language } übersetzt von { $translators }
language-from-fr = dem Französischen
update-note = Aktualisiert am { $date }: { $note }
link-in-fr = (auf Französisch)
link-in-en = (auf Englisch)
link-in-de = (auf Deutsch)
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
# The legal link of every page's footer (gazette.toml's [[footer.links]]).
legal-notice = Impressum
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Entwurf: wird nicht veröffentlicht, solange seine Inhaltsdatei draft = true enthält.
preview-fallback = Noch nicht übersetzt, in der Ausgangssprache angezeigt:
