title = Titolo dell’articolo
lede = Sommario: una o due frasi che invoglino a continuare la lettura.
intro = Primo paragrafo.
