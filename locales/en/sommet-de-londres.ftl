### Article: the London summit (17 August 2025) — English edition (British English).
### Translated from the French source (locales/fr); same message ids, attributes and variables.

title = London summit: the day the ‘coalition of the willing’ was born
lede = It all began in London. The “coalition of the willing” was formally launched at the summit on Ukraine convened by British Prime Minister Keir Starmer on 2 March 2025. Today it brings together 31 countries, led by France and the United Kingdom.

answer-heading = A response to international instability
why = The project was conceived as a response to international political instability, linked in particular to shifts in US policy. Its aim: to ensure lasting support for Ukraine.
commitments = The coalition is committed to maintaining military aid to Ukraine while stepping up pressure on Russia, notably through economic sanctions and political isolation. In its view, no lasting peace agreement can be reached without Ukraine.

steps-heading = From London to Brussels, then Paris
first-meeting = The first meeting was held at Nato headquarters in Brussels on { $meeting }.
headquarters = In July 2025, the coalition chose where to base its headquarters: Paris for the first year, before a move to London.

# Update note (see [[updates]] in content/sommet-de-londres.toml).
update-related = this article was updated to include a link to our explainer on the “coalition of the willing”.
