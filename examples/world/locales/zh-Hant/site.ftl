### 網站介面文字（繁體中文）。

site-name = 公報
site-image-alt = 公報標誌：兩條細線之間的報名
published = { $date }發布
related-read = 延伸閱讀
related-watch = 觀看影片
other-editions = 以其他語言閱讀
video-unsupported = 您的瀏覽器無法播放此影片。
section-international = 國際
skip-to-content = 跳至主要內容
latest-articles = 最新文章
choose-language = 選擇語言
feed = Atom 訂閱
byline = 文／{ $authors }
translated-from = 譯自{ $language }
translated-from-by = 譯自{ $language }，譯者：{ $translators }
language-from-fr = 法文
link-in = （{ $language }）
text-read-online = 線上閱讀：{ $url }
