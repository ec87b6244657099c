title = Titre de l’article
lede = Chapeau : une ou deux phrases qui donnent envie de lire la suite.
intro = Premier paragraphe.
