### Article « Coalition des volontaires » pour l’Ukraine (17 août 2025) — textes français (langue source).
### Les identifiants et les variables doivent rester identiques dans les traductions (en, de).

title = « Coalition des volontaires » pour l’Ukraine : qu’est-ce que c’est ?
lede = En réponse au sommet en Alaska du 15 août, entre Donald Trump et Vladimir Poutine, la coalition des volontaires s’est réunie en visioconférence ce dimanche 17 août. L’objectif était de réaffirmer le soutien à l’Ukraine et de coordonner une réponse européenne. Mais qui fait partie de cette coalition et quels sont ses objectifs ?

photo-northwood =
    .alt = Illustration : les drapeaux britannique, à gauche, et français flottent côte à côte sur leurs mâts, à côté d’un bâtiment militaire stylisé.
    .caption = Les drapeaux britannique et français près d’un quartier général militaire (illustration). Le Premier ministre britannique Keir Starmer et le président français Emmanuel Macron, coprésidents de la coalition des volontaires, ont effectué une visite militaire conjointe au quartier général de Northwood, à Londres, le jeudi 10 juillet 2025.

visio-goals = Les objectifs de la visioconférence sont simples : coordonner un message fort avant la rencontre entre Donald Trump et Volodymyr Zelensky lundi 18 août, réaffirmer le refus de toute concession territoriale à Moscou, afin de préserver la souveraineté de l’Ukraine, et discuter des garanties de sécurité pour Kiev.
washington-trip = Ursula von der Leyen, Emmanuel Macron et d’autres dirigeants européens se rendront d’ailleurs à Washington aux côtés de Volodymyr Zelensky pour échanger avec le président américain Donald Trump. Le chancelier allemand Friedrich Merz et le président finlandais Alexander Stubb ont également confirmé leur présence.

alliance-heading = Une alliance de { $count } pays
alliance-members = La coalition des volontaires est une alliance de { $count } pays, dirigée par le couple franco-britannique. Elle comprend la majorité des pays européens (l’Allemagne, le Royaume-Uni, la Suède, la Finlande, la Lituanie, la Lettonie, l’Estonie, l’Espagne…) ou encore la Turquie et le Canada. Son format souple permet d’afficher une unité occidentale élargie. Elle inclut également des organisations majeures comme l’Union européenne (UE) et l’OTAN, ce qui lui confère une portée politique et stratégique notable.
coalition-map =
    .alt = Graphique : trente et un carrés, un par pays membre de la coalition. Onze portent un drapeau : la France et le Royaume-Uni, encadrés, puis l’Allemagne, la Suède, la Finlande, la Lituanie, la Lettonie, l’Estonie, l’Espagne, la Turquie et le Canada ; les vingt autres sont gris. À droite, à part, les drapeaux de l’Union européenne et de l’OTAN.
    .caption = Les 31 pays de la coalition des volontaires, un carré par pays : en couleur, les membres cités dans cet article, dont la France et le Royaume-Uni (encadrés), qui la dirigent ; en gris, les autres membres. À droite, l’Union européenne et l’OTAN, qui y sont également associées.
organisation-shaping = Les modalités d’organisation de cette alliance se dessinent au fur et à mesure des discussions politiques entre les partenaires.
headquarters = Un choix majeur a été fait en juillet 2025, celui du lieu de son quartier général. C’est à Paris, pour la première année, que la coalition aura son siège, avant d’être transférée à Londres, « ce qui permettra aux pays partenaires d’apporter une contribution militaire flexible », selon l’Élysée.
video-anchorage-summit =
    .alt = Animation : les drapeaux américain et russe côte à côte devant des montagnes enneigées, évoquant le sommet d’Anchorage, en Alaska.
    .caption = Sommet à Anchorage : la rencontre entre Donald Trump et Vladimir Poutine du 15 août 2025 et la question des concessions territoriales en vue d’un accord de paix.

creation-heading = Une création le 2 mars 2025
london-summit = C’est le 2 mars 2025 que cette initiative a été officialisée lors du sommet de Londres sur l’Ukraine, orchestré par le Premier ministre britannique Keir Starmer. Le projet a été conçu comme une réponse face à l’instabilité politique internationale, notamment liée aux changements d’orientation de la politique américaine, afin d’assurer un soutien durable à l’Ukraine.
first-meeting = La première réunion s’est tenue au siège de l’OTAN à Bruxelles, le 10 avril 2025.

missions-heading = Ses missions
military-aid = La coalition s’engage à maintenir l’aide militaire à l’Ukraine, tout en renforçant la pression sur la Russie notamment par des sanctions économiques et un isolement politique.
sovereignty = Pour la « coalition des volontaires », la souveraineté de l’Ukraine doit être au cœur des négociations. Aucun accord de paix durable ne peut se faire sans l’Ukraine.
defensive-capabilities = Elle s’engage à renforcer les capacités militaires défensives de l’Ukraine, une fois un accord conclu, pour dissuader toute future agression.
reassurance-force = Enfin, la coalition prévoit la création d’une « force de réassurance » en Ukraine. Cette force, conçue pour intervenir après un éventuel cessez-le-feu ou accord de paix en Ukraine, aiderait à sécuriser le territoire ukrainien.

tensions-heading = Les tensions au sein de la coalition
eu-divisions = Et c’est d’ailleurs un point de tension important au sein de l’Union européenne. Certains pays comme la France ou le Royaume-Uni sont favorables à l’idée d’une présence militaire qui serait dissuasive, et permettrait de soutenir l’Ukraine sur le long terme.
opponents = D’autres nations comme la Hongrie ou la Pologne s’y opposent. De nombreux États membres craignent une escalade militaire.
european-autonomy = L’autonomie européenne reste un défi majeur. L’Europe augmente ses dépenses de défense, via des plans comme ReArm Europe ({ $amount } milliards d’euros), mais reste dépendante des capacités technologiques américaines, notamment dans les domaines du renseignement et de la logistique. Le manque de soutien des Américains pourrait affaiblir le projet d’une opération militaire.
us-dependence = La plupart des systèmes de surveillance et de collecte de données en temps réel utilisés en Ukraine sont américains (satellites, drones stratégiques). Même problème pour la défense antimissile : la plupart des systèmes utilisés sont américains.
update-washington = ajout des dirigeants européens attendus à la Maison-Blanche le lundi 18 août.
