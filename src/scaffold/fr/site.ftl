### Textes de l’interface du site (gabarits HTML), en français.
### Mêmes identifiants dans toutes les langues.

site-name = Ma gazette
# Description du site : celle de ses pages d’accueil et de leurs aperçus de partage.
site-description = Actualités et analyses, dans chacune de nos langues.
lang-name = Français
published = Publié le { $date }
time = { $hour } h { $minute }
related-read = (Re)lire
related-watch = (Re)voir
other-editions = Lire dans une autre langue
video-unsupported = Votre navigateur ne permet pas de lire cette vidéo.
skip-to-content = Aller au contenu
latest-articles = Derniers articles
choose-language = Choisir la langue
feed = Fil Atom
byline = Par { $authors }
translated-from = Traduit de l’original { $language }
translated-from-by = Traduit de l’original { $language } par { $translators }
update-note = Mis à jour le { $date } : { $note }
# gazette: same-as-source
link-in = (en { $language })
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
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Brouillon : non publié tant que son fichier de contenu indique draft = true.
preview-fallback = Pas encore traduit, affiché dans la langue source :
