title = Headline of the article
lede = Standfirst: one or two sentences that make readers want to read on.
intro = First paragraph.
