### L’articolo di esempio del tuo progetto: modificalo, o eliminalo in tutte le lingue con
### `gazette rm welcome` quando pubblichi il tuo primo articolo.

title = Benvenuto nella tua redazione
lede = Questo primo articolo mostra come gazette compone una pagina: una struttura comune a tutte le lingue e un testo per ogni lingua.
how-it-works = La struttura dell’articolo (la data, l’ordine dei blocchi) si trova in content/welcome.toml; il testo, nella cartella locales/, un file Fluent per lingua. Chi traduce interviene solo sui testi; l’impaginazione resta la stessa ovunque.
languages = { $count ->
    [one] Questa edizione è pubblicata in { $count } lingua.
    [many] Questa edizione è pubblicata in { $count } di lingue.
   *[other] Questa edizione è pubblicata in { $count } lingue.
}
next-heading = E adesso?
next-new = «gazette new mio-articolo» crea un nuovo articolo.
next-serve = «gazette serve» mostra il sito nel tuo browser e lo aggiorna a ogni salvataggio.
next-check = «gazette check» segnala le traduzioni mancanti o da rivedere.
next-build = «gazette build» pubblica il sito nella cartella out/.
motto = Scrivere una volta, pubblicare in tutte le lingue.
related-fluent = Fluent, il formato delle traduzioni
