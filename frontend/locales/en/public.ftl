# Pages anyone can open before signing in, for a child or a grown-up in their family: the start
# page, "ask for an advocate", "page not found", and the language picker. `{ $link }` marks where a
# phone number's link goes in a sentence.

page_description = Your meeting. Your say.
language_label = Language

landing_title = Your say
landing_heading = Your meeting. Your say.
landing_meeting = Grown-ups are having a meeting about your life.
landing_tell = You can tell them what you think. Your advocate can help you.
landing_code_title = Got a code from your advocate?
landing_code_body = Your advocate gave you a code and a PIN. You will use them to start.
landing_sign_in = Sign in with my code
landing_no_advocate_title = No advocate yet?
landing_no_advocate_body = An advocate is someone on your side. They help you say what you want.
landing_ask = Ask for an advocate
landing_danger = Call { $link } if you are in danger.
landing_childline = Call Childline free on { $link }. They are there any time.
landing_staff = Staff sign in

ask_title = Ask for an advocate
ask_intro = An advocate is someone on your side. They help you say what you think at meetings about your life.
ask_yourself = You can ask for one yourself. A grown-up in your family can ask too. It is free.
ask_soon = We will get back to you soon. If you are not safe right now, call 999.
ask_name = Your name
ask_contact = How can we get back to you?
ask_contact_hint = A phone number or an email.
ask_about = What would you like help with?
ask_about_hint = Say it your way. A few words is fine.
ask_council = Your council
ask_council_hint = The council that helps your family. For example: Somerset.
ask_meeting_kind = Is there a meeting? What is it about?
ask_meeting_date = When is the meeting?
ask_meeting_date_hint = If you know. You can leave this empty.
ask_send = Send my message
ask_problem_name = Please tell us your name.
ask_problem_contact = Please tell us a phone number or an email, so we can get back to you.
ask_problem_about = Please tell us a little about what you would like help with.
ask_problem_council = Please tell us the name of your council.
ask_problem_unknown_council = We do not know that council. Please check the name.
ask_problem_date = That day has already gone. Please check the date, or leave it empty.
ask_problem_not_a_date = We could not read that date. Please pick the day, or leave it empty.
ask_problem_too_long = That is a bit too long for us. Please make it shorter.
ask_problem_busy = Lots of messages were sent from here just now. Please wait a minute, then press Send again. Your words are still here.
ask_kind_unknown = I don't know
ask_kind_first_safety = A first meeting to help keep a child safe
ask_kind_safety_review = A meeting to check the plan to keep a child safe
ask_kind_help_family = A meeting about help for a child and their family
ask_kind_review = A review for a child in care
ask_kind_family = A family meeting to make a plan

thanks_title = Thank you
thanks_heading = Thank you. We have got your message.
thanks_soon = Someone from the advocacy team will get in touch with you soon.
thanks_advocate = An advocate is a person who helps you say what you think.
thanks_danger = If you are not safe right now, call { $link }.
thanks_childline = You can talk to Childline for free at any time on { $link }.
thanks_back = Back to the start

not_found_title = Page not found
not_found_heading = We can't find that page
not_found_start = Go to the start
