# Dyddiadau: "Dydd Mawrth 1 Rhagfyr am 10:00".

date_when = { $weekday } { $day } { $month } am { $time }
date_day = { $weekday } { $day } { $month }
weekday_1 = Dydd Llun
weekday_2 = Dydd Mawrth
weekday_3 = Dydd Mercher
weekday_4 = Dydd Iau
weekday_5 = Dydd Gwener
weekday_6 = Dydd Sadwrn
weekday_7 = Dydd Sul
month_1 = Ionawr
month_2 = Chwefror
month_3 = Mawrth
month_4 = Ebrill
month_5 = Mai
month_6 = Mehefin
month_7 = Gorffennaf
month_8 = Awst
month_9 = Medi
month_10 = Hydref
month_11 = Tachwedd
month_12 = Rhagfyr
