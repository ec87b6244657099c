title = Titular del artículo
lede = Entradilla: una o dos frases que inviten a seguir leyendo.
intro = Primer párrafo.
