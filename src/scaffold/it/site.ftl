### Testi dell’interfaccia del sito (modelli HTML), in italiano.
### Gli stessi identificativi in tutte le lingue.

site-name = La mia gazzetta
# Descrizione del sito: quella delle sue prime pagine e delle loro anteprime di condivisione.
site-description = Notizie e analisi, in tutte le nostre lingue.
lang-name = Italiano
published = Pubblicato il { $date }
time = { $hour }:{ $minute }
related-read = Leggi anche
related-watch = Guarda anche
other-editions = Leggi in un’altra lingua
video-unsupported = Il tuo browser non può riprodurre questo video.
skip-to-content = Vai al contenuto
latest-articles = Ultimi articoli
choose-language = Scegli la lingua
feed = Feed Atom
byline = Di { $authors }
translated-from = Tradotto dall’originale in { $language }
translated-from-by = Tradotto dall’originale in { $language } da { $translators }
update-note = Aggiornato il { $date }: { $note }
# gazette: same-as-source
link-in = (in { $language })
text-photo =
    Foto:
    { $title }
    { $url }
text-chart =
    Grafico:
    { $title }
    { $url }
text-illustration =
    Illustrazione:
    { $title }
    { $url }
text-video =
    Video:
    { $title }
    { $url }
text-related-read =
    Leggi anche:
    { $title }
    { $url }
text-related-watch =
    Guarda anche:
    { $title }
    { $url }
text-read-online = Leggi online: { $url }
text-feed = Feed Atom: { $url }
credit-photo = Foto: { $credit }
credit-chart = Grafico: { $credit }
credit-illustration = Illustrazione: { $credit }
credit-video = Video: { $credit }
# Shown only in the preview of `gazette serve`, above an article.
preview-draft = Bozza: non viene pubblicata finché il suo file di contenuto indica draft = true.
preview-fallback = Non ancora tradotto, mostrato nella lingua di partenza:
