### Article « Sommet de Londres » (17 août 2025) — textes français (langue source).
### Les identifiants et les variables doivent rester identiques dans les traductions (en, de).

title = Sommet de Londres : le jour où est née la « coalition des volontaires »
lede = Tout a commencé à Londres. C’est lors du sommet sur l’Ukraine orchestré par le Premier ministre britannique Keir Starmer, le 2 mars 2025, qu’a été officialisée la « coalition des volontaires ». Elle rassemble aujourd’hui 31 pays, sous la conduite du couple franco-britannique.

answer-heading = Une réponse à l’instabilité internationale
why = Le projet a été conçu comme une réponse à l’instabilité politique internationale, notamment liée aux changements d’orientation de la politique américaine. Son but : assurer un soutien durable à l’Ukraine.
commitments = La coalition s’engage à maintenir l’aide militaire à l’Ukraine, tout en renforçant la pression sur la Russie, notamment par des sanctions économiques et un isolement politique. Pour elle, aucun accord de paix durable ne peut se faire sans l’Ukraine.

steps-heading = De Londres à Bruxelles, puis Paris
first-meeting = La première réunion s’est tenue le { $meeting } au siège de l’OTAN, à Bruxelles.
headquarters = En juillet 2025, la coalition a choisi le lieu de son quartier général : Paris pour la première année, avant un transfert à Londres.

# Note de mise à jour (voir [[updates]] dans content/sommet-de-londres.toml).
update-related = ajout d’un lien vers notre article explicatif sur la « coalition des volontaires ».
