# "Nazwij rzeczy po swojemu" i "Kto przeczytał moje odpowiedzi".

names_link = Nazwij rzeczy po swojemu
names_title = Nazwij rzeczy po swojemu
names_intro = Możesz nadać tym rzeczom własne nazwy. Twoje strony będą ich używać. Zostaw pole puste, a zostaną nasze słowa.
names_meeting_label = Jak nazywasz swoje spotkanie?
names_hint = Do 60 liter.
names_save = Zapisz moje nazwy
names_too_long = Nazwa może mieć do 60 liter. Skróć ją, proszę.
names_saved = Zapisano. Twoje strony używają teraz twoich nazw.
who_read_link = Kto przeczytał moje odpowiedzi

names_label = Jak nazywasz „{ $usual }”?
read_once = – przeczytano: { $when }
# 1 raz; 2, 3, 4, 22… razy; 5…21 razy: "raz" only for exactly one.
read_times_on = – przeczytano { $times ->
        [one] { $times } raz
        [few] { $times } razy
       *[other] { $times } razy
    }: { $when }
read_often = – przeczytano { $times ->
        [one] { $times } raz
        [few] { $times } razy
       *[other] { $times } razy
    }. Pierwszy raz: { $first }. Ostatni raz: { $last }.
after_title_named = Co się stało na spotkaniu „{ $name }”
