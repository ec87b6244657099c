title = Überschrift des Artikels
lede = Vorspann: ein oder zwei Sätze, die Lust auf den ganzen Text machen.
intro = Erster Absatz.
