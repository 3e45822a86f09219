# The child's pages: frame, sign in, my meeting, my views, check and send, after the meeting,
# not safe. Plain words, reading age about 8. Never "case", "referral", "placement", "contact",
# "LAC" or "ISRO" here.

brand = myvoice
skip_to_content = Skip to the main part
quick_exit = Leave now
quick_exit_hint = Closes this at once
not_safe = I'm not safe right now
read_aloud = Read to me
back = Back
next = Next
save_and_next = Save and go on
error_summary = Please check this
sign_in_title = Sign in
sign_in_intro = Use the code and PIN your advocate gave you.
code_label = Your code
code_hint = It looks like ABCD-1234.
pin_label = Your PIN
pin_hint = 4 numbers.
sign_in_button = Sign in
sign_in_wrong = That code or PIN did not work. Check them and try again.
sign_in_locked = That did not work a few times, so we have paused it to keep your views safe. Try again in 15 minutes, or ask your advocate for help.
sign_in_missing_code = Type your code.
sign_in_missing_pin = Type your PIN.
sign_in_timed_out = You were away for a while, so we closed your views to keep them private. They are saved. Sign in again to carry on.
sign_in_left = You have left. Your views are saved.
no_code = No code? Ask your advocate for one.
your_meeting = Your meeting
no_meeting = There is no meeting for you right now. Your advocate will tell you when there is.
when = When
where_ = Where
who_runs_it = Who runs it
who_is_there = Who will be there
what_happens = What happens
your_advocate = Your advocate
no_advocate = You do not have an advocate right now.
start_views = Say what I think
carry_on_views = Carry on with my views
views_sent_already = Your advocate has your views.
see_what_happened = What happened at my meeting
meeting_cancelled = Your meeting is not happening now. Your views are safe. Your advocate will tell you what happens next.
easier_on = Make it easier: big pictures, fewer words
easier_off = Go back to more words
add_another = Add another
saved = Saved
saving = Saving…
saved_on_phone = Saved on this phone. It will send when you have signal again.
kept_both = You changed this in another window too. We kept both. Take out anything you do not want.
too_long = This is too long. Please make it shorter.
too_many = That is a lot of boxes. Please put some things together.
coming_title = Coming to my meeting
coming_question = How do you want to take part?
who_sees_title = Who can see my views
who_sees_question = Who can see what you said?
who_sees_hint = Pick as many as you like. Your advocate will only show your views to the people you pick.
who_sees_advocate = Your advocate always sees them. They help you.
views_not_there_yet = They have not got your views yet.
check_title = Check and send
check_intro = This is what you said. You can change anything before you send it.
change = Change
nothing_yet = Nothing yet
send = Send to my advocate
send_hint = You can still change things after you send them.
not_chosen = Not picked yet
sent_title = Sent!
sent_body = Your advocate has your views.
sent_next = Your advocate will show them to the people you picked before the meeting.
sent_change = Want to change something? You can, and send it again.
back_to_meeting = Back to my meeting
after_title = What happened at my meeting
after_not_yet = Your meeting has not happened yet. Come back after it.
after_decided = What the meeting decided
answers_title = What the meeting said about what you said
you_said = You said:
answer_agreed = The meeting agreed.
answer_not_this_time = Not this time, because
answer_later = We will talk about it
answer_advocate = Your advocate will explain.
who_read_title = Who has read my views
who_read_none = Nobody has read them yet.
not_safe_title = Not safe right now?
not_safe_danger = If you are in danger now, call 999.
not_safe_childline = You can talk to Childline for free, any time, on 0800 1111.
not_safe_tell_advocate = We can tell your advocate now. They will get in touch as soon as they can.
not_safe_message_label = Anything you want to tell them? (you can leave this empty)
not_safe_button = Tell my advocate now
not_safe_sent = Someone will get in touch soon. If you are in danger now, call 999.
not_safe_sign_in = Sign in with your code and we can tell your advocate too.
still_there_title = Are you still there?
still_there_body = To keep your views private, we will close them soon. They are saved.
still_here = I'm still here
something_wrong = Sorry, something went wrong. Your views are saved. Please try again.

## Words with variables
meeting_moved = Your meeting has moved. It is now on { $when }.
step_of = Step { $n } of { $total }
item_label = Thing { $n }
letters_left = { $n } letters left
views_got_there = They got your views on { $day }.
hello = Hello, { $name }
advocate_is = { $name } is your advocate. They are on your side. They help you say what you want.
sent_body_named = { $name }, your advocate, has your views.
not_safe_told = { $who ->
    [advocate] We have told your advocate.
    [duty] We have told the team at the council who keep children safe.
    [service] We have told the people who run the advocacy service.
    [advocate-duty] We have told your advocate and the team at the council who keep children safe.
    [advocate-service] We have told your advocate and the people who run the advocacy service.
    [duty-service] We have told the team at the council who keep children safe and the people who run the advocacy service.
    [advocate-duty-service] We have told your advocate, the team at the council who keep children safe and the people who run the advocacy service.
   *[none] We have saved your message for the people who help you.
}

## Messages for the child, and words their advocate wrote for them
messages_title = Messages for you
from_advocate = From your advocate
from_chair = From the person who runs your meeting
thank_you = Thank you
have_a_question = I have a question
you_said_thanks = You said thank you.
you_have_a_question = You said you have a question. Your advocate will talk to you soon.
answer_sent = Thank you. Your answer was sent.
not_sent = Sorry, that did not work. Please try again.
check_question = Your advocate wrote this for you. Is this what you said?
anything_else = Anything else
yes_right = Yes, that is right
want_to_change = I want to change it
confirmed = Thank you. Now everyone knows these are your own words.
check_words_title = Your advocate wrote this for you
