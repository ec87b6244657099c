### Article « Sommet de Londres » — textes français (langue source).

title = Sommet de Londres : le jour où est née la « coalition des volontaires »
lede = Tout a commencé à Londres. C’est lors du sommet sur l’Ukraine orchestré par le Premier ministre britannique Keir Starmer, le 2 mars 2025, qu’a été officialisée la « coalition des volontaires ». Elle rassemble aujourd’hui 31 pays, sous la conduite du couple franco-britannique.

answer-heading = Une réponse à l’instabilité internationale
why = Le projet a été conçu comme une réponse à l’instabilité politique internationale, notamment liée aux changements d’orientation de la politique américaine. Son but : stabiliser un soutien durable à l’Ukraine.
commitments = La coalition s’engage à maintenir l’aide militaire à l’Ukraine, tout en renforçant la pression sur la Russie, notamment par des sanctions économiques et un isolement politique. Pour elle, aucun accord de paix durable ne peut se faire sans l’Ukraine.
principle = Aucun accord de paix durable ne peut se faire sans l’Ukraine.
pledge-aid = maintenir l’aide militaire à l’Ukraine ;
pledge-pressure = renforcer les sanctions économiques contre la Russie ;
pledge-isolation = isoler politiquement la Russie.

steps-heading = De Londres à Bruxelles, puis Paris
first-meeting = La première réunion s’est tenue le { $meeting } au siège de l’OTAN, à Bruxelles.

# Le titre de l’édition anglaise, vers laquelle pointe le lien.
english-edition = London summit: the day the ‘coalition of the willing’ was born
