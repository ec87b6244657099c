### Textes de l’interface du site, en français. Mêmes identifiants dans toutes les langues.
### Sans `lang-name`, chaque langue est nommée par CLDR, dans sa propre langue.

site-name = La Gazette
site-image-alt = Logo de La Gazette : le titre du journal entre deux filets
published = Publié le { $date }
related-read = (Re)lire
related-watch = (Re)voir
other-editions = Lire dans une autre langue
video-unsupported = Votre navigateur ne permet pas de lire cette vidéo.
section-international = International
skip-to-content = Aller au contenu
latest-articles = Derniers articles
choose-language = Choisir la langue
feed = Fil Atom
byline = Par { $authors }
translated-from = Traduit { $language }
translated-from-by = Traduit { $language } par { $translators }
language-from-fr = du français
# $language : le nom de la langue de la page liée, en français (CLDR).
link-in = (en { $language })
text-read-online = Lire en ligne : { $url }
