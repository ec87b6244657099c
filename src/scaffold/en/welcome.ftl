### The example article of your project: edit it, or delete it in every language with
### `gazette rm welcome` when you publish your first article.

title = Welcome to your newsroom
lede = This first article shows how gazette puts a page together: one structure for every language, and one text per language.
how-it-works = The article’s structure (its date, the order of its blocks) lives in content/welcome.toml; its text lives in the locales/ folder, one Fluent file per language. Translators only ever touch the text; the layout stays the same everywhere.
languages = { $count ->
    [one] This edition is published in { $count } language.
   *[other] This edition is published in { $count } languages.
}
next-heading = What next?
next-new = “gazette new my-article” starts a new article.
next-serve = “gazette serve” shows the site in your browser and updates it every time you save.
next-check = “gazette check” points out missing translations and those to review.
next-build = “gazette build” publishes the site to the out/ folder.
motto = Write once, publish in every language.
related-fluent = Fluent, the format of the translations
