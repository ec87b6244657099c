### Artikel: „Koalition der Willigen“ für die Ukraine – was ist das? (17. August 2025) – deutsche Ausgabe.
### Übersetzt aus der französischen Vorlage (locales/fr); gleiche Nachrichten-IDs, Attribute und Variablen.

title = „Koalition der Willigen“ für die Ukraine: Was ist das?
lede = Als Reaktion auf den Gipfel zwischen Donald Trump und Wladimir Putin am 15. August in Alaska kam die Koalition der Willigen am Sonntag, dem 17. August, zu einer Videokonferenz zusammen. Ziel war es, die Unterstützung für die Ukraine zu bekräftigen und eine europäische Antwort abzustimmen. Doch wer gehört dieser Koalition an, und welche Ziele verfolgt sie?

photo-northwood =
    .alt = Illustration: die britische Flagge (links) und die französische Flagge wehen nebeneinander an ihren Masten neben einem stilisierten Militärgebäude.
    .caption = Die Flaggen Großbritanniens und Frankreichs neben einem militärischen Hauptquartier (Illustration). Der britische Premierminister Keir Starmer und der französische Präsident Emmanuel Macron, Kovorsitzende der Koalition der Willigen, besuchten am Donnerstag, dem 10. Juli 2025, gemeinsam das militärische Hauptquartier Northwood in London.

visio-goals = Die Ziele der Videokonferenz sind klar: sich vor dem Treffen zwischen Donald Trump und Wolodymyr Selenskyj am Montag, dem 18. August, auf eine starke gemeinsame Botschaft zu verständigen, die Ablehnung jeglicher Gebietsabtretungen an Moskau zu bekräftigen, um die Souveränität der Ukraine zu wahren, und über Sicherheitsgarantien für Kiew zu beraten.
washington-trip = Ursula von der Leyen, Emmanuel Macron und weitere europäische Spitzenpolitiker werden Wolodymyr Selenskyj zudem nach Washington begleiten, um mit US-Präsident Donald Trump zu sprechen. Auch Bundeskanzler Friedrich Merz und der finnische Präsident Alexander Stubb haben ihre Teilnahme bestätigt.

alliance-heading = Ein Bündnis aus { $count } { $count ->
        [one] Staat
       *[other] Staaten
    }
alliance-members = Die Koalition der Willigen ist ein Bündnis aus { $count } { $count ->
        [one] Staat
       *[other] Staaten
    } unter französisch-britischer Führung. Ihr gehört die Mehrheit der europäischen Länder an (darunter Deutschland, Großbritannien, Schweden, Finnland, Litauen, Lettland, Estland und Spanien), aber auch die Türkei und Kanada. Dank ihres flexiblen Formats kann sie westliche Geschlossenheit in einem erweiterten Kreis demonstrieren. Zudem umfasst sie wichtige Organisationen wie die Europäische Union (EU) und die Nato, was ihr ein beachtliches politisches und strategisches Gewicht verleiht.
coalition-map =
    .alt = Grafik: 31 Quadrate, eines für jedes Mitgliedsland der Koalition. Elf zeigen eine Flagge: Frankreich und Großbritannien, umrahmt, dann Deutschland, Schweden, Finnland, Litauen, Lettland, Estland, Spanien, die Türkei und Kanada; die übrigen 20 sind grau. Rechts, abgesetzt, die Flaggen der Europäischen Union und der Nato.
    .caption = Die 31 Staaten der Koalition der Willigen, ein Quadrat je Land: farbig die in diesem Artikel genannten Mitglieder, darunter Frankreich und Großbritannien (umrahmt), die das Bündnis anführen; grau die übrigen Mitglieder. Rechts die Europäische Union und die Nato, die ebenfalls beteiligt sind.
