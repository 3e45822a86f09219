# Strony, które każdy może otworzyć przed zalogowaniem: dla dziecka albo dorosłego z jego rodziny.
# `{ $link }` marks where a phone number's link goes in a sentence. "Council" is the UK local
# council: "urząd" here, with the English word beside it where a family must write its name.

page_description = Twoje spotkanie. Twój głos.
language_label = Język

landing_title = Twój głos
landing_heading = Twoje spotkanie. Twój głos.
landing_meeting = Dorośli mają spotkanie o twoim życiu.
landing_tell = Możesz im powiedzieć, co myślisz. Twój rzecznik może ci pomóc.
landing_code_title = Masz kod od swojego rzecznika?
landing_code_body = Twój rzecznik dał ci kod i PIN. Użyjesz ich na początek.
landing_sign_in = Zaloguj się moim kodem
landing_no_advocate_title = Nie masz jeszcze rzecznika?
landing_no_advocate_body = Rzecznik to ktoś, kto jest po twojej stronie. Pomaga ci powiedzieć, czego chcesz.
landing_ask = Poproś o rzecznika
landing_danger = Zadzwoń pod { $link }, jeśli grozi ci niebezpieczeństwo.
landing_childline = Zadzwoń za darmo do Childline pod { $link }. Są tam o każdej porze.
landing_staff = Logowanie dla pracowników

ask_title = Poproś o rzecznika
ask_intro = Rzecznik to ktoś, kto jest po twojej stronie. Pomaga ci powiedzieć, co myślisz, na spotkaniach o twoim życiu.
ask_yourself = Możesz poprosić o rzecznika samodzielnie. Dorosły z twojej rodziny też może poprosić. To nic nie kosztuje.
ask_soon = Wkrótce się odezwiemy. Jeśli nie czujesz się teraz bezpiecznie, zadzwoń pod 999.
ask_name = Twoje imię
ask_contact = Jak możemy się z tobą skontaktować?
ask_contact_hint = Numer telefonu albo e-mail.
ask_about = W czym potrzebujesz pomocy?
ask_about_hint = Napisz po swojemu. Kilka słów wystarczy.
ask_council = Twój urząd (council)
ask_council_hint = Urząd, który pomaga twojej rodzinie. Na przykład: Somerset.
ask_meeting_kind = Czy jest jakieś spotkanie? O czym jest?
ask_meeting_date = Kiedy jest spotkanie?
ask_meeting_date_hint = Jeśli wiesz. Możesz zostawić to puste.
ask_send = Wyślij moją wiadomość
ask_problem_name = Napisz nam, proszę, swoje imię.
ask_problem_contact = Podaj nam, proszę, numer telefonu albo e-mail, żebyśmy mogli się odezwać.
ask_problem_about = Napisz nam, proszę, trochę o tym, w czym potrzebujesz pomocy.
ask_problem_council = Napisz nam, proszę, nazwę swojego urzędu (council).
ask_problem_unknown_council = Nie znamy tego urzędu. Sprawdź, proszę, nazwę.
ask_problem_date = Ten dzień już minął. Sprawdź datę albo zostaw to pole puste.
ask_problem_not_a_date = Nie możemy odczytać tej daty. Wybierz dzień albo zostaw to pole puste.
ask_problem_too_long = To trochę za długie. Skróć to, proszę.
ask_problem_busy = Przed chwilą wysłano stąd dużo wiadomości. Poczekaj minutę i znowu naciśnij „Wyślij”. Twoje słowa nadal tu są.
ask_kind_unknown = Nie wiem
ask_kind_first_safety = Pierwsze spotkanie o bezpieczeństwie dziecka
ask_kind_safety_review = Spotkanie, żeby sprawdzić plan bezpieczeństwa dziecka
ask_kind_help_family = Spotkanie o pomocy dla dziecka i jego rodziny
ask_kind_review = Przegląd dla dziecka w pieczy zastępczej
ask_kind_family = Spotkanie rodzinne, żeby zrobić plan

thanks_title = Dziękujemy
thanks_heading = Dziękujemy. Dostaliśmy twoją wiadomość.
thanks_soon = Ktoś z zespołu rzeczników wkrótce się z tobą skontaktuje.
thanks_advocate = Rzecznik to osoba, która pomaga ci powiedzieć, co myślisz.
thanks_danger = Jeśli nie czujesz się teraz bezpiecznie, zadzwoń pod { $link }.
thanks_childline = Możesz porozmawiać z Childline za darmo o każdej porze pod numerem { $link }.
thanks_back = Wróć na początek

not_found_title = Nie znaleziono strony
not_found_heading = Nie możemy znaleźć tej strony
not_found_start = Przejdź na początek
