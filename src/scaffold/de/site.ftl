### Texte der Website-Oberfläche (HTML-Vorlagen), auf Deutsch.
### Gleiche Nachrichten-IDs in allen Sprachen.

site-name = Meine Gazette
lang-name = Deutsch
published = Veröffentlicht am { $date }
related-read = Lesen Sie auch
related-watch = Sehen Sie auch
other-editions = In einer anderen Sprache lesen
video-unsupported = Ihr Browser kann dieses Video nicht wiedergeben.
skip-to-content = Zum Inhalt springen
latest-articles = Neueste Artikel
choose-language = Sprache wählen
feed = Atom-Feed
