# Child's pages in Arabic: Modern Standard Arabic in short, plain sentences (reading age about 8).
# "مناصر" is the advocate. Where a verb or "you" must have a gender, the masculine is used as the
# general form, as Arabic interfaces usually do; nouns are preferred where they read as naturally.
# Numbers are written with the digits UK phone numbers and codes use (999, 0800 1111, ABCD-1234).

brand = myvoice
skip_to_content = الانتقال إلى الجزء الرئيسي
quick_exit = الخروج الآن
quick_exit_hint = يُغلق هذا فورًا
not_safe = لا أشعر بالأمان الآن
read_aloud = اقرأ لي
back = رجوع
next = التالي
save_and_next = حفظ ومتابعة
error_summary = يُرجى التحقق من هذا
sign_in_title = تسجيل الدخول
sign_in_intro = استخدم الرمز ورقم PIN اللذين أعطاك إياهما مناصرك.
code_label = رمزك
code_hint = يبدو هكذا: ABCD-1234.
pin_label = رقم PIN الخاص بك
pin_hint = 4 أرقام.
sign_in_button = تسجيل الدخول
sign_in_wrong = لم ينجح هذا الرمز أو رقم PIN. تحقق منهما وحاول مرة أخرى.
sign_in_locked = لم ينجح ذلك عدة مرات، لذلك أوقفناه قليلًا لنحافظ على آرائك آمنة. حاول مرة أخرى بعد 15 دقيقة، أو اطلب المساعدة من مناصرك.
sign_in_missing_code = اكتب رمزك.
sign_in_missing_pin = اكتب رقم PIN.
sign_in_timed_out = غبت بعض الوقت، لذلك أغلقنا آراءك لتبقى خاصة بك. إنها محفوظة. سجّل الدخول مرة أخرى لتكمل.
sign_in_left = لقد خرجت. آراؤك محفوظة.
no_code = ليس لديك رمز؟ اطلبه من مناصرك.
your_meeting = اجتماعك
no_meeting = لا يوجد اجتماع لك الآن. سيخبرك مناصرك عندما يكون هناك اجتماع.
when = متى
where_ = أين
who_runs_it = من يديره
who_is_there = من سيحضر
what_happens = ماذا يحدث
your_advocate = مناصرك
no_advocate = ليس لديك مناصر الآن.
start_views = أقول ما أفكر فيه
carry_on_views = أكمل آرائي
views_sent_already = آراؤك عند مناصرك.
see_what_happened = ماذا حدث في اجتماعي
meeting_cancelled = اجتماعك لن يُعقد الآن. آراؤك في أمان. سيخبرك مناصرك بما سيحدث بعد ذلك.
easier_on = اجعلها أسهل: صور كبيرة وكلمات أقل
easier_off = الرجوع إلى كلمات أكثر
add_another = أضف واحدًا آخر
saved = تم الحفظ
saving = جارٍ الحفظ…
saved_on_phone = حُفظ على هذا الهاتف. سيُرسَل عندما تعود الإشارة.
kept_both = غيّرت هذا في نافذة أخرى أيضًا. احتفظنا بالنسختين. احذف أي شيء لا تريده.
too_long = هذا طويل جدًا. يُرجى تقصيره.
too_many = هذه صناديق كثيرة. يُرجى جمع بعض الأشياء معًا.
coming_title = الحضور إلى اجتماعي
coming_question = كيف تريد أن تشارك؟
who_sees_title = من يستطيع رؤية آرائي
who_sees_question = من يستطيع أن يرى ما قلته؟
who_sees_hint = اختر من تشاء. لن يُظهر مناصرك آراءك إلا للأشخاص الذين تختارهم.
who_sees_advocate = مناصرك يراها دائمًا، فهو يساعدك.
views_not_there_yet = لم تصلهم آراؤك بعد.
check_title = المراجعة والإرسال
check_intro = هذا ما قلته. يمكنك تغيير أي شيء قبل أن ترسله.
change = تغيير
nothing_yet = لا شيء بعد
send = أرسل إلى مناصري
send_hint = يمكنك تغيير الأشياء حتى بعد إرسالها.
not_chosen = لم يُختر بعد
sent_title = تم الإرسال!
sent_body = آراؤك عند مناصرك.
sent_next = سيُطلع مناصرك عليها الأشخاص الذين اخترتهم، قبل الاجتماع.
sent_change = تريد أن تغيّر شيئًا؟ يمكنك ذلك، ثم أرسله مرة أخرى.
back_to_meeting = الرجوع إلى اجتماعي
after_title = ماذا حدث في اجتماعي
after_not_yet = لم يُعقد اجتماعك بعد. عُد إلى هنا بعده.
after_decided = ما قرره الاجتماع
answers_title = ما قاله الاجتماع عن كلامك
you_said = قلت:
answer_agreed = وافق الاجتماع.
answer_not_this_time = ليس هذه المرة، لأن
answer_later = سنتحدث عن ذلك
answer_advocate = سيشرح لك مناصرك.
who_read_title = من قرأ آرائي
who_read_none = لم يقرأها أحد بعد.
not_safe_title = لا تشعر بالأمان الآن؟
not_safe_danger = إذا كنت في خطر الآن، اتصل بالرقم 999.
not_safe_childline = يمكنك التحدث إلى Childline مجانًا، في أي وقت، على الرقم 0800 1111.
not_safe_tell_advocate = يمكننا إخبار مناصرك الآن. سيتواصل معك في أقرب وقت ممكن.
not_safe_message_label = هل تريد أن تقول لهم شيئًا؟ (يمكنك ترك هذا فارغًا)
not_safe_button = أخبروا مناصري الآن
not_safe_sent = سيتواصل معك أحد قريبًا. إذا كنت في خطر الآن، اتصل بالرقم 999.
not_safe_sign_in = سجّل الدخول برمزك، ويمكننا إخبار مناصرك أيضًا.
still_there_title = هل ما زلت هنا؟
still_there_body = لتبقى آراؤك خاصة بك، سنغلقها قريبًا. إنها محفوظة.
still_here = ما زلت هنا
something_wrong = عذرًا، حدث خطأ. آراؤك محفوظة. يُرجى المحاولة مرة أخرى.

