# "Call things your own names" and "Who has read my views".

names_link = Call things your own names
names_title = Call things your own names
names_intro = You can give these your own names. Your pages will use them. Leave a box empty to keep our words.
names_meeting_label = What do you call your meeting?
names_hint = Up to 60 letters.
names_save = Save my names
names_too_long = A name can have up to 60 letters. Please make it shorter.
names_saved = Saved. Your pages use your names now.
who_read_link = Who has read my views

names_label = What do you call “{ $usual }”?
read_once = read them on { $when }
read_times_on = read them { $times } times on { $when }
read_often = first read them on { $first }, and last on { $last } ({ $times } times)
after_title_named = What happened at “{ $name }”
