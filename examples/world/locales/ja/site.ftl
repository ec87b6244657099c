### サイトの画面表示テキスト（日本語）。

site-name = ガゼット
site-image-alt = ガゼットのロゴ：二本の罫線に挟まれた紙名
published = { $date }公開
related-read = 関連記事
related-watch = 関連動画
other-editions = 他の言語で読む
video-unsupported = お使いのブラウザーではこの動画を再生できません。
section-international = 国際
skip-to-content = 本文へ移動
latest-articles = 最新記事
choose-language = 言語を選択
feed = Atomフィード
byline = 文：{ $authors }
translated-from = { $language }からの翻訳
translated-from-by = { $language }からの翻訳：{ $translators }
language-from-fr = フランス語
link-in = （{ $language }）
text-read-online = オンラインで読む：{ $url }
