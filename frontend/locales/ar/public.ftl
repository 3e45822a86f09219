# Pages anyone can open before signing in, for a child or a grown-up in their family. `{ $link }`
# marks where a phone number's link goes in a sentence.

page_description = اجتماعك. رأيك.
language_label = اللغة

landing_title = رأيك
landing_heading = اجتماعك. رأيك.
landing_meeting = الكبار يعقدون اجتماعًا عن حياتك.
landing_tell = يمكنك أن تخبرهم بما تفكر فيه. يمكن لمناصرك أن يساعدك.
landing_code_title = هل أعطاك مناصرك رمزًا؟
landing_code_body = أعطاك مناصرك رمزًا ورقم PIN. ستستخدمهما لتبدأ.
landing_sign_in = تسجيل الدخول برمزي
landing_no_advocate_title = ليس لديك مناصر بعد؟
landing_no_advocate_body = المناصر شخص في صفك. يساعدك لتقول ما تريد.
landing_ask = اطلب مناصرًا
landing_danger = اتصل بالرقم { $link } إذا كنت في خطر.
landing_childline = اتصل بـ Childline مجانًا على الرقم { $link }. هم موجودون في أي وقت.
landing_staff = تسجيل دخول الموظفين

ask_title = اطلب مناصرًا
ask_intro = المناصر شخص في صفك. يساعدك لتقول ما تفكر فيه في الاجتماعات التي تخص حياتك.
ask_yourself = يمكنك أن تطلب مناصرًا بنفسك. ويمكن لشخص كبير من عائلتك أن يطلب أيضًا. الخدمة مجانية.
ask_soon = سنرد عليك قريبًا. إذا كنت لا تشعر بالأمان الآن، اتصل بالرقم 999.
ask_name = اسمك
ask_contact = كيف يمكننا الرد عليك؟
ask_contact_hint = رقم هاتف أو بريد إلكتروني.
ask_about = بماذا تريد المساعدة؟
ask_about_hint = قلها بطريقتك. بضع كلمات تكفي.
ask_council = مجلسك المحلي (council)
ask_council_hint = المجلس المحلي الذي يساعد عائلتك. مثلًا: Somerset.
ask_meeting_kind = هل هناك اجتماع؟ عمّ هو؟
ask_meeting_date = متى الاجتماع؟
ask_meeting_date_hint = إذا كنت تعرف. يمكنك ترك هذا فارغًا.
ask_send = أرسل رسالتي
ask_problem_name = يُرجى كتابة اسمك.
ask_problem_contact = يُرجى كتابة رقم هاتف أو بريد إلكتروني، حتى نستطيع الرد عليك.
ask_problem_about = يُرجى أن تخبرنا قليلًا عمّا تريد المساعدة فيه.
ask_problem_council = يُرجى كتابة اسم مجلسك المحلي.
ask_problem_unknown_council = لا نعرف هذا المجلس. يُرجى التحقق من الاسم.
ask_problem_date = هذا اليوم مضى. يُرجى التحقق من التاريخ، أو ترك الخانة فارغة.
ask_problem_not_a_date = لم نستطع قراءة هذا التاريخ. يُرجى اختيار اليوم، أو ترك الخانة فارغة.
ask_problem_too_long = هذا طويل قليلًا. يُرجى تقصيره.
ask_problem_busy = أُرسلت رسائل كثيرة من هنا قبل قليل. يُرجى الانتظار دقيقة، ثم الضغط على «أرسل رسالتي» مرة أخرى. كلماتك لا تزال هنا.
ask_kind_unknown = لا أعرف
ask_kind_first_safety = اجتماع أول للمساعدة في حماية طفل
ask_kind_safety_review = اجتماع لمراجعة خطة حماية طفل
ask_kind_help_family = اجتماع عن المساعدة لطفل وعائلته
ask_kind_review = مراجعة لطفل في الرعاية
ask_kind_family = اجتماع عائلي لوضع خطة

thanks_title = شكرًا
thanks_heading = شكرًا. وصلتنا رسالتك.
thanks_soon = سيتواصل معك أحد من فريق المناصرة قريبًا.
thanks_advocate = المناصر شخص يساعدك لتقول ما تفكر فيه.
thanks_danger = إذا كنت لا تشعر بالأمان الآن، اتصل بالرقم { $link }.
thanks_childline = يمكنك التحدث إلى Childline مجانًا في أي وقت على الرقم { $link }.
thanks_back = الرجوع إلى البداية

not_found_title = الصفحة غير موجودة
not_found_heading = لا نستطيع أن نجد هذه الصفحة
not_found_start = الذهاب إلى البداية
