### El artículo de ejemplo de su proyecto: modifíquelo, o bórrelo en todos los idiomas con
### `gazette rm welcome` cuando publique su primer artículo.

title = Le damos la bienvenida a su redacción
lede = Este primer artículo muestra cómo gazette compone una página: una estructura común a todos los idiomas y un texto por idioma.
how-it-works = La estructura del artículo (su fecha, el orden de sus bloques) está en content/welcome.toml; su texto, en la carpeta locales/, un archivo Fluent por idioma. Los traductores solo tocan los textos; la maquetación es la misma en todas partes.
languages = { $count ->
    [one] Esta edición se publica en { $count } idioma.
    [many] Esta edición se publica en { $count } de idiomas.
   *[other] Esta edición se publica en { $count } idiomas.
}
next-heading = ¿Y ahora qué?
next-new = «gazette new mi-articulo» crea un artículo nuevo.
next-serve = «gazette serve» muestra el sitio en su navegador y lo actualiza cada vez que guarda.
next-check = «gazette check» señala las traducciones que faltan o que hay que revisar.
next-build = «gazette build» publica el sitio en la carpeta out/.
motto = Escribir una vez, publicar en todos los idiomas.
related-fluent = Fluent, el formato de las traducciones
