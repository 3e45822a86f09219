# Strony dziecka po polsku: zwracamy się na "ty", prostymi słowami (wiek czytania około 8 lat).
# Nie wiemy, czy piszemy do chłopca, czy do dziewczynki, więc unikamy form z rodzajem (czasu
# przeszłego w 2. osobie, przymiotników o dziecku): "Nie czuję się bezpiecznie", "twoje odpowiedzi".
# "Rzecznik" to advocate: ktoś, kto mówi w imieniu dziecka i jest po jego stronie.

brand = myvoice
skip_to_content = Przejdź do głównej części
quick_exit = Wyjdź teraz
quick_exit_hint = Zamyka to od razu
not_safe = Nie czuję się teraz bezpiecznie
read_aloud = Przeczytaj mi
back = Wstecz
next = Dalej
save_and_next = Zapisz i idź dalej
error_summary = Sprawdź to, proszę
sign_in_title = Zaloguj się
sign_in_intro = Użyj kodu i PIN-u od twojego rzecznika.
code_label = Twój kod
code_hint = Wygląda tak: ABCD-1234.
pin_label = Twój PIN
pin_hint = 4 cyfry.
sign_in_button = Zaloguj się
sign_in_wrong = Ten kod albo PIN nie zadziałał. Sprawdź je i spróbuj jeszcze raz.
sign_in_locked = To nie zadziałało kilka razy, więc na chwilę to zatrzymaliśmy, żeby twoje odpowiedzi były bezpieczne. Spróbuj znowu za 15 minut albo poproś o pomoc swojego rzecznika.
sign_in_missing_code = Wpisz swój kod.
sign_in_missing_pin = Wpisz swój PIN.
sign_in_timed_out = Nie było cię przez jakiś czas, więc zamknęliśmy twoje odpowiedzi, żeby nikt ich nie zobaczył. Są zapisane. Zaloguj się znowu, żeby pisać dalej.
sign_in_left = Strona jest zamknięta. Twoje odpowiedzi są zapisane.
no_code = Nie masz kodu? Poproś o niego swojego rzecznika.
your_meeting = Twoje spotkanie
no_meeting = Teraz nie ma dla ciebie żadnego spotkania. Twój rzecznik powie ci, kiedy będzie.
when = Kiedy
where_ = Gdzie
who_runs_it = Kto je prowadzi
who_is_there = Kto tam będzie
what_happens = Co się dzieje
your_advocate = Twój rzecznik
no_advocate = Teraz nie masz rzecznika.
start_views = Powiem, co myślę
carry_on_views = Pisz dalej, co myślisz
views_sent_already = Twój rzecznik ma już twoje odpowiedzi.
see_what_happened = Co się stało na moim spotkaniu
meeting_cancelled = Twojego spotkania teraz nie będzie. Twoje odpowiedzi są bezpieczne. Twój rzecznik powie ci, co będzie dalej.
easier_on = Prościej: duże obrazki, mniej słów
easier_off = Wróć do większej liczby słów
add_another = Dodaj kolejne
saved = Zapisano
saving = Zapisuję…
saved_on_phone = Zapisane na tym telefonie. Wyślemy, gdy wróci zasięg.
kept_both = To zmieniono też w innym oknie. Zachowaliśmy obie wersje. Usuń to, czego nie chcesz.
too_long = To jest za długie. Skróć to, proszę.
too_many = To dużo pól. Połącz, proszę, niektóre rzeczy razem.
coming_title = Czy pójdę na spotkanie
coming_question = Jak chcesz wziąć udział?
who_sees_title = Kto może zobaczyć moje odpowiedzi
who_sees_question = Kto może zobaczyć twoje odpowiedzi?
who_sees_hint = Wybierz, ile chcesz. Twój rzecznik pokaże twoje odpowiedzi tylko osobom, które wybierzesz.
who_sees_advocate = Twój rzecznik zawsze je widzi. Rzecznik ci pomaga.
views_not_there_yet = Jeszcze nie dostali twoich odpowiedzi.
check_title = Sprawdź i wyślij
check_intro = Oto twoje odpowiedzi. Możesz wszystko zmienić, zanim je wyślesz.
change = Zmień
nothing_yet = Jeszcze nic
send = Wyślij do mojego rzecznika
send_hint = Po wysłaniu też możesz coś zmienić.
not_chosen = Jeszcze nie wybrano
sent_title = Wysłane!
sent_body = Twój rzecznik ma twoje odpowiedzi.
sent_next = Przed spotkaniem twój rzecznik pokaże je osobom wybranym przez ciebie.
sent_change = Chcesz coś zmienić? Możesz i wysłać jeszcze raz.
back_to_meeting = Wróć do mojego spotkania
after_title = Co się stało na moim spotkaniu
after_not_yet = Twoje spotkanie jeszcze się nie odbyło. Wróć tu po nim.
after_decided = Co postanowiono na spotkaniu
answers_title = Co na spotkaniu powiedziano o twoich słowach
you_said = Twoje słowa:
answer_agreed = Na spotkaniu wszyscy się zgodzili.
answer_not_this_time = Nie tym razem, ponieważ
answer_later = Porozmawiamy o tym
answer_advocate = Twój rzecznik ci to wyjaśni.
who_read_title = Kto przeczytał moje odpowiedzi
who_read_none = Nikt ich jeszcze nie przeczytał.
not_safe_title = Nie czujesz się teraz bezpiecznie?
not_safe_danger = Jeśli teraz grozi ci niebezpieczeństwo, zadzwoń pod 999.
not_safe_childline = Możesz porozmawiać z Childline za darmo, o każdej porze, pod numerem 0800 1111.
not_safe_tell_advocate = Możemy teraz powiadomić twojego rzecznika. Odezwie się tak szybko, jak może.
not_safe_message_label = Chcesz im coś przekazać? (możesz zostawić to puste)
not_safe_button = Powiadom teraz mojego rzecznika
not_safe_sent = Ktoś wkrótce się z tobą skontaktuje. Jeśli teraz grozi ci niebezpieczeństwo, zadzwoń pod 999.
not_safe_sign_in = Zaloguj się swoim kodem, a powiadomimy też twojego rzecznika.
still_there_title = Jesteś tam jeszcze?
still_there_body = Żeby nikt nie zobaczył twoich odpowiedzi, zaraz je zamkniemy. Są zapisane.
still_here = Nadal tu jestem
something_wrong = Przepraszamy, coś poszło nie tak. Twoje odpowiedzi są zapisane. Spróbuj jeszcze raz.

