# Daty: "wtorek, 1 grudnia, godz. 10:00". Miesiące w dopełniaczu (1 grudnia), dni tygodnia małą literą.

date_when = { $weekday }, { $day } { $month }, godz. { $time }
date_day = { $weekday }, { $day } { $month }
weekday_1 = poniedziałek
weekday_2 = wtorek
weekday_3 = środa
weekday_4 = czwartek
weekday_5 = piątek
weekday_6 = sobota
weekday_7 = niedziela
month_1 = stycznia
month_2 = lutego
month_3 = marca
month_4 = kwietnia
month_5 = maja
month_6 = czerwca
month_7 = lipca
month_8 = sierpnia
month_9 = września
month_10 = października
month_11 = listopada
month_12 = grudnia
