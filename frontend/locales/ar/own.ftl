# "سمِّ الأشياء بأسمائك" و"من قرأ آرائي".

names_link = سمِّ الأشياء بأسمائك
names_title = سمِّ الأشياء بأسمائك
names_intro = يمكنك أن تعطي هذه الأشياء أسماء من عندك. ستستخدمها صفحاتك. اترك الخانة فارغة لتبقى كلماتنا.
names_meeting_label = ماذا تسمّي اجتماعك؟
names_hint = حتى 60 حرفًا.
names_save = احفظ أسمائي
names_too_long = يمكن أن يكون الاسم حتى 60 حرفًا. يُرجى تقصيره.
names_saved = تم الحفظ. صفحاتك تستخدم أسماءك الآن.
who_read_link = من قرأ آرائي

names_label = ماذا تسمّي «{ $usual }»؟
read_once = – قرأها: { $when }
# Arabic counts: 2 has its own (dual) word; 3–10 take the plural "مرات"; 11 and up the singular "مرة".
read_times_on = { $times ->
    [two] – قرأها مرتين: { $when }
    [few] – قرأها { $times } مرات: { $when }
   *[other] – قرأها { $times } مرة: { $when }
}
read_often = { $times ->
    [two] – قرأها مرتين. أول مرة: { $first }. آخر مرة: { $last }.
    [few] – قرأها { $times } مرات. أول مرة: { $first }. آخر مرة: { $last }.
   *[other] – قرأها { $times } مرة. أول مرة: { $first }. آخر مرة: { $last }.
}
after_title_named = ماذا حدث في «{ $name }»