## Words with variables
meeting_moved = Twoje spotkanie zostało przeniesione. Nowy termin: { $when }.
step_of = Krok { $n } z { $total }
item_label = Rzecz { $n }
# The browser fills in the number itself, so the sentence needs no plural form of "litera".
letters_left = Zostało liter: { $n }
views_got_there = Dostali twoje odpowiedzi: { $day }.
hello = Cześć, { $name }
advocate_is = { $name } to twój rzecznik. Jest po twojej stronie. Pomaga ci powiedzieć, czego chcesz.
sent_body_named = { $name }, twój rzecznik, ma twoje odpowiedzi.
not_safe_told = { $who ->
    [advocate] Powiadomiliśmy twojego rzecznika.
    [duty] Powiadomiliśmy zespół w urzędzie, który dba o bezpieczeństwo dzieci.
    [service] Powiadomiliśmy osoby, które prowadzą zespół rzeczników.
    [advocate-duty] Powiadomiliśmy twojego rzecznika i zespół w urzędzie, który dba o bezpieczeństwo dzieci.
    [advocate-service] Powiadomiliśmy twojego rzecznika i osoby, które prowadzą zespół rzeczników.
    [duty-service] Powiadomiliśmy zespół w urzędzie, który dba o bezpieczeństwo dzieci, i osoby, które prowadzą zespół rzeczników.
    [advocate-duty-service] Powiadomiliśmy twojego rzecznika, zespół w urzędzie, który dba o bezpieczeństwo dzieci, i osoby, które prowadzą zespół rzeczników.
   *[none] Zapisaliśmy twoją wiadomość dla osób, które ci pomagają.
}

## Messages for the child, and words their advocate wrote for them
messages_title = Wiadomości dla ciebie
from_advocate = Od twojego rzecznika
from_chair = Od osoby, która prowadzi twoje spotkanie
thank_you = Dziękuję
have_a_question = Mam pytanie
you_said_thanks = Twoja odpowiedź: dziękuję.
you_have_a_question = Twoja odpowiedź: masz pytanie. Twój rzecznik wkrótce z tobą porozmawia.
answer_sent = Dziękujemy. Twoja odpowiedź została wysłana.
not_sent = Przepraszamy, to nie zadziałało. Spróbuj jeszcze raz.
check_question = Twój rzecznik napisał to dla ciebie. Czy to są twoje słowa?
anything_else = Coś jeszcze
yes_right = Tak, to się zgadza
want_to_change = Chcę to zmienić
confirmed = Dziękujemy. Teraz wszyscy wiedzą, że to są twoje własne słowa.
check_words_title = Twój rzecznik napisał to dla ciebie
