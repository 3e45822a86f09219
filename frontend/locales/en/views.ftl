# The steps of "my views", the feelings, the ways to take part, and who can see the views.

step_worries_title = Things I worry about
step_worries_question = What are you worried about?
step_worries_hint = Put one thing in each box. It can be big or small.
step_going_well_title = Things that are going well
step_going_well_question = What is going well for you?
step_going_well_hint = Put one thing in each box. It can be big or small.
step_want_to_happen_title = What I want to happen
step_want_to_happen_question = What do you want to happen?
step_want_to_happen_hint = Your wishes and dreams. Put one thing in each box.
step_feelings_title = How I feel
step_feelings_question = How do you feel?
step_feelings_hint = Pick the one that fits best. You can skip this.
step_anything_else_title = Anything else
step_anything_else_question = Is there anything else you want to say?
step_anything_else_hint = You can skip this.

feeling_very_happy = Very happy
feeling_happy = Happy
feeling_okay = Okay
feeling_sad = Sad
feeling_very_sad = Very sad
feeling_worried = Worried
feeling_angry = Angry

attendance_attend = I want to go
attendance_attend_means = You go to the meeting, for some or all of it.
attendance_with_advocate = I want to go with my advocate
attendance_with_advocate_means = You go, and your advocate sits with you and helps you.
attendance_advocate_speaks = My advocate speaks for me
attendance_advocate_speaks_means = You do not go. Your advocate goes and says what you want.
attendance_written_only = Just send what I wrote
attendance_written_only_means = You do not go. The meeting reads what you said here.
attendance_not_taking_part = I don't want to take part
attendance_not_taking_part_means = That is okay. You can change your mind.

audience_social_worker = My social worker
audience_social_worker_means = The person from the council who helps you.
audience_chair = The person who runs the meeting
audience_chair_means = They make sure everyone has a say.
audience_family = My family
audience_family_means = Your parents or carers.
audience_meeting = Everyone at the meeting
audience_meeting_means = All the people who come.
