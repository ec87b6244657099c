### Article: what is Ukraine’s ‘coalition of the willing’? (17 August 2025) — English edition (British English).
### Translated from the French source (locales/fr); same message ids, attributes and variables.

title = What is Ukraine’s ‘coalition of the willing’?
lede = In response to the Alaska summit between Donald Trump and Vladimir Putin on 15 August, the coalition of the willing held a video call on Sunday 17 August. The aim was to reaffirm support for Ukraine and to coordinate a European response. But who belongs to this coalition, and what are its goals?

photo-northwood =
    .alt = Illustration: the British flag, on the left, and the French flag flying side by side on their flagpoles beside a stylised military building.
    .caption = The British and French flags beside a military headquarters (illustration). British Prime Minister Keir Starmer and French President Emmanuel Macron, co-chairs of the coalition of the willing, jointly visited the Northwood military headquarters in London on Thursday 10 July 2025.

visio-goals = The aims of the call were simple: to coordinate a strong message ahead of Donald Trump’s meeting with Volodymyr Zelensky on Monday 18 August; to reaffirm the coalition’s rejection of any territorial concession to Moscow, so as to preserve Ukraine’s sovereignty; and to discuss security guarantees for Kyiv.
washington-trip = Ursula von der Leyen, Emmanuel Macron and other European leaders will accompany Volodymyr Zelensky to Washington for talks with US President Donald Trump. German Chancellor Friedrich Merz and Finnish President Alexander Stubb have also confirmed that they will attend.

alliance-heading = An alliance of { $count } { $count ->
        [one] country
       *[other] countries
    }
alliance-members = The coalition of the willing is an alliance of { $count } { $count ->
        [one] country
       *[other] countries
    }, led by France and the United Kingdom. It includes most European countries (Germany, the United Kingdom, Sweden, Finland, Lithuania, Latvia, Estonia and Spain, among others), as well as Turkey and Canada. Its flexible format allows it to present a show of Western unity on a broader scale. It also includes major organisations such as the European Union (EU) and Nato, which gives it significant political and strategic reach.
coalition-map =
    .alt = Chart: 31 squares, one for each member country of the coalition. Eleven show a flag: France and the United Kingdom, outlined, then Germany, Sweden, Finland, Lithuania, Latvia, Estonia, Spain, Turkey and Canada; the other 20 are grey. To the right, set apart, the flags of the European Union and Nato.
    .caption = The 31 countries of the coalition of the willing, one square per country: in colour, the members named in this article, including France and the United Kingdom (outlined), which lead it; in grey, the other members. To the right, the European Union and Nato, which are also involved.
organisation-shaping = How the alliance will be organised is taking shape as political talks between the partners progress.
headquarters = A major decision was taken in July 2025: where to base its headquarters. The coalition will be headquartered in Paris for the first year before moving to London, which “will allow partner countries to make a flexible military contribution”, according to the Élysée.
video-anchorage-summit =
    .alt = Animation: the American and Russian flags side by side in front of snow-capped mountains, evoking the Anchorage summit in Alaska.
    .caption = Anchorage summit: the meeting between Donald Trump and Vladimir Putin on 15 August 2025 and the question of territorial concessions with a view to a peace deal.

creation-heading = Launched on 2 March 2025
london-summit = The initiative was formally launched on 2 March 2025 at the London summit on Ukraine, convened by British Prime Minister Keir Starmer. The project was conceived as a response to international political instability, linked in particular to shifts in US policy, with the aim of ensuring lasting support for Ukraine.
first-meeting = The first meeting was held at Nato headquarters in Brussels on 10 April 2025.

missions-heading = The coalition’s commitments
military-aid = The coalition is committed to maintaining military aid to Ukraine while stepping up pressure on Russia, notably through economic sanctions and political isolation.
sovereignty = For the “coalition of the willing”, Ukraine’s sovereignty must be at the heart of the negotiations. No lasting peace agreement can be reached without Ukraine.
defensive-capabilities = It is committed to strengthening Ukraine’s defensive military capabilities once an agreement has been reached, in order to deter any future aggression.
reassurance-force = Finally, the coalition plans to set up a “reassurance force” in Ukraine. Intended to be deployed after a possible ceasefire or peace agreement in Ukraine, this force would help to secure Ukrainian territory.

tensions-heading = Tensions within the coalition
eu-divisions = This force is also a major point of contention within the European Union. Some countries, such as France and the United Kingdom, favour the idea of a military presence that would act as a deterrent and make it possible to support Ukraine over the long term.
opponents = Other countries, such as Hungary and Poland, oppose it. Many member states fear a military escalation.
european-autonomy = European autonomy remains a major challenge. Europe is increasing its defence spending through plans such as ReArm Europe (€{ $amount } billion), but it remains dependent on US technological capabilities, particularly in intelligence and logistics. A lack of American support could undermine plans for a military operation.
us-dependence = Most of the real-time surveillance and data-collection systems used in Ukraine are American (satellites, strategic drones). The same problem applies to missile defence: most of the systems in use are American.
update-washington = this article was updated to include the European leaders expected at the White House on Monday 18 August.
