# Każdy rodzaj spotkania, tak jak wyjaśnia go strona "Moje spotkanie": nazwa, po co jest, kto na
# nim jest i co się dzieje (każda linia osobno).

meeting_first_safety_name = Spotkanie o twoim bezpieczeństwie
meeting_first_safety_what = Niektórzy dorośli martwią się o ciebie. Spotykają się, żeby zrobić plan, który zapewni ci bezpieczeństwo. To spotkanie nie jest o zabieraniu dzieci.
meeting_first_safety_who = Twoja rodzina, twój pracownik socjalny i osoby ze szkoły, z opieki zdrowotnej i z innych zespołów. Twój rzecznik też może przyjść.
meeting_first_safety_happens =
    Osoba, która prowadzi spotkanie, dba o to, żeby każdy mógł coś powiedzieć. Ty też.
    Wszystko jest zapisywane na dużej białej tablicy: zmartwienia, co idzie dobrze i co musi się stać dalej.
    Na końcu decydują, czy potrzebny jest plan, który zapewni ci bezpieczeństwo.

meeting_safety_review_name = Spotkanie, żeby sprawdzić plan twojego bezpieczeństwa
meeting_safety_review_what = Dorośli sprawdzają, jak działa plan, który ma zapewnić ci bezpieczeństwo. Patrzą, co się poprawiło, a co nadal ich martwi.
meeting_safety_review_who = Twoja rodzina, twój pracownik socjalny i osoby ze szkoły, z opieki zdrowotnej i z innych zespołów. Twój rzecznik też może przyjść.
meeting_safety_review_happens =
    Osoba, która prowadzi spotkanie, dba o to, żeby każdy mógł coś powiedzieć. Ty też.
    Wszystko jest zapisywane na dużej białej tablicy: zmartwienia, co idzie dobrze i co musi się stać dalej.
    Decydują, czy plan jest nadal potrzebny.

meeting_help_family_name = Spotkanie o pomocy dla ciebie i twojej rodziny
meeting_help_family_what = Dorośli sprawdzają, jak działa plan pomocy dla ciebie i twojej rodziny.
meeting_help_family_who = Twoja rodzina, twój pracownik socjalny i osoby, które ci pomagają, na przykład z twojej szkoły.
meeting_help_family_happens =
    Każdy mówi, co idzie dobrze, a co jest trudne.
    Ustalają, jaką pomoc dostaniecie dalej ty i twoja rodzina.

meeting_small_plan_name = Małe spotkanie o twoim planie
meeting_small_plan_what = Mała grupa sprawdza, czy plan twojego bezpieczeństwa jest wykonywany.
meeting_small_plan_who = Twoja rodzina, twój pracownik socjalny i kilka osób, które ci pomagają.
meeting_small_plan_happens =
    Przechodzą przez plan punkt po punkcie.
    Ustalają, kto co zrobi dalej.

meeting_review_name = Twoje spotkanie przeglądowe
meeting_review_what = Spotkanie o tym, jak ci się żyje tam, gdzie mieszkasz, w szkole i z ludźmi, którzy są dla ciebie ważni.
meeting_review_who = Osoba, która je prowadzi, sprawdza, czy twój plan jest dla ciebie dobry. Zwykle są tam twój pracownik socjalny i twoi opiekunowie. Możesz przyjść, a twój rzecznik może ci pomóc.
meeting_review_happens =
    Wszyscy mówią o tym, co idzie dobrze, a co mogłoby być lepsze.
    Możesz powiedzieć, czego chcesz. To twoje spotkanie.
    Ustalają, co będzie dalej.

meeting_where_lived_name = Spotkanie o twoim poprzednim domu
meeting_where_lived_what = W twoim poprzednim domu coś się nie udało. To spotkanie ma pomóc zrozumieć dlaczego, żeby następnym razem było ci lepiej. Nikt nie chce cię obwiniać.
meeting_where_lived_who = Twój pracownik socjalny, twoi dawni opiekunowie i osoby, które ci pomagają.
meeting_where_lived_happens =
    Każdy mówi, co poszło dobrze, a co źle.
    Uczą się z tego, żeby było ci lepiej.

meeting_new_team_name = Spotkanie o przejściu do nowego zespołu
meeting_new_team_what = Przeprowadzasz się tam, gdzie pomoże ci zespół z innego urzędu. Na tym spotkaniu przekazują sobie wszystko, żeby nic nie zginęło.
meeting_new_team_who = Twoja rodzina, twój pracownik socjalny i nowy zespół.
meeting_new_team_happens =
    Mówią sobie, co wiedzą o tobie i o twoim planie.
    Nowy zespół mówi, jak będzie ci pomagać.

meeting_family_name = Twoje spotkanie rodzinne
meeting_family_what = Twoja rodzina i bliskie ci osoby spotykają się, żeby zrobić plan.
meeting_family_who = Twoja rodzina i osoby, które są dla ciebie ważne. Ktoś pomaga prowadzić spotkanie.
meeting_family_happens =
    Twoja rodzina ma czas tylko dla siebie, żeby zrobić plan.
    Twój rzecznik pomaga ci powiedzieć, czego chcesz. Nie wysyła wcześniej twoich odpowiedzi.

meeting_help_with_name = Pomoc z czymś
meeting_help_with_what = Chcesz pomocy, żeby coś załatwić. Twój rzecznik może ci pomóc.
meeting_help_with_who = Ty i twój rzecznik.
meeting_help_with_happens =
    Twój rzecznik słucha, czego chcesz.
    Pomaga ci powiedzieć o tym właściwym osobom.

meeting_not_happy_name = Mówię, że coś mi się nie podoba
meeting_not_happy_what = Coś ci się nie podoba. Masz prawo to powiedzieć.
meeting_not_happy_who = Ty i twój rzecznik.
meeting_not_happy_happens =
    Twój rzecznik pomaga ci powiedzieć, co jest nie tak i czego chcesz.
    Ktoś musi to sprawdzić i powiedzieć ci, co zrobi.
