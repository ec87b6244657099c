### L’article d’exemple de votre projet : modifiez-le, ou supprimez-le dans toutes les
### langues avec `gazette rm welcome` quand vous publiez votre premier article.

title = Bienvenue dans votre rédaction
lede = Ce premier article montre comment gazette compose une page : une structure commune à toutes les langues, et un texte par langue.
how-it-works = La structure de l’article (sa date, l’ordre de ses blocs) se trouve dans content/welcome.toml ; son texte, dans le dossier locales/, un fichier Fluent par langue. Les traducteurs ne touchent qu’aux textes ; la mise en page reste la même partout.
languages = { $count ->
    [one] Cette édition paraît en { $count } langue.
    [many] Cette édition paraît en { $count } de langues.
   *[other] Cette édition paraît en { $count } langues.
}
next-heading = Et maintenant ?
next-new = « gazette new mon-article » crée un nouvel article.
next-serve = « gazette serve » affiche le site dans votre navigateur et le met à jour à chaque enregistrement.
next-check = « gazette check » signale les traductions manquantes ou à revoir.
next-build = « gazette build » publie le site dans le dossier out/.
motto = Écrire une fois, publier dans toutes les langues.
related-fluent = Fluent, le format des traductions
