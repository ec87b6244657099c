### Article: what is the “coalition of the willing” for Ukraine? (17 August 2025) — English edition (British English).
### Translated from the French source (locales/fr); same message ids, attributes and variables.

title = What is the “coalition of the willing” for Ukraine?
lede = In response to the Alaska summit between Donald Trump and Vladimir Putin on 15 August, the coalition of the willing met by video conference on Sunday 17 August. The aim was to reaffirm support for Ukraine and to coordinate a European response. But who belongs to this coalition, and what are its goals?

photo-northwood =
    .alt = Two leaders side by side at a military site: British Prime Minister Keir Starmer, on the left, and French President Emmanuel Macron, next to him, during their joint visit to the Northwood headquarters.
    .caption = British Prime Minister Keir Starmer, left, and French President Emmanuel Macron, co-chairs of the coalition of the willing, during a joint military visit to the Northwood headquarters in London on Thursday 10 July 2025.

visio-goals = The goals of the video conference are simple: to coordinate a strong message ahead of the meeting between Donald Trump and Volodymyr Zelensky on Monday 18 August, and to reaffirm their refusal to make any territorial concession to Moscow, in order to preserve Ukraine’s sovereignty, as well as to discuss security guarantees for Kyiv.
washington-trip = Ursula von der Leyen, Emmanuel Macron and other European leaders will in fact travel to Washington with Volodymyr Zelensky for talks with US President Donald Trump. German Chancellor Friedrich Merz and Finnish President Alexander Stubb have also confirmed their attendance.

alliance-heading = An alliance of { $count } { $count ->
        [one] country
       *[other] countries
    }
alliance-members = The coalition of the willing is an alliance of { $count } { $count ->
        [one] country
       *[other] countries
    }, led by France and the United Kingdom. It includes most European countries (Germany, the United Kingdom, Sweden, Finland, Lithuania, Latvia, Estonia, Spain, …) as well as Turkey and Canada. Its flexible format allows it to display a broader Western unity. It also includes major organisations such as the European Union (EU) and NATO, which gives it significant political and strategic reach.
related-coalition-visio = War in Ukraine: the “coalition of the willing” meets by video conference to discuss Trump’s peace deal
organisation-shaping = The alliance’s organisational arrangements are taking shape as political talks between the partners progress.
headquarters = A major decision was made in July 2025: the location of its headquarters. The coalition will be based in Paris for the first year, before moving to London, “which will allow partner countries to make a flexible military contribution”.
related-anchorage-summit = Anchorage summit: territorial concessions with a view to a peace deal?
video-anchorage-summit =
    .alt = Video report on the summit between Donald Trump and Vladimir Putin in Anchorage, Alaska, and on the territorial concessions being discussed with a view to a peace deal in Ukraine.
    .caption = Anchorage summit: the meeting between Donald Trump and Vladimir Putin on 15 August 2025 and the question of territorial concessions with a view to a peace deal.

creation-heading = Launched on 2 March 2025
london-summit = The initiative was formally launched on 2 March 2025 at the London summit on Ukraine, convened by British Prime Minister Keir Starmer. The project was conceived as a response to international political instability, linked in particular to shifts in US policy, with the aim of putting support for Ukraine on a lasting footing.
first-meeting = The first meeting was held at NATO headquarters in Brussels on 10 April 2025.

missions-heading = Its missions
military-aid = The coalition is committed to maintaining military aid to Ukraine while stepping up pressure on Russia, notably through economic sanctions and political isolation.
sovereignty = For the “coalition of the willing”, Ukraine’s sovereignty must be at the heart of the negotiations. No lasting peace agreement can be reached without Ukraine at the table.
defensive-capabilities = It is committed to strengthening Ukraine’s defensive military capabilities once an agreement has been reached, in order to deter any future aggression.
reassurance-force = Finally, the coalition plans to set up a “reassurance force” in Ukraine. Designed to deploy after a possible ceasefire or peace agreement in Ukraine, this force would help to secure Ukrainian territory.

tensions-heading = Tensions within the coalition
eu-divisions = This is, moreover, a major point of contention within the European Union. Some countries, such as France and the United Kingdom, favour the idea of a military presence that would act as a deterrent and make it possible to support Ukraine over the long term.
opponents = Other nations, such as Hungary and Poland, are opposed to it. Many member states fear a military escalation.
european-autonomy = European autonomy remains a major challenge. Europe is increasing its defence spending through plans such as ReArm Europe (€{ $amount } billion), but it remains dependent on US technological capabilities, particularly in intelligence and logistics. A lack of American support could undermine plans for a military operation.
us-dependence = Most of the real-time surveillance and data-collection systems used in Ukraine are American (satellites, strategic drones). The same problem applies to missile defence: most of the systems in use are American.
update-washington = Added the European leaders expected at the White House on Monday 18 August.
