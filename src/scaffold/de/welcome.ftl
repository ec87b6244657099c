### Der Beispielartikel Ihres Projekts: Bearbeiten Sie ihn oder löschen Sie ihn in allen
### Sprachen mit `gazette rm welcome`, sobald Sie Ihren ersten Artikel veröffentlichen.

title = Willkommen in Ihrer Redaktion
lede = Dieser erste Artikel zeigt, wie gazette eine Seite zusammensetzt: eine Struktur für alle Sprachen und ein Text je Sprache.
how-it-works = Die Struktur des Artikels (sein Datum, die Reihenfolge seiner Blöcke) steht in content/welcome.toml, sein Text im Ordner locales/, eine Fluent-Datei je Sprache. Wer übersetzt, bearbeitet nur die Texte; das Layout bleibt überall gleich.
languages = { $count ->
    [one] Diese Ausgabe erscheint in { $count } Sprache.
   *[other] Diese Ausgabe erscheint in { $count } Sprachen.
}
next-heading = Wie geht es weiter?
next-new = „gazette new mein-artikel“ legt einen neuen Artikel an.
next-serve = „gazette serve“ zeigt die Website in Ihrem Browser und aktualisiert sie bei jedem Speichern.
next-check = „gazette check“ meldet fehlende und zu überprüfende Übersetzungen.
next-build = „gazette build“ veröffentlicht die Website im Ordner out/.
motto = Einmal schreiben, in allen Sprachen veröffentlichen.
related-fluent = Fluent, das Format der Übersetzungen
