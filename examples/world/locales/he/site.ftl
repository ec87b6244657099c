### טקסטים של ממשק האתר בעברית.

site-name = העיתון
site-image-alt = הלוגו של העיתון: שמו בין שני קווים
published = פורסם ב־{ $date }
related-read = קראו עוד
related-watch = צפו
other-editions = קראו בשפה אחרת
video-unsupported = הדפדפן שלך אינו יכול להציג את הסרטון.
section-international = בעולם
skip-to-content = דלגו לתוכן
latest-articles = כתבות אחרונות
choose-language = בחירת שפה
feed = הזנת Atom
byline = מאת { $authors }
translated-from = תורגם מ{ $language }
translated-from-by = תרגום מ{ $language }: { $translators }
language-from-fr = צרפתית
link-in = (ב{ $language })
text-read-online = לקריאה באתר: { $url }
