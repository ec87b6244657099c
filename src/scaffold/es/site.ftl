### Textos de la interfaz del sitio (plantillas HTML), en español.
### Los mismos identificadores en todos los idiomas.

site-name = Mi gaceta
# Descripción del sitio: la de sus portadas y sus vistas previas al compartir.
site-description = Noticias y análisis, en todos nuestros idiomas.
lang-name = Español
published = Publicado el { $date }
time = { $hour }:{ $minute }
related-read = Lea también
related-watch = Vea también
other-editions = Leer en otro idioma
video-unsupported = Su navegador no puede reproducir este vídeo.
skip-to-content = Ir al contenido
latest-articles = Últimos artículos
choose-language = Elegir idioma
feed = Canal Atom
byline = Por { $authors }
translated-from = Traducido del original en { $language }
translated-from-by = Traducido del original en { $language } por { $translators }
update-note = Actualizado el { $date }: { $note }
# gazette: same-as-source
link-in = (en { $language })
text-photo =
    Foto:
    { $title }
    { $url }
text-chart =
    Gráfico:
    { $title }
    { $url }
text-illustration =
    Ilustración:
    { $title }
    { $url }
text-video =
    Vídeo:
    { $title }
    { $url }
text-related-read =
    Lea también:
    { $title }
    { $url }
text-related-watch =
    Vea también:
    { $title }
    { $url }
text-read-online = Leer en línea: { $url }
text-feed = Canal Atom: { $url }
credit-photo = Foto: { $credit }
credit-chart = Gráfico: { $credit }
credit-illustration = Ilustración: { $credit }
credit-video = Vídeo: { $credit }
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Borrador: no se publica mientras su archivo de contenido indique draft = true.
preview-fallback = Aún sin traducir, se muestra en el idioma de origen:
