# Tudalennau'r plentyn (the child's pages) in Welsh: the informal "ti", plain words, reading age
# about 8. Mutations follow the word before (dy farn, fy marn, fy nghyfarfod). Dates go after a
# colon, never after "ar", so a day's name needs no mutation.

brand = myvoice
skip_to_content = Neidio i'r brif ran
quick_exit = Gadael nawr
quick_exit_hint = Mae'n cau hwn ar unwaith
not_safe = Dydw i ddim yn ddiogel nawr
read_aloud = Darllen i mi
back = Yn ôl
next = Nesaf
save_and_next = Cadw a mynd ymlaen
error_summary = Gwiria hyn, os gweli di'n dda
sign_in_title = Mewngofnodi
sign_in_intro = Defnyddia'r cod a'r PIN a gest ti gan dy eiriolwr.
code_label = Dy god
code_hint = Mae'n edrych fel ABCD-1234.
pin_label = Dy PIN
pin_hint = 4 rhif.
sign_in_button = Mewngofnodi
sign_in_wrong = Wnaeth y cod neu'r PIN ddim gweithio. Gwiria nhw a rho gynnig arall arni.
sign_in_locked = Wnaeth hynny ddim gweithio sawl gwaith, felly rydyn ni wedi ei stopio am ychydig i gadw dy farn yn ddiogel. Rho gynnig arall arni mewn 15 munud, neu gofyn i dy eiriolwr am help.
sign_in_missing_code = Teipia dy god.
sign_in_missing_pin = Teipia dy PIN.
sign_in_timed_out = Roeddet ti i ffwrdd am sbel, felly rydyn ni wedi cau dy farn i'w chadw'n breifat. Mae wedi'i chadw. Mewngofnoda eto i fwrw ymlaen.
sign_in_left = Rwyt ti wedi gadael. Mae dy farn wedi'i chadw.
no_code = Dim cod? Gofyn i dy eiriolwr am un.
your_meeting = Dy gyfarfod
no_meeting = Does dim cyfarfod i ti ar hyn o bryd. Bydd dy eiriolwr yn dweud wrthot ti pan fydd un.
when = Pryd
where_ = Ble
who_runs_it = Pwy sy'n ei redeg
who_is_there = Pwy fydd yno
what_happens = Beth sy'n digwydd
your_advocate = Dy eiriolwr
no_advocate = Does gen ti ddim eiriolwr ar hyn o bryd.
start_views = Dweud beth dw i'n ei feddwl
carry_on_views = Bwrw ymlaen gyda fy marn
views_sent_already = Mae dy farn gan dy eiriolwr.
see_what_happened = Beth ddigwyddodd yn fy nghyfarfod
meeting_cancelled = Dydy dy gyfarfod ddim yn digwydd nawr. Mae dy farn yn ddiogel. Bydd dy eiriolwr yn dweud wrthot ti beth sy'n digwydd nesaf.
easier_on = Gwneud e'n haws: lluniau mawr, llai o eiriau
easier_off = Mynd yn ôl i fwy o eiriau
add_another = Ychwanegu un arall
saved = Wedi'i gadw
saving = Yn cadw…
saved_on_phone = Wedi'i gadw ar y ffôn hwn. Bydd yn anfon pan fydd signal eto.
kept_both = Newidiaist ti hwn mewn ffenest arall hefyd. Rydyn ni wedi cadw'r ddau. Tynna allan unrhyw beth nad wyt ti ei eisiau.
too_long = Mae hwn yn rhy hir. Gwna fe'n fyrrach, os gweli di'n dda.
too_many = Mae hynna'n llawer o flychau. Rho rai pethau gyda'i gilydd, os gweli di'n dda.
coming_title = Dod i fy nghyfarfod
coming_question = Sut wyt ti eisiau cymryd rhan?
who_sees_title = Pwy sy'n gallu gweld fy marn
who_sees_question = Pwy sy'n gallu gweld beth ddywedaist ti?
who_sees_hint = Dewisa gymaint ag y mynni di. Bydd dy eiriolwr ond yn dangos dy farn i'r bobl rwyt ti'n eu dewis.
who_sees_advocate = Mae dy eiriolwr bob amser yn ei gweld. Maen nhw'n dy helpu di.
views_not_there_yet = Dydyn nhw ddim wedi cael dy farn eto.
check_title = Gwirio ac anfon
check_intro = Dyma beth ddywedaist ti. Gelli di newid unrhyw beth cyn i ti ei anfon.
change = Newid
nothing_yet = Dim byd eto
send = Anfon at fy eiriolwr
send_hint = Gelli di newid pethau o hyd ar ôl i ti eu hanfon.
not_chosen = Heb ddewis eto
sent_title = Wedi'i anfon!
sent_body = Mae dy farn gan dy eiriolwr.
sent_next = Bydd dy eiriolwr yn ei dangos i'r bobl a ddewisaist ti cyn y cyfarfod.
sent_change = Eisiau newid rhywbeth? Gelli di, a'i anfon eto.
back_to_meeting = Yn ôl i fy nghyfarfod
after_title = Beth ddigwyddodd yn fy nghyfarfod
after_not_yet = Dydy dy gyfarfod ddim wedi digwydd eto. Tyrd yn ôl ar ei ôl.
after_decided = Beth benderfynodd y cyfarfod
answers_title = Beth ddywedodd y cyfarfod am beth ddywedaist ti
you_said = Dywedaist ti:
answer_agreed = Cytunodd y cyfarfod.
answer_not_this_time = Ddim y tro hwn, oherwydd
answer_later = Byddwn ni'n siarad amdano
answer_advocate = Bydd dy eiriolwr yn esbonio.
who_read_title = Pwy sydd wedi darllen fy marn
who_read_none = Does neb wedi ei darllen eto.
not_safe_title = Ddim yn ddiogel nawr?
not_safe_danger = Os wyt ti mewn perygl nawr, ffonia 999.
not_safe_childline = Gelli di siarad â Childline am ddim, unrhyw bryd, ar 0800 1111.
not_safe_tell_advocate = Gallwn ni ddweud wrth dy eiriolwr nawr. Byddan nhw'n cysylltu cyn gynted ag y gallan nhw.
not_safe_message_label = Unrhyw beth rwyt ti eisiau ei ddweud wrthyn nhw? (gelli di adael hwn yn wag)
not_safe_button = Dweud wrth fy eiriolwr nawr
not_safe_sent = Bydd rhywun yn cysylltu cyn bo hir. Os wyt ti mewn perygl nawr, ffonia 999.
not_safe_sign_in = Mewngofnoda gyda dy god a gallwn ni ddweud wrth dy eiriolwr hefyd.
still_there_title = Wyt ti yno o hyd?
still_there_body = I gadw dy farn yn breifat, byddwn ni'n ei chau cyn bo hir. Mae wedi'i chadw.
still_here = Dw i yma o hyd
something_wrong = Mae'n ddrwg gen i, aeth rhywbeth o'i le. Mae dy farn wedi'i chadw. Rho gynnig arall arni.

