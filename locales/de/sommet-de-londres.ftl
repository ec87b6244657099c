### Artikel: der Londoner Gipfel (17. August 2025) – deutsche Ausgabe.
### Übersetzt aus der französischen Vorlage (locales/fr); gleiche Nachrichten-IDs, Attribute und Variablen.

title = Londoner Gipfel: Die Geburtsstunde der „Koalition der Willigen“
lede = Alles begann in London: Beim Ukraine-Gipfel, den der britische Premierminister Keir Starmer am 2. März 2025 ausrichtete, wurde die „Koalition der Willigen“ offiziell ins Leben gerufen. Heute gehören ihr 31 Staaten unter französisch-britischer Führung an.

answer-heading = Eine Antwort auf die internationale Instabilität
why = Das Projekt war als Antwort auf die internationale politische Instabilität gedacht, die insbesondere mit den Kurswechseln in der US-Politik zusammenhängt. Sein Ziel: der Ukraine dauerhafte Unterstützung zu sichern.
commitments = Die Koalition verpflichtet sich, die Militärhilfe für die Ukraine aufrechtzuerhalten und zugleich den Druck auf Russland zu erhöhen, insbesondere durch Wirtschaftssanktionen und politische Isolation. Ein dauerhaftes Friedensabkommen kann es aus ihrer Sicht ohne die Ukraine nicht geben.

steps-heading = Von London nach Brüssel, dann nach Paris
first-meeting = Das erste Treffen fand am { $meeting } im Nato-Hauptquartier in Brüssel statt.
headquarters = Im Juli 2025 entschied die Koalition über den Standort ihres Hauptquartiers: im ersten Jahr Paris, danach London.

# Aktualisierungshinweis (siehe [[updates]] in content/sommet-de-londres.toml).
update-related = ergänzt um einen Link zu unserem Erklärstück über die „Koalition der Willigen“.
