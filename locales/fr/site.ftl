### Textes de l’interface du site (gabarits HTML), en français.
### Mêmes identifiants dans toutes les langues.

site-name = La Gazette
# Texte de remplacement de l’image du site (`image` de gazette.toml), celle des articles sans illustration.
site-image-alt = Logo de La Gazette : le titre du journal entre deux filets
lang-name = Français
published = Publié le { $date }
related-read = (Re)lire
related-watch = (Re)voir
other-editions = Lire dans une autre langue
video-unsupported = Votre navigateur ne permet pas de lire cette vidéo.
section-international = International
skip-to-content = Aller au contenu
home = Accueil
latest-articles = Derniers articles
choose-language = Choisir la langue
feed = Fil Atom
byline = Par { $authors }
update-note = Mis à jour le { $date } : { $note }
link-in-fr = (en français)
link-in-en = (en anglais)
link-in-de = (en allemand)
text-photo =
    Photo :
    { $title }
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
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Brouillon : non publié tant que son fichier de contenu indique draft = true.
preview-fallback = Pas encore traduit, affiché dans la langue source :
