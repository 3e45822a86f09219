# Kroki "moich odpowiedzi", uczucia, jak wziąć udział i kto może zobaczyć odpowiedzi. Uczucia są
# napisane bez rodzaju ("Smutno", "Martwię się"), bo nie wiemy, czy pisze chłopiec, czy dziewczynka.

step_worries_title = Co mnie martwi
step_worries_question = Co cię martwi?
step_worries_hint = Wpisz jedną rzecz w każde pole. Może być duża albo mała.
step_going_well_title = Co idzie dobrze
step_going_well_question = Co ci idzie dobrze?
step_going_well_hint = Wpisz jedną rzecz w każde pole. Może być duża albo mała.
step_want_to_happen_title = Co chcę, żeby się stało
step_want_to_happen_question = Co chcesz, żeby się stało?
step_want_to_happen_hint = Twoje życzenia i marzenia. Wpisz jedną rzecz w każde pole.
step_feelings_title = Jak się czuję
step_feelings_question = Jak się czujesz?
step_feelings_hint = Wybierz to, co pasuje najlepiej. Możesz to pominąć.
step_anything_else_title = Coś jeszcze
step_anything_else_question = Czy chcesz powiedzieć coś jeszcze?
step_anything_else_hint = Możesz to pominąć.

feeling_very_happy = Bardzo wesoło
feeling_happy = Wesoło
feeling_okay = Tak sobie
feeling_sad = Smutno
feeling_very_sad = Bardzo smutno
feeling_worried = Martwię się
feeling_angry = Czuję złość

attendance_attend = Chcę pójść
attendance_attend_means = Idziesz na spotkanie, na jego część albo na całe.
attendance_with_advocate = Chcę pójść z moim rzecznikiem
attendance_with_advocate_means = Idziesz, a twój rzecznik siedzi obok i ci pomaga.
attendance_advocate_speaks = Mój rzecznik mówi za mnie
attendance_advocate_speaks_means = Nie idziesz. Twój rzecznik idzie i mówi, czego chcesz.
attendance_written_only = Wyślijcie tylko moje odpowiedzi
attendance_written_only_means = Nie idziesz. Na spotkaniu przeczytają twoje odpowiedzi.
attendance_not_taking_part = Nie chcę brać udziału
attendance_not_taking_part_means = To w porządku. Możesz zmienić zdanie.

audience_social_worker = Mój pracownik socjalny
audience_social_worker_means = Osoba z urzędu, która ci pomaga.
audience_chair = Osoba, która prowadzi spotkanie
audience_chair_means = Dba o to, żeby każdy mógł coś powiedzieć.
audience_family = Moja rodzina
audience_family_means = Twoi rodzice albo opiekunowie.
audience_meeting = Wszyscy na spotkaniu
audience_meeting_means = Wszystkie osoby, które przyjdą.
