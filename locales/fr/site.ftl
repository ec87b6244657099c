### Textes de l’interface du site (gabarits HTML), en français.
### Mêmes identifiants dans toutes les langues.

site-name = La Gazette
# Texte de remplacement de l’image du site (`image` de gazette.toml), celle des articles sans illustration.
site-image-alt = Logo de La Gazette : le titre du journal entre deux filets
# Description du site : celle de la page d’accueil de chaque langue et de ses aperçus de partage.
site-description = L’actualité internationale et européenne, décryptée chaque jour : reportages, analyses et enquêtes, en français, en anglais et en allemand.
lang-name = Français
published = Publié le { $date }
time = { $hour } h { $minute }
related-read = (Re)lire
related-watch = (Re)voir
other-editions = Lire dans une autre langue
video-unsupported = Votre navigateur ne permet pas de lire cette vidéo.
section-international = International
# Les mots-clés (tags), tels que chaque langue les nomme : métadonnées, catégories des fils Atom.
tag-ukraine = Ukraine
tag-coalition-des-volontaires = Coalition des volontaires
tag-defense-europeenne = Défense européenne
tag-sommet-de-londres = Sommet de Londres
skip-to-content = Aller au contenu
home = Accueil
latest-articles = Derniers articles
choose-language = Choisir la langue
feed = Fil Atom
byline = Par { $authors }
translated-from = Traduit { $language }
translated-from-by = Traduit { $language } par { $translators }
language-from-fr = du français
update-note = Mis à jour le { $date } : { $note }
link-in-fr = (en français)
link-in-en = (en anglais)
link-in-de = (en allemand)
text-photo =
    Photo :
    { $title }
    { $url }
text-chart =
    Graphique :
    { $title }
    { $url }
text-illustration =
    Illustration :
    { $title }
    { $url }
text-video =
    Vidéo :
    { $title }
    { $url }
text-related-read =
    (Re)lire :
    { $title }
    { $url }
text-related-watch =
    (Re)voir :
    { $title }
    { $url }
text-read-online = Lire en ligne : { $url }
text-feed = Fil Atom : { $url }
credit-photo = Photo : { $credit }
credit-chart = Infographie : { $credit }
credit-illustration = Illustration : { $credit }
credit-video = Vidéo : { $credit }
# The legal link of every page's footer (gazette.toml's [[footer.links]]).
legal-notice = Mentions légales
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Brouillon : non publié tant que son fichier de contenu indique draft = true.
preview-fallback = Pas encore traduit, affiché dans la langue source :
