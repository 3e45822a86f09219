# Dates: "الثلاثاء 1 ديسمبر، الساعة 10:00". Gregorian month names as Arabic speakers in the UK
# meet them in letters and on forms.

date_when = { $weekday } { $day } { $month }، الساعة { $time }
date_day = { $weekday } { $day } { $month }
weekday_1 = الاثنين
weekday_2 = الثلاثاء
weekday_3 = الأربعاء
weekday_4 = الخميس
weekday_5 = الجمعة
weekday_6 = السبت
weekday_7 = الأحد
month_1 = يناير
month_2 = فبراير
month_3 = مارس
month_4 = أبريل
month_5 = مايو
month_6 = يونيو
month_7 = يوليو
month_8 = أغسطس
month_9 = سبتمبر
month_10 = أكتوبر
month_11 = نوفمبر
month_12 = ديسمبر