organisation-shaping = Wie das Bündnis im Einzelnen organisiert sein wird, zeichnet sich nach und nach im Zuge der politischen Gespräche zwischen den Partnern ab.
headquarters = Eine wichtige Entscheidung fiel im Juli 2025: die Wahl des Standorts für das Hauptquartier. Im ersten Jahr wird die Koalition ihren Sitz in Paris haben, danach wird er nach London verlegt, „was es den Partnerländern ermöglichen wird, einen flexiblen militärischen Beitrag zu leisten“, wie der Élysée-Palast mitteilte.
video-anchorage-summit =
    .alt = Animation: die amerikanische und die russische Flagge nebeneinander vor verschneiten Bergen, als Hinweis auf den Gipfel in Anchorage, Alaska.
    .caption = Gipfel in Anchorage: das Treffen zwischen Donald Trump und Wladimir Putin am 15. August 2025 und die Frage nach Gebietsabtretungen im Hinblick auf ein Friedensabkommen.

creation-heading = Gegründet am 2. März 2025
london-summit = Offiziell ins Leben gerufen wurde die Initiative am 2. März 2025 beim Londoner Ukraine-Gipfel, den der britische Premierminister Keir Starmer ausgerichtet hatte. Das Projekt war als Antwort auf die internationale politische Instabilität gedacht, die insbesondere mit den Kurswechseln in der US-Politik zusammenhängt, und sollte der Ukraine dauerhafte Unterstützung sichern.
first-meeting = Das erste Treffen fand am 10. April 2025 im Nato-Hauptquartier in Brüssel statt.

missions-heading = Ihre Aufgaben
military-aid = Die Koalition verpflichtet sich, die Militärhilfe für die Ukraine aufrechtzuerhalten und zugleich den Druck auf Russland zu erhöhen, insbesondere durch Wirtschaftssanktionen und politische Isolation.
sovereignty = Für die „Koalition der Willigen“ muss die Souveränität der Ukraine im Mittelpunkt der Verhandlungen stehen. Ohne die Ukraine kann es kein dauerhaftes Friedensabkommen geben.
defensive-capabilities = Sie verpflichtet sich, die militärischen Verteidigungsfähigkeiten der Ukraine nach Abschluss eines Abkommens zu stärken, um künftige Angreifer abzuschrecken.
reassurance-force = Schließlich plant die Koalition die Aufstellung einer „Rückversicherungstruppe“ in der Ukraine. Diese Truppe, die nach einer möglichen Waffenruhe oder einem Friedensabkommen in der Ukraine zum Einsatz kommen soll, würde dabei helfen, das ukrainische Staatsgebiet zu sichern.

tensions-heading = Spannungen innerhalb der Koalition
eu-divisions = Gerade diese Truppe ist im Übrigen ein großer Streitpunkt innerhalb der Europäischen Union. Einige Länder wie Frankreich und Großbritannien befürworten die Idee einer Militärpräsenz, die abschreckend wirken und eine langfristige Unterstützung der Ukraine ermöglichen würde.
opponents = Andere Länder wie Ungarn und Polen lehnen dies ab. Viele Mitgliedstaaten befürchten eine militärische Eskalation.
european-autonomy = Die europäische Autonomie bleibt eine große Herausforderung. Europa erhöht seine Verteidigungsausgaben mit Programmen wie ReArm Europe ({ $amount } Milliarden Euro), bleibt aber auf technologische Fähigkeiten der USA angewiesen, insbesondere bei Aufklärung und Logistik. Bliebe die Unterstützung der Amerikaner aus, könnte das die Pläne für einen Militäreinsatz schwächen.
us-dependence = Die meisten der in der Ukraine eingesetzten Systeme zur Überwachung und Echtzeit-Datenerfassung stammen aus den USA (Satelliten, strategische Drohnen). Dasselbe Problem besteht bei der Raketenabwehr: Die meisten eingesetzten Systeme sind amerikanisch.
update-washington = ergänzt um die europäischen Staats- und Regierungschefs, die am Montag, dem 18. August, im Weißen Haus erwartet werden.
