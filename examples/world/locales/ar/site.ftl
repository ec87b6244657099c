### نصوص واجهة الموقع بالعربية.

site-name = الجريدة
site-image-alt = شعار الجريدة: اسمها بين خطين
published = نُشر في { $date }
related-read = اقرأ أيضًا
related-watch = شاهد
other-editions = اقرأ بلغة أخرى
video-unsupported = لا يدعم متصفحك تشغيل هذا الفيديو.
section-international = دولي
skip-to-content = انتقل إلى المحتوى
latest-articles = أحدث المقالات
choose-language = اختر اللغة
feed = موجز Atom
byline = بقلم { $authors }
translated-from = مترجم عن { $language }
translated-from-by = ترجمة { $translators } عن { $language }
language-from-fr = الفرنسية
link-in = (باللغة { $language })
text-read-online = اقرأ على الإنترنت: { $url }
