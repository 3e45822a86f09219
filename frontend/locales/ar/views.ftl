# Steps of the views, feelings (as nouns, so they need no gender), ways to take part, and who sees.

step_worries_title = أشياء تقلقني
step_worries_question = ما الذي يقلقك؟
step_worries_hint = ضع شيئًا واحدًا في كل صندوق. يمكن أن يكون كبيرًا أو صغيرًا.
step_going_well_title = أشياء تسير بشكل جيد
step_going_well_question = ما الذي يسير بشكل جيد معك؟
step_going_well_hint = ضع شيئًا واحدًا في كل صندوق. يمكن أن يكون كبيرًا أو صغيرًا.
step_want_to_happen_title = ما أريد أن يحدث
step_want_to_happen_question = ماذا تريد أن يحدث؟
step_want_to_happen_hint = أمنياتك وأحلامك. ضع شيئًا واحدًا في كل صندوق.
step_feelings_title = كيف أشعر
step_feelings_question = كيف تشعر؟
step_feelings_hint = اختر الأنسب لك. يمكنك تخطي هذا.
step_anything_else_title = أي شيء آخر
step_anything_else_question = هل هناك أي شيء آخر تريد أن تقوله؟
step_anything_else_hint = يمكنك تخطي هذا.

feeling_very_happy = فرح كبير
feeling_happy = فرح
feeling_okay = عادي
feeling_sad = حزن
feeling_very_sad = حزن كبير
feeling_worried = قلق
feeling_angry = غضب

attendance_attend = أريد أن أحضر
attendance_attend_means = تحضر الاجتماع، جزءًا منه أو كله.
attendance_with_advocate = أريد أن أحضر مع مناصري
attendance_with_advocate_means = تحضر، ويجلس مناصرك معك ويساعدك.
attendance_advocate_speaks = مناصري يتكلم عني
attendance_advocate_speaks_means = لا تحضر. يذهب مناصرك ويقول ما تريده.
attendance_written_only = أرسلوا ما كتبته فقط
attendance_written_only_means = لا تحضر. يقرأ الاجتماع ما قلته هنا.
attendance_not_taking_part = لا أريد أن أشارك
attendance_not_taking_part_means = لا بأس. يمكنك أن تغيّر رأيك.

audience_social_worker = الأخصائي الاجتماعي الخاص بي
audience_social_worker_means = الشخص من المجلس المحلي الذي يساعدك.
audience_chair = الشخص الذي يدير الاجتماع
audience_chair_means = يتأكد من أن كل واحد يقول رأيه.
audience_family = عائلتي
audience_family_means = والداك أو من يعتنون بك.
audience_meeting = كل من في الاجتماع
audience_meeting_means = كل الأشخاص الذين يحضرون.