## Words with variables
meeting_moved = Mae dy gyfarfod wedi symud. Yr amser newydd: { $when }.
step_of = Cam { $n } o { $total }
item_label = Peth { $n }
# The browser fills in the number itself, so this needs no plural form.
letters_left = Llythrennau ar ôl: { $n }
views_got_there = Cawson nhw dy farn: { $day }.
hello = Helo, { $name }
advocate_is = { $name } yw dy eiriolwr. Maen nhw ar dy ochr di. Maen nhw'n dy helpu i ddweud beth rwyt ti eisiau.
sent_body_named = Mae dy farn gan { $name }, dy eiriolwr.
not_safe_told = { $who ->
    [advocate] Rydyn ni wedi dweud wrth dy eiriolwr.
    [duty] Rydyn ni wedi dweud wrth y tîm yn y cyngor sy'n cadw plant yn ddiogel.
    [service] Rydyn ni wedi dweud wrth y bobl sy'n rhedeg y gwasanaeth eirioli.
    [advocate-duty] Rydyn ni wedi dweud wrth dy eiriolwr a'r tîm yn y cyngor sy'n cadw plant yn ddiogel.
    [advocate-service] Rydyn ni wedi dweud wrth dy eiriolwr a'r bobl sy'n rhedeg y gwasanaeth eirioli.
    [duty-service] Rydyn ni wedi dweud wrth y tîm yn y cyngor sy'n cadw plant yn ddiogel a'r bobl sy'n rhedeg y gwasanaeth eirioli.
    [advocate-duty-service] Rydyn ni wedi dweud wrth dy eiriolwr, y tîm yn y cyngor sy'n cadw plant yn ddiogel a'r bobl sy'n rhedeg y gwasanaeth eirioli.
   *[none] Rydyn ni wedi cadw dy neges ar gyfer y bobl sy'n dy helpu di.
}

## Messages for the child, and words their advocate wrote for them
messages_title = Negeseuon i ti
from_advocate = Gan dy eiriolwr
from_chair = Gan y person sy'n rhedeg dy gyfarfod
thank_you = Diolch
have_a_question = Mae gen i gwestiwn
you_said_thanks = Dywedaist ti diolch.
you_have_a_question = Dywedaist ti fod gen ti gwestiwn. Bydd dy eiriolwr yn siarad â ti cyn bo hir.
answer_sent = Diolch. Mae dy ateb wedi'i anfon.
not_sent = Mae'n ddrwg gen i, wnaeth hynny ddim gweithio. Rho gynnig arall arni.
check_question = Ysgrifennodd dy eiriolwr hwn i ti. Ai dyma beth ddywedaist ti?
anything_else = Unrhyw beth arall
yes_right = Ie, mae hynny'n iawn
want_to_change = Dw i eisiau ei newid
confirmed = Diolch. Nawr mae pawb yn gwybod mai dy eiriau di yw'r rhain.
check_words_title = Ysgrifennodd dy eiriolwr hwn i ti