## Words with variables
meeting_moved = تغيّر موعد اجتماعك. الموعد الجديد: { $when }.
step_of = الخطوة { $n } من { $total }
item_label = الشيء رقم { $n }
# The browser fills in the number itself, so the sentence needs no plural form.
letters_left = الأحرف المتبقية: { $n }
views_got_there = وصلتهم آراؤك: { $day }.
hello = مرحبًا، { $name }
advocate_is = { $name } مناصرك. المناصر في صفك، ويساعدك لتقول ما تريد.
sent_body_named = آراؤك الآن عند { $name }، مناصرك.
not_safe_told = { $who ->
    [advocate] أخبرنا مناصرك.
    [duty] أخبرنا الفريق في المجلس المحلي الذي يحمي الأطفال.
    [service] أخبرنا الأشخاص الذين يديرون خدمة المناصرة.
    [advocate-duty] أخبرنا مناصرك والفريق في المجلس المحلي الذي يحمي الأطفال.
    [advocate-service] أخبرنا مناصرك والأشخاص الذين يديرون خدمة المناصرة.
    [duty-service] أخبرنا الفريق في المجلس المحلي الذي يحمي الأطفال والأشخاص الذين يديرون خدمة المناصرة.
    [advocate-duty-service] أخبرنا مناصرك، والفريق في المجلس المحلي الذي يحمي الأطفال، والأشخاص الذين يديرون خدمة المناصرة.
   *[none] حفظنا رسالتك للأشخاص الذين يساعدونك.
}

## Messages for the child, and words their advocate wrote for them
messages_title = رسائل لك
from_advocate = من مناصرك
from_chair = من الشخص الذي يدير اجتماعك
thank_you = شكرًا
have_a_question = عندي سؤال
you_said_thanks = قلت شكرًا.
you_have_a_question = قلت إن عندك سؤالًا. سيتحدث معك مناصرك قريبًا.
answer_sent = شكرًا. تم إرسال جوابك.
not_sent = عذرًا، لم ينجح ذلك. يُرجى المحاولة مرة أخرى.
check_question = كتب مناصرك هذا لك. هل هذا ما قلته؟
anything_else = أي شيء آخر
yes_right = نعم، هذا صحيح
want_to_change = أريد أن أغيّره
confirmed = شكرًا. الآن يعرف الجميع أن هذه كلماتك أنت.
check_words_title = كتب مناصرك هذا لك
