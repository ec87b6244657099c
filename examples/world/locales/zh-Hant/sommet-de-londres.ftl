### 〈倫敦峰會〉一文 — 繁體中文版（譯自法文）。

title = 倫敦峰會：「自願聯盟」誕生之日
lede = 一切始於倫敦。2025年3月2日，英國首相施凱爾（Keir Starmer）召開烏克蘭問題峰會，「自願聯盟」在會中正式成立。如今，聯盟在英法兩國帶領下匯聚了31個國家。

answer-heading = 回應國際局勢的不穩定
why = 這項計畫的構想，是為了因應國際政治的不穩定，尤其是美國政策方向的轉變。其目標是：確保對烏克蘭的長期支持。
commitments = 聯盟承諾持續對烏克蘭提供軍事援助，同時透過經濟制裁與政治孤立等方式，加強對俄羅斯施壓。聯盟認為，沒有烏克蘭參與，就不可能達成持久的和平協議。
principle = 沒有烏克蘭參與，就不可能達成持久的和平協議。
pledge-aid = 持續對烏克蘭提供軍事援助；
pledge-pressure = 加強對俄羅斯的經濟制裁；
pledge-isolation = 在政治上孤立俄羅斯。

# gazette: same-as-source
english-edition = London summit: the day the ‘coalition of the willing’ was born
