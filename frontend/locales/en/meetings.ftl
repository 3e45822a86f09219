# Each kind of meeting, as "My meeting" explains it: its name, what it is for, who is there, and
# what happens (one line each).

meeting_first_safety_name = A meeting to help keep you safe
meeting_first_safety_what = Some grown-ups are worried about you. They meet to make a plan to keep you safe. It is not about taking children away.
meeting_first_safety_who = Your family, your social worker, and people from school, health and other teams. Your advocate can come too.
meeting_first_safety_happens =
    The person who runs the meeting makes sure everyone has a say. That includes you.
    Everything is written on a big whiteboard: worries, what is going well, and what needs to happen next.
    At the end they decide if a plan is needed to keep you safe.

meeting_safety_review_name = A meeting to check the plan to keep you safe
meeting_safety_review_what = The grown-ups check how the plan to keep you safe is going. They look at what has got better and what still worries them.
meeting_safety_review_who = Your family, your social worker, and people from school, health and other teams. Your advocate can come too.
meeting_safety_review_happens =
    The person who runs the meeting makes sure everyone has a say. That includes you.
    Everything is written on a big whiteboard: worries, what is going well, and what needs to happen next.
    They decide if the plan is still needed.

meeting_help_family_name = A meeting about help for you and your family
meeting_help_family_what = The grown-ups check how the plan to help you and your family is going.
meeting_help_family_who = Your family, your social worker, and people who help you, like your school.
meeting_help_family_happens =
    Everyone says what is going well and what is hard.
    They agree what help you and your family will get next.

meeting_small_plan_name = A small meeting about your plan
meeting_small_plan_what = A small group checks that the plan to keep you safe is being done.
meeting_small_plan_who = Your family, your social worker and a few people who help you.
meeting_small_plan_happens =
    They go through the plan one thing at a time.
    They agree who will do what next.

meeting_review_name = Your review meeting
meeting_review_what = A meeting about how things are going for you where you live, at school, and with the people who matter to you.
meeting_review_who = The person who runs it checks your plan is right for you. Your social worker and your carers are usually there. You can come, and your advocate can help.
meeting_review_happens =
    Everyone talks about what is going well and what could be better.
    You can say what you want. It is your meeting.
    They agree what happens next.

meeting_where_lived_name = A meeting about where you lived
meeting_where_lived_what = Things did not work out where you were living. This meeting is to understand why, so next time is better for you. It is not to blame you.
meeting_where_lived_who = Your social worker, your old carers and people who help you.
meeting_where_lived_happens =
    Everyone says what went well and what went wrong.
    They learn from it to make things better for you.

meeting_new_team_name = A meeting about moving to a new team
meeting_new_team_what = You are moving to a place where a different council's team will help you. This meeting hands things over so nothing gets missed.
meeting_new_team_who = Your family, your social worker and the new team.
meeting_new_team_happens =
    They share what they know about you and your plan.
    The new team says how they will help.

meeting_family_name = Your family meeting
meeting_family_what = Your family and people close to you come together to make a plan.
meeting_family_who = Your family and people who matter to you. Someone helps the meeting run.
meeting_family_happens =
    Your family has time on their own to make the plan.
    Your advocate helps you say what you want. They do not send your views before.

meeting_help_with_name = Help with something
meeting_help_with_what = You want help to sort something out. Your advocate can help you.
meeting_help_with_who = You and your advocate.
meeting_help_with_happens =
    Your advocate listens to what you want.
    They help you tell the right people.

meeting_not_happy_name = Saying you are not happy
meeting_not_happy_what = You are not happy about something. You have the right to say so.
meeting_not_happy_who = You and your advocate.
meeting_not_happy_happens =
    Your advocate helps you say what is wrong and what you want.
    Someone must look into it and tell you what they will do.
